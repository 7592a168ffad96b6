import { isValidWeekId, WEEK_ID_PATTERN } from '@zhoubao/contracts';

// ISO 8601 week ids (`2021-W03`) on the client: pure date arithmetic in UTC, no local time involved.

const DAY_MS = 86_400_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The ISO weekday of a day number: 1 Monday … 7 Sunday. */
function isoWeekday(day: number): number {
  const dow = new Date(day * DAY_MS).getUTCDay();
  return dow === 0 ? 7 : dow;
}

/** The ISO week a `YYYY-MM-DD` date belongs to (`2027-01-01` is in `2026-W53`). */
export function weekOfDate(date: string): string {
  const day = dayNumber(date);
  // A week belongs to the year its Thursday falls in.
  const thursday = day - isoWeekday(day) + 4;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1) / DAY_MS;
  return `${pad(year, 4)}-W${pad(Math.floor((thursday - jan1) / 7) + 1)}`;
}

/** The year and number of a week id (which must be valid). */
export function weekParts(week: string): { year: number; n: number } {
  const m = WEEK_ID_PATTERN.exec(week);
  if (!m || !isValidWeekId(week)) throw new RangeError(`Not an ISO week: ${week}`);
  return { year: Number(m[1]), n: Number(m[2]) };
}

/** The Monday (`YYYY-MM-DD`) of a week. */
export function weekStart(week: string): string {
  const { year, n } = weekParts(week);
  const jan4 = Date.UTC(year, 0, 4) / DAY_MS;
  return dateOfDay(jan4 - (isoWeekday(jan4) - 1) + (n - 1) * 7);
}

/** The Sunday (`YYYY-MM-DD`) of a week. */
export function weekEnd(week: string): string {
  return dateOfDay(dayNumber(weekStart(week)) + 6);
}

/** The week `n` weeks after `week` (before it when negative). */
export function shiftWeek(week: string, n: number): string {
  return weekOfDate(dateOfDay(dayNumber(weekStart(week)) + 7 * n));
}

/** Negative, zero or positive as `a` is before, the same as or after `b` (ids sort as text). */
export function compareWeeks(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export { isValidWeekId };
