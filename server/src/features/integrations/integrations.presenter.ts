import type { TDelivery, TDeliveryStatus, TWebhook } from '@zhoubao/contracts';
import type { DeliveryRow, Webhook } from './integrations.repository';
import type { OutboundMessage } from './integrations.types';

const isLocal = (host: string): boolean => host === 'localhost' || host.startsWith('127.') || host === '[::1]';

/**
 * Hints (codes the admin page translates) about settings that look wrong for a webhook's kind.
 * The webhook is saved anyway, so local receivers and proxies work.
 */
export function webhookWarnings(w: Pick<Webhook, 'kind' | 'url' | 'secret'>): string[] {
  const out: string[] = [];
  let u: URL;
  try {
    u = new URL(w.url);
  } catch {
    return ['invalid_url'];
  }
  switch (w.kind) {
    case 'dingtalk':
      if (u.hostname !== 'oapi.dingtalk.com' || u.pathname !== '/robot/send' || !u.searchParams.get('access_token'))
        out.push('dingtalk_url');
      if (!w.secret) out.push('dingtalk_unsigned');
      break;
    case 'wecom':
      if (u.hostname !== 'qyapi.weixin.qq.com' || !u.searchParams.get('key')) out.push('wecom_url');
      if (w.secret) out.push('secret_unused');
      break;
    case 'feishu':
      if (!['open.feishu.cn', 'open.larksuite.com'].includes(u.hostname) || !u.pathname.startsWith('/open-apis/bot/v2/hook/'))
        out.push('feishu_url');
      break;
    case 'slack':
      if (u.hostname !== 'hooks.slack.com') out.push('slack_url');
      if (w.secret) out.push('secret_unused');
      break;
    case 'generic':
      if (!w.secret) out.push('generic_unsigned');
      break;
  }
  if (u.protocol === 'http:' && !isLocal(u.hostname)) out.push('plain_http');
  return out;
}

/** A webhook as the API shows it: never its secret, only whether it has one. */
export function presentWebhook(w: Webhook): TWebhook {
  return {
    id: w.id,
    name: w.name,
    kind: w.kind,
    url: w.url,
    hasSecret: w.secret !== null && w.secret !== '',
    departmentId: w.departmentId,
    events: w.events,
    enabled: w.enabled,
    warnings: webhookWarnings(w),
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
  };
}

/** The address of a webhook without its query (which may hold an access token), for the audit log. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '';
  }
}

/** A delivery log entry: its state and title; never the stored payload beyond the title. */
export function presentDelivery(d: DeliveryRow, webhookNames: Map<string, string>): TDelivery {
  let title = '';
  try {
    title = (JSON.parse(d.payload) as { message: OutboundMessage }).message.title;
  } catch {
    title = '';
  }
  const waiting = d.status === 'pending' || d.status === 'sending';
  return {
    id: d.id,
    channel: d.channel as TDelivery['channel'],
    webhookId: d.webhook_id,
    webhookName: d.webhook_id ? (webhookNames.get(d.webhook_id) ?? null) : null,
    recipient: d.recipient,
    event: d.event,
    dedupeKey: d.dedupe_key,
    status: d.status as TDeliveryStatus,
    attempts: d.attempts,
    nextAttemptAt: waiting ? d.next_attempt_at : null,
    lastAttemptAt: d.last_attempt_at,
    lastError: d.last_error,
    responseCode: d.response_code,
    title,
    createdAt: d.created_at,
    sentAt: d.sent_at,
  };
}
