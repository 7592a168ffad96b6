import type { Executor } from '../../db/database';
import { newId } from '../../lib/ids';
import { loadTree } from '../departments/departments.repository';
import { insertDeliveries, listEnabledWebhooks } from './integrations.repository';
import type { OutboundMessage, WebhookEvent } from './integrations.types';

export { processDeliveries } from './delivery-worker';
export type {
  ChannelKind,
  DeliveryStatus,
  OutboundMessage,
  ProcessResult,
  WebhookEvent,
} from './integrations.types';

// The outbox other features call: they enqueue deliveries (possibly inside their own transaction,
// so a job's run and its messages commit together) and the delivery worker sends them later.

/** The target of a webhook's deliveries; unique with the dedupe key. */
export const webhookTarget = (webhookId: string): string => `webhook:${webhookId}`;

/** The target of every e-mail delivery, so an e-mail's dedupe key alone makes it unique. */
export const EMAIL_TARGET = 'email';

/**
 * One delivery per enabled webhook subscribed to the event whose scope matches (the event's
 * department, one of its parents, or org-wide); returns how many were newly enqueued. Idempotent
 * per dedupeKey and webhook.
 */
export async function enqueueWebhookEvent(
  db: Executor,
  event: WebhookEvent,
  departmentId: string | null,
  message: OutboundMessage,
  dedupeKey: string,
  payload: Record<string, unknown>,
  now = new Date(),
): Promise<number> {
  const hooks = (await listEnabledWebhooks(db)).filter((h) => h.events.includes(event));
  if (hooks.length === 0) return 0;
  const tree = hooks.some((h) => h.departmentId !== null) ? await loadTree(db) : null;
  const matching = hooks.filter(
    (h) => h.departmentId === null || (departmentId !== null && tree?.isUnder(departmentId, h.departmentId) === true),
  );
  const at = now.toISOString();
  const body = JSON.stringify({ message, data: payload });
  return insertDeliveries(
    db,
    matching.map((h) => ({
      id: newId(now.getTime()),
      channel: h.kind,
      target: webhookTarget(h.id),
      webhook_id: h.id,
      recipient: null,
      user_id: null,
      event,
      dedupe_key: dedupeKey,
      payload: body,
      status: 'pending',
      attempts: 0,
      parts_sent: 0,
      next_attempt_at: at,
      created_at: at,
    })),
  );
}

/** One e-mail delivery; idempotent per dedupeKey (a second call with the same key does nothing). */
export async function enqueueEmail(
  db: Executor,
  input: { to: string; userId?: string; subject: string; text: string; html?: string; dedupeKey: string },
  now = new Date(),
): Promise<boolean> {
  const at = now.toISOString();
  const payload = { message: { title: input.subject, text: input.text }, html: input.html ?? null };
  const inserted = await insertDeliveries(db, [
    {
      id: newId(now.getTime()),
      channel: 'email',
      target: EMAIL_TARGET,
      webhook_id: null,
      recipient: input.to.trim(),
      user_id: input.userId ?? null,
      event: 'email',
      dedupe_key: input.dedupeKey,
      payload: JSON.stringify(payload),
      status: 'pending',
      attempts: 0,
      parts_sent: 0,
      next_attempt_at: at,
      created_at: at,
    },
  ]);
  return inserted > 0;
}
