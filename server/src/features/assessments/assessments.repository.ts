import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/database';
import type { AssessmentCandidatesTable, AssessmentsTable } from '../../db/schema';

export type AssessmentRow = Selectable<AssessmentsTable>;
export type CandidateRow = Selectable<AssessmentCandidatesTable>;

const SUMMARY = ['id', 'name', 'from_week', 'to_week', 'rules_version', 'created_at', 'created_by', 'locked_at'] as const;

export async function insertAssessment(db: Executor, row: Insertable<AssessmentsTable>): Promise<void> {
  await db.insertInto('assessments').values(row).execute();
}

/** Every assessment without its rows, newest first. */
export async function listAssessments(db: Executor) {
  return db.selectFrom('assessments').select(SUMMARY).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export async function findAssessment(db: Executor, id: string): Promise<AssessmentRow | undefined> {
  return db.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function setLocked(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('assessments').set({ locked_at: at }).where('id', '=', id).execute();
}

export async function listCandidates(db: Executor, assessmentId: string): Promise<CandidateRow[]> {
  return db
    .selectFrom('assessment_candidates')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('marked_at')
    .orderBy('user_id')
    .execute();
}

export async function findCandidate(db: Executor, assessmentId: string, userId: string): Promise<CandidateRow | undefined> {
  return db
    .selectFrom('assessment_candidates')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Marks a candidate, replacing an earlier mark. */
export async function upsertCandidate(db: Executor, row: CandidateRow): Promise<void> {
  await deleteCandidate(db, row.assessment_id, row.user_id);
  await db.insertInto('assessment_candidates').values(row).execute();
}

export async function deleteCandidate(db: Executor, assessmentId: string, userId: string): Promise<number> {
  const res = await db
    .deleteFrom('assessment_candidates')
    .where('assessment_id', '=', assessmentId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Display names of the given users, by id. */
export async function userNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
