import { isValidWeekId, WEEK_ID_PATTERN } from '@zhoubao/contracts';

const DAY = 86_400_000;

/** The Monday (UTC midnight) of an ISO week `2021-W03`. */
export function mondayOf(week: string): Date {
  const m = WEEK_ID_PATTERN.exec(week);
  if (!m || !isValidWeekId(week)) throw new Error(`not an ISO week: ${week}`);
  const year = Number(m[1]);
  const n = Number(m[2]);
  // Week 1 is the week holding 4 January.
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(jan4 - jan4Weekday * DAY + (n - 1) * 7 * DAY);
}

/** The ISO week of a calendar date (its UTC fields). */
export function weekOfDate(date: Date): string {
  const weekday = (date.getUTCDay() + 6) % 7;
  // The Thursday of the date's week decides the week-numbering year.
  const thursday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) + (3 - weekday) * DAY);
  const year = thursday.getUTCFullYear();
  const n = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY));
  return `${year}-W${String(n).padStart(2, '0')}`;
}

/** The week `delta` weeks after (negative: before) `week`. */
export const shiftWeek = (week: string, delta: number): string =>
  weekOfDate(new Date(mondayOf(week).getTime() + delta * 7 * DAY));

/** Negative, zero or positive as `a` is before, the same as or after `b` (ids sort as text). */
export const compareWeekIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The year and number of a week id, for labels. */
export function weekParts(week: string): { year: number; n: number } {
  const m = WEEK_ID_PATTERN.exec(week);
  return { year: Number(m?.[1] ?? 0), n: Number(m?.[2] ?? 0) };
}

/** The Monday and Sunday of a week as `YYYY-MM-DD`. */
export function weekRange(week: string): { start: string; end: string } {
  const monday = mondayOf(week);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { start: iso(monday), end: iso(new Date(monday.getTime() + 6 * DAY)) };
}
