import {
  PROFILE_DEFAULT_WEEKS,
  PROFILE_FEEDBACK_LIMIT,
  PROFILE_MAX_WEEKS,
  type TGradeValue,
  type TProfile,
  type TProfileQuery,
  type TScorePoint,
} from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { Actor } from '../../lib/actor';
import { invalidInput, notFound } from '../../lib/errors';
import { owedWeeks } from '../absences/absences.service';
import type { DepartmentTree } from '../departments/department-tree';
import { loadTree } from '../departments/departments.repository';
import { mentionsOf } from '../evaluation/comments.repository';
import { canSeeGrade } from '../evaluation/evaluation.policy';
import { presentGoalsOf } from '../goals/goals.service';
import { scorePeriod } from '../scoring/scoring.compute';
import { canSeeScoresOf } from '../scoring/scoring.policy';
import { listGrades, listRatingAverages } from '../scoring/scoring.repository';
import { getRules } from '../scoring/scoring.service';
import { getSettings } from '../settings/settings.service';
import { presentUser } from '../users/users.presenter';
import { findUser, type UserRecord } from '../users/users.repository';
import { weekInfo } from '../weeks/calendar';
import { addDays, addWeeks, compareWeeks, weekOfInstant, weekStart, weeksBetween } from '../weeks/iso-week';
import { loadOverrides } from '../weeks/weeks.service';
import { medianStats, type PersonFacts, periodStats, timelineOf, type WeekFacts, type WeekReport } from './profile.compute';
import { canOpenProfile } from './profile.policy';
import { presentContent, presentFeedback } from './profile.presenter';
import * as repo from './profile.repository';

/** The period asked for: by default the PROFILE_DEFAULT_WEEKS weeks up to the current one; 400 past PROFILE_MAX_WEEKS. */
export function resolveRange(query: TProfileQuery, currentWeek: string): repo.WeekRange {
  const to = query.to ?? (query.from && compareWeeks(query.from, currentWeek) > 0 ? query.from : currentWeek);
  const from = query.from ?? addWeeks(to, -(PROFILE_DEFAULT_WEEKS - 1));
  if (compareWeeks(to, addWeeks(from, PROFILE_MAX_WEEKS - 1)) > 0) {
    throw invalidInput(`A living file covers at most ${PROFILE_MAX_WEEKS} weeks at once`, [
      { path: 'querystring.to', message: 'period too long' },
    ]);
  }
  return { from, to };
}

/** Each week's due flag and whether its deadline has passed at `now`. */
async function weekFacts(ctx: AppContext, weeks: string[], settings: Parameters<typeof weekInfo>[1], now: Date) {
  const overrides = await loadOverrides(ctx.db, weekStart(weeks[0] as string), addDays(weekStart(weeks.at(-1) as string), 6));
  return weeks.map((week): WeekFacts => {
    const { due, deadline } = weekInfo(week, settings, overrides);
    return { week, due, passed: deadline !== null && Date.parse(deadline) < now.getTime() };
  });
}

/**
 * The facts of the person and of every active member of their department, in three set-based reads
 * (members, owed weeks, submissions), counted like `scorePeriod` does.
 */
async function departmentFacts(
  ctx: AppContext,
  user: UserRecord,
  weeks: string[],
  range: repo.WeekRange,
  timezone: string,
  own: Awaited<ReturnType<typeof repo.listReportsOf>>,
): Promise<{ person: PersonFacts; members: PersonFacts[] }> {
  const dept = user.department_id;
  const [members, submissions] = await Promise.all([
    dept ? repo.listMembers(ctx.db, dept) : [],
    dept ? repo.listDepartmentSubmissions(ctx.db, dept, range) : [],
  ]);
  const owed = await owedWeeks(ctx, [...new Set([user.id, ...members.map((m) => m.id)])], weeks);
  const submitted = new Map<string, Map<string, boolean>>();
  for (const s of submissions) {
    const map = submitted.get(s.user_id) ?? new Map<string, boolean>();
    map.set(s.week, Number(s.late) === 1);
    submitted.set(s.user_id, map);
  }
  const factsOf = (id: string, createdAt: string, mine?: Map<string, boolean>): PersonFacts => {
    const joined = weekOfInstant(new Date(createdAt), timezone);
    return {
      joined,
      owed: new Set((owed.get(id) ?? []).filter((w) => w >= joined)),
      submitted: mine ?? submitted.get(id) ?? new Map(),
    };
  };
  // The person's own submissions come from their own reports: they may be disabled or have moved.
  const mine = new Map(own.filter((r) => r.status === 'submitted').map((r) => [r.week, Number(r.late) === 1]));
  return {
    person: factsOf(user.id, user.created_at, mine),
    members: members.map((m) => (m.id === user.id ? factsOf(m.id, m.created_at, mine) : factsOf(m.id, m.created_at))),
  };
}

