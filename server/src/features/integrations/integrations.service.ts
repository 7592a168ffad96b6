import type {
  TChannelResult,
  TCreateWebhookRequest,
  TDeliveriesQuery,
  TDelivery,
  TUpdateWebhookRequest,
  TWebhook,
} from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { Executor } from '../../db/database';
import { type Actor, authorize } from '../../lib/actor';
import { conflict, invalidInput, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { auditBy } from '../audit/audit.service';
import { findDepartment } from '../departments/departments.repository';
import { getSettings } from '../settings/settings.service';
import { deliver, endPass, newPass } from './delivery-worker';
import { testMessage } from './integrations.messages';
import { canManageIntegrations } from './integrations.policy';
import { presentDelivery, presentWebhook, redactedUrl } from './integrations.presenter';
import * as repo from './integrations.repository';
import type { OutboundMessage } from './integrations.types';
import { webhookTarget } from './outbox';

const manage = (actor: Actor) => authorize(canManageIntegrations(actor), 'Only admins manage integrations');

async function checkDepartment(db: Executor, id: string | null | undefined): Promise<void> {
  if (id && !(await findDepartment(db, id))) {
    throw invalidInput('Unknown department', [{ path: 'departmentId', message: 'no such department' }]);
  }
}

async function mustFindWebhook(db: Executor, id: string): Promise<repo.Webhook> {
  const hook = await repo.findWebhook(db, id);
  if (!hook) throw notFound('Webhook');
  return hook;
}

/** What the audit log keeps of a webhook: never its secret, nor the query of its address (a token). */
const auditData = (w: Pick<repo.Webhook, 'kind' | 'url' | 'departmentId' | 'events' | 'enabled' | 'name'>) => ({
  name: w.name,
  kind: w.kind,
  url: redactedUrl(w.url),
  departmentId: w.departmentId,
  events: w.events,
  enabled: w.enabled,
});

/** Every webhook (admin). */
export async function listWebhooksFor(ctx: AppContext, actor: Actor): Promise<TWebhook[]> {
  manage(actor);
  return (await repo.listWebhooks(ctx.db)).map(presentWebhook);
}

/** Adds a webhook (admin); audited. */
export async function createWebhook(
  ctx: AppContext,
  actor: Actor,
  input: TCreateWebhookRequest,
  now = new Date(),
): Promise<TWebhook> {
  manage(actor);
  const at = now.toISOString();
  const id = newId(now.getTime());
  return ctx.db.transaction().execute(async (trx) => {
    await checkDepartment(trx, input.departmentId);
    await repo.insertWebhook(trx, {
      id,
      name: input.name ?? '',
      kind: input.kind,
      url: input.url,
      secret: input.secret ?? null,
      department_id: input.departmentId ?? null,
      events: JSON.stringify(input.events),
      enabled: input.enabled === false ? 0 : 1,
      created_by: actor.id,
      created_at: at,
      updated_at: at,
    });
    const hook = await mustFindWebhook(trx, id);
    await auditBy(trx, actor, 'webhook.created', {
      targetType: 'webhook',
      targetId: id,
      data: { ...auditData(hook), hasSecret: !!hook.secret },
    });
    return presentWebhook(hook);
  });
}

/** Changes a webhook (admin): name, address, secret, scope, events, on or off; audited. */
export async function updateWebhook(ctx: AppContext, actor: Actor, id: string, input: TUpdateWebhookRequest): Promise<TWebhook> {
  manage(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await mustFindWebhook(trx, id);
    await checkDepartment(trx, input.departmentId);
    await repo.updateWebhookRow(trx, id, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.url !== undefined && { url: input.url }),
      ...(input.secret !== undefined && { secret: input.secret }),
      ...(input.departmentId !== undefined && { department_id: input.departmentId }),
      ...(input.events !== undefined && { events: JSON.stringify(input.events) }),
      ...(input.enabled !== undefined && { enabled: input.enabled ? 1 : 0 }),
      updated_at: new Date().toISOString(),
    });
    const after = await mustFindWebhook(trx, id);
    await auditBy(trx, actor, 'webhook.updated', {
      targetType: 'webhook',
      targetId: id,
      data: { before: auditData(before), after: auditData(after), secretChanged: input.secret !== undefined },
    });
    return presentWebhook(after);
  });
}

/** Deletes a webhook (admin); its deliveries stay in the log, pending ones are skipped. Audited. */
export async function deleteWebhook(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  manage(actor);
  await ctx.db.transaction().execute(async (trx) => {
    const hook = await mustFindWebhook(trx, id);
    await repo.deleteWebhookRow(trx, id);
    await auditBy(trx, actor, 'webhook.deleted', { targetType: 'webhook', targetId: id, data: auditData(hook) });
  });
}

