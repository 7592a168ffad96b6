import { createHash } from 'node:crypto';
import {
  defaultChannels,
  type TLocale,
  type TMarkNotificationsReadRequest,
  type TNotification,
  type TNotificationsPage,
  type TNotificationsQuery,
  type TNotificationType,
} from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { Actor } from '../../lib/actor';
import { invalidInput } from '../../lib/errors';
import { enqueueEmail } from '../integrations/outbox';
import { renderNotificationMail } from '../preferences/notification-mail';
import { preferencesOf, recipientsOf } from '../preferences/preferences.repository';
import { getSettings } from '../settings/settings.service';
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

/** A notification to deliver: the inbox row, plus a dedupe key when the same notice may be produced twice (scheduled runs). */
export type NotifyRow = repo.NotificationRow & { dedupeKey?: string };

/** A stable notification id for a dedupe key, so a repeated scheduled run inserts nothing new. */
export function dedupedNotificationId(dedupeKey: string): string {
  return createHash('sha256').update(`notification:${dedupeKey}`).digest('hex').slice(0, 32);
}

async function mailContext(ctx: AppContext) {
  const settings = await getSettings(ctx);
  return { publicUrl: ctx.config.publicUrl, orgName: settings.orgName, locale: settings.locale };
}

/**
 * The one way notifications leave the app: each row reaches its (active) user by the channels they
 * chose for its type — the inbox and/or e-mail (enqueued in the outbox, only to people with an
 * address). Repeating a call with the same rows or dedupe keys sends nothing twice.
 */
export async function notifyUsers(ctx: AppContext, rows: readonly NotifyRow[]): Promise<{ inApp: number; emails: number }> {
  if (rows.length === 0) return { inApp: 0, emails: 0 };
  const userIds = rows.map((r) => r.user_id);
  const [people, prefs] = await Promise.all([
    recipientsOf(ctx.db, userIds),
    preferencesOf(
      ctx.db,
      userIds,
      rows.map((r) => r.type),
    ),
  ]);
  const inbox: repo.NotificationRow[] = [];
  const mails: { row: NotifyRow; to: string; locale: string | null }[] = [];
  for (const row of rows) {
    const person = people.get(row.user_id);
    if (person?.active !== 1) continue;
    const type = row.type as TNotificationType;
    const { inApp, email } = prefs.get(`${row.user_id}|${type}`) ?? defaultChannels(type);
    const { dedupeKey: _, ...plain } = row;
    if (inApp) inbox.push(plain);
    if (email && person.email) mails.push({ row, to: person.email, locale: person.locale });
  }
  const mc = mails.length > 0 ? await mailContext(ctx) : null;
  // One transaction for the inbox rows and the e-mails: they commit together, and a batch costs one
  // commit instead of one per message (what a 5,000-person reminder needs on PostgreSQL).
  let emails = 0;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertNotifications(trx, inbox);
    for (const { row, to, locale } of mails) {
      const mail = renderNotificationMail(
        row.type as TNotificationType,
        JSON.parse(row.data),
        (locale ?? mc?.locale ?? 'zh-CN') as TLocale,
        mc as NonNullable<typeof mc>,
      );
      const dedupeKey = row.dedupeKey ?? `notification:${row.id}`;
      const input = { to, userId: row.user_id, subject: mail.subject, text: mail.text, dedupeKey };
      if (await enqueueEmail(trx, input, new Date(row.created_at))) emails++;
    }
  });
  return { inApp: inbox.length, emails };
}

/**
 * One notification for every active member of a department but `exceptUserId`: the inbox rows in
 * one set-based statement (skipping those who turned the type off), and e-mail to those who chose it.
 */
export async function notifyDepartment(
  ctx: AppContext,
  n: {
    departmentId: string;
    exceptUserId: string;
    idPrefix: string;
    type: TNotificationType;
    data: Record<string, unknown>;
    at: string;
    dedupePrefix: string;
  },
): Promise<void> {
  const data = JSON.stringify(n.data);
  await repo.notifyDepartmentMembers(ctx.db, { ...n, data });
  const recipients = await repo.departmentEmailRecipients(ctx.db, {
    departmentId: n.departmentId,
    exceptUserId: n.exceptUserId,
    type: n.type,
    emailByDefault: defaultChannels(n.type).email,
  });
  if (recipients.length === 0) return;
  const mc = await mailContext(ctx);
  for (const r of recipients) {
    const mail = renderNotificationMail(n.type, n.data, (r.locale ?? mc.locale) as TLocale, mc);
    const input = { to: r.email, userId: r.id, subject: mail.subject, text: mail.text, dedupeKey: `${n.dedupePrefix}:${r.id}` };
    await enqueueEmail(ctx.db, input, new Date(n.at));
  }
}
