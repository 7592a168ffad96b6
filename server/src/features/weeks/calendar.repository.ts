import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database';
import type { CalendarOverridesTable } from '../../db/schema';

export type CalendarOverrideRow = Selectable<CalendarOverridesTable>;

export interface DateRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** The organisation's calendar overrides in a date range (both ends included), by date. */
export async function listOverrideRows(db: Executor, range: DateRange = {}): Promise<CalendarOverrideRow[]> {
  let q = db.selectFrom('calendar_overrides').selectAll();
  if (range.from) q = q.where('date', '>=', range.from);
  if (range.to) q = q.where('date', '<=', range.to);
  return q.orderBy('date').execute();
}

/** The override of one date, or undefined. */
export async function findOverride(db: Executor, date: string): Promise<CalendarOverrideRow | undefined> {
  return db.selectFrom('calendar_overrides').selectAll().where('date', '=', date).executeTakeFirst();
}

/** Creates or replaces the override of a date. */
export async function upsertOverride(db: Executor, row: CalendarOverrideRow): Promise<void> {
  const { date: _date, ...rest } = row;
  await db
    .insertInto('calendar_overrides')
    .values(row)
    .onConflict((oc) => oc.column('date').doUpdateSet(rest))
    .execute();
}

/** Deletes the override of a date. */
export async function deleteOverride(db: Executor, date: string): Promise<void> {
  await db.deleteFrom('calendar_overrides').where('date', '=', date).execute();
}
