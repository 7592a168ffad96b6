import type { TAbsence, TCreateAbsenceRequest, TDateRangeQuery } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { Executor } from '../../db/database';
import { type Actor, authorize } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { auditBy } from '../audit/audit.service';
import { loadTree } from '../departments/departments.repository';
import { allCovered, workingDaysOf } from '../weeks/calendar';
import { addDays, weekStart } from '../weeks/iso-week';
import { loadOverrides } from '../weeks/weeks.service';
import { type AbsenceOwner, canReadAbsences, canRecordAbsence } from './absences.policy';
import * as repo from './absences.repository';

const present = (r: repo.AbsenceRow): TAbsence => ({
  id: r.id,
  userId: r.user_id,
  from: r.from_date,
  to: r.to_date,
  reason: r.reason,
  createdAt: r.created_at,
});

async function ownerOf(db: Executor, userId: string): Promise<AbsenceOwner> {
  const row = await repo.findOwner(db, userId);
  if (!row) throw notFound('User');
  return { id: row.id, departmentId: row.department_id };
}

/** Records a person's leave (the person, their head or an admin); 404 for an unknown user; audited. */
export async function recordAbsence(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  input: TCreateAbsenceRequest,
): Promise<TAbsence> {
  return ctx.db.transaction().execute(async (trx) => {
    const owner = await ownerOf(trx, userId);
    authorize(canRecordAbsence(actor, owner), "Only the person, their department's head or an admin records an absence");
    const row: repo.AbsenceRow = {
      id: newId(),
      user_id: userId,
      from_date: input.from,
      to_date: input.to,
      reason: input.reason || null,
      created_by: actor.id,
      created_at: nowIso(),
      deleted_at: null,
    };
    await repo.insertAbsence(trx, row);
    await auditBy(trx, actor, 'absence.created', {
      targetType: 'absence',
      targetId: row.id,
      data: { userId, from: row.from_date, to: row.to_date, reason: row.reason },
    });
    return present(row);
  });
}

/** A person's absences overlapping an optional date range, latest first, for those who may read them. */
export async function listAbsences(ctx: AppContext, actor: Actor, userId: string, range: TDateRangeQuery): Promise<TAbsence[]> {
  const owner = await ownerOf(ctx.db, userId);
  // The department tree is only needed to recognise a leader.
  const allowed = canRecordAbsence(actor, owner) || canReadAbsences(actor, owner, await loadTree(ctx.db));
  authorize(allowed, "Only the person, their head, their leaders, assessors and admins read a person's absences");
  return (await repo.listAbsenceRows(ctx.db, userId, range)).map(present);
}

/** Withdraws an absence (the person, their head or an admin); the row is kept, marked deleted; audited. */
export async function withdrawAbsence(ctx: AppContext, actor: Actor, userId: string, absenceId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const owner = await ownerOf(trx, userId);
    authorize(canRecordAbsence(actor, owner), "Only the person, their department's head or an admin withdraws an absence");
    const row = await repo.findAbsence(trx, userId, absenceId);
    if (!row) throw notFound('Absence');
    await repo.softDeleteAbsence(trx, absenceId, nowIso());
    await auditBy(trx, actor, 'absence.deleted', {
      targetType: 'absence',
      targetId: absenceId,
      data: { userId, from: row.from_date, to: row.to_date },
    });
  });
}

/**
 * For each user, the weeks among `weeks` that a report is owed for: weeks with at least one working
 * day (official calendar and overrides) that the user's absences do not all cover. Joining dates and
 * whether the deadline has passed are the caller's concern.
 */
export async function owedWeeks(
  ctx: AppContext,
  userIds: readonly string[],
  weeks: readonly string[],
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0 || weeks.length === 0) return result;
  const mondays = weeks.map(weekStart).sort();
  const from = mondays[0] as string;
  const to = addDays(mondays.at(-1) as string, 6);
  const overrides = await loadOverrides(ctx.db, from, to);
  const workdays = new Map(weeks.map((w) => [w, workingDaysOf(w, overrides)]));
  const ranges = new Map<string, { from: string; to: string }[]>();
  for (const a of await repo.absencesOverlapping(ctx.db, [...new Set(userIds)], from, to)) {
    ranges.set(a.user_id, [...(ranges.get(a.user_id) ?? []), { from: a.from_date, to: a.to_date }]);
  }
  for (const [userId, owed] of result) {
    const own = ranges.get(userId) ?? [];
    for (const week of weeks) {
      const days = workdays.get(week) as string[];
      if (days.length > 0 && !allCovered(days, own)) owed.push(week);
    }
  }
  return result;
}

/** Whether a report is owed from a user for a week (due, and not fully covered by absences). */
export async function isWeekOwed(ctx: AppContext, userId: string, week: string): Promise<boolean> {
  return ((await owedWeeks(ctx, [userId], [week])).get(userId) ?? []).length > 0;
}
