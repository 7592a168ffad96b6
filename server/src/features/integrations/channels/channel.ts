import { VERSION } from '../../../version';
import type { OutboundMessage } from '../integrations.types';

/** What a channel did with a message. Channels return `skipped` or `failed`; they never throw. */
export interface ChannelResult {
  status: 'sent' | 'skipped' | 'failed';
  error?: string;
  /** The receiver's answer: HTTP status (or SMTP code) and the start of its body. */
  response?: { code?: number; body?: string };
  /** For a message sent in several parts: how many parts have been delivered in all. */
  partsSent?: number;
}

/** Where a webhook message goes, and the delivery it belongs to. */
export interface WebhookTarget {
  url: string;
  secret: string | null;
  deliveryId: string;
  event: string;
  /** The event's data, sent as is by the generic JSON channel. */
  data?: Record<string, unknown>;
  /** Parts already delivered by an earlier attempt (split messages resume there). */
  partsSent?: number;
  /** The clock used for signatures. */
  now?: Date;
}

/** One outbound channel: renders the neutral message its own way and sends it. */
export interface Channel<T = WebhookTarget> {
  send(message: OutboundMessage, target: T): Promise<ChannelResult>;
}

const TIMEOUT_MS = 10_000;
const BODY_KEEP = 500;

/** The answer of an HTTP receiver: status, raw text and the parsed JSON when it is JSON. */
export interface HttpAnswer {
  code: number;
  text: string;
  json: unknown;
}

/**
 * POSTs a body and reads the answer; a network error or timeout becomes a failed result.
 * Redirects are not followed (a receiver that redirects is misconfigured).
 */
export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<HttpAnswer | ChannelResult> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': `Zhoubao/${VERSION}`, ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { code: res.status, text, json };
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const reason =
      (err as Error).name === 'TimeoutError'
        ? `no answer within ${TIMEOUT_MS / 1000} s`
        : (cause?.code ?? cause?.message ?? (err as Error).message);
    return { status: 'failed', error: `request failed: ${reason}` };
  }
}

/** True when postJson could not reach the receiver. */
export const isFailure = (a: HttpAnswer | ChannelResult): a is ChannelResult => 'status' in a;

/** The receiver's answer as kept in the delivery log. */
export const responseOf = (a: HttpAnswer) => ({ code: a.code, body: a.text.slice(0, BODY_KEEP) });

/** A failed result for an HTTP status other than 2xx. */
export function httpFailure(a: HttpAnswer): ChannelResult {
  return { status: 'failed', error: `HTTP ${a.code}: ${a.text.slice(0, 200)}`, response: responseOf(a) };
}

/** Markdown lines of a message: its text, its facts and its link. */
export function markdownOf(message: OutboundMessage, options: { heading?: boolean } = {}): string {
  const lines: string[] = [];
  if (options.heading !== false) lines.push(`### ${message.title}`, '');
  lines.push(message.text);
  if (message.facts?.length) {
    lines.push('');
    for (const f of message.facts) lines.push(`- **${f.label}**: ${f.value}`);
  }
  if (message.link) lines.push('', `[${message.link}](${message.link})`);
  return lines.join('\n');
}

/** The message as plain text (e-mail body, Slack fallback text). */
export function plainTextOf(message: OutboundMessage): string {
  const lines = [message.title, '', message.text];
  if (message.facts?.length) {
    lines.push('');
    for (const f of message.facts) lines.push(`${f.label}: ${f.value}`);
  }
  if (message.link) lines.push('', message.link);
  return lines.join('\n');
}
