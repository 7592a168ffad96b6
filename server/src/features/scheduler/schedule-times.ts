import type { TJobName, TScheduleSettings } from '@zhoubao/contracts';
import { type CalendarOverrides, type DeadlineSettings, deadlineOf, isWorkingDay, workingDaysOf } from '../weeks/calendar';
import { addDays, addWeeks, formatInZone, localDate, weekDates, zonedInstant } from '../weeks/iso-week';

// When each scheduled job is due for a report week, computed from the deadline and the working
// calendar (official holidays, make-up working days and the organisation's overrides). Pure: the
// jobs, the "next runs" preview and the tests all ask these functions.

/** What the computations need: deadline settings and overrides covering the weeks asked about (and the next two). */
export interface CalendarView {
  settings: DeadlineSettings;
  overrides: CalendarOverrides;
}

/** A planned run: when it is due (epoch ms), until when it is still worth running, and whether it was moved off a day off. */
export interface PlannedRun {
  job: TJobName;
  week: string;
  at: number;
  until: number;
  moved: boolean;
}

const MINUTE = 60_000;
/** Runs after the deadline (missing list, digest, publishing) are still made up to this many working days after they were due, then dropped. */
export const LATE_RUN_WORKING_DAYS = 5;

/** The `HH:mm` wall-clock time of an instant in a time zone. */
export function clockTime(instant: number, timeZone: string): string {
  return formatInZone(instant, timeZone).slice(11, 16);
}

const working = (date: string, cal: CalendarView) => isWorkingDay(date, cal.overrides);

/** The first working day on or after `date` (looking at most 60 days ahead), or null. */
function nextWorkingDay(date: string, cal: CalendarView): string | null {
  for (let i = 0; i <= 60; i++) {
    const d = addDays(date, i);
    if (working(d, cal)) return d;
  }
  return null;
}

/** The instant moved forward to the same time of day on the next working day when it falls on a day off. */
function forwardToWorkingDay(instant: number, cal: CalendarView): { at: number; moved: boolean } | null {
  const tz = cal.settings.timezone;
  const date = localDate(new Date(instant), tz);
  if (working(date, cal)) return { at: instant, moved: false };
  const next = nextWorkingDay(date, cal);
  return next ? { at: zonedInstant(next, clockTime(instant, tz), tz), moved: true } : null;
}

/** The end (next midnight) of the `n`-th working day after the instant's date, in the organisation's time zone. */
function lateUntil(instant: number, cal: CalendarView): number {
  const tz = cal.settings.timezone;
  let date = localDate(new Date(instant), tz);
  for (let found = 0, i = 0; found < LATE_RUN_WORKING_DAYS && i < 90; i++) {
    date = addDays(date, 1);
    if (working(date, cal)) found++;
  }
  return zonedInstant(addDays(date, 1), '00:00', tz);
}

function deadlineMs(week: string, cal: CalendarView): number | null {
  const d = deadlineOf(week, cal.settings, cal.overrides);
  return d.deadline ? Date.parse(d.deadline) : null;
}

/**
 * The reminder before the deadline: `leadMinutes` before it. It is never sent on a day off nor
 * before the week's first working day: then it goes at the same time of day on the nearest earlier
 * working day of the week, else on the next working day of the week while that is still before the
 * deadline; otherwise there is no reminder. A week that is not due has none.
 */
export function reminderRun(week: string, cal: CalendarView, leadMinutes: number): PlannedRun | null {
  const deadline = deadlineMs(week, cal);
  if (deadline === null) return null;
  const tz = cal.settings.timezone;
  const wanted = deadline - leadMinutes * MINUTE;
  const date = localDate(new Date(wanted), tz);
  const days = workingDaysOf(week, cal.overrides);
  const plan = (at: number, moved: boolean): PlannedRun => ({ job: 'reminder', week, at, until: deadline, moved });
  if (days.includes(date)) return plan(wanted, false);
  const time = clockTime(wanted, tz);
  const earlier = days.filter((d) => d < date).at(-1);
  if (earlier) return plan(zonedInstant(earlier, time, tz), true);
  const later = days.find((d) => d > date);
  if (later) {
    const at = zonedInstant(later, time, tz);
    if (at < deadline) return plan(at, true);
  }
  return null;
}

