import type { TCalendarOverride, TDateRangeQuery, TPutCalendarOverrideRequest, TWeekInfo } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { Executor } from '../../db/database';
import { type Actor, authorize } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { nowIso } from '../../lib/time';
import { auditBy } from '../audit/audit.service';
import { getSettings } from '../settings/settings.service';
import { type CalendarOverrides, type DeadlineSettings, weekInfo } from './calendar';
import * as repo from './calendar.repository';
import { addDays, weekOfInstant, weekStart } from './iso-week';
import { canManageCalendar } from './weeks.policy';

const present = (r: repo.CalendarOverrideRow): TCalendarOverride => ({ date: r.date, workday: r.workday === 1, note: r.note });

/** The overrides between two dates (both included) as a date → workday map. */
export async function loadOverrides(db: Executor, from: string, to: string): Promise<CalendarOverrides> {
  const rows = await repo.listOverrideRows(db, { from, to });
  return new Map(rows.map((r) => [r.date, r.workday === 1]));
}

/** What deadlines depend on: the deadline settings and the overrides covering the given weeks. */
export async function loadCalendar(
  ctx: AppContext,
  weeks: readonly string[],
  db: Executor = ctx.db,
): Promise<{ settings: DeadlineSettings; overrides: CalendarOverrides }> {
  const settings = await getSettings(ctx, db);
  if (weeks.length === 0) return { settings, overrides: new Map() };
  const mondays = weeks.map(weekStart).sort();
  const overrides = await loadOverrides(db, mondays[0] as string, addDays(mondays.at(-1) as string, 6));
  return { settings, overrides };
}

/** Dates, working days and deadline of each of the given weeks, in one pass over the database. */
export async function weekInfos(ctx: AppContext, weeks: readonly string[]): Promise<Map<string, TWeekInfo>> {
  const { settings, overrides } = await loadCalendar(ctx, weeks);
  return new Map(weeks.map((w) => [w, weekInfo(w, settings, overrides)]));
}

/** One week with its deadline. */
export async function getWeek(ctx: AppContext, week: string): Promise<TWeekInfo> {
  return (await weekInfos(ctx, [week])).get(week) as TWeekInfo;
}

/** The week `now` falls in, in the organisation's time zone, with its deadline. */
export async function getCurrentWeek(ctx: AppContext, now = new Date()): Promise<TWeekInfo> {
  const { timezone } = await getSettings(ctx);
  return getWeek(ctx, weekOfInstant(now, timezone));
}

/** The organisation's calendar overrides, by date. */
export async function listOverrides(ctx: AppContext, query: TDateRangeQuery): Promise<TCalendarOverride[]> {
  return (await repo.listOverrideRows(ctx.db, query)).map(present);
}

/** Makes a date a working day or a day off for the organisation (admin); audited. */
export async function setOverride(
  ctx: AppContext,
  actor: Actor,
  date: string,
  input: TPutCalendarOverrideRequest,
): Promise<TCalendarOverride> {
  authorize(canManageCalendar(actor), 'Only admins change the calendar');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findOverride(trx, date);
    const row: repo.CalendarOverrideRow = {
      date,
      workday: input.workday ? 1 : 0,
      note: input.note || null,
      updated_at: nowIso(),
      updated_by: actor.id,
    };
    await repo.upsertOverride(trx, row);
    await auditBy(trx, actor, 'calendar.override_set', {
      targetType: 'calendar_override',
      targetId: date,
      data: { before: before ? present(before) : null, after: present(row) },
    });
    return present(row);
  });
}

/** Removes a date's override so the official calendar applies again (admin); 404 when none; audited. */
export async function removeOverride(ctx: AppContext, actor: Actor, date: string): Promise<void> {
  authorize(canManageCalendar(actor), 'Only admins change the calendar');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findOverride(trx, date);
    if (!before) throw notFound('Calendar override');
    await repo.deleteOverride(trx, date);
    await auditBy(trx, actor, 'calendar.override_deleted', {
      targetType: 'calendar_override',
      targetId: date,
      data: { before: present(before) },
    });
  });
}
