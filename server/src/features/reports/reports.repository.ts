import type { TItemKind, TVisibility } from '@zhoubao/contracts';
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database';
import type { ReportItemsTable, ReportReadsTable, ReportsTable, ReportVersionsTable } from '../../db/schema';

export type ReportRow = Selectable<ReportsTable>;
export type ItemRow = Selectable<ReportItemsTable>;
export type VersionRow = Selectable<ReportVersionsTable>;
export type ReadRow = Selectable<ReportReadsTable>;

/** A report row with its author's display name. */
export interface ReportRecord extends ReportRow {
  display_name: string;
}

/** An item as the domain stores it (rows, version snapshots and summaries alike). */
export interface StoredItem {
  id: string;
  kind: TItemKind;
  category: string | null;
  content: string;
  outcome: string | null;
  visibility: TVisibility;
  tags: string[];
  goalId: string | null;
}

/** SQLite limits bound parameters per statement, so long id lists go in chunks. */
const CHUNK = 500;

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/** Parses a JSON list of items written by this feature. */
export function parseItems(json: string): StoredItem[] {
  return JSON.parse(json) as StoredItem[];
}

const toStored = (r: ItemRow): StoredItem => ({
  id: r.id,
  kind: r.kind as TItemKind,
  category: r.category,
  content: r.content,
  outcome: r.outcome,
  visibility: r.visibility as TVisibility,
  tags: JSON.parse(r.tags) as string[],
  goalId: r.goal_id,
});

