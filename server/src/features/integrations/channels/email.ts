import nodemailer from 'nodemailer';
import type { OutboundMessage } from '../integrations.types';
import { type Channel, type ChannelResult, plainTextOf } from './channel';

/** How the SMTP connection is secured: TLS from the start (465), STARTTLS required (587), or none. */
export type SmtpSecurity = 'tls' | 'starttls' | 'none';

/** The SMTP server e-mail goes through (edited on the admin page; the password is write-only). */
export interface SmtpSettings {
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string;
  password: string;
  from: string;
}

/** Where an e-mail goes; `html` is an optional HTML body beside the text. */
export interface EmailTarget {
  to: string;
  html?: string | null;
  /** The message's text is the whole body (enqueueEmail), not title + text + facts. */
  rawText?: boolean;
}

/** An e-mail channel that can be closed when a batch is done. */
export interface EmailChannel extends Channel<EmailTarget> {
  close(): void;
}

/** The SMTP code at the start of a server answer such as `250 2.0.0 OK`. */
const codeOf = (answer: string | undefined): number | undefined => {
  const m = answer ? /^(\d{3})/.exec(answer) : null;
  return m ? Number(m[1]) : undefined;
};

/**
 * E-mail through nodemailer. Without SMTP settings every message is `skipped` (nothing to do
 * until an admin sets it up).
 */
export function createEmailChannel(settings: SmtpSettings | null): EmailChannel {
  if (!settings?.host || !settings.from) {
    return { send: async () => ({ status: 'skipped', error: 'SMTP is not configured' }), close: () => {} };
  }
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    auth: settings.user ? { user: settings.user, pass: settings.password } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(message: OutboundMessage, target: EmailTarget): Promise<ChannelResult> {
      try {
        const info = await transport.sendMail({
          from: settings.from,
          to: target.to,
          subject: message.title,
          text: target.rawText ? message.text : plainTextOf(message),
          html: target.html ?? undefined,
        });
        if (info.rejected.length > 0) {
          return {
            status: 'failed',
            error: `rejected: ${info.rejected.join(', ')}`,
            response: { code: codeOf(info.response), body: info.response },
          };
        }
        return { status: 'sent', response: { code: codeOf(info.response), body: info.response } };
      } catch (err) {
        const e = err as { responseCode?: number; response?: string; code?: string; message: string };
        return {
          status: 'failed',
          error: `${e.code ? `${e.code}: ` : ''}${e.message}`.slice(0, 500),
          response: e.responseCode ? { code: e.responseCode, body: e.response?.slice(0, 500) } : undefined,
        };
      }
    },
    close: () => transport.close(),
  };
}
