import type { TGradeValue, TScoreRow, TScoringRules, TWeekScore } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import { invalidInput } from '../../lib/errors';
import { owedWeeks } from '../absences/absences.service';
import { weekInfo } from '../weeks/calendar';
import { weekOfInstant, weeksBetween } from '../weeks/iso-week';
import { loadCalendar } from '../weeks/weeks.service';
import { floor2, type ItemFacts, type ReportFacts, round2, scoreWeek } from './score-rules';
import * as repo from './scoring.repository';

/** The longest period scored at once, in weeks. */
export const MAX_SCORED_WEEKS = 160;

/** One person's period before ranking. */
export interface PeriodScore extends Omit<TScoreRow, 'rank' | 'departmentRank' | 'departmentPercentile'> {
  weeks: TWeekScore[];
}

const GRADE_VALUE: Record<TGradeValue, number> = { A: 4, B: 3, C: 2, D: 1 };
const GRADE_OF = ['D', 'C', 'B', 'A'] as const;

function parseTags(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/** Reads the period's facts in a handful of set-based queries and joins them into reports per user and week. */
async function loadReports(ctx: AppContext, filter: repo.ScopeFilter): Promise<Map<string, ReportFacts & { week: string }>> {
  const [reports, items, ratings, grades] = await Promise.all([
    repo.listReports(ctx.db, filter),
    repo.listItems(ctx.db, filter),
    repo.listRatingAverages(ctx.db, filter),
    repo.listGrades(ctx.db, filter),
  ]);
  const itemsOf = new Map<string, ItemFacts[]>();
  for (const i of items) {
    const list = itemsOf.get(i.report_id) ?? [];
    list.push({ id: i.id, kind: i.kind, outcome: i.outcome, tags: parseTags(i.tags) });
    itemsOf.set(i.report_id, list);
  }
  const ratingOf = new Map(ratings.map((r) => [r.reportId, { average: r.total / r.count, count: r.count }]));
  // Grades come oldest first: the last one per report wins.
  const gradeOf = new Map(grades.map((g) => [g.report_id, { id: g.id, grade: g.grade as TGradeValue }]));
  const byUserWeek = new Map<string, ReportFacts & { week: string }>();
  for (const r of reports) {
    byUserWeek.set(`${r.user_id}|${r.week}`, {
      id: r.id,
      week: r.week,
      late: Number(r.late) === 1,
      similarToPrevious: r.similar_to_previous,
      items: itemsOf.get(r.id) ?? [],
      rating: ratingOf.get(r.id) ?? null,
      grade: gradeOf.get(r.id) ?? null,
    });
  }
  return byUserWeek;
}

/** Refuses periods longer than MAX_SCORED_WEEKS; returns the period's weeks. */
function periodWeeks(filter: repo.ScopeFilter): string[] {
  const weeks = weeksBetween(filter.from, filter.to);
  if (weeks.length > MAX_SCORED_WEEKS) {
    throw invalidInput(`A period may span at most ${MAX_SCORED_WEEKS} weeks`, [{ path: 'to', message: 'period too long' }]);
  }
  return weeks;
}

/** The people scored, the calendar, the weeks whose deadline has passed, and each person's owed weeks. */
async function loadPeople(ctx: AppContext, filter: repo.ScopeFilter, weeks: string[], now: Date) {
  const users = await repo.listScoredUsers(ctx.db, filter.userId);
  if (users.length === 0) return null;
  const { settings, overrides } = await loadCalendar(ctx, weeks);
  const passed = new Set(
    weeks.filter((w) => {
      const { deadline } = weekInfo(w, settings, overrides);
      return deadline !== null && Date.parse(deadline) < now.getTime();
    }),
  );
  const owed = await owedWeeks(
    ctx,
    users.map((u) => u.id),
    weeks,
  );
  return { users, settings, passed, owed };
}

/**
 * Scores everyone (or one user) over a period. A week is expected from the week the person joined,
 * when it is due and not covered by absences; it is missing only once its deadline has passed.
 */
export async function scorePeriod(
  ctx: AppContext,
  rules: TScoringRules,
  filter: repo.ScopeFilter,
  now = new Date(),
): Promise<PeriodScore[]> {
  const weeks = periodWeeks(filter);
  const people = await loadPeople(ctx, filter, weeks, now);
  if (!people) return [];
  const { users, settings, passed, owed } = people;
  const reports = await loadReports(ctx, filter);
  return users.map((u) => {
    const joined = weekOfInstant(new Date(u.created_at), settings.timezone);
    const owedSet = new Set((owed.get(u.id) ?? []).filter((w) => w >= joined));
    const s: PeriodScore = {
      userId: u.id,
      displayName: u.display_name,
      departmentId: u.department_id,
      weeksExpected: 0,
      submitted: 0,
      onTime: 0,
      late: 0,
      missing: 0,
      peerRating: null,
      grade: null,
      outcomePoints: 0,
      total: 0,
      weeks: [],
    };
    let ratingSum = 0;
    let ratingCount = 0;
    let gradeSum = 0;
    let gradeCount = 0;
    for (const week of weeks) {
      const report = reports.get(`${u.id}|${week}`) ?? null;
      const isOwed = owedSet.has(week) && passed.has(week);
      if (owedSet.has(week) && (passed.has(week) || report)) s.weeksExpected++;
      if (report) {
        s.submitted++;
        if (report.late) s.late++;
        else s.onTime++;
        if (report.rating) {
          ratingSum += report.rating.average * report.rating.count;
          ratingCount += report.rating.count;
        }
        if (report.grade) {
          gradeSum += GRADE_VALUE[report.grade.grade];
          gradeCount++;
        }
      } else if (isOwed) s.missing++;
      const scored = scoreWeek(rules, { week, owed: isOwed, report });
      s.outcomePoints = round2(
        s.outcomePoints + scored.breakdown.filter((p) => p.rule === 'outcome').reduce((a, p) => a + p.points, 0),
      );
      s.total = round2(s.total + scored.points);
      s.weeks.push(scored);
    }
    s.peerRating = ratingCount > 0 ? round2(ratingSum / ratingCount) : null;
    s.grade = gradeCount > 0 ? (GRADE_OF[Math.round(gradeSum / gradeCount) - 1] ?? null) : null;
    return s;
  });
}

/** A person's period without the week-by-week breakdown: what `GET /scores` and assessments rank. */
export type PeriodTotals = Omit<PeriodScore, 'weeks'>;

/** A rule value in cents, as the rules round it (`round2`), so integer sums equal the rounded sums. */
const cents = (n: number): number => Math.round(round2(n) * 100);

/**
 * The same rows as `scorePeriod` without the breakdowns, for everyone (or one user): the database
 * aggregates each submitted report (work items, outcome points, ratings, latest grade) and JavaScript
 * applies `reportParts` to those aggregates in integer cents, then adds missing weeks per person.
 * `scoring.totals.test.ts` holds it equal to `scorePeriod` field by field.
 */
export async function scoreTotals(
  ctx: AppContext,
  rules: TScoringRules,
  filter: repo.ScopeFilter,
  now = new Date(),
): Promise<PeriodTotals[]> {
  const weeks = periodWeeks(filter);
  const people = await loadPeople(ctx, filter, weeks, now);
  if (!people) return [];
  const { users, settings, passed, owed } = people;
  const c = {
    onTime: cents(rules.points.onTime),
    late: cents(rules.points.late),
    missing: cents(rules.points.missing),
    perItem: cents(rules.perWorkItem.points),
    itemCap: cents(floor2(rules.perWorkItem.weeklyCap)),
    grade: {
      A: cents(rules.gradePoints.A),
      B: cents(rules.gradePoints.B),
      C: cents(rules.gradePoints.C),
      D: cents(rules.gradePoints.D),
    } as Record<string, number>,
    repeat: cents(rules.repeatPenalty.points),
    cap: cents(floor2(rules.weeklyCap)),
  };
  const rows = await repo.listReportTotals(
    ctx.db,
    ctx.dialect,
    filter,
    rules.outcomeTags.map((r) => ({ tag: r.tag, cents: cents(r.points) })),
  );
  const byUser = new Map<string, Map<string, repo.ReportTotalsRow>>();
  for (const r of rows) {
    const mine = byUser.get(r.user_id);
    if (mine) mine.set(r.week, r);
    else byUser.set(r.user_id, new Map([[r.week, r]]));
  }
  const none = new Map<string, repo.ReportTotalsRow>();
  return users.map((u) => {
    const joined = weekOfInstant(new Date(u.created_at), settings.timezone);
    const owedSet = new Set((owed.get(u.id) ?? []).filter((w) => w >= joined));
    const mine = byUser.get(u.id) ?? none;
    let expected = 0;
    let submitted = 0;
    let late = 0;
    let missing = 0;
    let totalCents = 0;
    let outcomeCents = 0;
    let ratingSum = 0;
    let ratingCount = 0;
    let gradeSum = 0;
    let gradeCount = 0;
    for (const week of weeks) {
      const r = mine.get(week);
      const isOwed = owedSet.has(week) && passed.has(week);
      if (owedSet.has(week) && (passed.has(week) || r)) expected++;
      if (!r) {
        if (isOwed) {
          missing++;
          totalCents += c.missing;
        }
        continue;
      }
      submitted++;
      const isLate = Number(r.late) === 1;
      if (isLate) late++;
      // `reportParts` in cents: status, capped work items, outcomes, rating, grade, repeat, then [0, cap].
      let raw = (isLate ? c.late : c.onTime) + Math.min(r.work * c.perItem, c.itemCap) + r.outcome_cents;
      outcomeCents += r.outcome_cents;
      if (r.rating_count > 0) {
        const average = Number(r.rating_total) / r.rating_count;
        raw += Math.round(round2(rules.peerRatingWeight * (average - 3)) * 100);
        ratingSum += average * r.rating_count;
        ratingCount += r.rating_count;
      }
      if (r.grade !== null) {
        raw += c.grade[r.grade] ?? 0;
        gradeSum += GRADE_VALUE[r.grade as TGradeValue];
        gradeCount++;
      }
      if (r.similar_to_previous !== null && r.similar_to_previous >= rules.repeatPenalty.threshold) raw += c.repeat;
      totalCents += Math.min(Math.max(raw, 0), c.cap);
    }
    return {
      userId: u.id,
      displayName: u.display_name,
      departmentId: u.department_id,
      weeksExpected: expected,
      submitted,
      onTime: submitted - late,
      late,
      missing,
      peerRating: ratingCount > 0 ? round2(ratingSum / ratingCount) : null,
      grade: gradeCount > 0 ? (GRADE_OF[Math.round(gradeSum / gradeCount) - 1] ?? null) : null,
      outcomePoints: round2(outcomeCents / 100),
      total: round2(totalCents / 100),
    };
  });
}

/** Competition ranks (1, 2, 2, 4) by total, in the organisation and in each department, and the department percentile. */
export function rankRows(scores: readonly PeriodTotals[]): TScoreRow[] {
  const sorted = [...scores].sort((a, b) => b.total - a.total || a.displayName.localeCompare(b.displayName, 'zh-CN'));
  const rankIn = (list: readonly PeriodTotals[]) => {
    const ranks = new Map<string, number>();
    list.forEach((s, i) => {
      const prev = list[i - 1];
      ranks.set(s.userId, prev && prev.total === s.total ? (ranks.get(prev.userId) as number) : i + 1);
    });
    return ranks;
  };
  const orgRank = rankIn(sorted);
  const byDept = new Map<string | null, PeriodTotals[]>();
  for (const s of sorted) {
    const list = byDept.get(s.departmentId);
    if (list) list.push(s);
    else byDept.set(s.departmentId, [s]);
  }
  const deptRank = new Map<string, number>();
  const deptSize = new Map<string, number>();
  for (const list of byDept.values()) {
    for (const [id, r] of rankIn(list)) {
      deptRank.set(id, r);
      deptSize.set(id, list.length);
    }
  }
  return sorted.map((s) => {
    const n = deptSize.get(s.userId) as number;
    const r = deptRank.get(s.userId) as number;
    return {
      userId: s.userId,
      displayName: s.displayName,
      departmentId: s.departmentId,
      weeksExpected: s.weeksExpected,
      submitted: s.submitted,
      onTime: s.onTime,
      late: s.late,
      missing: s.missing,
      peerRating: s.peerRating,
      grade: s.grade,
      outcomePoints: s.outcomePoints,
      total: s.total,
      rank: orgRank.get(s.userId) as number,
      departmentRank: r,
      // 100 for the top of the department, 0 for its bottom; a department of one is at the top.
      departmentPercentile: n <= 1 ? 100 : round2((100 * (n - r)) / (n - 1)),
    };
  });
}
