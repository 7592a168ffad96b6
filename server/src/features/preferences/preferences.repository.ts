import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database';
import type { NotificationPreferencesTable } from '../../db/schema';

export type PreferenceRow = Selectable<NotificationPreferencesTable>;

/** SQLite limits bound parameters per statement, so long id lists go in chunks. */
const CHUNK = 500;

/** A user's stored choices (types never chosen have no row). */
export async function listPreferenceRows(db: Executor, userId: string): Promise<PreferenceRow[]> {
  return db.selectFrom('notification_preferences').selectAll().where('user_id', '=', userId).execute();
}

/** The stored choices of many users for some types, keyed `userId|type`. */
export async function preferencesOf(
  db: Executor,
  userIds: readonly string[],
  types: readonly string[],
): Promise<Map<string, { inApp: boolean; email: boolean }>> {
  const out = new Map<string, { inApp: boolean; email: boolean }>();
  const ids = [...new Set(userIds)];
  if (ids.length === 0 || types.length === 0) return out;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('notification_preferences')
      .select(['user_id', 'type', 'in_app', 'email'])
      .where('user_id', 'in', ids.slice(i, i + CHUNK))
      .where('type', 'in', [...new Set(types)])
      .execute();
    for (const r of rows) out.set(`${r.user_id}|${r.type}`, { inApp: r.in_app === 1, email: r.email === 1 });
  }
  return out;
}

/** Stores a user's choice for one type, replacing an earlier one. */
export async function upsertPreference(db: Executor, row: PreferenceRow): Promise<void> {
  await db
    .insertInto('notification_preferences')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['user_id', 'type']).doUpdateSet({ in_app: row.in_app, email: row.email, updated_at: row.updated_at }),
    )
    .execute();
}

/** Who notifications go to: address, language and whether the account is active, by id. */
export async function recipientsOf(db: Executor, userIds: readonly string[]) {
  const out = new Map<string, { id: string; email: string | null; locale: string | null; active: number }>();
  const ids = [...new Set(userIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'email', 'locale', 'active'])
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}
