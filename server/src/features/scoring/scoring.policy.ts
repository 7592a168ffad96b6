import { type Actor, hasRole } from '../../lib/actor';
import type { DepartmentTree } from '../departments/department-tree';
import { oversees } from '../reports/reports.policy';

/** Who may change the scoring rules: assessors and admins. */
export const canEditScoringRules = (actor: Actor): boolean => hasRole(actor, 'assessor') || hasRole(actor, 'admin');

/**
 * Whose scores a person may see: their own; assessors everyone's; leaders those of the departments
 * they supervise (and below); heads those of their own department.
 */
export const canSeeScoresOf = (
  actor: Actor,
  subject: { userId: string; departmentId: string | null },
  tree: DepartmentTree,
): boolean => actor.id === subject.userId || oversees(actor, subject.departmentId, tree);