function reportsWithNames(db: Executor) {
  return db
    .selectFrom('reports as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .selectAll('r')
    .select('u.display_name')
    .where('r.deleted_at', 'is', null);
}

/** One live report by id, or undefined. */
export async function findReport(db: Executor, id: string): Promise<ReportRecord | undefined> {
  return reportsWithNames(db).where('r.id', '=', id).executeTakeFirst();
}

/** A person's live report of a week, or undefined. */
export async function findReportOf(db: Executor, userId: string, week: string): Promise<ReportRecord | undefined> {
  return reportsWithNames(db).where('r.user_id', '=', userId).where('r.week', '=', week).executeTakeFirst();
}

/** Live reports by id (any order). */
export async function findReports(db: Executor, ids: readonly string[]): Promise<ReportRecord[]> {
  const out: ReportRecord[] = [];
  for (const chunk of chunks(ids)) out.push(...(await reportsWithNames(db).where('r.id', 'in', chunk).execute()));
  return out;
}

/** The author's latest submitted report of a week before `week`, or undefined. */
export async function findPreviousSubmitted(db: Executor, userId: string, week: string): Promise<ReportRecord | undefined> {
  return reportsWithNames(db)
    .where('r.user_id', '=', userId)
    .where('r.week', '<', week)
    .where('r.status', '=', 'submitted')
    .orderBy('r.week', 'desc')
    .executeTakeFirst();
}

/** Inserts a report row. */
export async function insertReport(db: Executor, row: ReportRow): Promise<void> {
  await db.insertInto('reports').values(row).execute();
}

/** Updates some columns of a report. */
export async function updateReportRow(db: Executor, id: string, patch: Partial<ReportRow>): Promise<void> {
  await db.updateTable('reports').set(patch).where('id', '=', id).execute();
}

/** The items of many reports in one query per chunk, by report id, in their order. */
export async function itemsOf(db: Executor, reportIds: readonly string[]): Promise<Map<string, StoredItem[]>> {
  const out = new Map<string, StoredItem[]>(reportIds.map((id) => [id, []]));
  for (const chunk of chunks(reportIds)) {
    const rows = await db
      .selectFrom('report_items')
      .selectAll()
      .where('report_id', 'in', chunk)
      .orderBy('report_id')
      .orderBy('position')
      .execute();
    for (const r of rows) out.get(r.report_id)?.push(toStored(r));
  }
  return out;
}

/** Item ids that belong to a report. */
export async function itemIdsOf(db: Executor, reportId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('report_items').select('id').where('report_id', '=', reportId).execute();
  return new Set(rows.map((r) => r.id));
}

/** The report_items row of a stored item at a position. */
export function itemRow(reportId: string, i: StoredItem, position: number) {
  return {
    id: i.id,
    report_id: reportId,
    position,
    kind: i.kind,
    category: i.category,
    content: i.content,
    outcome: i.outcome,
    visibility: i.visibility,
    tags: JSON.stringify(i.tags),
    goal_id: i.goalId,
  };
}

/** Replaces a report's items with the given ones, in order. */
export async function replaceItems(db: Executor, reportId: string, items: readonly StoredItem[]): Promise<void> {
  await db.deleteFrom('report_items').where('report_id', '=', reportId).execute();
  if (items.length === 0) return;
  await db
    .insertInto('report_items')
    .values(items.map((i, position) => itemRow(reportId, i, position)))
    .execute();
}

/** Inserts a saved version of a report. */
export async function insertVersion(db: Executor, row: VersionRow): Promise<void> {
  await db.insertInto('report_versions').values(row).execute();
}

/** Every saved version of a report, oldest first. */
export async function listVersionRows(db: Executor, reportId: string): Promise<VersionRow[]> {
  return db.selectFrom('report_versions').selectAll().where('report_id', '=', reportId).orderBy('version').execute();
}

/** The given (report, version) pairs, fetched by report id in chunks and filtered here. */
export async function findVersionRows(
  db: Executor,
  refs: readonly { reportId: string; version: number }[],
): Promise<Map<string, VersionRow>> {
  const wanted = new Set(refs.map((r) => `${r.reportId}:${r.version}`));
  const out = new Map<string, VersionRow>();
  for (const chunk of chunks([...new Set(refs.map((r) => r.reportId))])) {
    const rows = await db.selectFrom('report_versions').selectAll().where('report_id', 'in', chunk).execute();
    for (const r of rows) if (wanted.has(`${r.report_id}:${r.version}`)) out.set(`${r.report_id}:${r.version}`, r);
  }
  return out;
}

export interface ReportFilter {
  week?: string | undefined;
  departmentId?: string | undefined;
  userId?: string | undefined;
  /** Keyset: rows after this (week descending, id ascending). */
  after?: { week: string; id: string } | undefined;
  limit: number;
}

/** Live submitted reports matching a filter, newest week first. */
export async function listSubmitted(db: Executor, f: ReportFilter): Promise<ReportRecord[]> {
  let q = reportsWithNames(db).where('r.status', '=', 'submitted');
  if (f.week) q = q.where('r.week', '=', f.week);
  if (f.departmentId) q = q.where('r.department_id', '=', f.departmentId);
  if (f.userId) q = q.where('r.user_id', '=', f.userId);
  const after = f.after;
  if (after) {
    q = q.where((eb) =>
      eb.or([eb('r.week', '<', after.week), eb.and([eb('r.week', '=', after.week), eb('r.id', '>', after.id)])]),
    );
  }
  return q.orderBy('r.week', 'desc').orderBy('r.id').limit(f.limit).execute();
}

/** Records a read: the first time inserts, later times move `last_read_at`. */
export async function recordRead(db: Executor, reportId: string, userId: string, at: string): Promise<void> {
  await db
    .insertInto('report_reads')
    .values({ report_id: reportId, user_id: userId, first_read_at: at, last_read_at: at })
    .onConflict((oc) => oc.columns(['report_id', 'user_id']).doUpdateSet({ last_read_at: at }))
    .execute();
}

/** Who read a report, first reader first. */
export async function listReaders(db: Executor, reportId: string) {
  return db
    .selectFrom('report_reads as rr')
    .innerJoin('users as u', 'u.id', 'rr.user_id')
    .select(['rr.user_id', 'u.display_name', 'rr.first_read_at', 'rr.last_read_at'])
    .where('rr.report_id', '=', reportId)
    .orderBy('rr.first_read_at')
    .orderBy('rr.user_id')
    .execute();
}
