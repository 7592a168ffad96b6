import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';
import { enqueueEmail, processDeliveries } from './outbox';
import { mailHeader, mailText, type SmtpReceiver, startSmtp } from './test-receivers';

for (const dialect of DIALECTS) {
  describe(`e-mail over SMTP (${dialect})`, () => {
    let t: TestApp;
    let smtp: SmtpReceiver;
    let admin: Session;

    beforeAll(async () => {
      smtp = await startSmtp('mailer', 'pa55-word');
    });
    afterAll(async () => {
      await smtp.close();
    });
    beforeEach(async () => {
      t = await createTestApp(dialect);
      await t.user({ username: 'admin', roles: ['admin'] });
      await t.user({ username: 'member' });
      admin = await t.login('admin');
      smtp.mails.length = 0;
    });
    afterEach(async () => {
      await t.close();
    });

    const save = (payload: Record<string, unknown>, as = admin) =>
      t.request({ method: 'PUT', url: '/api/v1/integrations/smtp', as, payload });
    const settings = (password: string | undefined = 'pa55-word') => ({
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      user: 'mailer',
      password,
      from: '周报系统 <zhoubao@example.org>',
    });

    it('keeps the password write-only: never returned, shown as set, kept when left out, audited without it', async () => {
      const empty = await t.request({ method: 'GET', url: '/api/v1/integrations/smtp', as: admin });
      expect(empty.json()).toMatchObject({ configured: false, passwordSet: false });
      const res = await save(settings());
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ configured: true, host: '127.0.0.1', user: 'mailer', passwordSet: true });
      expect(res.body).not.toContain('pa55-word');
      const kept = await save({ ...settings(undefined), port: smtp.port });
      expect(kept.json().passwordSet).toBe(true);
      const got = await t.request({ method: 'GET', url: '/api/v1/integrations/smtp', as: admin });
      expect(got.body).not.toContain('pa55-word');
      const audit = await t.database.db.selectFrom('audit_log').select('data').where('action', '=', 'smtp.updated').execute();
      expect(audit).toHaveLength(2);
      for (const a of audit) expect(a.data).not.toContain('pa55-word');
      const member = await t.login('member');
      expect((await save(settings(), member)).statusCode).toBe(403);
      expect((await save({ ...settings(), from: 'not an address' })).statusCode).toBe(400);
      expect((await save({ ...settings(), port: 0 })).statusCode).toBe(400);
    });

    it('POST /integrations/smtp/test sends a real e-mail with authentication and returns the result', async () => {
      await save(settings());
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/integrations/smtp/test',
        as: admin,
        payload: { to: 'li.si@example.org' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'sent', error: null, responseCode: 250 });
      expect(smtp.mails).toHaveLength(1);
      const mail = smtp.mails[0];
      expect(mail?.user).toBe('mailer');
      expect(mail?.from).toBe('zhoubao@example.org');
      expect(mail?.to).toEqual(['li.si@example.org']);
      expect(mailHeader(mail?.raw ?? '', 'subject')).toBe('周报系统测试消息');
      expect(mailHeader(mail?.raw ?? '', 'from')).toContain('周报系统');
      expect(mailText(mail?.raw ?? '')).toContain('这是一条来自周报系统的测试消息');
      expect(
        (await t.request({ method: 'POST', url: '/api/v1/integrations/smtp/test', as: admin, payload: { to: 'nope' } }))
          .statusCode,
      ).toBe(400);
    });

    it('reports a wrong password as a failed test with the server answer', async () => {
      await save(settings('wrong'));
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/integrations/smtp/test',
        as: admin,
        payload: { to: 'a@example.org' },
      });
      expect(res.json()).toMatchObject({ status: 'failed', responseCode: 535 });
      expect(res.json().error).toContain('EAUTH');
      expect(smtp.mails).toHaveLength(0);
    });

    it('enqueueEmail is idempotent per dedupe key and the worker delivers the e-mail once, subject, text and HTML intact', async () => {
      await save(settings());
      const mail = {
        to: 'wang.wu@example.org',
        subject: '周报提醒：2026年第48周',
        text: '请于周五 17:00 前提交周报。',
        html: '<p>请于周五 <b>17:00</b> 前提交周报。</p>',
        dedupeKey: 'remind:u1:2026-W48',
      };
      expect(await enqueueEmail(t.ctx.db, mail)).toBe(true);
      expect(await enqueueEmail(t.ctx.db, { ...mail, to: 'other@example.org' })).toBe(false);
      // Inside a transaction that rolls back, nothing is enqueued.
      await t.ctx.db
        .transaction()
        .execute(async (trx) => {
          await enqueueEmail(trx, { ...mail, dedupeKey: 'rolled-back' });
          throw new Error('rollback');
        })
        .catch(() => {});
      expect(await processDeliveries(t.ctx)).toMatchObject({ sent: 1, failed: 0 });
      expect(await processDeliveries(t.ctx)).toMatchObject({ sent: 0 });
      expect(smtp.mails).toHaveLength(1);
      const raw = smtp.mails[0]?.raw ?? '';
      expect(smtp.mails[0]?.to).toEqual(['wang.wu@example.org']);
      expect(mailHeader(raw, 'subject')).toBe('周报提醒：2026年第48周');
      expect(mailText(raw).trim()).toBe('请于周五 17:00 前提交周报。');
      expect(raw).toMatch(/content-type: text\/html/i);
    });

    it('skips e-mail while SMTP is not configured', async () => {
      await enqueueEmail(t.ctx.db, { to: 'a@example.org', subject: 's', text: 't', dedupeKey: 'k' });
      expect(await processDeliveries(t.ctx)).toMatchObject({ skipped: 1, sent: 0 });
      const row = await t.database.db.selectFrom('deliveries').selectAll().executeTakeFirst();
      expect(row).toMatchObject({ status: 'skipped', last_error: 'SMTP is not configured', attempts: 0 });
    });
  });
}
