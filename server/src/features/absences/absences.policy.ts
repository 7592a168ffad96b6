import { type Actor, hasRole } from '../../lib/actor';
import type { DepartmentTree } from '../departments/department-tree';

/** The person an absence belongs to, as the access rules need them. */
export interface AbsenceOwner {
  id: string;
  departmentId: string | null;
}

/** The head of the owner's own department: a user with role head in the same department. */
export const isHeadOf = (actor: Actor, owner: AbsenceOwner): boolean =>
  hasRole(actor, 'head') && actor.departmentId !== null && actor.departmentId === owner.departmentId;

/** A leader who supervises the owner's department or a department above it. */
export const isLeaderOf = (actor: Actor, owner: AbsenceOwner, tree: DepartmentTree): boolean =>
  hasRole(actor, 'leader') &&
  owner.departmentId !== null &&
  actor.supervises.some((d) => tree.isUnder(owner.departmentId as string, d));

/** The person themself, their department's head, or an admin records and withdraws absences. */
export const canRecordAbsence = (actor: Actor, owner: AbsenceOwner): boolean =>
  actor.id === owner.id || hasRole(actor, 'admin') || isHeadOf(actor, owner);

/** Those who record absences read them, and so do the owner's leaders and the assessors. */
export const canReadAbsences = (actor: Actor, owner: AbsenceOwner, tree: DepartmentTree): boolean =>
  canRecordAbsence(actor, owner) || hasRole(actor, 'assessor') || isLeaderOf(actor, owner, tree);
