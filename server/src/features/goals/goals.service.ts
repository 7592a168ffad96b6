import { GOAL_LIMITS, type TCreateGoalRequest, type TGoal, type TGoalsQuery, type TUpdateGoalRequest } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { Executor } from '../../db/database';
import type { Actor } from '../../lib/actor';
import { conflict, invalidInput, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { auditBy } from '../audit/audit.service';
import type { DepartmentTree } from '../departments/department-tree';
import { loadTree } from '../departments/departments.repository';
import { canOpenProfile } from '../profile/profile.policy';
import { findUser } from '../users/users.repository';
import { canEditGoal } from './goals.policy';
import { compareGoals, presentGoal } from './goals.presenter';
import * as repo from './goals.repository';

/** A person's goals as `viewer` may see them, in display order, with their linked items (two queries). */
export async function presentGoalsOf(
  db: Executor,
  viewer: Actor,
  ownerId: string,
  tree: DepartmentTree,
  status?: string,
): Promise<TGoal[]> {
  const rows = (await repo.listGoalRows(db, ownerId, status)).sort(compareGoals);
  const linked = await repo.linkedItemRows(
    db,
    ownerId,
    rows.map((r) => r.id),
  );
  const byGoal = new Map<string, repo.LinkedItemRow[]>();
  for (const l of linked) {
    const list = byGoal.get(l.goal_id as string);
    if (list) list.push(l);
    else byGoal.set(l.goal_id as string, [l]);
  }
  return rows.map((r) => presentGoal(r, byGoal.get(r.id) ?? [], viewer, tree));
}

/** `GET /users/:id/goals`: for whoever may open the person's living file; 404 otherwise. */
export async function listGoalsOf(ctx: AppContext, actor: Actor, userId: string, query: TGoalsQuery): Promise<TGoal[]> {
  const [user, tree] = await Promise.all([findUser(ctx.db, userId), loadTree(ctx.db)]);
  if (!user || !canOpenProfile(actor, { id: user.id, departmentId: user.department_id, active: user.active === 1 }, tree)) {
    throw notFound('User');
  }
  return presentGoalsOf(ctx.db, actor, userId, tree, query.status);
}

/** One goal with its progress, as its owner sees it. */
async function presentOwn(db: Executor, actor: Actor, row: repo.GoalRow): Promise<TGoal> {
  const linked = await repo.linkedItemRows(db, row.user_id, [row.id]);
  return presentGoal(row, linked, actor, await loadTree(db));
}

/** Sets a goal for oneself (`POST /me/goals`); at most GOAL_LIMITS.perUser in all; audited. */
export async function createGoal(ctx: AppContext, actor: Actor, input: TCreateGoalRequest, now = new Date()): Promise<TGoal> {
  const at = now.toISOString();
  const row: repo.GoalRow = {
    id: newId(now.getTime()),
    user_id: actor.id,
    title: input.title,
    description: input.description || null,
    due: input.due ?? null,
    status: 'active',
    created_at: at,
    updated_at: at,
    completed_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    if ((await repo.countGoalsOf(trx, actor.id)) >= GOAL_LIMITS.perUser) {
      throw conflict(`A person keeps at most ${GOAL_LIMITS.perUser} goals`);
    }
    await repo.insertGoal(trx, row);
    await auditBy(trx, actor, 'goal.created', {
      targetType: 'goal',
      targetId: row.id,
      data: { title: row.title, due: row.due },
    });
  });
  return presentGoal(row, [], actor, await loadTree(ctx.db));
}

type Changeable = 'title' | 'description' | 'due' | 'status';

/**
 * Changes one's own goal (`PATCH /me/goals/:id`): text, due date, or status — `done` stamps
 * `completedAt`, reopening clears it. Someone else's goal is 404 here. Audited with before and after.
 */
export async function updateGoal(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: TUpdateGoalRequest,
  now = new Date(),
): Promise<TGoal> {
  const at = now.toISOString();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findGoal(trx, id);
    if (!before || !canEditGoal(actor, { userId: before.user_id })) throw notFound('Goal');
    const next: Pick<repo.GoalRow, Changeable> = {
      title: input.title ?? before.title,
      description: input.description === undefined ? before.description : input.description || null,
      due: input.due === undefined ? before.due : input.due,
      status: input.status ?? before.status,
    };
    const changed = (Object.keys(next) as Changeable[]).filter((k) => next[k] !== before[k]);
    if (changed.length === 0) return before;
    const completedAt = next.status === 'done' ? (before.status === 'done' ? before.completed_at : at) : null;
    const patch = { ...next, updated_at: at, completed_at: completedAt };
    await repo.updateGoalRow(trx, id, patch);
    await auditBy(trx, actor, 'goal.updated', {
      targetType: 'goal',
      targetId: id,
      data: {
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, next[k]])),
      },
    });
    return { ...before, ...patch };
  });
  return presentOwn(ctx.db, actor, row);
}

/**
 * The goal check of a report save: every goal an item links to must be one of the author's own,
 * and not dropped — unless that very item already linked to it (a goal dropped later must not make
 * the report unsavable). 400 `invalid_input` naming `body.items.<i>.goalId`.
 */
export async function assertLinkableGoals(
  db: Executor,
  authorId: string,
  items: readonly { id: string; goalId: string | null }[],
  currentReportId: string | null,
): Promise<void> {
  const wanted = [...new Set(items.map((i) => i.goalId).filter((g): g is string => g !== null))];
  if (wanted.length === 0) return;
  const goals = new Map((await repo.goalsByIds(db, wanted)).map((g) => [g.id, g]));
  const kept = currentReportId ? await repo.existingLinks(db, currentReportId) : new Set<string>();
  const issues: { path: string; message: string }[] = [];
  items.forEach((item, index) => {
    if (item.goalId === null) return;
    const goal = goals.get(item.goalId);
    const path = `body.items.${index}.goalId`;
    if (!goal || goal.user_id !== authorId) issues.push({ path, message: 'not one of your goals' });
    else if (goal.status === 'dropped' && !kept.has(`${item.id}|${goal.id}`)) issues.push({ path, message: 'goal dropped' });
  });
  if (issues.length > 0) throw invalidInput('Items may link only to your own goals that are not dropped', issues);
}
