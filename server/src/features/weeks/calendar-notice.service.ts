import type { TCalendarStatus, THolidayNoticeApplied, THolidayNoticePreview, THolidayNoticeRequest } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { Executor } from '../../db/database';
import { type Actor, authorize } from '../../lib/actor';
import { invalidInput } from '../../lib/errors';
import { nowIso } from '../../lib/time';
import { auditBy } from '../audit/audit.service';
import { OFFICIAL_CALENDAR_YEARS, officialDay } from './calendar';
import * as repo from './calendar.repository';
import { type ParsedNotice, parseHolidayNotice } from './holiday-notice';
import { addDays, isoWeekday } from './iso-week';
import { canManageCalendar } from './weeks.policy';

interface Change {
  date: string;
  workday: boolean;
  note: string;
  kept: boolean;
}

/** Every date the notice decides: its year's days, plus days off that run into the next year. */
function datesOf(parsed: ParsedNotice, year: number): string[] {
  const dates: string[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) dates.push(d);
  const beyond = parsed.holidays.flatMap((h) => h.dates).filter((d) => d > `${year}-12-31`);
  return [...dates, ...beyond];
}

/**
 * Where the notice differs from the official calendar in force (the bundled data, or the statutory
 * holidays for years it does not cover). The notice decides the whole year: a date it names is a day
 * off or a working day as it says, any other date is a working day from Monday to Friday. A date the
 * organisation already overrode differently keeps its override (`kept`).
 */
async function changesOf(db: Executor, parsed: ParsedNotice, year: number): Promise<Change[]> {
  const off = new Map(parsed.holidays.flatMap((h) => h.dates.map((d) => [d, h.name] as const)));
  const work = new Map(parsed.workdays.map((w) => [w.date, w.name]));
  const dates = datesOf(parsed, year);
  const overrides = new Map(
    (await repo.listOverrideRows(db, { from: dates[0], to: dates.at(-1) })).map((r) => [r.date, r.workday === 1]),
  );
  const changes: Change[] = [];
  for (const date of dates) {
    const holiday = off.get(date);
    const makeup = work.get(date);
    const workday = holiday !== undefined ? false : makeup !== undefined ? true : isoWeekday(date) <= 5;
    if (workday === officialDay(date).workday) continue;
    const override = overrides.get(date);
    if (override === workday) continue; // the organisation already decided the same
    const note = holiday ?? (makeup !== undefined ? `${makeup}调休上班` : '工作日');
    changes.push({ date, workday, note, kept: override !== undefined });
  }
  return changes;
}

function presentPreview(parsed: ParsedNotice, changes: Change[]): THolidayNoticePreview {
  const year = parsed.year;
  return {
    year,
    official: year !== null && year >= OFFICIAL_CALENDAR_YEARS.first && year <= OFFICIAL_CALENDAR_YEARS.last,
    holidays: parsed.holidays.map((h) => ({
      name: h.name,
      from: h.dates[0] as string,
      to: h.dates.at(-1) as string,
      days: h.dates.length,
    })),
    workdays: parsed.workdays,
    problems: parsed.problems,
    changes,
  };
}

/** Reads a holiday notice and shows what it would change, writing nothing (admin). */
export async function previewHolidayNotice(
  ctx: AppContext,
  actor: Actor,
  input: THolidayNoticeRequest,
): Promise<THolidayNoticePreview> {
  authorize(canManageCalendar(actor), 'Only admins change the calendar');
  const parsed = parseHolidayNotice(input.text, input.year);
  const changes = parsed.year === null || parsed.problems.length ? [] : await changesOf(ctx.db, parsed, parsed.year);
  return presentPreview(parsed, changes);
}

/**
 * Saves a holiday notice's differences from the official calendar as overrides, keeping the
 * organisation's own overrides; 400 when the notice has problems. Audited with counts only.
 */
export async function applyHolidayNotice(
  ctx: AppContext,
  actor: Actor,
  input: THolidayNoticeRequest,
): Promise<THolidayNoticeApplied> {
  authorize(canManageCalendar(actor), 'Only admins change the calendar');
  const parsed = parseHolidayNotice(input.text, input.year);
  if (parsed.year === null || parsed.problems.length) {
    throw invalidInput(
      'The notice cannot be read as it is; preview it to see why',
      parsed.problems.map((p) => ({ path: 'body.text', message: p.subject ?? p.code, code: `notice_${p.code}` })),
    );
  }
  const year = parsed.year;
  return ctx.db.transaction().execute(async (trx) => {
    const changes = await changesOf(trx, parsed, year);
    const at = nowIso();
    const applied = changes.filter((c) => !c.kept);
    for (const c of applied) {
      await repo.upsertOverride(trx, {
        date: c.date,
        workday: c.workday ? 1 : 0,
        note: c.note,
        updated_at: at,
        updated_by: actor.id,
      });
    }
    await trx
      .insertInto('calendar_notices')
      .values({ year, text: input.text, applied_at: at, applied_by: actor.id })
      .onConflict((oc) => oc.column('year').doUpdateSet({ text: input.text, applied_at: at, applied_by: actor.id }))
      .execute();
    const result = { year, applied: applied.length, kept: changes.length - applied.length };
    await auditBy(trx, actor, 'calendar.notice_applied', { targetType: 'calendar_notice', targetId: String(year), data: result });
    return result;
  });
}

/** The years the calendar knows: the bundled official data and the imported notices. */
export async function calendarStatus(ctx: AppContext): Promise<TCalendarStatus> {
  const rows = await ctx.db.selectFrom('calendar_notices').select(['year', 'applied_at', 'applied_by']).orderBy('year').execute();
  return {
    officialFirstYear: OFFICIAL_CALENDAR_YEARS.first,
    officialLastYear: OFFICIAL_CALENDAR_YEARS.last,
    notices: rows.map((r) => ({ year: r.year, appliedAt: r.applied_at, appliedBy: r.applied_by })),
  };
}
