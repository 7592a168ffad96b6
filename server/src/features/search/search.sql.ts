// SQL shared by both search providers: entry ids, the visibility predicate and the filters.
import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../db/database';
import type { NewEntry, RemoveTarget, SearchRow, SearchScope, SearchSpec } from './search.provider';

/** Ids of one week span 2^32 values. */
export const WEEK_SPAN = 2 ** 32;

/** The first entry id of a week (`2026-W03` → 202603 × 2^32): ids sort by week, then sequence. */
export function weekBase(week: string): number {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) throw new RangeError(`not a week id: ${week}`);
  return (Number(m[1]) * 100 + Number(m[2])) * WEEK_SPAN;
}

/**
 * Pairs entries with ids: `idsOf(week, count)` gives `count` ascending free ids of a week, and
 * the first entry of each week gets the highest, so newest-first lists keep a report's item order.
 */
export function numberEntries(
  entries: readonly NewEntry[],
  idsOf: (week: string, count: number) => number[],
): { id: number; entry: NewEntry }[] {
  const byWeek = new Map<string, NewEntry[]>();
  for (const e of entries) {
    const list = byWeek.get(e.week);
    if (list) list.push(e);
    else byWeek.set(e.week, [e]);
  }
  const out: { id: number; entry: NewEntry }[] = [];
  for (const [week, list] of byWeek) {
    const ids = idsOf(week, list.length);
    for (const [i, entry] of list.entries()) out.push({ id: ids[list.length - 1 - i] as number, entry });
  }
  // Inserted in ascending id order, B-tree pages fill up instead of splitting half-empty.
  return out.sort((a, b) => a.id - b.id);
}

/** The stored columns of an entry (everything but its tokens). */
export function entryRow(id: number, e: NewEntry) {
  const { tokens: _tokens, ...row } = e;
  return { id, ...row };
}

/** Rows per insert statement: 13 columns stay well under both databases' parameter limits. */
export const INSERT_CHUNK = 1000;

/** Splits a list into chunks of `size`. */
export function chunked<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The `where` of a removal, over `search_entries` as `e`. */
export function removalWhere(target: RemoveTarget): RawBuilder<boolean> {
  if ('reportId' in target) return sql<boolean>`report_id = ${target.reportId}`;
  if (target.sources.length === 0) return sql<boolean>`1 = 0`;
  return sql<boolean>`source in (${sql.join(target.sources)})`;
}

/** The ids of the entries a removal targets. */
export async function idsToRemove(db: Executor, target: RemoveTarget): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`select id from search_entries where ${removalWhere(target)}`.execute(db);
  return rows.map((r) => Number(r.id));
}

/** Departments the viewer oversees, as a predicate on `e.department_id`. */
function oversees(scope: SearchScope): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`1 = 1`;
  if (scope.departments.length === 0) return sql<boolean>`1 = 0`;
  return sql<boolean>`e.department_id in (${sql.join(scope.departments)})`;
}

/**
 * Visibility, as reading reports: a draft only for its author (a summary draft: for those who
 * oversee the department), a restricted item only for its author and those who oversee the
 * department (head, supervising leaders, assessors). Deleted text is never in the index.
 */
export function visible(scope: SearchScope): RawBuilder<boolean> {
  const me = scope.viewerId;
  const over = oversees(scope);
  return sql<boolean>`(e.status <> 'draft' or e.owner_id = ${me} or (e.kind = 'summary' and ${over}))
    and (e.restricted = 0 or e.owner_id = ${me} or ${over})`;
}

/** Week range, cursor and filters over the id column `idColumn` and `search_entries e`. */
export function filters(spec: SearchSpec, idColumn: RawBuilder<number>): RawBuilder<boolean>[] {
  const out: RawBuilder<boolean>[] = [];
  if (spec.fromId !== undefined) out.push(sql<boolean>`${idColumn} >= ${spec.fromId}`);
  if (spec.toId !== undefined) out.push(sql<boolean>`${idColumn} < ${spec.toId}`);
  if (spec.beforeId !== undefined) out.push(sql<boolean>`${idColumn} < ${spec.beforeId}`);
  if (spec.departments) {
    out.push(spec.departments.length ? sql<boolean>`e.department_id in (${sql.join(spec.departments)})` : sql<boolean>`1 = 0`);
  }
  if (spec.authorId !== undefined) out.push(sql<boolean>`e.author_id = ${spec.authorId}`);
  return out;
}

/** The columns of a hit, with the author's and the department's names. */
export const HIT_COLUMNS = sql`e.id, e.kind, e.report_id, e.item_id, e.comment_id, e.author_id, e.department_id,
  e.week, e.text, u.display_name as author_name, d.name as department_name`;

/** The joins that bring the names. */
export const NAME_JOINS = sql`left join users u on u.id = e.author_id left join departments d on d.id = e.department_id`;

/** Normalises a hit row (PostgreSQL returns bigint ids as numbers already; SQLite too). */
export const toHit = (r: SearchRow): SearchRow => ({ ...r, id: Number(r.id) });
