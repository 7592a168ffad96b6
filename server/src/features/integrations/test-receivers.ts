import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

// Local stand-ins for the real services, for tests: one HTTP server that answers like DingTalk,
// WeCom, Feishu, Slack and a generic receiver (checking signatures the way each service does,
// written here independently of the channels), and a real SMTP server.

/** One request a receiver got. */
export interface Received {
  service: 'dingtalk' | 'wecom' | 'feishu' | 'slack' | 'generic';
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  raw: string;
  json: unknown;
  /** What the receiver answered. */
  answer: { code: number; body: unknown };
}

export interface Receivers {
  url: string;
  received: Received[];
  /** Per service: the secret it checks signatures with (undefined: unsigned). */
  secrets: Partial<Record<Received['service'], string>>;
  /** Per service: a forced error answer for the next requests (DingTalk/WeCom errcode, Feishu code, HTTP status for others). */
  failWith: Partial<Record<Received['service'], number>>;
  /** Received requests of a service whose answer was a success. */
  accepted(service: Received['service']): Received[];
  close(): Promise<void>;
}

const hmacBase64 = (key: string, data: string) => createHmac('sha256', key).update(data).digest('base64');

/** Decodes a body strictly as UTF-8: a broken character makes it throw, as a real service would refuse it. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Starts the HTTP receivers on 127.0.0.1 at a random port. */
export async function startReceivers(): Promise<Receivers> {
  const received: Received[] = [];
  const secrets: Receivers['secrets'] = {};
  const failWith: Receivers['failWith'] = {};
  // DingTalk counts each robot's messages per minute, by the signed timestamp when there is one.
  const dingtalkTimes: number[] = [];

  const handle = (
    service: Received['service'],
    url: URL,
    headers: http.IncomingHttpHeaders,
    raw: string,
  ): { code: number; body: unknown } => {
    let json: unknown = null;
    try {
      json = JSON.parse(raw);
    } catch {
      json = null;
    }
    const q = url.searchParams;
    const body = json as Record<string, unknown> | null;
    switch (service) {
      case 'dingtalk': {
        if (!q.get('access_token')) return { code: 200, body: { errcode: 300001, errmsg: 'token is not exist' } };
        const secret = secrets.dingtalk;
        let at = Date.now();
        if (secret) {
          const ts = q.get('timestamp') ?? '';
          const sign = q.get('sign') ?? '';
          if (!/^\d{13}$/.test(ts)) return { code: 200, body: { errcode: 310000, errmsg: 'timestamp missing' } };
          if (sign !== hmacBase64(secret, `${ts}\n${secret}`))
            return { code: 200, body: { errcode: 310000, errmsg: 'sign not match' } };
          at = Number(ts);
        }
        if (failWith.dingtalk) return { code: 200, body: { errcode: failWith.dingtalk, errmsg: 'forced failure' } };
        if (dingtalkTimes.filter((t) => t > at - 60_000 && t <= at).length >= 20) {
          return { code: 200, body: { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' } };
        }
        if (!body || !['markdown', 'actionCard', 'text'].includes(String(body.msgtype))) {
          return { code: 200, body: { errcode: 40035, errmsg: 'invalid msgtype' } };
        }
        dingtalkTimes.push(at);
        return { code: 200, body: { errcode: 0, errmsg: 'ok' } };
      }
      case 'wecom': {
        if (!q.get('key')) return { code: 200, body: { errcode: 93000, errmsg: 'invalid webhook url' } };
        if (failWith.wecom) return { code: 200, body: { errcode: failWith.wecom, errmsg: 'forced failure' } };
        const content = (body?.markdown as { content?: string } | undefined)?.content;
        if (body?.msgtype !== 'markdown' || typeof content !== 'string')
          return { code: 200, body: { errcode: 40008, errmsg: 'invalid message type' } };
        if (Buffer.byteLength(content, 'utf8') > 4096) {
          return { code: 200, body: { errcode: 40058, errmsg: 'markdown.content exceed max length 4096' } };
        }
        return { code: 200, body: { errcode: 0, errmsg: 'ok' } };
      }
      case 'feishu': {
        const secret = secrets.feishu;
        if (secret) {
          const ts = String(body?.timestamp ?? '');
          const fresh = /^\d{10}$/.test(ts) && Math.abs(Date.now() / 1000 - Number(ts)) <= 3600;
          // Feishu signs an empty message with the key `timestamp + "\n" + secret`.
          if (!fresh || body?.sign !== hmacBase64(`${ts}\n${secret}`, '')) {
            return {
              code: 200,
              body: { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' },
            };
          }
        }
        if (failWith.feishu) return { code: 200, body: { code: failWith.feishu, msg: 'forced failure' } };
        if (!body?.msg_type) return { code: 200, body: { code: 19002, msg: 'params error, msg_type need' } };
        return { code: 200, body: { code: 0, msg: 'success', data: {} } };
      }
      case 'slack': {
        if (failWith.slack) return { code: failWith.slack, body: 'no_service' };
        if (!body || (typeof body.text !== 'string' && !Array.isArray(body.blocks)))
          return { code: 400, body: 'invalid_payload' };
        return { code: 200, body: 'ok' };
      }
      case 'generic': {
        const secret = secrets.generic;
        if (secret) {
          const ts = String(headers['x-zhoubao-timestamp'] ?? '');
          const expected = `sha256=${createHmac('sha256', secret).update(`${ts}.${raw}`).digest('hex')}`;
          if (headers['x-zhoubao-signature'] !== expected) return { code: 401, body: { error: 'bad signature' } };
        }
        if (failWith.generic) return { code: failWith.generic, body: { error: 'forced failure' } };
        return { code: 200, body: { ok: true } };
      }
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const service = url.pathname.split('/')[1] as Received['service'];
      let raw: string;
      let answer: { code: number; body: unknown };
      try {
        raw = strictUtf8.decode(Buffer.concat(chunks));
        answer = ['dingtalk', 'wecom', 'feishu', 'slack', 'generic'].includes(service)
          ? handle(service, url, req.headers, raw)
          : { code: 404, body: 'not found' };
      } catch {
        raw = Buffer.concat(chunks).toString('latin1');
        answer = { code: 400, body: 'invalid utf-8' };
      }
      let json: unknown = null;
      try {
        json = JSON.parse(raw);
      } catch {
        json = null;
      }
      received.push({ service, path: url.pathname, query: url.searchParams, headers: req.headers, raw, json, answer });
      const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      res.writeHead(answer.code, { 'content-type': typeof answer.body === 'string' ? 'text/plain' : 'application/json' });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const ok = (r: Received) =>
    r.answer.code === 200 &&
    (r.service === 'dingtalk' || r.service === 'wecom'
      ? (r.answer.body as { errcode: number }).errcode === 0
      : r.service === 'feishu'
        ? (r.answer.body as { code: number }).code === 0
        : true);
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    secrets,
    failWith,
    accepted: (service) => received.filter((r) => r.service === service && ok(r)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An e-mail the SMTP server accepted. */
export interface ReceivedMail {
  from: string;
  to: string[];
  user: string | undefined;
  raw: string;
}

export interface SmtpReceiver {
  port: number;
  mails: ReceivedMail[];
  close(): Promise<void>;
}

/** Starts a real SMTP server (no TLS) that requires AUTH with the given user and password. */
export async function startSmtp(user: string, password: string): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          user: session.user as string | undefined,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`) in a header value. */
export function decodeHeader(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

/** A header of a raw message, unfolded and decoded. */
export function mailHeader(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? decodeHeader(line.slice(name.length + 1).trim()) : undefined;
}

/** The text/plain part of a raw message, decoded from base64 or quoted-printable. */
export function mailText(raw: string): string {
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  const part = parts.find((p) => /content-type:\s*text\/plain/i.test(p)) ?? raw;
  const [head = '', ...rest] = part.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n').replace(/\r?\n--[^\r\n]+--\s*$/, '');
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** True when a string has no lone surrogate (what a cut inside a 4-byte character would leave). */
export const isWellFormed = (s: string): boolean =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
