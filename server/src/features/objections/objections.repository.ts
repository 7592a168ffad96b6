import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database';
import type { ObjectionsTable } from '../../db/schema';

export type ObjectionRow = Selectable<ObjectionsTable>;

/** An objection with the names of the person who raised it and of who answered it. */
export interface ObjectionRecord extends ObjectionRow {
  display_name: string;
  answered_by_name: string | null;
}

/** Saves a new objection. */
export async function insertObjection(db: Executor, row: ObjectionRow): Promise<void> {
  await db.insertInto('objections').values(row).execute();
}

function withNames(db: Executor) {
  return db
    .selectFrom('objections as o')
    .innerJoin('users as u', 'u.id', 'o.user_id')
    .leftJoin('users as a', 'a.id', 'o.answered_by')
    .selectAll('o')
    .select(['u.display_name', 'a.display_name as answered_by_name']);
}

/** One objection with names, if it exists. */
export async function findObjection(db: Executor, id: string): Promise<ObjectionRecord | undefined> {
  return withNames(db).where('o.id', '=', id).executeTakeFirst();
}

/** The open objection of a person for a week, if any (there is at most one). */
export async function findOpenObjection(db: Executor, userId: string, week: string): Promise<ObjectionRow | undefined> {
  return db
    .selectFrom('objections')
    .selectAll()
    .where('user_id', '=', userId)
    .where('week', '=', week)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

export interface ObjectionFilter {
  userId?: string;
  status?: string;
  /** Only objections raised in these departments. */
  departmentIds?: readonly string[];
  from?: string;
  to?: string;
  /** Keyset position: objections raised before this one. */
  before?: { at: string; id: string };
  limit: number;
}

/** Objections with names, newest first, after a keyset position. */
export async function listObjections(db: Executor, f: ObjectionFilter): Promise<ObjectionRecord[]> {
  let q = withNames(db);
  if (f.userId) q = q.where('o.user_id', '=', f.userId);
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.departmentIds) {
    if (f.departmentIds.length === 0) return [];
    q = q.where('o.department_id', 'in', f.departmentIds);
  }
  if (f.from) q = q.where('o.week', '>=', f.from);
  if (f.to) q = q.where('o.week', '<=', f.to);
  const before = f.before;
  if (before) {
    q = q.where((eb) =>
      eb.or([eb('o.created_at', '<', before.at), eb.and([eb('o.created_at', '=', before.at), eb('o.id', '<', before.id)])]),
    );
  }
  return q.orderBy('o.created_at', 'desc').orderBy('o.id', 'desc').limit(f.limit).execute();
}

/** Answers an objection that is still open; returns whether it was (0 rows: answered meanwhile). */
export async function answerOpenObjection(
  db: Executor,
  id: string,
  answer: { answer: string; outcome: string; answered_by: string; answered_at: string },
): Promise<boolean> {
  const res = await db
    .updateTable('objections')
    .set({ ...answer, status: 'answered' })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
