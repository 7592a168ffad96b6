import { type Selectable, sql } from 'kysely';
import type { DialectName, Executor } from '../../db/database';
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

/** An outcome rule as the totals query matches it: the tag and its points in cents (hundredths). */
export interface OutcomeRuleCents {
  tag: string;
  cents: number;
}

/**
 * Whether item `i` matches an outcome tag, exactly as `outcomePointsOf` does: one of its tags equals
 * the tag (a cheap substring test on the JSON text first, then an exact test on its elements), or its
 * outcome text contains the tag.
 */
function matchesTag(dialect: DialectName, tag: string) {
  // The tag as it appears inside the JSON text the reports repository writes (`JSON.stringify`).
  const inJson = JSON.stringify(tag).slice(1, -1);
  return dialect === 'postgres'
    ? sql`((strpos(i.tags, ${inJson}) > 0 and jsonb_exists(i.tags::jsonb, ${tag})) or strpos(i.outcome, ${tag}) > 0)`
    : sql`((instr(i.tags, ${inJson}) > 0 and exists (select 1 from json_each(i.tags) j where j.type = 'text' and j.value = ${tag})) or instr(i.outcome, ${tag}) > 0)`;
}

/** One submitted report of the range with its scoring facts already aggregated by the database. */
export interface ReportTotalsRow {
  user_id: string;
  week: string;
  late: number;
  similar_to_previous: number | null;
  /** Number of work items. */
  work: number;
  /** Σ over the items of the best matching outcome rule, in cents. */
  outcome_cents: number;
  /** Σ and count of the peer ratings (0 when nobody rated it). */
  rating_total: number | null;
  rating_count: number;
  /** The latest grade, if any. */
  grade: string | null;
}

/**
 * The submitted reports of the range, each as one narrow row: the database counts the work items, sums
 * the outcome points per item (the best rule an item matches),
 * sums the ratings and picks the latest grade, so no item row is shipped to JavaScript. A CASE that
 * tries the rules from the most points down yields each item's best rule.
 */
export async function listReportTotals(
  db: Executor,
  dialect: DialectName,
  f: ScopeFilter,
  rules: readonly OutcomeRuleCents[],
): Promise<ReportTotalsRow[]> {
  const best = rules.filter((r) => r.cents > 0).sort((a, b) => b.cents - a.cents);
  const outcome =
    best.length === 0
      ? sql<number>`0`
      : sql<number>`(select coalesce(sum(case ${sql.join(
          best.map((r) => sql`when ${matchesTag(dialect, r.tag)} then ${sql.lit(r.cents)}`),
          sql` `,
        )} else 0 end), 0) from report_items i where i.report_id = r.id)`;
  // Both drivers return these counts and sums as numbers (PostgreSQL's bigint is parsed in database.ts).
  return submittedReports(db, f)
    .select([
      'r.user_id',
      'r.week',
      'r.late',
      'r.similar_to_previous',
      sql<number>`(select count(*) from report_items i where i.report_id = r.id and i.kind = 'work')`.as('work'),
      outcome.as('outcome_cents'),
      sql<number | null>`(select sum(g.score) from ratings g where g.report_id = r.id)`.as('rating_total'),
      sql<number>`(select count(*) from ratings g where g.report_id = r.id)`.as('rating_count'),
      sql<
        string | null
      >`(select g.grade from report_grades g where g.report_id = r.id order by g.graded_at desc, g.id desc limit 1)`.as('grade'),
    ])
    .execute() as Promise<ReportTotalsRow[]>;
}
