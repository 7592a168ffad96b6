import type { TChangePasswordRequest, TLoginRequest } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { Executor } from '../../db/database';
import type { Actor } from '../../lib/actor';
import { AppError, invalidInput, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { dummyPasswordHash, hashPassword, randomToken, sha256, verifyPassword } from '../../lib/secrets';
import { addMs, nowIso } from '../../lib/time';
import { audit, auditBy } from '../audit/audit.service';
import {
  findUser,
  findUserRowByUsername,
  type UserRecord,
  usernameKey,
  withRolesAndSupervision,
} from '../users/users.repository';
import * as repo from './auth.repository';

/** Login throttling: failures allowed per window, per account and per client address. */
export const THROTTLE = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 30 } as const;

/** Sessions are touched at most this often, to keep reads cheap. */
const TOUCH_EVERY_MS = 60_000;

/** The CSRF token of a session: derived from (so bound to) the secret session id. */
export const csrfTokenFor = (sessionToken: string): string => sha256(`csrf:${sessionToken}`);

export interface NewSession {
  user: UserRecord;
  token: string;
  csrfToken: string;
  expiresAt: string;
}

/** Builds the actor of a request from a user record. */
export function actorOf(user: UserRecord, via: Actor['via'], sessionHash: string | null, ip: string | null): Actor {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    departmentId: user.department_id,
    roles: user.roles,
    supervises: user.supervises,
    locale: user.locale,
    via,
    sessionHash,
    ip,
  };
}

async function throttleState(db: Executor, key: string, max: number, now: number) {
  const row = await repo.findThrottle(db, key);
  if (!row) return { failures: 0, windowStart: now, blockedForMs: 0 };
  const start = Date.parse(row.window_start);
  if (now - start >= THROTTLE.windowMs) return { failures: 0, windowStart: now, blockedForMs: 0 };
  const blockedForMs = row.failures >= max ? start + THROTTLE.windowMs - now : 0;
  return { failures: row.failures, windowStart: start, blockedForMs };
}

async function recordFailure(db: Executor, key: string, max: number, now: number): Promise<void> {
  const s = await throttleState(db, key, max, now);
  await repo.upsertThrottle(db, key, new Date(s.windowStart).toISOString(), s.failures + 1);
}

/** Creates a session for a user; the token goes in the cookie, only its hash is stored. */
export async function createSession(
  ctx: AppContext,
  db: Executor,
  user: UserRecord,
  ip: string | null,
  userAgent: string | null,
): Promise<NewSession> {
  const token = randomToken(32);
  const now = nowIso();
  const expiresAt = addMs(now, ctx.config.sessionMaxHours * 3_600_000);
  await repo.insertSession(db, {
    id_hash: sha256(token),
    user_id: user.id,
    created_at: now,
    last_seen_at: now,
    expires_at: expiresAt,
    ip,
    user_agent: userAgent?.slice(0, 300) ?? null,
  });
  return { user, token, csrfToken: csrfTokenFor(token), expiresAt };
}

/** Checks credentials with throttling per account and per address; returns a new session. */
export async function login(
  ctx: AppContext,
  input: TLoginRequest,
  ip: string | null,
  userAgent: string | null,
): Promise<NewSession> {
  const now = Date.now();
  const accountKey = `account:${usernameKey(input.username)}`;
  const addressKey = `address:${ip ?? 'unknown'}`;
  const [account, address] = await Promise.all([
    throttleState(ctx.db, accountKey, THROTTLE.perAccount, now),
    throttleState(ctx.db, addressKey, THROTTLE.perAddress, now),
  ]);
  const blockedForMs = Math.max(account.blockedForMs, address.blockedForMs);
  if (blockedForMs > 0) {
    await audit(ctx.db, {
      action: 'auth.login_failed',
      actorId: null,
      ip,
      data: { username: input.username, reason: 'throttled' },
    });
    const retryAfter = String(Math.ceil(blockedForMs / 1000));
    throw new AppError(
      'rate_limited',
      'Too many failed sign-in attempts; try again later',
      { retryAfterSeconds: Number(retryAfter) },
      { 'retry-after': retryAfter },
    );
  }
  const row = await findUserRowByUsername(ctx.db, input.username);
  const usable = row && row.active === 1 && row.password_hash !== null;
  const ok = await verifyPassword(
    input.password,
    usable ? (row.password_hash as string) : await dummyPasswordHash(ctx.config.passwordCost),
  );
  if (!usable || !ok) {
    await ctx.db.transaction().execute(async (trx) => {
      await recordFailure(trx, accountKey, THROTTLE.perAccount, now);
      await recordFailure(trx, addressKey, THROTTLE.perAddress, now);
      await audit(trx, {
        action: 'auth.login_failed',
        actorId: row?.id ?? null,
        ip,
        data: { username: input.username, reason: !row ? 'unknown_user' : row.active !== 1 ? 'disabled' : 'wrong_password' },
      });
    });
    throw new AppError('unauthenticated', 'Wrong username or password');
  }
  return ctx.db.transaction().execute(async (trx) => {
    await repo.clearThrottle(trx, accountKey);
    const [user] = await withRolesAndSupervision(trx, [row]);
    const session = await createSession(ctx, trx, user as UserRecord, ip, userAgent);
    await audit(trx, { action: 'auth.login', actorId: row.id, ip, targetType: 'user', targetId: row.id });
    return session;
  });
}

