import { PostgresAdapter, type Selectable, sql } from 'kysely';
import type { Executor } from '../../db/database';
import type { NotificationsTable } from '../../db/schema';

export type NotificationRow = Selectable<NotificationsTable>;

/** Inserts notifications, one row each; a row whose id exists already is left alone (scheduled runs repeat safely). */
export async function insertNotifications(db: Executor, rows: readonly NotificationRow[]): Promise<void> {
  // 500 rows of 6 values stay well under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('notifications')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}

/**
 * One notification for every active member of a department but `exceptUserId`, in a single
 * set-based statement: each id is the publication's id prefix followed by the member's id.
 */
export async function notifyDepartmentMembers(
  db: Executor,
  n: { departmentId: string; exceptUserId: string; idPrefix: string; type: string; data: string; at: string },
): Promise<void> {
  // A bound string is text to PostgreSQL, which does not assign text to timestamptz implicitly.
  const at =
    db.getExecutor().adapter instanceof PostgresAdapter ? sql<string>`cast(${n.at} as timestamptz)` : sql<string>`${n.at}`;
  await db
    .insertInto('notifications')
    .columns(['id', 'user_id', 'type', 'data', 'created_at'])
    .expression(
      db
        .selectFrom('users as u')
        .select([
          sql<string>`${n.idPrefix} || u.id`.as('id'),
          'u.id as user_id',
          sql<string>`${n.type}`.as('type'),
          sql<string>`${n.data}`.as('data'),
          at.as('created_at'),
        ])
        .where('u.department_id', '=', n.departmentId)
        .where('u.active', '=', 1)
        .where('u.id', '!=', n.exceptUserId)
        // Everyone gets in-app notifications unless they turned this type off.
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('notification_preferences as p')
                .select('p.user_id')
                .whereRef('p.user_id', '=', 'u.id')
                .where('p.type', '=', n.type)
                .where('p.in_app', '=', 0),
            ),
          ),
        ),
    )
    .execute();
}

/**
 * The active members of a department but `exceptUserId` who get a type by e-mail and have an
 * address: those who chose e-mail, plus (when e-mail is the type's default) those who never chose.
 */
export async function departmentEmailRecipients(
  db: Executor,
  n: { departmentId: string; exceptUserId: string; type: string; emailByDefault: boolean },
): Promise<{ id: string; email: string; locale: string | null }[]> {
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('notification_preferences as p', (join) => join.onRef('p.user_id', '=', 'u.id').on('p.type', '=', n.type))
    .select(['u.id', 'u.email', 'u.locale'])
    .where('u.department_id', '=', n.departmentId)
    .where('u.active', '=', 1)
    .where('u.id', '!=', n.exceptUserId)
    .where('u.email', 'is not', null)
    .where('u.email', '!=', '')
    .where((eb) => (n.emailByDefault ? eb.or([eb('p.email', 'is', null), eb('p.email', '=', 1)]) : eb('p.email', '=', 1)))
    .execute();
  return rows.map((r) => ({ id: r.id, email: r.email as string, locale: r.locale }));
}

/** A user's notifications, newest first, after a keyset position. */
export async function listNotificationRows(
  db: Executor,
  f: { userId: string; unreadOnly: boolean; before?: { at: string; id: string } | undefined; limit: number },
): Promise<NotificationRow[]> {
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', f.userId);
  if (f.unreadOnly) q = q.where('read_at', 'is', null);
  const before = f.before;
  if (before) {
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', before.at), eb.and([eb('created_at', '=', before.at), eb('id', '<', before.id)])]),
    );
  }
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

/** How many notifications of a user are unread. */
export async function countUnread(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Marks a user's notifications read: the given ones, or all when `ids` is undefined. */
export async function markRead(db: Executor, userId: string, ids: readonly string[] | undefined, at: string): Promise<void> {
  let q = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids) q = q.where('id', 'in', ids);
  await q.execute();
}
