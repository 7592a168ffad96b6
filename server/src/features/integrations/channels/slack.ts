import type { OutboundMessage } from '../integrations.types';
import {
  type Channel,
  type ChannelResult,
  httpFailure,
  isFailure,
  plainTextOf,
  postJson,
  responseOf,
  type WebhookTarget,
} from './channel';

/** Slack's mrkdwn needs &, < and > escaped. */
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const cut = (s: string, max: number): string => {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
};

/** The incoming-webhook payload: fallback `text` plus blocks (header, text, facts, a button). */
export function slackBody(message: OutboundMessage): Record<string, unknown> {
  const blocks: Record<string, unknown>[] = [
    { type: 'header', text: { type: 'plain_text', text: cut(message.title, 150) } },
    { type: 'section', text: { type: 'mrkdwn', text: cut(esc(message.text), 3000) } },
  ];
  const facts = (message.facts ?? []).slice(0, 10);
  if (facts.length > 0) {
    blocks.push({
      type: 'section',
      fields: facts.map((f) => ({ type: 'mrkdwn', text: cut(`*${esc(f.label)}*\n${esc(f.value)}`, 2000) })),
    });
  }
  if (message.link) {
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', text: { type: 'plain_text', text: cut(message.linkLabel ?? 'Open', 75) }, url: message.link }],
    });
  }
  return { text: cut(plainTextOf(message), 3000), blocks };
}

/** Slack incoming webhook: 200 `ok` is success; Slack answers errors with a 4xx and a code in the body. */
export const slackChannel: Channel = {
  async send(message: OutboundMessage, target: WebhookTarget): Promise<ChannelResult> {
    const answer = await postJson(target.url, JSON.stringify(slackBody(message)));
    if (isFailure(answer)) return answer;
    if (answer.code < 200 || answer.code >= 300) return httpFailure(answer);
    return { status: 'sent', response: responseOf(answer) };
  },
};