/** Resolves a session token to its actor, or null when unknown, expired, idle or disabled. */
export async function resolveSession(ctx: AppContext, token: string, ip: string | null): Promise<Actor | null> {
  const idHash = sha256(token);
  const found = await repo.findSessionWithUser(ctx.db, idHash);
  if (!found) return null;
  const now = Date.now();
  const idleExpired = now - Date.parse(found.last_seen_at) > ctx.config.sessionIdleMinutes * 60_000;
  if (Date.parse(found.expires_at) <= now || idleExpired || found.active !== 1) {
    await repo.deleteSession(ctx.db, idHash);
    return null;
  }
  if (now - Date.parse(found.last_seen_at) > TOUCH_EVERY_MS) await repo.touchSession(ctx.db, idHash, new Date(now).toISOString());
  const { id_hash: _h, session_created_at: _c, last_seen_at: _l, expires_at: _e, ...userRow } = found;
  const [user] = await withRolesAndSupervision(ctx.db, [userRow]);
  return actorOf(user as UserRecord, 'session', idHash, ip);
}

/** Resolves an API token to its actor, or null when unknown, revoked or its user disabled. */
export async function resolveApiToken(ctx: AppContext, token: string, ip: string | null): Promise<Actor | null> {
  const found = await repo.findTokenWithUser(ctx.db, sha256(token));
  if (found?.active !== 1) return null;
  const now = Date.now();
  if (now - Date.parse(found.last_used_at ?? '1970-01-01T00:00:00Z') > TOUCH_EVERY_MS) {
    await repo.touchToken(ctx.db, found.token_id, new Date(now).toISOString());
  }
  const { token_id: _t, last_used_at: _l, ...userRow } = found;
  const [user] = await withRolesAndSupervision(ctx.db, [userRow]);
  return actorOf(user as UserRecord, 'token', null, ip);
}

/** Ends the actor's session. */
export async function logout(ctx: AppContext, actor: Actor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    if (actor.sessionHash) await repo.deleteSession(trx, actor.sessionHash);
    await auditBy(trx, actor, 'auth.logout', { targetType: 'user', targetId: actor.id });
  });
}

/** Changes the actor's password and signs out their other sessions. */
export async function changePassword(ctx: AppContext, actor: Actor, input: TChangePasswordRequest): Promise<void> {
  const user = await findUser(ctx.db, actor.id);
  if (!user) throw notFound('User');
  const ok = user.password_hash !== null && (await verifyPassword(input.currentPassword, user.password_hash));
  if (!ok) {
    await audit(ctx.db, {
      action: 'auth.password_change_failed',
      actorId: actor.id,
      ip: actor.ip,
      targetType: 'user',
      targetId: actor.id,
    });
    throw invalidInput('The current password is wrong', [{ path: 'currentPassword', message: 'wrong password' }]);
  }
  const hash = await hashPassword(input.newPassword, ctx.config.passwordCost);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash, updated_at: nowIso() }).where('id', '=', actor.id).execute();
    await repo.deleteUserSessions(trx, actor.id, actor.sessionHash ?? undefined);
    await auditBy(trx, actor, 'auth.password_changed', { targetType: 'user', targetId: actor.id });
  });
}

/** Revokes every session and API token of a user at once (on disabling or a password reset). */
export async function revokeAllAccess(db: Executor, userId: string): Promise<void> {
  await repo.deleteUserSessions(db, userId);
  await repo.revokeUserTokens(db, userId, nowIso());
}

/** Creates an API token for the actor; the token is returned once and only its hash kept. */
export async function createApiToken(ctx: AppContext, actor: Actor, name: string) {
  const token = `zb_${randomToken(32)}`;
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertApiToken(trx, {
      id,
      user_id: actor.id,
      name,
      token_hash: sha256(token),
      created_at: nowIso(),
      last_used_at: null,
      revoked_at: null,
    });
    await auditBy(trx, actor, 'api_token.created', { targetType: 'api_token', targetId: id, data: { name } });
  });
  return { id, name, token };
}

/** The actor's API tokens (never the secrets). */
export async function listApiTokens(ctx: AppContext, actor: Actor) {
  const rows = await repo.listUserTokens(ctx.db, actor.id);
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
}

/** Revokes one of the actor's API tokens; 404 when it is not theirs. */
export async function deleteApiToken(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.revokeToken(trx, actor.id, id, nowIso()))) throw notFound('API token');
    await auditBy(trx, actor, 'api_token.revoked', { targetType: 'api_token', targetId: id });
  });
}
