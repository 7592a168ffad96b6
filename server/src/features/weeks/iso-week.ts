import { isoWeeksInYear, isValidIsoDate, isValidWeekId, WEEK_ID_PATTERN } from '@zhoubao/contracts';

// Pure helpers for ISO 8601 weeks (`2021-W03`) and calendar dates (`YYYY-MM-DD`).
// Dates are handled as whole days since 1970-01-01 (UTC arithmetic, no local time involved);
// only the functions taking a time zone look at instants.

export { isoWeeksInYear, isValidIsoDate, isValidWeekId };

const DAY_MS = 86_400_000;

/** The longest range `weeksBetween` lists, to keep a bad query from building a huge array. */
export const MAX_WEEKS_IN_RANGE = 1100;

export interface WeekParts {
  year: number;
  week: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (which must be valid). */
function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

/** The `YYYY-MM-DD` date of a day number. */
function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Parses a week id, or returns null when it is malformed or names a week that does not exist. */
export function parseWeekId(week: string): WeekParts | null {
  if (!isValidWeekId(week)) return null;
  const m = WEEK_ID_PATTERN.exec(week) as RegExpExecArray;
  return { year: Number(m[1]), week: Number(m[2]) };
}

/** Parses a week id, throwing a RangeError for an invalid one (use after validation). */
export function mustParseWeekId(week: string): WeekParts {
  const parts = parseWeekId(week);
  if (!parts) throw new RangeError(`Not an ISO week: ${week}`);
  return parts;
}

/** Writes a week id: `formatWeekId(2021, 3)` is `2021-W03`. */
export function formatWeekId(year: number, week: number): string {
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** The ISO weekday of a date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  const dow = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  return dow === 0 ? 7 : dow;
}

/** The date `n` days after `date` (before it when negative). */
export function addDays(date: string, n: number): string {
  return dateOfDay(dayNumber(date) + n);
}

/** The ISO week a calendar date belongs to (`2027-01-01` is in `2026-W53`). */
export function weekOfDate(date: string): string {
  const day = dayNumber(date);
  // The week belongs to the year its Thursday falls in.
  const thursday = day - isoWeekday(date) + 4;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1) / DAY_MS;
  return formatWeekId(year, Math.floor((thursday - jan1) / 7) + 1);
}

/** The Monday of a week. */
export function weekStart(week: string): string {
  const { year, week: n } = mustParseWeekId(week);
  const jan4 = Date.UTC(year, 0, 4) / DAY_MS;
  const jan4Weekday = isoWeekday(dateOfDay(jan4));
  return dateOfDay(jan4 - (jan4Weekday - 1) + (n - 1) * 7);
}

/** The Sunday of a week. */
export function weekEnd(week: string): string {
  return addDays(weekStart(week), 6);
}

/** The seven dates of a week, Monday to Sunday. */
export function weekDates(week: string): string[] {
  const monday = weekStart(week);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The week `n` weeks after `week` (before it when negative). */
export function addWeeks(week: string, n: number): string {
  return weekOfDate(addDays(weekStart(week), n * 7));
}

/** The week before. */
export const previousWeek = (week: string): string => addWeeks(week, -1);

/** The week after. */
export const nextWeek = (week: string): string => addWeeks(week, 1);

/** Orders two weeks: negative when `a` is earlier, 0 when equal, positive when later. */
export function compareWeeks(a: string, b: string): number {
  const x = mustParseWeekId(a);
  const y = mustParseWeekId(b);
  return x.year - y.year || x.week - y.week;
}

/** Every week from `from` to `to`, both included (empty when `to` is earlier); throws past MAX_WEEKS_IN_RANGE. */
export function weeksBetween(from: string, to: string): string[] {
  const count = (dayNumber(weekStart(to)) - dayNumber(weekStart(from))) / 7 + 1;
  if (count > MAX_WEEKS_IN_RANGE) throw new RangeError(`A range of ${count} weeks is too long`);
  return Array.from({ length: Math.max(0, count) }, (_, i) => addWeeks(from, i));
}

// Formatters are costly to build; keep one per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading of an instant in a time zone. */
function wallClock(instantMs: number, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(instantMs))
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The offset of a time zone from UTC at an instant, in minutes (480 for Asia/Shanghai). */
export function offsetMinutes(instantMs: number, timeZone: string): number {
  const w = wallClock(instantMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / 60_000);
}

/** The calendar date (`YYYY-MM-DD`) of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const w = wallClock(instant.getTime(), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The ISO week an instant falls in, in a time zone. */
export function weekOfInstant(instant: Date, timeZone: string): string {
  return weekOfDate(localDate(instant, timeZone));
}

/** Writes an instant as ISO 8601 with the time zone's offset: `2026-09-30T17:00:00+08:00`. */
export function formatInZone(instantMs: number, timeZone: string): string {
  const w = wallClock(instantMs, timeZone);
  const offset = offsetMinutes(instantMs, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * The instant of a wall-clock date and `HH:mm` time in a time zone. A time skipped by a
 * daylight-saving change resolves to the instant just after the gap.
 */
export function zonedInstant(date: string, time: string, timeZone: string): number {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wallAsUtc = Date.parse(`${date}T00:00:00Z`) + (hour * 60 + minute) * 60_000;
  // Two passes settle the offset, including on the day the offset changes.
  const first = wallAsUtc - offsetMinutes(wallAsUtc, timeZone) * 60_000;
  const second = wallAsUtc - offsetMinutes(first, timeZone) * 60_000;
  return Math.max(first, second);
}
