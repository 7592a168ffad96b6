import { z } from 'zod';
import { ZId } from './common';

/** `2021-W03`: an ISO 8601 week (year of the week, two-digit week number). */
export const WEEK_ID_PATTERN = /^(\d{4})-W(\d{2})$/;
/** `2021-01-22`: a calendar date without time. */
export const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The years dates and weeks may name: wide enough for any record, narrow enough to stay 4-digit. */
export const YEAR_RANGE = { min: 1900, max: 2999 } as const;

const inYearRange = (y: number) => y >= YEAR_RANGE.min && y <= YEAR_RANGE.max;

/** The longest absence one request may record, in calendar days (both ends included). */
export const MAX_ABSENCE_DAYS = 366;

/** Returns true when `date` is a real calendar date written `YYYY-MM-DD`, in YEAR_RANGE. */
export function isValidIsoDate(date: string): boolean {
  const m = DATE_PATTERN.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return inYearRange(y) && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** The number of ISO weeks (52 or 53) in an ISO week-numbering year. */
export function isoWeeksInYear(year: number): 52 | 53 {
  // A year has 53 weeks when 1 January is a Thursday, or a Wednesday in a leap year;
  // equivalently, when 28 December falls in week 53.
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

/** Returns true when `week` is written `YYYY-Www`, in YEAR_RANGE, and that week exists (`2021-W53` does not). */
export function isValidWeekId(week: string): boolean {
  const m = WEEK_ID_PATTERN.exec(week);
  if (!m) return false;
  const [year, n] = [Number(m[1]), Number(m[2])];
  return inYearRange(year) && n >= 1 && n <= isoWeeksInYear(year);
}

/** Days from `from` to `to` (both `YYYY-MM-DD`), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const ZWeekId = z
  .string()
  .regex(WEEK_ID_PATTERN, { message: 'an ISO week such as 2021-W03', abort: true })
  .refine(isValidWeekId, 'no such ISO week in that year');
export type TWeekId = z.infer<typeof ZWeekId>;

export const ZDate = z
  .string()
  .regex(DATE_PATTERN, { message: 'a date written YYYY-MM-DD', abort: true })
  .refine(isValidIsoDate, 'no such calendar date');
export type TDate = z.infer<typeof ZDate>;

export const ZWeekParams = z.object({ week: ZWeekId });
export const ZDateParams = z.object({ date: ZDate });

/**
 * One ISO week in the organisation's time zone.
 * `start` and `end` are the calendar dates (`YYYY-MM-DD`) of its Monday and Sunday.
 * `deadline` is an ISO 8601 time with the organisation's offset (`2026-09-30T17:00:00+08:00`):
 * the configured weekday and time, moved to the last working day on or before it (or, when the
 * week has none before it, to the last working day of the week). A week with no working day at
 * all is not due: `due: false` and `deadline: null`. `workdays` lists the week's working days.
 */
export const ZWeekInfo = z.object({
  week: ZWeekId,
  start: ZDate.describe('The Monday of the week'),
  end: ZDate.describe('The Sunday of the week'),
  deadline: z.iso
    .datetime({ offset: true })
    .nullable()
    .describe("The report deadline with the organisation's offset; null when the week is not due"),
  due: z.boolean().describe('False when the week has no working day: no report is owed'),
  workdays: z.array(ZDate).describe('The working days of the week, Monday first'),
});
export type TWeekInfo = z.infer<typeof ZWeekInfo>;

/** An organisation's own decision about one date, over the official calendar. */
export const ZCalendarOverride = z.object({
  date: ZDate,
  workday: z.boolean(),
  note: z.string().nullable(),
});
export type TCalendarOverride = z.infer<typeof ZCalendarOverride>;

export const ZPutCalendarOverrideRequest = z.object({
  workday: z.boolean(),
  note: z.string().trim().max(200).nullable().optional(),
});
export type TPutCalendarOverrideRequest = z.infer<typeof ZPutCalendarOverrideRequest>;

/** A date range filter; both ends included, both optional. */
export const ZDateRangeQuery = z
  .object({ from: ZDate.optional(), to: ZDate.optional() })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'from must not be after to', path: ['to'] });
export type TDateRangeQuery = z.infer<typeof ZDateRangeQuery>;

/** A person's leave from `from` to `to`, both dates included. */
export const ZAbsence = z.object({
  id: ZId,
  userId: ZId,
  from: ZDate,
  to: ZDate,
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export type TAbsence = z.infer<typeof ZAbsence>;

export const ZCreateAbsenceRequest = z
  .object({
    from: ZDate,
    to: ZDate,
    reason: z.string().trim().max(200).nullable().optional(),
  })
  .refine((v) => v.from <= v.to, { message: 'from must not be after to', path: ['to'] })
  .refine((v) => daysBetween(v.from, v.to) < MAX_ABSENCE_DAYS, {
    message: `an absence spans at most ${MAX_ABSENCE_DAYS} days`,
    path: ['to'],
  });
export type TCreateAbsenceRequest = z.infer<typeof ZCreateAbsenceRequest>;

export const ZAbsenceParams = z.object({ id: ZId, absenceId: ZId });

/** A State Council holiday notice pasted by an admin; `year` overrides the year found in the text. */
export const ZHolidayNoticeRequest = z.object({
  text: z.string().trim().min(1).max(20_000),
  year: z.number().int().min(2000).max(2100).optional(),
});
export type THolidayNoticeRequest = z.infer<typeof ZHolidayNoticeRequest>;

/** What can be wrong with a notice; each code has a message in the web's catalogues. */
export const NOTICE_PROBLEM_CODES = [
  'year_missing',
  'no_items',
  'invalid_date',
  'weekday_mismatch',
  'day_count_mismatch',
  'overlap',
] as const;

export const ZHolidayNoticePreview = z.object({
  year: z.number().int().nullable(),
  /** Whether the bundled official calendar already covers the year (then the notice should change nothing). */
  official: z.boolean(),
  holidays: z.array(z.object({ name: z.string(), from: ZDate, to: ZDate, days: z.number().int() })),
  workdays: z.array(z.object({ name: z.string(), date: ZDate })),
  problems: z.array(z.object({ code: z.enum(NOTICE_PROBLEM_CODES), subject: z.string().nullable() })),
  /** Dates where the notice differs from the calendar in force; `kept` when the organisation's own override stays. */
  changes: z.array(z.object({ date: ZDate, workday: z.boolean(), note: z.string(), kept: z.boolean() })),
});
export type THolidayNoticePreview = z.infer<typeof ZHolidayNoticePreview>;

export const ZHolidayNoticeApplied = z.object({
  year: z.number().int(),
  applied: z.number().int(),
  kept: z.number().int(),
});
export type THolidayNoticeApplied = z.infer<typeof ZHolidayNoticeApplied>;

/** Which years the calendar knows: the bundled official data, and the notices imported since. */
export const ZCalendarStatus = z.object({
  officialFirstYear: z.number().int(),
  officialLastYear: z.number().int(),
  notices: z.array(z.object({ year: z.number().int(), appliedAt: z.string(), appliedBy: z.string().nullable() })),
});
export type TCalendarStatus = z.infer<typeof ZCalendarStatus>;
