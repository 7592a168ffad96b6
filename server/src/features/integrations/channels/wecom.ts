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

/** WeCom's limit on a markdown message's content, in bytes of UTF-8. */
export const WECOM_MAX_BYTES = 4096;

const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8');

/**
 * Splits text into parts of at most `max` bytes of UTF-8: at line ends where it can, else
 * between characters (code points), never inside one. A line too long for one part starts in
 * the room left by the part before it. Parts of a split message are numbered `(i/n)`.
 */
export function splitUtf8(text: string, max = WECOM_MAX_BYTES): string[] {
  if (utf8Length(text) <= max) return [text];
  // Room for the "(12/34)\n" part marker.
  const budget = max - 16;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  const flush = () => {
    if (current) parts.push(current);
    current = '';
    size = 0;
  };
  for (const [index, line] of text.split('\n').entries()) {
    const lineSize = utf8Length(line);
    const sep = index > 0 && current ? 1 : 0;
    if (size + sep + lineSize <= budget) {
      current += (sep ? '\n' : '') + line;
      size += sep + lineSize;
      continue;
    }
    if (lineSize <= budget) {
      flush();
      current = line;
      size = lineSize;
      continue;
    }
    // A line longer than a part: fill what is left of this part, then whole parts, by character.
    if (sep && size + 1 < budget) {
      current += '\n';
      size += 1;
    } else if (sep) flush();
    for (const ch of line) {
      const n = utf8Length(ch);
      if (size + n > budget) flush();
      current += ch;
      size += n;
    }
  }
  flush();
  return parts.map((p, i) => `(${i + 1}/${parts.length})\n${p}`);
}

/** WeCom group robot: markdown, split in several messages when longer than 4096 bytes. */
export const wecomChannel: Channel = {
  async send(message: OutboundMessage, target: WebhookTarget): Promise<ChannelResult> {
    const parts = splitUtf8(markdownOf(message));
    let done = Math.min(target.partsSent ?? 0, parts.length);
    let last: ChannelResult = { status: 'sent', partsSent: done };
    for (const content of parts.slice(done)) {
      const answer = await postJson(target.url, JSON.stringify({ msgtype: 'markdown', markdown: { content } }));
      if (isFailure(answer)) return { ...answer, partsSent: done };
      if (answer.code < 200 || answer.code >= 300) return { ...httpFailure(answer), partsSent: done };
      const reply = answer.json as { errcode?: number; errmsg?: string } | null;
      if (reply?.errcode !== 0) {
        const error =
          reply && typeof reply.errcode === 'number'
            ? `errcode ${reply.errcode}: ${reply.errmsg ?? ''}`
            : 'unexpected answer (no errcode)';
        return { status: 'failed', error, response: responseOf(answer), partsSent: done };
      }
      done += 1;
      last = { status: 'sent', response: responseOf(answer), partsSent: done };
    }
    return last;
  },
};
