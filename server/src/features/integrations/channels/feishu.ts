import { createHmac } from 'node:crypto';
import type { OutboundMessage } from '../integrations.types';
import { type Channel, type ChannelResult, httpFailure, isFailure, postJson, responseOf, type WebhookTarget } from './channel';

/** Feishu/Lark's bot signature: Base64(HMAC-SHA256 keyed by `timestamp + "\n" + secret` over an empty message). */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

/** The rich-text ("post") message, with the signature fields when the bot has a secret. */
export function feishuBody(message: OutboundMessage, secret: string | null, now: Date): Record<string, unknown> {
  const content: Record<string, string>[][] = message.text.split('\n').map((line) => [{ tag: 'text', text: line }]);
  for (const f of message.facts ?? []) content.push([{ tag: 'text', text: `${f.label}: ${f.value}` }]);
  if (message.link) content.push([{ tag: 'a', text: message.linkLabel ?? message.link, href: message.link }]);
  const body: Record<string, unknown> = {
    msg_type: 'post',
    content: { post: { zh_cn: { title: message.title, content } } },
  };
  if (secret) {
    const timestamp = Math.floor(now.getTime() / 1000);
    body.timestamp = String(timestamp);
    body.sign = feishuSign(secret, timestamp);
  }
  return body;
}

/** Feishu/Lark custom bot: a non-zero `code` (or the older `StatusCode`) in the answer is a failure. */
export const feishuChannel: Channel = {
  async send(message: OutboundMessage, target: WebhookTarget): Promise<ChannelResult> {
    const answer = await postJson(target.url, JSON.stringify(feishuBody(message, target.secret, target.now ?? new Date())));
    if (isFailure(answer)) return answer;
    if (answer.code < 200 || answer.code >= 300) return httpFailure(answer);
    const reply = answer.json as { code?: number; msg?: string; StatusCode?: number; StatusMessage?: string } | null;
    const code = reply?.code ?? reply?.StatusCode;
    if (typeof code !== 'number') return { status: 'failed', error: 'unexpected answer (no code)', response: responseOf(answer) };
    if (code !== 0) {
      return {
        status: 'failed',
        error: `code ${code}: ${reply?.msg ?? reply?.StatusMessage ?? ''}`,
        response: responseOf(answer),
      };
    }
    return { status: 'sent', response: responseOf(answer) };
  },
};
