import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database';
import type { ApiTokensTable, SessionsTable, UsersTable } from '../../db/schema';

/** Stores a new session (only the hash of its id). */
export async function insertSession(db: Executor, row: Selectable<SessionsTable>): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** A session with its user's row, by the hash of the session id. */
export async function findSessionWithUser(db: Executor, idHash: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id_hash', 's.created_at as session_created_at', 's.last_seen_at', 's.expires_at'])
    .selectAll('u')
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst();
}

/** Marks a session as seen now. */
export async function touchSession(db: Executor, idHash: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
}

/** Deletes one session. */
export async function deleteSession(db: Executor, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Deletes every session of a user, but the one kept (if given). */
export async function deleteUserSessions(db: Executor, userId: string, keepHash?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepHash) q = q.where('id_hash', '<>', keepHash);
  await q.execute();
}

/** Deletes sessions past their absolute or idle expiry. */
export async function deleteExpiredSessions(db: Executor, now: string, idleBefore: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleBefore)]))
    .execute();
}

/** Stores a new API token (only its hash). */
export async function insertApiToken(db: Executor, row: Selectable<ApiTokensTable>): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

/** An unrevoked API token with its user's row, by the token's hash. */
export async function findTokenWithUser(
  db: Executor,
  tokenHash: string,
): Promise<(Selectable<UsersTable> & { token_id: string; last_used_at: string | null }) | undefined> {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id as token_id', 't.last_used_at'])
    .selectAll('u')
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .executeTakeFirst();
}

/** Records when a token was last used. */
export async function touchToken(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** A user's unrevoked tokens, newest first. */
export async function listUserTokens(db: Executor, userId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Revokes one token of a user; returns whether one was revoked. */
export async function revokeToken(db: Executor, userId: string, id: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Revokes every token of a user. */
export async function revokeUserTokens(db: Executor, userId: string, at: string): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** The failure counter of a throttle key. */
export async function findThrottle(db: Executor, key: string) {
  return db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
}

/** Sets a throttle counter. */
export async function upsertThrottle(db: Executor, key: string, windowStart: string, failures: number) {
  await db
    .insertInto('login_throttle')
    .values({ key, window_start: windowStart, failures })
    .onConflict((oc) => oc.column('key').doUpdateSet({ window_start: windowStart, failures }))
    .execute();
}

/** Clears a throttle counter. */
export async function clearThrottle(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
