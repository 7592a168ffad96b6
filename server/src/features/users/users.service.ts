import type { TCreateUserRequest, TListUsersQuery, TRole, TUpdateMeRequest, TUpdateUserRequest, TUser } from '@zhoubao/contracts';
import { PostgresAdapter, sql } from 'kysely';
import type { AppContext } from '../../context';
import type { Executor } from '../../db/database';
import { type Actor, authorize } from '../../lib/actor';
import { conflict, invalidInput, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { hashPassword } from '../../lib/secrets';
import { nowIso } from '../../lib/time';
import { auditBy } from '../audit/audit.service';
import { revokeAllAccess } from '../auth/auth.service';
import { findDepartment, loadTree } from '../departments/departments.repository';
import { canManageUsers, canSeeInactiveUsers } from './users.policy';
import { presentRoles, presentUser } from './users.presenter';
import * as repo from './users.repository';

const DEFAULT_PAGE = 500;

/** Users in department order; subtree, search and disabled users on request. */
export async function listUsers(ctx: AppContext, actor: Actor, query: TListUsersQuery) {
  const offset = query.cursor ? Number.parseInt(query.cursor, 10) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw invalidInput('Invalid cursor', [{ path: 'cursor', message: 'invalid' }]);
  let departmentIds: string[] | undefined;
  if (query.departmentId) {
    departmentIds =
      query.includeSubdepartments === 'true' ? (await loadTree(ctx.db)).subtree(query.departmentId) : [query.departmentId];
  }
  const limit = query.limit ?? DEFAULT_PAGE;
  const rows = await repo.listUserRows(ctx.db, {
    departmentIds,
    q: query.q || undefined,
    includeInactive: query.includeInactive === 'true' && canSeeInactiveUsers(actor),
    offset,
    limit: limit + 1,
  });
  const users = await repo.withRolesAndSupervision(ctx.db, rows.slice(0, limit));
  return { items: users.map((u) => presentUser(u, actor)), nextCursor: rows.length > limit ? String(offset + limit) : null };
}

/** One user as the actor may see them. */
export async function getUser(ctx: AppContext, actor: Actor, id: string): Promise<TUser> {
  const user = await repo.findUser(ctx.db, id);
  if (!user || (user.active !== 1 && !canSeeInactiveUsers(actor))) throw notFound('User');
  return presentUser(user, actor);
}

async function assertDepartments(db: Executor, departmentId: string | undefined, supervises: string[] | undefined) {
  if (departmentId !== undefined && !(await findDepartment(db, departmentId))) {
    throw invalidInput('The department does not exist', [{ path: 'departmentId', message: 'unknown department' }]);
  }
  if (supervises?.length) {
    const tree = await loadTree(db);
    const unknown = supervises.filter((id) => !tree.has(id));
    if (unknown.length)
      throw invalidInput('Unknown supervised departments', [{ path: 'supervises', message: `unknown: ${unknown.join(', ')}` }]);
  }
}

async function assertUsernameFree(db: Executor, username: string, self?: string) {
  const other = await repo.findUserRowByUsername(db, username);
  if (other && other.id !== self) throw conflict(`The username "${username}" is taken`, [{ path: 'username', message: 'taken' }]);
}

/** Creates a user (admin). */
export async function createUser(ctx: AppContext, actor: Actor, input: TCreateUserRequest): Promise<TUser> {
  authorize(canManageUsers(actor), 'Only admins manage users');
  const hash = await hashPassword(input.password, ctx.config.passwordCost);
  const user = await ctx.db.transaction().execute(async (trx) => {
    await assertDepartments(trx, input.departmentId, input.supervises);
    await assertUsernameFree(trx, input.username);
    const id = await insertUserWithRoles(trx, { ...input, passwordHash: hash });
    await auditBy(trx, actor, 'user.created', {
      targetType: 'user',
      targetId: id,
      data: { username: input.username, departmentId: input.departmentId, roles: presentRoles(input.roles ?? []) },
    });
    return repo.findUser(trx, id);
  });
  return presentUser(user as repo.UserRecord, actor);
}

export interface NewUser {
  username: string;
  displayName: string;
  departmentId: string | null;
  title?: string | null | undefined;
  email?: string | null | undefined;
  roles?: TRole[] | undefined;
  supervises?: string[] | undefined;
  sortOrder?: number | undefined;
  passwordHash: string | null;
}

/** Inserts a user with roles and supervision; the caller checks and audits. */
export async function insertUserWithRoles(trx: Executor, u: NewUser): Promise<string> {
  const now = nowIso();
  const id = newId();
  await repo.insertUser(trx, {
    id,
    username: u.username,
    username_key: repo.usernameKey(u.username),
    display_name: u.displayName,
    department_id: u.departmentId,
    title: u.title || null,
    email: u.email || null,
    password_hash: u.passwordHash,
    active: 1,
    sort_order: u.sortOrder ?? 0,
    locale: null,
    created_at: now,
    updated_at: now,
  });
  await repo.replaceRoles(trx, id, u.roles ?? []);
  await repo.replaceSupervises(trx, id, u.supervises ?? []);
  return id;
}

/** Any fixed number: the PostgreSQL advisory lock that serialises changes which take admin away. */
const LAST_ADMIN_LOCK = 7_862_001;

/** Throws 409 when a change would leave no active admin (disabling or de-admining the last one). */
export async function assertNotLastAdmin(trx: Executor, user: repo.UserRecord, next: { active: boolean; roles: TRole[] }) {
  const losesAdmin = user.roles.includes('admin') && user.active === 1 && (!next.active || !next.roles.includes('admin'));
  if (!losesAdmin) return;
  // On PostgreSQL two transactions demoting two different admins would each still count the other
  // and both succeed; this lock, held until commit, makes the second one count after the first.
  // SQLite runs one write transaction at a time.
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`select pg_advisory_xact_lock(${LAST_ADMIN_LOCK})`.execute(trx);
  }
  const admins = await trx
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select('u.id')
    .where('r.role', '=', 'admin')
    .where('u.active', '=', 1)
    .execute();
  if (admins.length <= 1) throw conflict('This is the last active admin; make someone else an admin first');
}

