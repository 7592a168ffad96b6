import { GOAL_LIMITS, type TGoal, type TGoalLinkedItem, type TGoalStatus, type TItemKind } from '@zhoubao/contracts';
import type { Actor } from '../../lib/actor';
import type { DepartmentTree } from '../departments/department-tree';
import { canSeeRestricted } from '../reports/reports.policy';
import type { GoalRow, LinkedItemRow } from './goals.repository';

/**
 * A linked item as the viewer may see it: a restricted item's content is withheld unless the viewer
 * may read the restricted items of that report (its author, their head, leaders and assessors).
 */
function presentLinked(row: LinkedItemRow, ownerId: string, viewer: Actor, tree: DepartmentTree): TGoalLinkedItem {
  const hidden =
    row.visibility === 'restricted' && !canSeeRestricted(viewer, { userId: ownerId, departmentId: row.department_id }, tree);
  return {
    reportId: row.report_id,
    week: row.week,
    itemId: row.id,
    kind: row.kind as TItemKind,
    content: hidden ? null : row.content,
    redacted: hidden,
  };
}

/** A goal with its linked items (newest first, at most GOAL_LIMITS.linkedItems), whitelisted field by field. */
export function presentGoal(row: GoalRow, linked: readonly LinkedItemRow[], viewer: Actor, tree: DepartmentTree): TGoal {
  return {
    id: row.id,
    userId: row.user_id,
    title: row.title,
    description: row.description,
    due: row.due,
    status: row.status as TGoalStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
    linkedCount: linked.length,
    linkedItems: linked.slice(0, GOAL_LIMITS.linkedItems).map((l) => presentLinked(l, row.user_id, viewer, tree)),
  };
}

const STATUS_ORDER: Record<string, number> = { active: 0, done: 1, dropped: 2 };

/** Display order: active goals first (nearest due date first, undated last), then done, then dropped. */
export function compareGoals(a: GoalRow, b: GoalRow): number {
  const byStatus = (STATUS_ORDER[a.status] ?? 3) - (STATUS_ORDER[b.status] ?? 3);
  if (byStatus !== 0) return byStatus;
  if (a.status === 'active' && a.due !== b.due) {
    if (a.due === null) return 1;
    if (b.due === null) return -1;
    return a.due < b.due ? -1 : 1;
  }
  // Done and dropped goals: the latest change first; active ones of the same due date: oldest first.
  if (a.status !== 'active') return b.updated_at.localeCompare(a.updated_at) || a.id.localeCompare(b.id);
  return a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id);
}
