import type { TMarkNotificationsReadRequest, TNotification, TNotificationsPage, TNotificationsQuery } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { Actor } from '../../lib/actor';
import { invalidInput } from '../../lib/errors';
import * as repo from './notifications.repository';

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at))) {
    throw invalidInput('Invalid cursor', [{ path: 'querystring.cursor', message: 'invalid' }]);
  }
  return { at, id };
}

/** A notification as it leaves the server. */
function presentNotification(row: repo.NotificationRow): TNotification {
  return {
    id: row.id,
    type: row.type as TNotification['type'],
    createdAt: row.created_at,
    readAt: row.read_at,
    data: JSON.parse(row.data) as Record<string, unknown>,
  };
}

/** The caller's inbox, newest first, a page at a time, with the count of unread notifications. */
export async function listNotifications(ctx: AppContext, actor: Actor, query: TNotificationsQuery): Promise<TNotificationsPage> {
  const limit = query.limit ?? 50;
  const rows = await repo.listNotificationRows(ctx.db, {
    userId: actor.id,
    unreadOnly: query.unreadOnly === 'true',
    before: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? Buffer.from(`${last.created_at}|${last.id}`).toString('base64url') : null;
  return { items: page.map(presentNotification), nextCursor, unread: await repo.countUnread(ctx.db, actor.id) };
}

/** Marks the caller's own notifications read (others' ids are ignored); `{all: true}` marks every one. */
export async function markNotificationsRead(
  ctx: AppContext,
  actor: Actor,
  input: TMarkNotificationsReadRequest,
  now = new Date(),
): Promise<void> {
  await repo.markRead(ctx.db, actor.id, input.all ? undefined : input.ids, now.toISOString());
}
