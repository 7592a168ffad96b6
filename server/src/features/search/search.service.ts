import { SEARCH_LIMITS, type TSearchHit, type TSearchKind, type TSearchQuery } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import { type Actor, hasRole } from '../../lib/actor';
import { invalidInput, notFound } from '../../lib/errors';
import type { DepartmentTree } from '../departments/department-tree';
import { loadTree } from '../departments/departments.repository';
import { compareWeeks } from '../weeks/iso-week';
import { searchScopeOf } from './search.policy';
import { providerFor, type SearchRow } from './search.provider';
import { makeSnippet } from './search.snippet';
import { WEEK_SPAN, weekBase } from './search.sql';
import { type ParsedQuery, parseQuery } from './search.tokens';

const CURSOR_PREFIX = 's1:';

/** A page cursor: the id of the last hit shown, opaque to clients. */
const encodeCursor = (id: number): string => Buffer.from(`${CURSOR_PREFIX}${id}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = text.startsWith(CURSOR_PREFIX) ? Number(text.slice(CURSOR_PREFIX.length)) : Number.NaN;
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw invalidInput('Invalid cursor', [{ path: 'querystring.cursor', message: 'invalid' }]);
  }
  return id;
}

/** A hit as it leaves the server: whitelisted fields, the snippet as plain text with match ranges. */
function presentHit(row: SearchRow, query: ParsedQuery): TSearchHit {
  // Mark the query's words; only when none occurs whole (a word split by its context), their parts.
  let snippet = makeSnippet(
    row.text,
    query.words.map((w) => w.word),
  );
  if (snippet.highlights.length === 0) snippet = makeSnippet(row.text, query.highlight);
  const hit: TSearchHit = {
    kind: row.kind as TSearchKind,
    reportId: row.report_id,
    userId: row.author_id,
    displayName: row.author_name ?? '',
    departmentId: row.department_id,
    departmentName: row.department_name,
    week: row.week,
    ...snippet,
  };
  if (row.item_id) hit.itemId = row.item_id;
  if (row.comment_id) hit.commentId = row.comment_id;
  return hit;
}

/**
 * Searches the report items, report summary lines, department summaries and comments the actor
 * may read, by word (jieba), all words together; newest week first, then most recently indexed
 * first. Drafts are their author's alone (summary drafts: those who oversee the department),
 * restricted items only for those who may see them, deleted text never.
 */
export async function search(
  ctx: AppContext,
  actor: Actor,
  query: TSearchQuery,
): Promise<{ items: TSearchHit[]; nextCursor: string | null }> {
  if (query.from && query.to && compareWeeks(query.from, query.to) > 0) {
    throw invalidInput('The week range is reversed', [{ path: 'querystring.from', message: 'after `to`' }]);
  }
  const beforeId = query.cursor ? decodeCursor(query.cursor) : undefined;
  // The department tree is read only when the scope or the filter needs it.
  const tree: DepartmentTree | null = hasRole(actor, 'leader') || query.departmentId ? await loadTree(ctx.db) : null;
  if (query.departmentId && !tree?.has(query.departmentId)) throw notFound('Department');
  const parsed = parseQuery(query.q);
  if (parsed.words.length === 0) return { items: [], nextCursor: null };
  const limit = query.limit ?? SEARCH_LIMITS.pageDefault;
  const rows = await providerFor(ctx.dialect).search(ctx.db, {
    words: parsed.words,
    scope: searchScopeOf(actor, tree),
    fromId: query.from ? weekBase(query.from) : undefined,
    toId: query.to ? weekBase(query.to) + WEEK_SPAN : undefined,
    beforeId,
    departments: query.departmentId && tree ? tree.subtree(query.departmentId) : undefined,
    authorId: query.userId,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => presentHit(r, parsed)),
    nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null,
  };
}
