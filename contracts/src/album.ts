import { z } from 'zod';
import { ZId, ZLocale } from './common';
import { ZCommentKind, ZGradeValue } from './evaluation';
import { ZReportItem } from './reports';
import { ZDate, ZWeekId } from './weeks';

/**
 * The longest period one growth album covers: three ISO years of weeks (52 + 52 + 53), so any
 * three consecutive years fit whatever their week counts.
 */
export const ALBUM_MAX_WEEKS = 157;

export const ALBUM_FORMATS = ['json', 'docx'] as const;

/**
 * `GET /users/:id/album?from=&to=&format=`: the period by ISO weeks (default: the first week of the
 * current year up to the current week; `from` alone runs to the current week, `to` alone starts in
 * the first week of its year). `format=docx` returns a Word document, anything else JSON.
 */
export const ZAlbumQuery = z
  .object({
    from: ZWeekId.optional(),
    to: ZWeekId.optional(),
    format: z.enum(ALBUM_FORMATS).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type TAlbumQuery = z.infer<typeof ZAlbumQuery>;

/** A comment or feedback a report received, as the album prints it. */
export const ZAlbumFeedback = z.object({
  id: ZId,
  kind: ZCommentKind,
  authorId: ZId,
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export type TAlbumFeedback = z.infer<typeof ZAlbumFeedback>;

/** The latest grade of a report (only for the person and those who oversee them). */
export const ZAlbumGrade = z.object({
  grade: ZGradeValue,
  note: z.string().nullable(),
  byName: z.string(),
  at: z.string(),
});
export type TAlbumGrade = z.infer<typeof ZAlbumGrade>;

/**
 * One submitted week of the album. `items` holds only what the viewer may read: restricted items
 * the viewer may not see are left out altogether (no placeholder). `grade` is absent for viewers
 * who may not see grades, null when the report has none.
 */
export const ZAlbumWeek = z.object({
  week: ZWeekId,
  start: ZDate,
  end: ZDate,
  reportId: ZId,
  status: z.enum(['on_time', 'late']),
  submittedAt: z.string().nullable(),
  summary: z.string(),
  items: z.array(ZReportItem),
  feedback: z.array(ZAlbumFeedback),
  grade: ZAlbumGrade.nullable().optional(),
});
export type TAlbumWeek = z.infer<typeof ZAlbumWeek>;

/** A calendar month (`2026-03`) of the album: the weeks whose Thursday falls in it. */
export const ZAlbumMonth = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  weeks: z.array(ZAlbumWeek),
});
export type TAlbumMonth = z.infer<typeof ZAlbumMonth>;

/** The growth album (成长清单) of one person over a period: cover data, then months of weeks. */
export const ZAlbum = z.object({
  orgName: z.string(),
  person: z.object({
    id: ZId,
    displayName: z.string(),
    departmentId: ZId.nullable(),
    departmentName: z.string().nullable(),
    title: z.string().nullable(),
  }),
  from: ZWeekId,
  to: ZWeekId,
  generatedAt: z.string(),
  /** The language the Word document of this album is written in (the requester's). */
  locale: ZLocale,
  stats: z.object({
    weeks: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    items: z.number().int(),
    feedback: z.number().int(),
  }),
  months: z.array(ZAlbumMonth),
});
export type TAlbum = z.infer<typeof ZAlbum>;

/** The Word exports of bulletins and the wall: `?format=docx` (the only format, and the default). */
export const EXPORT_FORMATS = ['docx'] as const;

/** `GET /departments/:id/bulletins/:week/export?format=docx&version=`: a published bulletin (latest or `version`). */
export const ZBulletinExportQuery = z.object({
  format: z.enum(EXPORT_FORMATS).optional(),
  version: z.coerce.number().int().min(1).max(1_000_000).optional(),
});
export type TBulletinExportQuery = z.infer<typeof ZBulletinExportQuery>;

/** `GET /wall/:week/export?format=docx`: every published bulletin of the week. */
export const ZWallExportQuery = z.object({ format: z.enum(EXPORT_FORMATS).optional() });
export type TWallExportQuery = z.infer<typeof ZWallExportQuery>;
