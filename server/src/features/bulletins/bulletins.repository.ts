import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database';
import type { BulletinVersionsTable, DepartmentSummariesTable } from '../../db/schema';
import type { ReportRecord, VersionRow } from '../reports/reports.repository';

export type SummaryRow = Selectable<DepartmentSummariesTable>;
export type BulletinRow = Selectable<BulletinVersionsTable>;

/** The active members of a department, in department order (sort order, then name). */
export async function listMembers(db: Executor, departmentId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'created_at'])
    .where('department_id', '=', departmentId)
    .where('active', '=', 1)
    .orderBy('sort_order')
    .orderBy('display_name')
    .orderBy('id')
    .execute();
}

/** The live submitted reports of a week by the active members of a department, in one query. */
export async function listMemberReports(db: Executor, departmentId: string, week: string): Promise<ReportRecord[]> {
  return db
    .selectFrom('reports as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .selectAll('r')
    .select('u.display_name')
    .where('u.department_id', '=', departmentId)
    .where('u.active', '=', 1)
    .where('r.week', '=', week)
    .where('r.status', '=', 'submitted')
    .where('r.deleted_at', 'is', null)
    .execute();
}

/** A department's summary of a week, or undefined. */
export async function findSummary(db: Executor, departmentId: string, week: string): Promise<SummaryRow | undefined> {
  return db
    .selectFrom('department_summaries')
    .selectAll()
    .where('department_id', '=', departmentId)
    .where('week', '=', week)
    .executeTakeFirst();
}

/** Creates or replaces a department's summary of a week. */
export async function upsertSummary(db: Executor, row: SummaryRow): Promise<void> {
  const { department_id: _d, week: _w, ...rest } = row;
  await db
    .insertInto('department_summaries')
    .values(row)
    .onConflict((oc) => oc.columns(['department_id', 'week']).doUpdateSet(rest))
    .execute();
}

/** A published bulletin: the given version, or the latest one when none is given. */
export async function findBulletin(
  db: Executor,
  departmentId: string,
  week: string,
  version?: number,
): Promise<BulletinRow | undefined> {
  let q = db.selectFrom('bulletin_versions').selectAll().where('department_id', '=', departmentId).where('week', '=', week);
  if (version !== undefined) q = q.where('version', '=', version);
  return q.orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** The latest version number of a department's bulletin of a week (0 when never published). */
export async function latestBulletinVersion(db: Executor, departmentId: string, week: string): Promise<number> {
  const r = await db
    .selectFrom('bulletin_versions')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('department_id', '=', departmentId)
    .where('week', '=', week)
    .executeTakeFirst();
  return r?.v === null || r?.v === undefined ? 0 : Number(r.v);
}

/** Inserts a published bulletin version. */
export async function insertBulletin(db: Executor, row: BulletinRow): Promise<void> {
  await db.insertInto('bulletin_versions').values(row).execute();
}

/** The latest published bulletin of every department for a week, in one query. */
export async function latestBulletinsOfWeek(db: Executor, week: string): Promise<BulletinRow[]> {
  const latest = db
    .selectFrom('bulletin_versions')
    .select(['department_id', (eb) => eb.fn.max('version').as('version')])
    .where('week', '=', week)
    .groupBy('department_id')
    .as('latest');
  return db
    .selectFrom('bulletin_versions as b')
    .innerJoin(latest, (join) =>
      join.onRef('latest.department_id', '=', 'b.department_id').onRef('latest.version', '=', 'b.version'),
    )
    .selectAll('b')
    .where('b.week', '=', week)
    .execute();
}

/** Active members per department, in one query. */
export async function memberCounts(db: Executor): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('users')
    .select(['department_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('active', '=', 1)
    .where('department_id', 'is not', null)
    .groupBy('department_id')
    .execute();
  return new Map(rows.map((r) => [r.department_id as string, Number(r.n)]));
}

/** Submitted and late reports of a week per department of their (active) authors, in one query. */
export async function submissionCounts(db: Executor, week: string): Promise<Map<string, { submitted: number; late: number }>> {
  const rows = await db
    .selectFrom('reports as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.department_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('r.late').as('late')])
    .where('r.week', '=', week)
    .where('r.status', '=', 'submitted')
    .where('r.deleted_at', 'is', null)
    .where('u.active', '=', 1)
    .where('u.department_id', 'is not', null)
    .groupBy('u.department_id')
    .execute();
  return new Map(rows.map((r) => [r.department_id as string, { submitted: Number(r.n), late: Number(r.late ?? 0) }]));
}

/** Every report of a week with its author's name (bulletins filter what they reference), in one query. */
export async function reportsOfWeek(db: Executor, week: string): Promise<ReportRecord[]> {
  return db
    .selectFrom('reports as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .selectAll('r')
    .select('u.display_name')
    .where('r.week', '=', week)
    .where('r.deleted_at', 'is', null)
    .execute();
}

/** Every saved version of every report of a week, in one query. */
export async function versionsOfWeek(db: Executor, week: string): Promise<VersionRow[]> {
  return db
    .selectFrom('report_versions as v')
    .innerJoin('reports as r', 'r.id', 'v.report_id')
    .selectAll('v')
    .where('r.week', '=', week)
    .execute();
}
