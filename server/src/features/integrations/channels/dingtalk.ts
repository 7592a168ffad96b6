import { createHmac } from 'node:crypto';
import type { OutboundMessage } from '../integrations.types';
import {
  type Channel,
  type ChannelResult,
  httpFailure,
  isFailure,
  markdownOf,
  postJson,
  responseOf,
  type WebhookTarget,
} from './channel';

/** DingTalk's robot signature: Base64(HMAC-SHA256 keyed by the secret over `timestamp + "\n" + secret`), before URL-encoding. */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/** The robot's URL with `timestamp` and `sign` in the query string when it has a secret. */
export function dingtalkUrl(url: string, secret: string | null, now: Date): string {
  if (!secret) return url;
  const u = new URL(url);
  const timestamp = now.getTime();
  u.searchParams.set('timestamp', String(timestamp));
  u.searchParams.set('sign', dingtalkSign(secret, timestamp));
  return u.toString();
}

/** The robot message: an actionCard with one button when there is a link, else markdown. */
export function dingtalkBody(message: OutboundMessage): Record<string, unknown> {
  const text = markdownOf({ ...message, link: undefined });
  if (message.link) {
    return {
      msgtype: 'actionCard',
      actionCard: {
        title: message.title,
        text,
        btnOrientation: '0',
        singleTitle: message.linkLabel ?? message.link,
        singleURL: message.link,
      },
    };
  }
  return { msgtype: 'markdown', markdown: { title: message.title, text } };
}

/** DingTalk's robot allows 20 messages a minute; the worker holds the rest back. */
export const DINGTALK_PER_MINUTE = 20;

/** DingTalk custom robot: a 200 answer with a non-zero `errcode` is a failure. */
export const dingtalkChannel: Channel = {
  async send(message: OutboundMessage, target: WebhookTarget): Promise<ChannelResult> {
    const answer = await postJson(
      dingtalkUrl(target.url, target.secret, target.now ?? new Date()),
      JSON.stringify(dingtalkBody(message)),
    );
    if (isFailure(answer)) return answer;
    if (answer.code < 200 || answer.code >= 300) return httpFailure(answer);
    const reply = answer.json as { errcode?: number; errmsg?: string } | null;
    if (!reply || typeof reply.errcode !== 'number') {
      return { status: 'failed', error: 'unexpected answer (no errcode)', response: responseOf(answer) };
    }
    if (reply.errcode !== 0) {
      return { status: 'failed', error: `errcode ${reply.errcode}: ${reply.errmsg ?? ''}`, response: responseOf(answer) };
    }
    return { status: 'sent', response: responseOf(answer) };
  },
};
