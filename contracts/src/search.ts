import { z } from 'zod';
import { ZId } from './common';
import { ZWeekId } from './weeks';

/** Bounds of a search: the query's length and the page size. */
export const SEARCH_LIMITS = {
  query: 100,
  pageDefault: 20,
  pageMax: 50,
  /** Characters of text around the first match that a hit's snippet carries. */
  snippet: 120,
} as const;

/**
 * What a hit is: a report `item`, a personal report's own summary line (`report`), a department
 * summary or one of its items (`summary`), or a `comment` on a report.
 */
export const SEARCH_KINDS = ['item', 'report', 'summary', 'comment'] as const;
export const ZSearchKind = z.enum(SEARCH_KINDS);
export type TSearchKind = z.infer<typeof ZSearchKind>;

/** `GET /search?q=&from=&to=&departmentId=&userId=&cursor=&limit=`. */
export const ZSearchQuery = z.object({
  q: z.string().trim().min(1).max(SEARCH_LIMITS.query),
  from: ZWeekId.optional(),
  to: ZWeekId.optional(),
  /** The department and every department under it. */
  departmentId: ZId.optional(),
  /** Whose text: the report's author, the comment's author or the summary's writer. */
  userId: ZId.optional(),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMITS.pageMax).optional(),
});
export type TSearchQuery = z.infer<typeof ZSearchQuery>;

/** A half-open range `[start, end)` of UTF-16 code units in a snippet that matched the query. */
export const ZHighlight = z.tuple([z.number().int().min(0), z.number().int().min(0)]);
export type THighlight = z.infer<typeof ZHighlight>;

/**
 * One hit. `snippet` is plain text (never HTML); `highlights` mark the matched words in it, in
 * order and without overlap, so a client renders them as text nodes. `reportId` is null for a
 * department summary (open the department's bulletin of `week` instead). Extensions: `kind`,
 * `departmentId`, `departmentName`, `commentId`, `highlights`.
 */
export const ZSearchHit = z.object({
  kind: ZSearchKind,
  reportId: ZId.nullable(),
  userId: ZId.nullable(),
  displayName: z.string(),
  departmentId: ZId.nullable(),
  departmentName: z.string().nullable(),
  week: ZWeekId,
  itemId: ZId.optional(),
  commentId: ZId.optional(),
  snippet: z.string(),
  highlights: z.array(ZHighlight),
});
export type TSearchHit = z.infer<typeof ZSearchHit>;
