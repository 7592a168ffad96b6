import {
  DEFAULT_SCHEDULE_SETTINGS,
  type TJobRun,
  type TJobRunsPage,
  type TJobRunsQuery,
  type TNextRun,
  type TScheduleSettings,
  type TSchedulesState,
  ZScheduleSettings,
} from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { Executor } from '../../db/database';
import { type Actor, authorize } from '../../lib/actor';
import { invalidInput } from '../../lib/errors';
import { auditBy } from '../audit/audit.service';
import { readSettings, writeSettings } from '../settings/settings.repository';
import { addWeeks, formatInZone, weekOfInstant, weeksBetween } from '../weeks/iso-week';
import { loadCalendar } from '../weeks/weeks.service';
import * as runs from './job-runs.repository';
import { type CalendarView, plannedRuns } from './schedule-times';
import { canManageSchedules } from './scheduler.policy';

/** The settings key the schedules are stored under (one JSON value). */
export const SCHEDULES_KEY = 'schedules';

const ADMINS_ONLY = 'Only admins manage the schedules';

/** The stored schedules, each part falling back to its default when never saved (or unreadable). */
export async function getScheduleSettings(ctx: AppContext, db: Executor = ctx.db): Promise<TScheduleSettings> {
  const stored = (await readSettings(db)).get(SCHEDULES_KEY);
  const merged = { ...DEFAULT_SCHEDULE_SETTINGS, ...(typeof stored === 'object' && stored !== null ? stored : {}) };
  const parsed = ZScheduleSettings.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SCHEDULE_SETTINGS;
}

/** The calendar from `from` to `to` weeks around a week: deadlines, working days and overrides. */
export async function calendarAround(ctx: AppContext, week: string, from: number, to: number): Promise<CalendarView> {
  return loadCalendar(ctx, weeksBetween(addWeeks(week, from), addWeeks(week, to)));
}

/** The next runs of the enabled jobs after `now` (two of each), computed from the calendar, soonest first. */
export async function nextRuns(ctx: AppContext, settings: TScheduleSettings, now: Date): Promise<TNextRun[]> {
  const cal = await calendarAround(ctx, weekOfInstant(now, ctx.config.timezone), -2, 14);
  const tz = cal.settings.timezone;
  const current = weekOfInstant(now, tz);
  const all = weeksBetween(addWeeks(current, -1), addWeeks(current, 10))
    .flatMap((w) => plannedRuns(w, cal, settings))
    .filter((r) => r.at > now.getTime())
    .sort((a, b) => a.at - b.at);
  const perJob = new Map<string, number>();
  const out: TNextRun[] = [];
  for (const r of all) {
    const n = perJob.get(r.job) ?? 0;
    if (n >= 2) continue;
    perJob.set(r.job, n + 1);
    out.push({ job: r.job, week: r.week, at: formatInZone(r.at, tz), moved: r.moved });
  }
  return out;
}

/** The schedules, whether this server runs them, and their next runs (admins). */
export async function getSchedules(ctx: AppContext, actor: Actor, now = new Date()): Promise<TSchedulesState> {
  authorize(canManageSchedules(actor), ADMINS_ONLY);
  const settings = await getScheduleSettings(ctx);
  const { timezone } = (await loadCalendar(ctx, [])).settings;
  return { settings, timezone, schedulerEnabled: ctx.config.scheduler, nextRuns: await nextRuns(ctx, settings, now) };
}

/** Replaces the schedules (admins); audited with the values before and after. */
export async function putSchedules(
  ctx: AppContext,
  actor: Actor,
  input: TScheduleSettings,
  now = new Date(),
): Promise<TSchedulesState> {
  authorize(canManageSchedules(actor), ADMINS_ONLY);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await getScheduleSettings(ctx, trx);
    await writeSettings(trx, { [SCHEDULES_KEY]: input }, now.toISOString());
    await auditBy(trx, actor, 'schedules.updated', {
      targetType: 'settings',
      targetId: SCHEDULES_KEY,
      data: { before, after: input },
    });
  });
  return getSchedules(ctx, actor, now);
}

function decodeCursor(cursor: string): { at: string; job: string; runKey: string } {
  const [at, job, runKey] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !job || !runKey || Number.isNaN(Date.parse(at))) {
    throw invalidInput('Invalid cursor', [{ path: 'querystring.cursor', message: 'invalid' }]);
  }
  return { at, job, runKey };
}

function presentRun(r: runs.JobRunRow): TJobRun {
  return {
    job: r.job,
    runKey: r.run_key,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    status: r.status as TJobRun['status'],
    error: r.error,
    owner: r.owner,
    attempts: Number(r.attempts),
    result: r.result ? (JSON.parse(r.result) as Record<string, unknown>) : null,
  };
}

/** The recorded job runs, newest first, a page at a time (admins). */
export async function listJobRuns(ctx: AppContext, actor: Actor, query: TJobRunsQuery): Promise<TJobRunsPage> {
  authorize(canManageSchedules(actor), ADMINS_ONLY);
  const limit = query.limit ?? 50;
  const rows = await runs.listRuns(ctx.db, {
    job: query.job,
    before: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last ? Buffer.from(`${last.started_at}|${last.job}|${last.run_key}`).toString('base64url') : null;
  return { items: page.map(presentRun), nextCursor };
}
