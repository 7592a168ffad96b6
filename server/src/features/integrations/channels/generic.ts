import { createHmac } from 'node:crypto';
import type { OutboundMessage } from '../integrations.types';
import { type Channel, type ChannelResult, httpFailure, isFailure, postJson, responseOf, type WebhookTarget } from './channel';

/**
 * The signature of a generic webhook: `sha256=` + hex HMAC-SHA256 keyed by the secret over
 * `timestamp + "." + rawBody`, the timestamp being the `X-Zhoubao-Timestamp` header (Unix seconds).
 */
export function genericSignature(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/** The JSON body: the delivery id, the event, when, the neutral message and the event's data. */
export function genericBody(message: OutboundMessage, target: WebhookTarget, now: Date): string {
  return JSON.stringify({
    id: target.deliveryId,
    event: target.event,
    sentAt: now.toISOString(),
    message,
    data: target.data ?? {},
  });
}

/** Generic JSON webhook, signed when it has a secret; any 2xx answer is success. */
export const genericChannel: Channel = {
  async send(message: OutboundMessage, target: WebhookTarget): Promise<ChannelResult> {
    const now = target.now ?? new Date();
    const body = genericBody(message, target, now);
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const headers: Record<string, string> = {
      'x-zhoubao-event': target.event,
      'x-zhoubao-delivery': target.deliveryId,
      'x-zhoubao-timestamp': timestamp,
    };
    if (target.secret) headers['x-zhoubao-signature'] = genericSignature(target.secret, timestamp, body);
    const answer = await postJson(target.url, body, headers);
    if (isFailure(answer)) return answer;
    if (answer.code < 200 || answer.code >= 300) return httpFailure(answer);
    return { status: 'sent', response: responseOf(answer) };
  },
};
