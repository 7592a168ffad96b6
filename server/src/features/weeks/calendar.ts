import { createRequire } from 'node:module';
import type { TSettings, TWeekInfo } from '@zhoubao/contracts';
import { formatInZone, isoWeekday, weekDates, zonedInstant } from './iso-week';
import statutoryJson from './statutory-holidays.json';

// Working days: the official Chinese calendar (holidays and make-up working days, 调休) from the
// `chinese-days` package, with the organisation's own overrides on top.
//
// We read the package's documented JSON data rather than calling isWorkday/getDayDetail: those
// parse and format dates in the process's local time zone, and give the wrong day for a date on
// a server whose clock is set west of UTC. The JSON is keyed by plain `YYYY-MM-DD` dates.

interface OfficialCalendarData {
  /** Official days off, by date: `"Spring Festival,春节,4"`. */
  holidays: Record<string, string>;
  /** Make-up working days (usually a Saturday or Sunday), by date, naming the holiday they pay for. */
  workdays: Record<string, string>;
}

const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as OfficialCalendarData;

const years = Object.keys(data.holidays).map((d) => Number(d.slice(0, 4)));
/**
 * The years the bundled official calendar covers. Later years fall back to the statutory holidays
 * (without the yearly make-up working days) until the admin imports that year's State Council
 * notice, which is stored as overrides.
 */
export const OFFICIAL_CALENDAR_YEARS = { first: Math.min(...years), last: Math.max(...years) };

// The statutory holidays by law for years after the bundled data (see scripts/statutory-holidays.mjs).
const statutoryTable = statutoryJson as unknown as Record<string, [string, string][]>;
/** The English names the bundled data uses, by the Chinese name. */
export const HOLIDAY_NAMES_EN: Record<string, string> = {
  元旦: "New Year's Day",
  春节: 'Spring Festival',
  清明节: 'Tomb-sweeping Day',
  劳动节: 'Labour Day',
  端午节: 'Dragon Boat Festival',
  中秋节: 'Mid-autumn Festival',
  国庆节: 'National Day',
};
const statutory = new Map<string, string>();
for (const [year, list] of Object.entries(statutoryTable)) {
  if (Number(year) <= OFFICIAL_CALENDAR_YEARS.last) continue;
  for (const [date, name] of list) statutory.set(date, HOLIDAY_NAMES_EN[name] ?? name);
}
/** The last year the statutory fallback knows. */
export const STATUTORY_LAST_YEAR = Math.max(...Object.keys(statutoryTable).map(Number));

/** Dates the organisation decided on: `true` forces a working day, `false` a day off. */
export type CalendarOverrides = ReadonlyMap<string, boolean>;

export const NO_OVERRIDES: CalendarOverrides = new Map();

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface OfficialDay {
  date: string;
  workday: boolean;
  kind: DayKind;
  /** The official holiday the day belongs to (English name), for holidays and make-up days. */
  holiday: string | null;
}

/** What the official calendar says about a date, without the organisation's overrides. */
export function officialDay(date: string): OfficialDay {
  const makeup = data.workdays[date];
  if (makeup) return { date, workday: true, kind: 'makeup_workday', holiday: makeup.split(',')[0] ?? makeup };
  const holiday = data.holidays[date];
  if (holiday) return { date, workday: false, kind: 'holiday', holiday: holiday.split(',')[0] ?? holiday };
  const byLaw = statutory.get(date);
  if (byLaw) return { date, workday: false, kind: 'holiday', holiday: byLaw };
  const weekend = isoWeekday(date) >= 6;
  return { date, workday: !weekend, kind: weekend ? 'weekend' : 'workday', holiday: null };
}

/** Whether a date is a working day: the organisation's override if any, else the official calendar. */
export function isWorkingDay(date: string, overrides: CalendarOverrides = NO_OVERRIDES): boolean {
  return overrides.get(date) ?? officialDay(date).workday;
}

/** The working days of a week, Monday first. */
export function workingDaysOf(week: string, overrides: CalendarOverrides = NO_OVERRIDES): string[] {
  return weekDates(week).filter((d) => isWorkingDay(d, overrides));
}

export type DeadlineSettings = Pick<TSettings, 'timezone' | 'deadline'>;

export interface Deadline {
  /** False when the week has no working day: no report is owed. */
  due: boolean;
  /** The date the deadline falls on, or null when not due. */
  date: string | null;
  /** The deadline as ISO 8601 with the organisation's offset, or null when not due. */
  deadline: string | null;
}

/**
 * The report deadline of a week: the configured weekday and time in the organisation's time zone
 * when that day is a working day; otherwise the last working day before it in the same week; when
 * the week has none before it, the last working day of the week. A week with no working day is not due.
 */
export function deadlineOf(week: string, settings: DeadlineSettings, overrides: CalendarOverrides = NO_OVERRIDES): Deadline {
  const days = weekDates(week);
  const working = days.filter((d) => isWorkingDay(d, overrides));
  if (working.length === 0) return { due: false, date: null, deadline: null };
  const configured = days[settings.deadline.weekday - 1] as string;
  const date = working.filter((d) => d <= configured).at(-1) ?? (working.at(-1) as string);
  const instant = zonedInstant(date, settings.deadline.time, settings.timezone);
  return { due: true, date, deadline: formatInZone(instant, settings.timezone) };
}

/** Everything the API says about a week: its dates, working days and deadline. */
export function weekInfo(week: string, settings: DeadlineSettings, overrides: CalendarOverrides = NO_OVERRIDES): TWeekInfo {
  const days = weekDates(week);
  const { due, deadline } = deadlineOf(week, settings, overrides);
  return {
    week,
    start: days[0] as string,
    end: days[6] as string,
    deadline,
    due,
    workdays: days.filter((d) => isWorkingDay(d, overrides)),
  };
}

/** True when every one of `days` lies inside one of the date ranges (both ends included). */
export function allCovered(days: readonly string[], ranges: readonly { from: string; to: string }[]): boolean {
  return days.every((d) => ranges.some((r) => r.from <= d && d <= r.to));
}
