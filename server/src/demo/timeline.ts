// When the demo's people write, submit and revise a week's report, from the week's real deadline.
import { addDays, weekStart, zonedInstant } from '../features/weeks/iso-week';
import type { Traits } from './org';
import type { Rng } from './prng';

/** A week as the simulation needs it: its working days and deadline. */
export interface WeekCalendar {
  week: string;
  /** Working days (official calendar and overrides), Monday first. */
  workdays: string[];
  /** The deadline instant in milliseconds, or null when the week is not due. */
  deadlineMs: number | null;
  /** The date the deadline falls on. */
  deadlineDate: string | null;
  /** The configured deadline time of day, in minutes after midnight. */
  deadlineMinutes: number;
  timezone: string;
}

/** What happens to one person's report of one week, seen from `now`. */
export type ReportFate =
  | { kind: 'none' }
  | { kind: 'draft'; createdAt: number; updatedAt: number }
  | { kind: 'submitted'; createdAt: number; submittedAt: number; late: boolean; revisedAt: number | null };

const MINUTE = 60_000;
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Resolved wall-clock instants, by zone, date and minute: time zone arithmetic is the costly part. */
const instants = new Map<string, number>();

/** An instant at a local date and minute of the day, plus some seconds. */
export function localInstant(date: string, minutes: number, timezone: string, seconds = 0): number {
  const time = hhmm(Math.max(0, Math.min(minutes, 23 * 60 + 59)));
  const key = `${timezone} ${date}T${time}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    if (instants.size > 100_000) instants.clear();
    instant = zonedInstant(date, time, timezone);
    instants.set(key, instant);
  }
  return instant + seconds * 1000;
}

/** An on-time submission: usually on the deadline day or the day before, within working hours. */
function onTimeAt(rng: Rng, cal: WeekCalendar): number {
  const days = cal.workdays.filter((d) => d <= (cal.deadlineDate as string));
  const weights = days.map((d, i) => [d, i === days.length - 1 ? 5 : i === days.length - 2 ? 3 : 1.5] as const);
  const date = rng.weighted(weights);
  const last = date === cal.deadlineDate ? cal.deadlineMinutes - 2 : 18 * 60;
  const first = Math.min(9 * 60, last - 60);
  const at = localInstant(date, rng.int(first, Math.max(first, last)), cal.timezone, rng.int(0, 59));
  return Math.min(at, (cal.deadlineMs as number) - MINUTE);
}

/** A late submission: the same evening, or the next Monday morning. */
function lateAt(rng: Rng, cal: WeekCalendar): number {
  const deadline = cal.deadlineMs as number;
  if (rng.chance(0.55)) return deadline + rng.int(5, 240) * MINUTE + rng.int(0, 59) * 1000;
  const nextMonday = addDays(weekStart(cal.week), 7);
  return Math.max(deadline + 5 * MINUTE, localInstant(nextMonday, rng.int(8 * 60 + 30, 12 * 60), cal.timezone, rng.int(0, 59)));
}

/** When the writing started: some minutes to a day before submitting, never before Monday 08:00. */
function startedAt(rng: Rng, cal: WeekCalendar, submitAt: number): number {
  const monday = localInstant(weekStart(cal.week), 8 * 60, cal.timezone);
  return Math.max(monday, submitAt - rng.int(20, 26 * 60) * MINUTE - rng.int(0, 59) * 1000);
}

/**
 * Decides a person's week: on time (most), late, or missing (sometimes with a draft that was never
 * submitted); a few submitted reports are revised within a day. Whatever would happen after `now`
 * has not happened yet: a report due later is still a draft, or not started.
 */
export function fateOf(rng: Rng, traits: Traits, cal: WeekCalendar, nowMs: number): ReportFate {
  if (cal.deadlineMs === null) return { kind: 'none' };
  const roll = rng.next();
  if (roll < traits.missRate) {
    if (!rng.chance(0.4)) return { kind: 'none' };
    const createdAt = localInstant(rng.pick(cal.workdays), rng.int(9 * 60, 17 * 60), cal.timezone, rng.int(0, 59));
    return createdAt <= nowMs ? { kind: 'draft', createdAt, updatedAt: createdAt } : { kind: 'none' };
  }
  const late = roll < traits.missRate + traits.lateRate;
  const submittedAt = late ? lateAt(rng, cal) : onTimeAt(rng, cal);
  const createdAt = startedAt(rng, cal, submittedAt);
  const revision = rng.chance(0.04) ? submittedAt + rng.int(30, 20 * 60) * MINUTE : null;
  if (submittedAt <= nowMs) {
    return {
      kind: 'submitted',
      createdAt,
      submittedAt,
      late,
      revisedAt: revision !== null && revision <= nowMs ? revision : null,
    };
  }
  if (createdAt > nowMs) return { kind: 'none' };
  const updatedAt = createdAt + Math.floor(rng.next() * Math.min(3 * 60 * MINUTE, nowMs - createdAt));
  return { kind: 'draft', createdAt, updatedAt };
}
