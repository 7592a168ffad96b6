import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DialectName, Executor } from '../../db/database';
import type { DeliveriesTable, WebhooksTable } from '../../db/schema';
import type { SmtpSettings } from './channels/email';
import type { WebhookEvent, WebhookKind } from './integrations.types';

export type WebhookRow = Selectable<WebhooksTable>;
export type DeliveryRow = Selectable<DeliveriesTable>;

/** A webhook with its events parsed. */
export interface Webhook {
  id: string;
  name: string;
  kind: WebhookKind;
  url: string;
  secret: string | null;
  departmentId: string | null;
  events: WebhookEvent[];
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Parses a stored webhook row. */
export function toWebhook(r: WebhookRow): Webhook {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as WebhookKind,
    url: r.url,
    secret: r.secret,
    departmentId: r.department_id,
    events: JSON.parse(r.events) as WebhookEvent[],
    enabled: r.enabled === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Every webhook, oldest first. */
export async function listWebhooks(db: Executor): Promise<Webhook[]> {
  const rows = await db.selectFrom('webhooks').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(toWebhook);
}

/** The enabled webhooks. */
export async function listEnabledWebhooks(db: Executor): Promise<Webhook[]> {
  const rows = await db.selectFrom('webhooks').selectAll().where('enabled', '=', 1).execute();
  return rows.map(toWebhook);
}

/** One webhook, or undefined. */
export async function findWebhook(db: Executor, id: string): Promise<Webhook | undefined> {
  const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toWebhook(row) : undefined;
}

/** Stores a new webhook. */
export async function insertWebhook(db: Executor, row: Insertable<WebhooksTable>): Promise<void> {
  await db.insertInto('webhooks').values(row).execute();
}

/** Changes a webhook's columns. */
export async function updateWebhookRow(db: Executor, id: string, patch: Updateable<WebhooksTable>): Promise<void> {
  await db.updateTable('webhooks').set(patch).where('id', '=', id).execute();
}

/** Deletes a webhook; its deliveries stay in the log with no webhook. */
export async function deleteWebhookRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('webhooks').where('id', '=', id).execute();
}

/** Locks a webhook row until the transaction ends (PostgreSQL; SQLite has one writer anyway). */
export async function lockWebhook(db: Executor, dialect: DialectName, id: string): Promise<void> {
  await db
    .selectFrom('webhooks')
    .select('id')
    .where('id', '=', id)
    .$if(dialect === 'postgres', (q) => q.forUpdate())
    .execute();
}

/** Inserts deliveries, skipping any whose (dedupe key, target) exists; returns how many were new. */
export async function insertDeliveries(db: Executor, rows: Insertable<DeliveriesTable>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insertInto('deliveries')
    .values(rows)
    .onConflict((oc) => oc.columns(['dedupe_key', 'target']).doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

/** One delivery, or undefined. */
export async function findDelivery(db: Executor, id: string): Promise<DeliveryRow | undefined> {
  return db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Claims up to `limit` due deliveries in one statement: pending ones whose time has come and
 * sending ones whose claim ran out (a process that died mid-send). On PostgreSQL the candidate
 * rows are locked with SKIP LOCKED and the outer WHERE is re-checked on the latest row version,
 * so two processes never claim the same delivery; SQLite has a single writer.
 */
export async function claimDueDeliveries(
  db: Executor,
  dialect: DialectName,
  now: string,
  claimUntil: string,
  limit: number,
): Promise<DeliveryRow[]> {
  return db
    .updateTable('deliveries')
    .set({ status: 'sending', claimed_until: claimUntil })
    .where((eb) =>
      eb.and([
        eb(
          'id',
          'in',
          eb
            .selectFrom('deliveries')
            .select('id')
            .where((w) =>
              w.or([
                w.and([w('status', '=', 'pending'), w('next_attempt_at', '<=', now)]),
                w.and([w('status', '=', 'sending'), w('claimed_until', '<', now)]),
              ]),
            )
            .orderBy('next_attempt_at')
            .orderBy('id')
            .limit(limit)
            .$if(dialect === 'postgres', (q) => q.forUpdate().skipLocked()),
        ),
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
          eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', now)]),
        ]),
      ]),
    )
    .returningAll()
    .execute();
}

/** Finishes a claimed delivery (only while it is still claimed, so a stale worker cannot overwrite). */
export async function finishDelivery(db: Executor, id: string, patch: Updateable<DeliveriesTable>): Promise<void> {
  await db.updateTable('deliveries').set(patch).where('id', '=', id).where('status', '=', 'sending').execute();
}

/** The attempt times of a webhook's deliveries since `since`, oldest first (for rate limits). */
export async function recentAttempts(db: Executor, webhookId: string, since: string): Promise<string[]> {
  const rows = await db
    .selectFrom('deliveries')
    .select('last_attempt_at')
    .where('webhook_id', '=', webhookId)
    .where('last_attempt_at', '>', since)
    .orderBy('last_attempt_at')
    .execute();
  return rows.map((r) => r.last_attempt_at as string);
}

export interface DeliveryFilter {
  status?: string;
  webhookId?: string;
  before?: { at: string; id: string };
  limit: number;
}

/** Deliveries newest first, a page at a time. */
export async function listDeliveries(db: Executor, f: DeliveryFilter): Promise<DeliveryRow[]> {
  let q = db.selectFrom('deliveries').selectAll();
  if (f.status) q = q.where('status', '=', f.status);
  if (f.webhookId) q = q.where('webhook_id', '=', f.webhookId);
  const before = f.before;
  if (before) {
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', before.at), eb.and([eb('created_at', '=', before.at), eb('id', '<', before.id)])]),
    );
  }
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

/** Puts a failed or skipped delivery back in the queue to be sent now. */
export async function requeueDelivery(db: Executor, id: string, now: string): Promise<boolean> {
  const res = await db
    .updateTable('deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now, claimed_until: null })
    .where('id', '=', id)
    .where('status', 'in', ['failed', 'skipped'])
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

const SMTP_KEY = 'smtp';

/** The stored SMTP settings, or null when never set. */
export async function readSmtpSettings(db: Executor): Promise<SmtpSettings | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', SMTP_KEY).executeTakeFirst();
  return row ? (JSON.parse(row.value) as SmtpSettings) : null;
}

/** Stores the SMTP settings. */
export async function writeSmtpSettings(db: Executor, value: SmtpSettings, at: string): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key: SMTP_KEY, value: json, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: at }))
    .execute();
}
