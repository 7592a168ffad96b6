import type { TSmtpSettings, TUpdateSmtpRequest } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import { type Actor, authorize } from '../../lib/actor';
import { invalidInput } from '../../lib/errors';
import { auditBy } from '../audit/audit.service';
import type { SmtpSettings } from './channels/email';
import { canManageIntegrations } from './integrations.policy';
import { readSmtpSettings, writeSmtpSettings } from './integrations.repository';

/** The SMTP settings as the API shows them: the password only as "set" or not. */
function present(s: SmtpSettings | null): TSmtpSettings {
  return {
    configured: !!s?.host && !!s.from,
    host: s?.host ?? '',
    port: s?.port ?? 465,
    security: s?.security ?? 'tls',
    user: s?.user ?? '',
    passwordSet: !!s?.password,
    from: s?.from ?? '',
  };
}

/** An address nodemailer accepts as From: `name@host` or `Name <name@host>`. */
const FROM = /^(?:[^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/;

/** The SMTP settings (admin). */
export async function getSmtp(ctx: AppContext, actor: Actor): Promise<TSmtpSettings> {
  authorize(canManageIntegrations(actor), 'Only admins manage integrations');
  return present(await readSmtpSettings(ctx.db));
}

/** Saves the SMTP settings (admin); the password is kept when left out. Audited without the password. */
export async function updateSmtp(ctx: AppContext, actor: Actor, input: TUpdateSmtpRequest): Promise<TSmtpSettings> {
  authorize(canManageIntegrations(actor), 'Only admins manage integrations');
  if (!FROM.test(input.from)) {
    throw invalidInput('Invalid sender', [
      { path: 'from', message: 'must be an address like name@example.org or Name <name@example.org>' },
    ]);
  }
  return ctx.db.transaction().execute(async (trx) => {
    const before = await readSmtpSettings(trx);
    const password = input.password === undefined ? (before?.password ?? '') : (input.password ?? '');
    const next: SmtpSettings = {
      host: input.host,
      port: input.port,
      security: input.security,
      user: input.user,
      password,
      from: input.from,
    };
    await writeSmtpSettings(trx, next, new Date().toISOString());
    const { password: _omit, ...shown } = next;
    await auditBy(trx, actor, 'smtp.updated', {
      targetType: 'settings',
      data: { ...shown, passwordChanged: input.password !== undefined },
    });
    return present(next);
  });
}
