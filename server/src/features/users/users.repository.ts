import type { TRole } from '@zhoubao/contracts';
import { type Selectable, sql } from 'kysely';
import type { Executor } from '../../db/database';
import type { UsersTable } from '../../db/schema';

export type UserRow = Selectable<UsersTable>;

/** A user row with its roles and supervised departments. */
export interface UserRecord extends UserRow {
  roles: TRole[];
  supervises: string[];
}

/** The case-insensitive key a username is unique by. */
export const usernameKey = (username: string): string => username.trim().normalize('NFC').toLowerCase();

/** Adds roles and supervised departments to user rows, in two queries. */
export async function withRolesAndSupervision(db: Executor, rows: UserRow[]): Promise<UserRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const roles = new Map<string, TRole[]>();
  const supervises = new Map<string, string[]>();
  // Chunk the IN lists: SQLite limits bound parameters per statement.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const [roleRows, supRows] = await Promise.all([
      db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', chunk).execute(),
      db
        .selectFrom('user_supervises')
        .select(['user_id', 'department_id'])
        .where('user_id', 'in', chunk)
        .orderBy('department_id')
        .execute(),
    ]);
    for (const r of roleRows) roles.set(r.user_id, [...(roles.get(r.user_id) ?? []), r.role as TRole]);
    for (const s of supRows) supervises.set(s.user_id, [...(supervises.get(s.user_id) ?? []), s.department_id]);
  }
  return rows.map((r) => ({ ...r, roles: roles.get(r.id) ?? [], supervises: supervises.get(r.id) ?? [] }));
}

/** One user by id, with roles and supervision, or undefined. */
export async function findUser(db: Executor, id: string): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await withRolesAndSupervision(db, [row]))[0] : undefined;
}

/** One user row by username (case-insensitive), or undefined. */
export async function findUserRowByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username_key', '=', usernameKey(username)).executeTakeFirst();
}

/** How many users exist, active or not. */
export async function countUsers(db: Executor): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface UserFilter {
  departmentIds?: string[] | undefined;
  q?: string | undefined;
  includeInactive: boolean;
  offset: number;
  limit: number;
}

/** Users matching a filter, in department order (sort order, then name). */
export async function listUserRows(db: Executor, f: UserFilter): Promise<UserRow[]> {
  let q = db.selectFrom('users').selectAll();
  if (f.departmentIds) q = q.where('department_id', 'in', f.departmentIds.length ? f.departmentIds : ['']);
  if (!f.includeInactive) q = q.where('active', '=', 1);
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // SQLite has no default LIKE escape character (PostgreSQL's is the backslash): name it, so a
    // search for `li_si` or `%` matches those characters literally on both dialects.
    const matches = (column: 'username_key' | 'display_name' | 'title') =>
      sql<boolean>`lower(${sql.ref(column)}) like ${like} escape '\\'`;
    q = q.where((eb) => eb.or([matches('username_key'), matches('display_name'), matches('title')]));
  }
  return q.orderBy('sort_order').orderBy('display_name').orderBy('id').offset(f.offset).limit(f.limit).execute();
}

/** Inserts a user row. */
export async function insertUser(db: Executor, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

/** Updates some columns of a user. */
export async function updateUserRow(db: Executor, id: string, patch: Partial<UserRow>): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

/** Replaces a user's roles. */
export async function replaceRoles(db: Executor, userId: string, roles: TRole[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  const unique = [...new Set(roles.filter((r) => r !== 'member'))];
  if (unique.length)
    await db
      .insertInto('user_roles')
      .values(unique.map((role) => ({ user_id: userId, role })))
      .execute();
}

/** Replaces the departments a user supervises. */
export async function replaceSupervises(db: Executor, userId: string, departmentIds: string[]): Promise<void> {
  await db.deleteFrom('user_supervises').where('user_id', '=', userId).execute();
  const unique = [...new Set(departmentIds)];
  if (unique.length)
    await db
      .insertInto('user_supervises')
      .values(unique.map((department_id) => ({ user_id: userId, department_id })))
      .execute();
}