/** Weekly points by the rules in force, for those who may see the person's scores; null for others. */
async function scoreTrend(
  ctx: AppContext,
  actor: Actor,
  user: UserRecord,
  range: repo.WeekRange,
  tree: DepartmentTree,
  now: Date,
): Promise<{ trend: TScorePoint[]; total: number } | null> {
  if (!canSeeScoresOf(actor, { userId: user.id, departmentId: user.department_id }, tree)) return null;
  const { version: _v, createdAt: _c, createdBy: _b, ...rules } = await getRules(ctx);
  const [score] = await scorePeriod(ctx, rules, { ...range, userId: user.id }, now);
  if (!score) return { trend: [], total: 0 };
  return { trend: score.weeks.map((w) => ({ week: w.week, points: w.points })), total: score.total };
}

/** The person's report of each week for the timeline; `mayGrade` says whether the viewer sees a report's grade. */
function weekReportsOf(
  own: Awaited<ReturnType<typeof repo.listReportsOf>>,
  items: readonly repo.ProfileItemRow[],
  ratings: Awaited<ReturnType<typeof listRatingAverages>>,
  grades: Awaited<ReturnType<typeof listGrades>>,
  mayGrade: (departmentId: string | null) => boolean,
): Map<string, WeekReport> {
  const itemCount = new Map<string, number>();
  for (const i of items) itemCount.set(i.report_id, (itemCount.get(i.report_id) ?? 0) + 1);
  const ratingOf = new Map(ratings.map((r) => [r.reportId, { average: r.total / r.count, count: r.count }]));
  // Grades come oldest first: the last one per report is the one that counts.
  const gradeOf = new Map(grades.map((g) => [g.report_id, g.grade as TGradeValue]));
  const out = new Map<string, WeekReport>();
  for (const r of own) {
    out.set(r.week, {
      id: r.id,
      status: r.status === 'submitted' ? 'submitted' : 'draft',
      late: Number(r.late) === 1,
      items: itemCount.get(r.id) ?? 0,
      grade: mayGrade(r.department_id) ? (gradeOf.get(r.id) ?? null) : null,
      rating: ratingOf.get(r.id) ?? null,
    });
  }
  return out;
}

/**
 * A person's living file for a period (`GET /users/:id/profile`): figures beside their department's
 * median, the week-by-week timeline, work by category, achievements, feedback received, goals and
 * (for who may see scores) the weekly points. Whoever may read the person's reports may open it;
 * restricted items, grades and drafts reach only those allowed to see them.
 */
export async function getProfile(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  query: TProfileQuery,
  now = new Date(),
): Promise<TProfile> {
  const [user, tree, settings] = await Promise.all([findUser(ctx.db, userId), loadTree(ctx.db), getSettings(ctx)]);
  if (!user || !canOpenProfile(actor, { id: user.id, departmentId: user.department_id, active: user.active === 1 }, tree)) {
    throw notFound('User');
  }
  const range = resolveRange(query, weekOfInstant(now, settings.timezone));
  const weeks = weeksBetween(range.from, range.to);
  const filter = { ...range, userId: user.id };
  const own = await repo.listReportsOf(ctx.db, user.id, range);
  const [calendar, facts, items, ratings, grades, comments, goals, scores] = await Promise.all([
    weekFacts(ctx, weeks, settings, now),
    departmentFacts(ctx, user, weeks, range, settings.timezone, own),
    repo.listItemsOf(ctx.db, user.id, range),
    listRatingAverages(ctx.db, filter),
    listGrades(ctx.db, filter),
    repo.listCommentsReceived(ctx.db, user.id, range),
    presentGoalsOf(ctx.db, actor, user.id, tree),
    scoreTrend(ctx, actor, user, range, tree, now),
  ]);

  const listed = comments.slice(0, PROFILE_FEEDBACK_LIMIT);
  const mentions = await mentionsOf(
    ctx.db,
    listed.map((c) => c.id),
  );
  const weekReports = weekReportsOf(own, items, ratings, grades, (departmentId) =>
    canSeeGrade(actor, { userId: user.id, departmentId }, tree),
  );
  const departmentId = user.department_id;
  const department = departmentId ? tree.get(departmentId) : undefined;
  return {
    user: presentUser(user, actor),
    department: department ? { id: department.id, name: department.name, path: tree.path(department.id) } : null,
    from: range.from,
    to: range.to,
    stats: periodStats(calendar, facts.person),
    departmentMedian: facts.members.length > 0 ? medianStats(facts.members.map((m) => periodStats(calendar, m))) : null,
    timeline: timelineOf(calendar, facts.person, weekReports, actor.id === user.id),
    ...presentContent(items, new Map(own.map((r) => [r.id, r])), user.id, actor, tree),
    ...presentFeedback(comments, mentions),
    goals,
    // Weeks before the person joined score nothing by rule: the trend starts where their weeks do.
    scoreTrend: scores ? scores.trend.filter((w) => w.week >= facts.person.joined) : null,
    scoreTotal: scores?.total ?? null,
  };
}
