import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database';
import type { GoalsTable } from '../../db/schema';

export type GoalRow = Selectable<GoalsTable>;

/** Inserts a goal. */
export async function insertGoal(db: Executor, row: GoalRow): Promise<void> {
  await db.insertInto('goals').values(row).execute();
}

/** One goal by id, or undefined. */
export async function findGoal(db: Executor, id: string): Promise<GoalRow | undefined> {
  return db.selectFrom('goals').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Updates some columns of a goal. */
export async function updateGoalRow(db: Executor, id: string, patch: Partial<GoalRow>): Promise<void> {
  await db.updateTable('goals').set(patch).where('id', '=', id).execute();
}

/** How many goals a person has, whatever their status. */
export async function countGoalsOf(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('goals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A person's goals, optionally of one status, oldest first (the service orders them for display). */
export async function listGoalRows(db: Executor, userId: string, status?: string): Promise<GoalRow[]> {
  let q = db.selectFrom('goals').selectAll().where('user_id', '=', userId);
  if (status) q = q.where('status', '=', status);
  return q.orderBy('created_at').orderBy('id').execute();
}

/** The goals among `ids`, with their owner and status (one query). */
export async function goalsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('goals').select(['id', 'user_id', 'status']).where('id', 'in', ids).execute();
}

/** Which (item, goal) links a report's stored items already hold. */
export async function existingLinks(db: Executor, reportId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('report_items')
    .select(['id', 'goal_id'])
    .where('report_id', '=', reportId)
    .where('goal_id', 'is not', null)
    .execute();
  return new Set(rows.map((r) => `${r.id}|${r.goal_id}`));
}

/**
 * The items of the owner's live submitted reports that link to any of the goals, newest week first:
 * one query for all goals of a person.
 */
export async function linkedItemRows(db: Executor, ownerId: string, goalIds: readonly string[]) {
  if (goalIds.length === 0) return [];
  return db
    .selectFrom('report_items as i')
    .innerJoin('reports as r', 'r.id', 'i.report_id')
    .select(['i.id', 'i.goal_id', 'i.kind', 'i.content', 'i.visibility', 'r.id as report_id', 'r.week', 'r.department_id'])
    .where('r.user_id', '=', ownerId)
    .where('r.status', '=', 'submitted')
    .where('r.deleted_at', 'is', null)
    .where('i.goal_id', 'in', goalIds)
    .orderBy('r.week', 'desc')
    .orderBy('i.position')
    .execute();
}

export type LinkedItemRow = Awaited<ReturnType<typeof linkedItemRows>>[number];
