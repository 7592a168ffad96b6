import { NOTIFICATION_TYPES } from '@zhoubao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';
import { buildReportOrg, item, type ReportOrg, submitReport, weeksAgo } from '../../../test/report-factories';
import { dedupedNotificationId, notifyUsers } from '../notifications/notifications.service';

interface Prefs {
  email: string | null;
  items: { type: string; inApp: boolean; email: boolean; applies: boolean }[];
}

for (const dialect of DIALECTS) {
  describe(`notification preferences on ${dialect}`, () => {
    let t: TestApp;
    let org: ReportOrg;
    const week = weeksAgo(2);

    const getPrefs = async (as: Session): Promise<Prefs> => {
      const res = await t.request({ method: 'GET', url: '/api/v1/me/notification-preferences', as });
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    const putPrefs = (as: Session, items: unknown[]) =>
      t.request({ method: 'PUT', url: '/api/v1/me/notification-preferences', as, payload: { items } });
    const setEmail = (userId: string, email: string | null, locale: string | null = null) =>
      t.database.db.updateTable('users').set({ email, locale }).where('id', '=', userId).execute();
    const notes = (userId: string, type: string) =>
      t.database.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).where('type', '=', type).execute();
    const mailsTo = (userId: string) =>
      t.database.db.selectFrom('deliveries').selectAll().where('channel', '=', 'email').where('user_id', '=', userId).execute();

    beforeAll(async () => {
      t = await createTestApp(dialect);
      org = await buildReportOrg(t);
    });
    afterAll(() => t.close());

    describe('GET/PUT /api/v1/me/notification-preferences', () => {
      it('starts from the defaults: in-app for all, e-mail for reminders, missing lists and digests', async () => {
        const prefs = await getPrefs(org.author);
        expect(prefs.email).toBeNull();
        expect(prefs.items.map((i) => i.type)).toEqual([...NOTIFICATION_TYPES]);
        for (const i of prefs.items) {
          expect(i.inApp).toBe(true);
          expect(i.email).toBe(['reminder', 'reminder.missing', 'digest'].includes(i.type));
        }
        const applies = (p: Prefs) => p.items.filter((i) => i.applies).map((i) => i.type);
        expect(applies(prefs)).not.toContain('reminder.missing');
        expect(applies(prefs)).not.toContain('digest');
        expect(applies(await getPrefs(org.head))).toContain('reminder.missing');
        expect(applies(await getPrefs(org.leader))).toContain('digest');
      });

      it('stores the types given and keeps the others, per person', async () => {
        await setEmail(org.author.userId, 'wangwu@example.org');
        const res = await putPrefs(org.author, [
          { type: 'comment', inApp: false, email: true },
          { type: 'reminder', inApp: true, email: false },
        ]);
        expect(res.statusCode).toBe(200);
        const prefs: Prefs = res.json();
        expect(prefs.email).toBe('wangwu@example.org');
        const byType = new Map(prefs.items.map((i) => [i.type, i]));
        expect(byType.get('comment')).toMatchObject({ inApp: false, email: true });
        expect(byType.get('reminder')).toMatchObject({ inApp: true, email: false });
        expect(byType.get('grade')).toMatchObject({ inApp: true, email: false });
        expect((await getPrefs(org.author)).items).toEqual(prefs.items);
        expect((await getPrefs(org.colleague)).items.find((i) => i.type === 'comment')).toMatchObject({
          inApp: true,
          email: false,
        });
      });

      it('rejects unknown types, repeated types, an empty list and requests without a CSRF token', async () => {
        expect((await putPrefs(org.author, [{ type: 'spam', inApp: true, email: true }])).statusCode).toBe(400);
        const twice = [
          { type: 'grade', inApp: true, email: true },
          { type: 'grade', inApp: false, email: false },
        ];
        expect((await putPrefs(org.author, twice)).statusCode).toBe(400);
        expect((await putPrefs(org.author, [])).statusCode).toBe(400);
        const noCsrf = await t.request({
          method: 'PUT',
          url: '/api/v1/me/notification-preferences',
          as: org.author,
          csrf: false,
          payload: { items: [{ type: 'grade', inApp: false, email: false }] },
        });
        expect(noCsrf.statusCode).toBe(403);
        expect((await t.request({ method: 'GET', url: '/api/v1/me/notification-preferences' })).statusCode).toBe(401);
      });
    });

    describe('notifications follow the preferences', () => {
      let reportId: string;
      beforeAll(async () => {
        reportId = (await submitReport(t, org.author, week, [item('公开事项')])).id;
      });

      it('a comment reaches an author who turned the inbox off by e-mail only, in their language', async () => {
        await setEmail(org.author.userId, 'wangwu@example.org', 'en');
        const res = await t.request({
          method: 'POST',
          url: `/api/v1/reports/${reportId}/comments`,
          as: org.colleague,
          payload: { body: '写得好' },
        });
        expect(res.statusCode).toBe(201);
        await t.ctx.events.idle();
        expect(await notes(org.author.userId, 'comment')).toEqual([]);
        const mails = await mailsTo(org.author.userId);
        expect(mails).toHaveLength(1);
        expect(mails[0]?.recipient).toBe('wangwu@example.org');
        expect(mails[0]?.dedupe_key).toMatch(/^notification:/);
        const payload = JSON.parse(mails[0]?.payload as string);
        expect(payload.message.title).toBe('[Zhoubao] 李四 commented on your report');
        expect(payload.message.text).toContain('写得好');
        expect(payload.message.text).toContain(`/reports/${reportId}`);
      });

      it('a grade reaches the inbox only (the default), and no e-mail goes to someone without an address', async () => {
        await t.request({ method: 'PUT', url: `/api/v1/reports/${reportId}/grade`, as: org.head, payload: { grade: 'B' } });
        await t.ctx.events.idle();
        expect(await notes(org.author.userId, 'grade')).toHaveLength(1);
        expect((await mailsTo(org.author.userId)).filter((m) => m.dedupe_key.includes('grade'))).toEqual([]);
        await putPrefs(org.colleague, [{ type: 'mention', inApp: true, email: true }]);
        await t.request({
          method: 'POST',
          url: `/api/v1/reports/${reportId}/comments`,
          as: org.head,
          payload: { body: '请李四看看', mentions: [org.colleague.userId] },
        });
        await t.ctx.events.idle();
        expect(await notes(org.colleague.userId, 'mention')).toHaveLength(1);
        expect(await mailsTo(org.colleague.userId)).toEqual([]);
      });

      it('a bulletin reaches each member by the channels they chose', async () => {
        await setEmail(org.colleague.userId, 'lisi@example.org', 'zh-CN');
        await putPrefs(org.colleague, [{ type: 'bulletin.published', inApp: false, email: true }]);
        const res = await t.request({
          method: 'POST',
          url: `/api/v1/departments/${org.office}/summaries/${week}/publish`,
          as: org.head,
        });
        expect(res.statusCode).toBe(200);
        await t.ctx.events.idle();
        expect(await notes(org.author.userId, 'bulletin.published')).toHaveLength(1);
        expect(await notes(org.colleague.userId, 'bulletin.published')).toEqual([]);
        const mails = (await mailsTo(org.colleague.userId)).filter((m) => m.dedupe_key.startsWith('bulletin:'));
        expect(mails.map((m) => m.dedupe_key)).toEqual([`bulletin:${org.office}:${week}:v1:${org.colleague.userId}`]);
        expect(JSON.parse(mails[0]?.payload as string).message.title).toContain('办公室');
        // The author has an address but kept the default (no e-mail for bulletins).
        expect((await mailsTo(org.author.userId)).filter((m) => m.dedupe_key.startsWith('bulletin:'))).toEqual([]);
      });

      it('notifyUsers sends a deduplicated notice once however often it is called, and nothing to inactive people', async () => {
        const key = `reminder:${week}:${org.colleague.userId}`;
        const row = {
          id: dedupedNotificationId(key),
          user_id: org.colleague.userId,
          type: 'reminder',
          data: JSON.stringify({ week, deadline: '2026-09-30T17:00:00+08:00' }),
          created_at: new Date().toISOString(),
          read_at: null,
          dedupeKey: key,
        };
        expect(await notifyUsers(t.ctx, [row])).toEqual({ inApp: 1, emails: 1 });
        expect(await notifyUsers(t.ctx, [row])).toEqual({ inApp: 1, emails: 0 });
        expect(await notes(org.colleague.userId, 'reminder')).toHaveLength(1);
        expect((await mailsTo(org.colleague.userId)).filter((m) => m.dedupe_key === key)).toHaveLength(1);
        const mail = (await mailsTo(org.colleague.userId)).find((m) => m.dedupe_key === key);
        expect(JSON.parse(mail?.payload as string).message.title).toBe(
          `[周报] 提醒：请在 9月30日（周三）17:00 前提交${Number(week.slice(0, 4))} 年第 ${Number(week.slice(6))} 周周报`,
        );
        await t.database.db.updateTable('users').set({ active: 0 }).where('id', '=', org.otherHead.userId).execute();
        expect(await notifyUsers(t.ctx, [{ ...row, id: 'x1', user_id: org.otherHead.userId, dedupeKey: 'other' }])).toEqual({
          inApp: 0,
          emails: 0,
        });
      });
    });
  });
}
