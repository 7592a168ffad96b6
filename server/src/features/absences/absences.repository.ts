import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database';
import type { AbsencesTable } from '../../db/schema';

export type AbsenceRow = Selectable<AbsencesTable>;

/** SQLite limits bound parameters per statement, so long id lists go in chunks. */
const CHUNK = 500;

/** The id and department of a user, or undefined when there is no such user. */
export async function findOwner(db: Executor, userId: string) {
  return db.selectFrom('users').select(['id', 'department_id']).where('id', '=', userId).executeTakeFirst();
}

/** Inserts an absence. */
export async function insertAbsence(db: Executor, row: AbsenceRow): Promise<void> {
  await db.insertInto('absences').values(row).execute();
}

/** A user's live (not withdrawn) absence by id, or undefined. */
export async function findAbsence(db: Executor, userId: string, id: string): Promise<AbsenceRow | undefined> {
  return db
    .selectFrom('absences')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Marks an absence withdrawn; the row stays for history. */
export async function softDeleteAbsence(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('absences').set({ deleted_at: at }).where('id', '=', id).execute();
}

/** A user's live absences overlapping a date range (both ends optional and included), latest first. */
export async function listAbsenceRows(
  db: Executor,
  userId: string,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<AbsenceRow[]> {
  let q = db.selectFrom('absences').selectAll().where('user_id', '=', userId).where('deleted_at', 'is', null);
  if (range.from) q = q.where('to_date', '>=', range.from);
  if (range.to) q = q.where('from_date', '<=', range.to);
  return q.orderBy('from_date', 'desc').orderBy('id', 'desc').execute();
}

/** The live absences of many users overlapping a date range (both ends included). */
export async function absencesOverlapping(
  db: Executor,
  userIds: readonly string[],
  from: string,
  to: string,
): Promise<Pick<AbsenceRow, 'user_id' | 'from_date' | 'to_date'>[]> {
  const out: Pick<AbsenceRow, 'user_id' | 'from_date' | 'to_date'>[] = [];
  for (let i = 0; i < userIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('absences')
      .select(['user_id', 'from_date', 'to_date'])
      .where('user_id', 'in', userIds.slice(i, i + CHUNK))
      .where('deleted_at', 'is', null)
      .where('from_date', '<=', to)
      .where('to_date', '>=', from)
      .execute();
    out.push(...rows);
  }
  return out;
}
