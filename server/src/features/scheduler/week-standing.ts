import type { AppContext } from '../../context';
import { owedWeeks } from '../absences/absences.service';
import { compareWeeks, weekOfInstant } from '../weeks/iso-week';
import * as repo from './scheduler.repository';

export interface Person {
  id: string;
  displayName: string;
  departmentId: string;
}

/** Where a week stands: every active person in a department, who submitted (late or not), and who still owes it. */
export interface WeekStanding {
  people: Person[];
  submitted: Map<string, { late: boolean }>;
  /** Active people who joined by the week, owe it (due, not covered by absences) and have not submitted it. */
  owing: Person[];
}

/**
 * Reads where a week stands in a few set-based queries. Whether a week is owed comes from
 * `owedWeeks` (the calendar and absences); a week before a person joined is not owed, as in the
 * bulletin's missing list.
 */
export async function weekStanding(ctx: AppContext, week: string, timezone: string): Promise<WeekStanding> {
  const [rows, submitted] = await Promise.all([repo.listActivePeople(ctx.db), repo.submittedOfWeek(ctx.db, week)]);
  const people = rows.map((r) => ({ id: r.id, displayName: r.display_name, departmentId: r.department_id }));
  const joined = rows.filter(
    (r) => !submitted.has(r.id) && compareWeeks(weekOfInstant(new Date(r.created_at), timezone), week) <= 0,
  );
  const owed = await owedWeeks(
    ctx,
    joined.map((r) => r.id),
    [week],
  );
  const owingIds = new Set(joined.filter((r) => (owed.get(r.id) ?? []).length > 0).map((r) => r.id));
  return { people, submitted, owing: people.filter((p) => owingIds.has(p.id)) };
}
