import type { Executor } from '../../db/database';

// Every read of a living file covers the whole period in one statement: a year's file is a handful
// of set-based queries, never one per week.

/** A period of weeks, both ends included. */
export interface WeekRange {
  from: string;
  to: string;
}

/** The active members of a department: who the department median is taken over. */
export async function listMembers(db: Executor, departmentId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'created_at'])
    .where('department_id', '=', departmentId)
    .where('active', '=', 1)
    .execute();
}

/** The live submitted reports of a department's active members in the period (who, which week, late or not). */
export async function listDepartmentSubmissions(db: Executor, departmentId: string, range: WeekRange) {
  return db
    .selectFrom('reports as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.user_id', 'r.week', 'r.late'])
    .where('u.department_id', '=', departmentId)
    .where('u.active', '=', 1)
    .where('r.status', '=', 'submitted')
    .where('r.deleted_at', 'is', null)
    .where('r.week', '>=', range.from)
    .where('r.week', '<=', range.to)
    .execute();
}

/** A person's live reports of the period, drafts included (the service shows drafts to their author only). */
export async function listReportsOf(db: Executor, userId: string, range: WeekRange) {
  return db
    .selectFrom('reports')
    .select(['id', 'week', 'status', 'late', 'department_id'])
    .where('user_id', '=', userId)
    .where('deleted_at', 'is', null)
    .where('week', '>=', range.from)
    .where('week', '<=', range.to)
    .execute();
}

/** The items of a person's live reports of the period, in report order. */
export async function listItemsOf(db: Executor, userId: string, range: WeekRange) {
  return db
    .selectFrom('report_items as i')
    .innerJoin('reports as r', 'r.id', 'i.report_id')
    .select([
      'i.id',
      'i.report_id',
      'i.kind',
      'i.category',
      'i.content',
      'i.outcome',
      'i.visibility',
      'i.tags',
      'i.goal_id',
      'i.position',
    ])
    .where('r.user_id', '=', userId)
    .where('r.deleted_at', 'is', null)
    .where('r.week', '>=', range.from)
    .where('r.week', '<=', range.to)
    .orderBy('r.week', 'desc')
    .orderBy('i.position')
    .execute();
}

export type ProfileItemRow = Awaited<ReturnType<typeof listItemsOf>>[number];

/**
 * The live comments others left on a person's live submitted reports of the period, with the
 * commenter's name and the report's week: feedback first, then plain comments, newest first.
 */
export async function listCommentsReceived(db: Executor, userId: string, range: WeekRange) {
  return db
    .selectFrom('comments as c')
    .innerJoin('reports as r', 'r.id', 'c.report_id')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .selectAll('c')
    .select(['u.display_name as author_name', 'r.week'])
    .where('r.user_id', '=', userId)
    .where('r.status', '=', 'submitted')
    .where('r.deleted_at', 'is', null)
    .where('r.week', '>=', range.from)
    .where('r.week', '<=', range.to)
    .where('c.deleted_at', 'is', null)
    .where('c.author_id', '!=', userId)
    .orderBy('c.kind', 'desc')
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
}

export type ReceivedCommentRow = Awaited<ReturnType<typeof listCommentsReceived>>[number];
