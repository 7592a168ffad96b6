import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database';
import type { ScoringRulesTable } from '../../db/schema';

export type ScoringRulesRow = Selectable<ScoringRulesTable>;

/** The highest saved version of the rules, if any. */
export async function latestRulesRow(db: Executor): Promise<ScoringRulesRow | undefined> {
  return db.selectFrom('scoring_rules').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** Saves a version of the rules. */
export async function insertRulesRow(db: Executor, row: ScoringRulesRow): Promise<void> {
  await db.insertInto('scoring_rules').values(row).execute();
}

/** Who can be scored: active users, or the one user asked for. */
export async function listScoredUsers(db: Executor, userId?: string) {
  let q = db
    .selectFrom('users')
    .select(['id', 'display_name', 'department_id', 'created_at', 'sort_order'])
    .where('active', '=', 1);
  if (userId) q = q.where('id', '=', userId);
  return q.orderBy('sort_order').orderBy('display_name').orderBy('id').execute();
}

export interface ScopeFilter {
  from: string;
  to: string;
  /** Only this author's reports, when given. */
  userId?: string;
}

// Every query below reads the submitted reports of a range of weeks in one statement, whatever the
// number of people: scores are computed from a handful of set-based reads, never per person.
function submittedReports(db: Executor, f: ScopeFilter) {
  let q = db
    .selectFrom('reports as r')
    .where('r.status', '=', 'submitted')
    .where('r.deleted_at', 'is', null)
    .where('r.week', '>=', f.from)
    .where('r.week', '<=', f.to);
  if (f.userId) q = q.where('r.user_id', '=', f.userId);
  return q;
}

/** The submitted reports of the range. */
export async function listReports(db: Executor, f: ScopeFilter) {
  return submittedReports(db, f).select(['r.id', 'r.user_id', 'r.week', 'r.late', 'r.similar_to_previous']).execute();
}

/** The items of the range's submitted reports, in order. */
export async function listItems(db: Executor, f: ScopeFilter) {
  return submittedReports(db, f)
    .innerJoin('report_items as i', 'i.report_id', 'r.id')
    .select(['i.id', 'i.report_id', 'i.kind', 'i.outcome', 'i.tags', 'i.position'])
    .orderBy('i.report_id')
    .orderBy('i.position')
    .execute();
}

/** Mean and count of peer ratings per report of the range. */
export async function listRatingAverages(db: Executor, f: ScopeFilter) {
  const rows = await submittedReports(db, f)
    .innerJoin('ratings as g', 'g.report_id', 'r.id')
    .select((eb) => ['g.report_id', eb.fn.sum<number>('g.score').as('total'), eb.fn.countAll<number>().as('count')])
    .groupBy('g.report_id')
    .execute();
  return rows.map((r) => ({ reportId: r.report_id, total: Number(r.total), count: Number(r.count) }));
}

/** Every grade of the range's reports, oldest first: the last one per report is the one that counts. */
export async function listGrades(db: Executor, f: ScopeFilter) {
  return submittedReports(db, f)
    .innerJoin('report_grades as g', 'g.report_id', 'r.id')
    .select(['g.id', 'g.report_id', 'g.grade', 'g.graded_at'])
    .orderBy('g.graded_at')
    .orderBy('g.id')
    .execute();
}