/** Sends a test message through a webhook now (even a disabled one) and returns what happened; logged, never retried. */
export async function testWebhook(ctx: AppContext, actor: Actor, id: string, now = new Date()): Promise<TChannelResult> {
  manage(actor);
  const hook = await mustFindWebhook(ctx.db, id);
  const settings = await getSettings(ctx);
  const message = testMessage(settings.locale, ctx.config.publicUrl, now, settings.timezone);
  return sendNow(ctx, now, {
    channel: hook.kind,
    target: webhookTarget(hook.id),
    webhook_id: hook.id,
    recipient: null,
    event: 'webhook.test',
    message,
    data: { test: true },
    ignoreDisabled: true,
  });
}

interface SendNow {
  channel: string;
  target: string;
  webhook_id: string | null;
  recipient: string | null;
  event: string;
  message: OutboundMessage;
  data: Record<string, unknown>;
  ignoreDisabled?: boolean;
}

/** Records a claimed delivery and sends it at once (tests from the admin page). */
async function sendNow(ctx: AppContext, now: Date, s: SendNow): Promise<TChannelResult> {
  const at = now.toISOString();
  const id = newId(now.getTime());
  await repo.insertDeliveries(ctx.db, [
    {
      id,
      channel: s.channel,
      target: s.target,
      webhook_id: s.webhook_id,
      recipient: s.recipient,
      user_id: null,
      event: s.event,
      dedupe_key: `${s.event}:${id}`,
      payload: JSON.stringify({ message: s.message, data: s.data }),
      status: 'sending',
      attempts: 0,
      parts_sent: 0,
      next_attempt_at: at,
      claimed_until: new Date(now.getTime() + 60_000).toISOString(),
      created_at: at,
    },
  ]);
  const row = await repo.findDelivery(ctx.db, id);
  if (!row) throw notFound('Delivery');
  const pass = newPass(ctx, now);
  try {
    const outcome = await deliver(pass, row, { retry: false, ignoreDisabled: s.ignoreDisabled });
    const done = (await repo.findDelivery(ctx.db, id)) ?? row;
    const status = outcome === 'sent' ? 'sent' : outcome === 'failed' ? 'failed' : 'skipped';
    const error =
      outcome === 'deferred' ? 'rate limited: the message waits in the queue' : status === 'sent' ? null : done.last_error;
    return { status, error, responseCode: done.response_code, response: done.response_body, deliveryId: id };
  } finally {
    await endPass(pass);
  }
}

/** Sends a test e-mail with the stored SMTP settings. */
export async function sendTestEmail(ctx: AppContext, actor: Actor, to: string, now = new Date()): Promise<TChannelResult> {
  manage(actor);
  const settings = await getSettings(ctx);
  const m = testMessage(settings.locale, ctx.config.publicUrl, now, settings.timezone);
  const message = { title: m.title, text: `${m.text}\n\n${ctx.config.publicUrl}` };
  return sendNow(ctx, now, {
    channel: 'email',
    target: 'email',
    webhook_id: null,
    recipient: to,
    event: 'smtp.test',
    message,
    data: {},
  });
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at))) throw invalidInput('Invalid cursor', [{ path: 'cursor', message: 'invalid' }]);
  return { at, id };
}

/** The delivery log, newest first, a page at a time (admin). */
export async function listDeliveriesFor(
  ctx: AppContext,
  actor: Actor,
  query: TDeliveriesQuery,
): Promise<{ items: TDelivery[]; nextCursor: string | null }> {
  manage(actor);
  const limit = query.limit ?? 50;
  const rows = await repo.listDeliveries(ctx.db, {
    status: query.status,
    webhookId: query.webhookId,
    before: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: limit + 1,
  });
  const names = new Map((await repo.listWebhooks(ctx.db)).map((w) => [w.id, w.name || w.kind]));
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? Buffer.from(`${last.created_at}|${last.id}`).toString('base64url') : null;
  return { items: page.map((d) => presentDelivery(d, names)), nextCursor };
}

/** Puts a failed or skipped delivery back in the queue to be sent now, with a fresh retry schedule (admin). */
export async function retryDelivery(ctx: AppContext, actor: Actor, id: string, now = new Date()): Promise<TDelivery> {
  manage(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findDelivery(trx, id);
    if (!row) throw notFound('Delivery');
    if (!(await repo.requeueDelivery(trx, id, now.toISOString()))) {
      throw conflict(`Only failed or skipped deliveries can be retried; this one is ${row.status}`);
    }
    await auditBy(trx, actor, 'delivery.retried', {
      targetType: 'delivery',
      targetId: id,
      data: { channel: row.channel, event: row.event },
    });
    const names = new Map((await repo.listWebhooks(trx)).map((w) => [w.id, w.name || w.kind]));
    return presentDelivery((await repo.findDelivery(trx, id)) ?? row, names);
  });
}
