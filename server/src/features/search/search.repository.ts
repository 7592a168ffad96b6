// What the indexer reads: reports, comments and department summaries as the entries need them.
import type { Executor } from '../../db/database';

/** A report as the indexer needs it (deleted ones included, so their entries can go). */
export interface ReportSource {
  id: string;
  user_id: string;
  week: string;
  department_id: string | null;
  status: string;
  summary: string;
  deleted_at: string | null;
}

/** A comment with its report's owner, week, department and state. */
export interface CommentSource {
  id: string;
  report_id: string;
  author_id: string;
  body: string;
  deleted_at: string | null;
  owner_id: string;
  week: string;
  department_id: string | null;
  status: string;
  report_deleted_at: string | null;
}

/** A department summary with the time of its department's latest bulletin of that week. */
export interface SummarySource {
  department_id: string;
  week: string;
  summary: string;
  items: string;
  updated_at: string;
  updated_by: string | null;
  published_at: string | null;
}

const REPORT_COLUMNS = ['id', 'user_id', 'week', 'department_id', 'status', 'summary', 'deleted_at'] as const;

/** Reports by id, deleted ones included. */
export async function findReportSources(db: Executor, ids: readonly string[]): Promise<ReportSource[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('reports').select(REPORT_COLUMNS).where('id', 'in', ids).execute();
}

/** The next live reports after `afterId` in id order: a rebuild's batch. */
export async function liveReportsAfter(db: Executor, afterId: string | null, limit: number): Promise<ReportSource[]> {
  let q = db.selectFrom('reports').select(REPORT_COLUMNS).where('deleted_at', 'is', null);
  if (afterId !== null) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit).execute();
}

function commentSources(db: Executor) {
  return db
    .selectFrom('comments as c')
    .innerJoin('reports as r', 'r.id', 'c.report_id')
    .select([
      'c.id',
      'c.report_id',
      'c.author_id',
      'c.body',
      'c.deleted_at',
      'r.user_id as owner_id',
      'r.week',
      'r.department_id',
      'r.status',
      'r.deleted_at as report_deleted_at',
    ]);
}

/** One comment with its report, deleted or not; undefined when there is no such comment. */
export async function findCommentSource(db: Executor, id: string): Promise<CommentSource | undefined> {
  return commentSources(db).where('c.id', '=', id).executeTakeFirst();
}

/** The next live comments of live reports after `afterId` in id order: a rebuild's batch. */
export async function liveCommentsAfter(db: Executor, afterId: string | null, limit: number): Promise<CommentSource[]> {
  let q = commentSources(db).where('c.deleted_at', 'is', null).where('r.deleted_at', 'is', null);
  if (afterId !== null) q = q.where('c.id', '>', afterId);
  return q.orderBy('c.id').limit(limit).execute();
}

function summarySources(db: Executor) {
  return db
    .selectFrom('department_summaries as s')
    .select(['s.department_id', 's.week', 's.summary', 's.items', 's.updated_at', 's.updated_by'])
    .select((eb) =>
      eb
        .selectFrom('bulletin_versions as b')
        .select((b) => b.fn.max('b.published_at').as('m'))
        .whereRef('b.department_id', '=', 's.department_id')
        .whereRef('b.week', '=', 's.week')
        .as('published_at'),
    );
}

/** A department's summary of a week with its latest publication time, or undefined. */
export async function findSummarySource(db: Executor, departmentId: string, week: string): Promise<SummarySource | undefined> {
  return summarySources(db).where('s.department_id', '=', departmentId).where('s.week', '=', week).executeTakeFirst();
}

/** The next summaries after a (department, week) key in key order: a rebuild's batch. */
export async function summariesAfter(
  db: Executor,
  after: { departmentId: string; week: string } | null,
  limit: number,
): Promise<SummarySource[]> {
  let q = summarySources(db);
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('s.department_id', '>', after.departmentId),
        eb.and([eb('s.department_id', '=', after.departmentId), eb('s.week', '>', after.week)]),
      ]),
    );
  }
  return q.orderBy('s.department_id').orderBy('s.week').limit(limit).execute();
}

/** True when reports exist but the index holds nothing: a database upgraded without a rebuild. */
export async function indexLooksMissing(db: Executor): Promise<boolean> {
  const entry = await db.selectFrom('search_entries').select('id').limit(1).executeTakeFirst();
  if (entry) return false;
  const report = await db.selectFrom('reports').select('id').where('deleted_at', 'is', null).limit(1).executeTakeFirst();
  return report !== undefined;
}