/**
 * The second reminder on the morning of the deadline day at `time`: only when that is before the
 * deadline and not the very moment of the first reminder. The deadline day is always a working day.
 */
export function morningReminderRun(week: string, cal: CalendarView, time: string, firstAt: number | null): PlannedRun | null {
  const d = deadlineOf(week, cal.settings, cal.overrides);
  if (!d.date || !d.deadline) return null;
  const deadline = Date.parse(d.deadline);
  const at = zonedInstant(d.date, time, cal.settings.timezone);
  if (at >= deadline || at === firstAt) return null;
  return { job: 'morning_reminder', week, at, until: deadline, moved: false };
}

/** A run `delayMinutes` after the deadline, moved to the next working day (same time) when that is a day off. */
function afterDeadlineRun(job: TJobName, week: string, cal: CalendarView, delayMinutes: number): PlannedRun | null {
  const deadline = deadlineMs(week, cal);
  if (deadline === null) return null;
  const moved = forwardToWorkingDay(deadline + delayMinutes * MINUTE, cal);
  return moved ? { job, week, at: moved.at, until: lateUntil(moved.at, cal), moved: moved.moved } : null;
}

/** Heads' lists of missing people: `delayMinutes` after the deadline, on a working day. */
export const missingListRun = (week: string, cal: CalendarView, delayMinutes: number) =>
  afterDeadlineRun('missing_list', week, cal, delayMinutes);

/** Automatic publishing of bulletins: `delayMinutes` after the deadline, on a working day. */
export const autoPublishRun = (week: string, cal: CalendarView, delayMinutes: number) =>
  afterDeadlineRun('auto_publish', week, cal, delayMinutes);

/**
 * The digest of a week: on the configured weekday and time of the following week, moved to the next
 * working day (same time) when that is a day off. A week that was not due has no digest.
 */
export function digestRun(week: string, cal: CalendarView, weekday: number, time: string): PlannedRun | null {
  if (deadlineMs(week, cal) === null) return null;
  const date = weekDates(addWeeks(week, 1))[weekday - 1] as string;
  const moved = forwardToWorkingDay(zonedInstant(date, time, cal.settings.timezone), cal);
  return moved ? { job: 'digest', week, at: moved.at, until: lateUntil(moved.at, cal), moved: moved.moved } : null;
}

/** Every enabled job's planned run for a report week. */
export function plannedRuns(week: string, cal: CalendarView, s: TScheduleSettings): PlannedRun[] {
  const runs: (PlannedRun | null)[] = [];
  const reminder = s.reminder.enabled ? reminderRun(week, cal, s.reminder.leadMinutes) : null;
  runs.push(reminder);
  if (s.morningReminder.enabled) runs.push(morningReminderRun(week, cal, s.morningReminder.time, reminder?.at ?? null));
  if (s.missingList.enabled) runs.push(missingListRun(week, cal, s.missingList.delayMinutes));
  if (s.digest.enabled) runs.push(digestRun(week, cal, s.digest.weekday, s.digest.time));
  if (s.autoPublish.enabled) runs.push(autoPublishRun(week, cal, s.autoPublish.delayMinutes));
  return runs.filter((r): r is PlannedRun => r !== null);
}

/**
 * Whether a planned run is due at `now`: its time has come, it is not stale yet, and today is a
 * working day — a run missed while no process was up waits for the next working day, so nothing
 * is ever sent on a day off.
 */
export const isDue = (run: PlannedRun, now: number, cal: CalendarView): boolean =>
  run.at <= now && now < run.until && working(localDate(new Date(now), cal.settings.timezone), cal);