/** Changes a user (admin); disabling revokes their sessions and tokens at once. */
export async function updateUser(ctx: AppContext, actor: Actor, id: string, input: TUpdateUserRequest): Promise<TUser> {
  authorize(canManageUsers(actor), 'Only admins manage users');
  const hash = input.password ? await hashPassword(input.password, ctx.config.passwordCost) : undefined;
  const user = await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findUser(trx, id);
    if (!before) throw notFound('User');
    await assertDepartments(trx, input.departmentId, input.supervises);
    if (input.username !== undefined) await assertUsernameFree(trx, input.username, id);
    const active = input.active ?? before.active === 1;
    const roles = input.roles ?? before.roles;
    await assertNotLastAdmin(trx, before, { active, roles });
    const patch: Partial<repo.UserRow> = { updated_at: nowIso() };
    if (input.username !== undefined)
      Object.assign(patch, { username: input.username, username_key: repo.usernameKey(input.username) });
    if (input.displayName !== undefined) patch.display_name = input.displayName;
    if (input.departmentId !== undefined) patch.department_id = input.departmentId;
    if (input.title !== undefined) patch.title = input.title || null;
    if (input.email !== undefined) patch.email = input.email || null;
    if (input.sortOrder !== undefined) patch.sort_order = input.sortOrder;
    if (input.locale !== undefined) patch.locale = input.locale;
    if (input.active !== undefined) patch.active = input.active ? 1 : 0;
    if (hash) patch.password_hash = hash;
    await repo.updateUserRow(trx, id, patch);
    if (input.roles) await repo.replaceRoles(trx, id, input.roles);
    if (input.supervises) await repo.replaceSupervises(trx, id, input.supervises);
    if (!active || hash) await revokeAllAccess(trx, id);
    const { password: _p, ...changed } = input;
    await auditBy(trx, actor, 'user.updated', {
      targetType: 'user',
      targetId: id,
      data: { changed, passwordReset: Boolean(hash) },
    });
    if (input.roles || input.supervises) {
      await auditBy(trx, actor, 'user.roles_changed', {
        targetType: 'user',
        targetId: id,
        data: {
          before: { roles: presentRoles(before.roles), supervises: before.supervises },
          after: { roles: presentRoles(roles), supervises: input.supervises ?? before.supervises },
        },
      });
    }
    if (input.active !== undefined && input.active !== (before.active === 1)) {
      await auditBy(trx, actor, input.active ? 'user.enabled' : 'user.disabled', { targetType: 'user', targetId: id });
    }
    return repo.findUser(trx, id);
  });
  return presentUser(user as repo.UserRecord, actor);
}

/** Saves the actor's own preferences (language). */
export async function updateOwnPreferences(ctx: AppContext, actor: Actor, input: TUpdateMeRequest): Promise<void> {
  if (input.locale === undefined) return;
  await repo.updateUserRow(ctx.db, actor.id, { locale: input.locale, updated_at: nowIso() });
}
