import { type Actor, hasRole } from '../../lib/actor';
import type { DepartmentTree } from '../departments/department-tree';
import { isHeadOf, oversees } from '../reports/reports.policy';

/** The report being evaluated: its author and the department it was submitted in. */
export interface EvaluatedReport {
  userId: string;
  departmentId: string | null;
}

/** Whether someone other than the author oversees the report: its head, its leaders or an assessor. */
const overseesOther = (actor: Actor, report: EvaluatedReport, tree: DepartmentTree): boolean =>
  actor.id !== report.userId && oversees(actor, report.departmentId, tree);

/** A comment is `feedback` when its author oversees the report's author, else a plain `comment`. */
export const commentKindFor = (actor: Actor, report: EvaluatedReport, tree: DepartmentTree): 'comment' | 'feedback' =>
  overseesOther(actor, report, tree) ? 'feedback' : 'comment';

/** Only its author edits or deletes a comment. */
export const canEditComment = (actor: Actor, comment: { authorId: string }): boolean => actor.id === comment.authorId;

/** Peer ratings: anyone who may read the report, except its author. */
export const canRate = (actor: Actor, report: EvaluatedReport): boolean => actor.id !== report.userId;

/** Grades: the owner's head, their leaders and assessors — never on one's own report. */
export const canGrade = (actor: Actor, report: EvaluatedReport, tree: DepartmentTree): boolean =>
  overseesOther(actor, report, tree);

/** Who sees who rated: assessors always, the author when the organisation shows raters. */
export const canSeeRaters = (actor: Actor, report: EvaluatedReport, visibility: 'average' | 'raters'): boolean =>
  hasRole(actor, 'assessor') || (actor.id === report.userId && visibility === 'raters');

/** The latest grade reaches the author and those who may grade the report. */
export const canSeeGrade = (actor: Actor, report: EvaluatedReport, tree: DepartmentTree): boolean =>
  actor.id === report.userId || overseesOther(actor, report, tree);

/** The history of grades is for those who may grade the report. */
export const canSeeGradeHistory = canGrade;

/**
 * The departments whose reports an actor is expected to read: a head's own department and every
 * department under a leader's supervision. Assessors alone oversee everyone — too many — so the
 * role adds nothing here.
 */
export function toReadDepartments(actor: Actor, tree: DepartmentTree): string[] {
  const out = new Set<string>();
  if (actor.departmentId && isHeadOf(actor, actor.departmentId)) out.add(actor.departmentId);
  if (hasRole(actor, 'leader')) {
    for (const d of actor.supervises) for (const id of tree.subtree(d)) out.add(id);
  }
  return [...out];
}
