import type { Executor } from '../../db/database';

/** Likes a report; liking again changes nothing. */
export async function insertLike(db: Executor, reportId: string, userId: string, at: string): Promise<void> {
  await db
    .insertInto('likes')
    .values({ report_id: reportId, user_id: userId, created_at: at })
    .onConflict((oc) => oc.columns(['report_id', 'user_id']).doNothing())
    .execute();
}

/** Takes a like back; nothing happens when there was none. */
export async function deleteLike(db: Executor, reportId: string, userId: string): Promise<void> {
  await db.deleteFrom('likes').where('report_id', '=', reportId).where('user_id', '=', userId).execute();
}

/** How many people like a report and whether `userId` is one of them. */
export async function likesOf(db: Executor, reportId: string, userId: string): Promise<{ likes: number; likedByMe: boolean }> {
  const rows = await db
    .selectFrom('likes')
    .select((eb) => [
      eb.fn.countAll<number>().as('likes'),
      eb.fn.sum<number>(eb.case().when('user_id', '=', userId).then(1).else(0).end()).as('mine'),
    ])
    .where('report_id', '=', reportId)
    .executeTakeFirst();
  return { likes: Number(rows?.likes ?? 0), likedByMe: Number(rows?.mine ?? 0) > 0 };
}

/** Stores a rater's rating of a report, replacing an earlier one. */
export async function upsertRating(
  db: Executor,
  r: { reportId: string; raterId: string; score: number; reason: string | null; at: string },
): Promise<void> {
  await db
    .insertInto('ratings')
    .values({ report_id: r.reportId, rater_id: r.raterId, score: r.score, reason: r.reason, created_at: r.at, updated_at: r.at })
    .onConflict((oc) => oc.columns(['report_id', 'rater_id']).doUpdateSet({ score: r.score, reason: r.reason, updated_at: r.at }))
    .execute();
}

/** Every rating of a report with the rater's name, earliest first. */
export async function listRatings(db: Executor, reportId: string) {
  return db
    .selectFrom('ratings as r')
    .innerJoin('users as u', 'u.id', 'r.rater_id')
    .select(['r.rater_id', 'u.display_name', 'r.score', 'r.reason', 'r.updated_at'])
    .where('r.report_id', '=', reportId)
    .orderBy('r.created_at')
    .orderBy('r.rater_id')
    .execute();
}

/** Records a grade; every grade is kept. */
export async function insertGrade(
  db: Executor,
  g: { id: string; reportId: string; grade: string; note: string | null; by: string; at: string },
): Promise<void> {
  await db
    .insertInto('report_grades')
    .values({ id: g.id, report_id: g.reportId, grade: g.grade, note: g.note, graded_by: g.by, graded_at: g.at })
    .execute();
}

/** Every grade of a report with the grader's name, oldest first (the last one counts). */
export async function listGrades(db: Executor, reportId: string) {
  return db
    .selectFrom('report_grades as g')
    .innerJoin('users as u', 'u.id', 'g.graded_by')
    .select(['g.grade', 'g.note', 'g.graded_by', 'u.display_name', 'g.graded_at'])
    .where('g.report_id', '=', reportId)
    .orderBy('g.graded_at')
    .orderBy('g.id')
    .execute();
}

/** SQLite limits bound parameters per statement, so long department lists go in chunks. */
const CHUNK = 500;

/** Submitted reports of a week in the given departments, by others, that `readerId` has not opened. */
export async function listUnread(db: Executor, readerId: string, week: string, departmentIds: readonly string[]) {
  const out = [];
  for (let i = 0; i < departmentIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('reports as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.id', 'r.user_id', 'u.display_name', 'r.department_id', 'r.submitted_at'])
      .where('r.week', '=', week)
      .where('r.status', '=', 'submitted')
      .where('r.deleted_at', 'is', null)
      .where('r.user_id', '!=', readerId)
      .where('r.department_id', 'in', departmentIds.slice(i, i + CHUNK))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('report_reads as rr')
              .select('rr.report_id')
              .whereRef('rr.report_id', '=', 'r.id')
              .where('rr.user_id', '=', readerId),
          ),
        ),
      )
      .execute();
    out.push(...rows);
  }
  return out.sort((a, b) => (a.submitted_at ?? '').localeCompare(b.submitted_at ?? '') || a.id.localeCompare(b.id));
}
