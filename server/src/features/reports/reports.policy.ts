import { type Actor, hasRole } from '../../lib/actor';
import type { DepartmentTree } from '../departments/department-tree';

/** Whose report (or whose department's summary) is being looked at. */
export interface ReportSubject {
  /** The author; null for a department summary. */
  userId: string | null;
  /** The department the text belongs to. */
  departmentId: string | null;
}

/** The head of a department: role `head` and a member of that very department. */
export const isHeadOf = (actor: Actor, departmentId: string | null): boolean =>
  departmentId !== null && hasRole(actor, 'head') && actor.departmentId === departmentId;

/** A leader supervising the department or one of its ancestors. */
export const isLeaderOf = (actor: Actor, departmentId: string | null, tree: DepartmentTree): boolean =>
  departmentId !== null && hasRole(actor, 'leader') && actor.supervises.some((d) => tree.isUnder(departmentId, d));

/** The department's head, its leaders and assessors: who oversee a department's reports. */
export const oversees = (actor: Actor, departmentId: string | null, tree: DepartmentTree): boolean =>
  hasRole(actor, 'assessor') || isHeadOf(actor, departmentId) || isLeaderOf(actor, departmentId, tree);

/**
 * Who may read restricted items: the author, the department's head, the leaders supervising it
 * (or an ancestor) and assessors. The report presenter is the only caller that redacts by it.
 */
export const canSeeRestricted = (actor: Actor, subject: ReportSubject, tree: DepartmentTree): boolean =>
  (subject.userId !== null && actor.id === subject.userId) || oversees(actor, subject.departmentId, tree);

/** Who may see who read a report: the same people who may see its restricted items. */
export const canSeeReaders = canSeeRestricted;

/** A draft is its author's alone; a submitted report is open to every signed-in user (the public wall). */
export const canReadReport = (actor: Actor, report: { userId: string; status: string }): boolean =>
  report.status === 'submitted' || actor.id === report.userId;

/** Who may write a department's summary, publish its bulletin and preview it. */
export const canManageBulletin = (actor: Actor, departmentId: string, tree: DepartmentTree): boolean =>
  oversees(actor, departmentId, tree);
