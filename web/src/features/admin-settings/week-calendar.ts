import type { TWeekInfo } from '@zhoubao/contracts';

// Calendar arithmetic for the deadline preview: pure functions over `YYYY-MM-DD` dates in UTC, so the
// viewer's own time zone never shifts a day. Deadlines are read as written, in the organisation's offset.

const DAY_MS = 86_400_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The ISO weekday of a `YYYY-MM-DD` date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  const dow = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  return dow === 0 ? 7 : dow;
}

/** The date `days` days after (negative: before) `date`. */
export const addDays = (date: string, days: number): string => dateOfDay(dayNumber(date) + days);

/** The ISO week a `YYYY-MM-DD` date belongs to (`2027-01-01` is in `2026-W53`). */
export function weekOfDate(date: string): string {
  const day = dayNumber(date);
  // A week belongs to the year its Thursday falls in.
  const thursday = day - isoWeekday(date) + 4;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1) / DAY_MS;
  return `${pad(year, 4)}-W${pad(Math.floor((thursday - jan1) / 7) + 1)}`;
}

/** The ids of the `count` weeks that follow the week starting on Monday `start`. */
export const followingWeeks = (start: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => weekOfDate(addDays(start, 7 * (i + 1))));

/** The organisation-local date and time of a deadline written `2026-09-30T17:00:00+08:00`. */
export function deadlineParts(iso: string): { date: string; time: string; weekday: number } | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  if (!m) return null;
  const date = m[1] as string;
  return { date, time: m[2] as string, weekday: isoWeekday(date) };
}

/** One week as the preview shows it. */
export interface WeekPreview {
  week: string;
  start: string;
  end: string;
  /** Null when the week is not due (no working day at all). */
  deadline: { date: string; time: string; weekday: number } | null;
  /** True when the holiday calendar moved the deadline off the configured weekday. */
  moved: boolean;
  /** The ISO weekdays (1..7) that are working days. */
  workdays: number[];
}

/** Reads a week's info against the configured deadline weekday. */
export function previewWeek(info: TWeekInfo, configuredWeekday: number): WeekPreview {
  const deadline = info.due && info.deadline ? deadlineParts(info.deadline) : null;
  return {
    week: info.week,
    start: info.start,
    end: info.end,
    deadline,
    moved: deadline !== null && deadline.weekday !== configuredWeekday,
    workdays: info.workdays.map(isoWeekday),
  };
}

/** `9月30日` / `Sep 30` for a `YYYY-MM-DD` date in the UI language. */
export function shortDate(date: string, language: string): string {
  return new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(dayNumber(date) * DAY_MS),
  );
}
