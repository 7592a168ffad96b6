import type { AppContext } from '../../context';
import { type ChannelResult, plainTextOf } from './channels/channel';
import { DINGTALK_PER_MINUTE } from './channels/dingtalk';
import { createEmailChannel, type EmailChannel } from './channels/email';
import { webhookChannel } from './channels/index';
import * as repo from './integrations.repository';
import type { OutboundMessage, ProcessResult } from './integrations.types';

/** Waits before the next attempt after the 1st, 2nd, … failure; after the last one a delivery is failed. */
export const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000];
/** Attempts in all before a delivery is marked failed. */
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;
/** How long a claim holds; a process that dies mid-send gives its deliveries back after this. */
const CLAIM_MS = 5 * 60_000;
const BATCH = 50;
const MAX_ROUNDS = 20;
const PARALLEL = 4;
const MINUTE = 60_000;

/** The stored payload of a delivery. */
interface StoredPayload {
  message: OutboundMessage;
  data?: Record<string, unknown>;
  html?: string | null;
}

type Outcome = keyof ProcessResult;

/** What one pass needs beyond the context: the clock and the e-mail channel, opened on first use. */
interface Pass {
  ctx: AppContext;
  now: Date;
  email: Promise<EmailChannel> | null;
}

/**
 * Sends what is due (pending, or a retry whose time has come, or a claim that ran out), claiming
 * deliveries atomically so two processes never send the same one; returns counts.
 */
export async function processDeliveries(ctx: AppContext, now = new Date()): Promise<ProcessResult> {
  const counts: ProcessResult = { sent: 0, failed: 0, skipped: 0, retried: 0, deferred: 0 };
  const pass: Pass = { ctx, now, email: null };
  try {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const at = now.toISOString();
      const claimed = await repo.claimDueDeliveries(
        ctx.db,
        ctx.dialect,
        at,
        new Date(now.getTime() + CLAIM_MS).toISOString(),
        BATCH,
      );
      if (claimed.length === 0) break;
      await inParallel(claimed, PARALLEL, async (d) => {
        counts[await deliver(pass, d)] += 1;
      });
    }
  } finally {
    if (pass.email) (await pass.email).close();
  }
  return counts;
}

/** Runs `fn` over the items with at most `n` at a time. */
async function inParallel<T>(items: T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) await fn(items[next++] as T);
  });
  await Promise.all(lanes);
}

/** Sends one claimed delivery and records the outcome. */
export async function deliver(
  pass: Pass,
  d: repo.DeliveryRow,
  options: { retry?: boolean; ignoreDisabled?: boolean } = {},
): Promise<Outcome> {
  const { ctx, now } = pass;
  let result: ChannelResult;
  try {
    const payload = JSON.parse(d.payload) as StoredPayload;
    if (d.channel === 'email') {
      pass.email ??= repo.readSmtpSettings(ctx.db).then(createEmailChannel);
      result = await (await pass.email).send(payload.message, { to: d.recipient ?? '', html: payload.html, rawText: true });
    } else {
      const hook = d.webhook_id ? await repo.findWebhook(ctx.db, d.webhook_id) : undefined;
      if (!hook) result = { status: 'skipped', error: 'the webhook was deleted' };
      else if (!hook.enabled && !options.ignoreDisabled) result = { status: 'skipped', error: 'the webhook is disabled' };
      else {
        if (hook.kind === 'dingtalk') {
          const until = await reserveDingtalkSlot(ctx, hook.id, d.id, now);
          if (until) {
            await repo.finishDelivery(ctx.db, d.id, { status: 'pending', next_attempt_at: until, claimed_until: null });
            return 'deferred';
          }
        }
        result = await webhookChannel(hook.kind).send(payload.message, {
          url: hook.url,
          secret: hook.secret,
          deliveryId: d.id,
          event: d.event,
          data: payload.data,
          partsSent: d.parts_sent,
          now,
        });
      }
    }
  } catch (err) {
    // A channel should never throw; if one does, it is a failed attempt like any other.
    result = { status: 'failed', error: `internal error: ${(err as Error).message}` };
  }
  return record(ctx, d, result, now, options.retry ?? true);
}

/**
 * Takes one of a DingTalk robot's 20 sends of the last minute for this delivery, or returns when
 * the next slot frees up. The robot's row is locked meanwhile, so two processes count in turn.
 */
async function reserveDingtalkSlot(ctx: AppContext, webhookId: string, deliveryId: string, now: Date): Promise<string | null> {
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockWebhook(trx, ctx.dialect, webhookId);
    const attempts = await repo.recentAttempts(trx, webhookId, new Date(now.getTime() - MINUTE).toISOString());
    if (attempts.length >= DINGTALK_PER_MINUTE) {
      const freesAt = attempts[attempts.length - DINGTALK_PER_MINUTE] as string;
      return new Date(Math.max(Date.parse(freesAt) + MINUTE, now.getTime() + 1000)).toISOString();
    }
    await trx.updateTable('deliveries').set({ last_attempt_at: now.toISOString() }).where('id', '=', deliveryId).execute();
    return null;
  });
}

/** Stores the outcome of an attempt: sent, skipped, retried later with backoff, or failed for good. */
async function record(ctx: AppContext, d: repo.DeliveryRow, result: ChannelResult, now: Date, retry: boolean): Promise<Outcome> {
  const at = now.toISOString();
  const attempts = d.attempts + (result.status === 'skipped' ? 0 : 1);
  const common = {
    attempts,
    claimed_until: null,
    last_attempt_at: at,
    response_code: result.response?.code ?? null,
    response_body: result.response?.body ?? null,
    parts_sent: result.partsSent ?? d.parts_sent,
  };
  if (result.status === 'sent') {
    await repo.finishDelivery(ctx.db, d.id, { ...common, status: 'sent', sent_at: at, last_error: null });
    return 'sent';
  }
  const error = (result.error ?? 'unknown error').slice(0, 1000);
  if (result.status === 'skipped') {
    await repo.finishDelivery(ctx.db, d.id, { ...common, status: 'skipped', last_error: error });
    return 'skipped';
  }
  const wait = BACKOFF_MS[attempts - 1];
  if (!retry || wait === undefined) {
    await repo.finishDelivery(ctx.db, d.id, { ...common, status: 'failed', last_error: error });
    ctx.log.warn({ deliveryId: d.id, channel: d.channel, error }, 'delivery failed');
    return 'failed';
  }
  await repo.finishDelivery(ctx.db, d.id, {
    ...common,
    status: 'pending',
    last_error: error,
    next_attempt_at: new Date(now.getTime() + wait).toISOString(),
  });
  return 'retried';
}

/** The plain text of a stored delivery's message (for the log's preview). */
export function previewOf(payload: string): string {
  try {
    return plainTextOf((JSON.parse(payload) as StoredPayload).message).slice(0, 500);
  } catch {
    return '';
  }
}

/** Starts a new pass for one delivery sent outside the periodic worker (tests, "send a test"). */
export const newPass = (ctx: AppContext, now = new Date()): Pass => ({ ctx, now, email: null });

/** Closes what a pass opened. */
export async function endPass(pass: Pass): Promise<void> {
  if (pass.email) (await pass.email).close();
}
