import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';
import { buildReportOrg, item, type ReportOrg, submitReport, weeksAgo } from '../../../test/report-factories';

const SECRET = '机密通知测试事项';

interface Note {
  id: string;
  type: string;
  readAt: string | null;
  data: Record<string, unknown>;
}

for (const dialect of DIALECTS) {
  describe(`notifications on ${dialect}`, () => {
    let t: TestApp;
    let org: ReportOrg;
    let reportId: string;
    const week = weeksAgo(2);

    const inbox = async (as: Session, query = '') => {
      const res = await t.request({ method: 'GET', url: `/api/v1/me/notifications${query}`, as });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(SECRET);
      return res.json() as { items: Note[]; nextCursor: string | null; unread: number };
    };
    /** Listeners run after the response: wait until the inbox holds `count` notifications of a type. */
    const arrived = async (as: Session, type: string, count = 1): Promise<Note[]> => {
      for (let i = 0; i < 100; i++) {
        const found = (await inbox(as)).items.filter((n) => n.type === type);
        if (found.length >= count) return found;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no ${type} notification arrived`);
    };
    const comment = (as: Session, payload: Record<string, unknown>) =>
      t.request({ method: 'POST', url: `/api/v1/reports/${reportId}/comments`, as, payload });

    beforeAll(async () => {
      t = await createTestApp(dialect);
      org = await buildReportOrg(t);
      reportId = (await submitReport(t, org.author, week, [item('公开'), item(SECRET, { visibility: 'restricted' })])).id;
    });
    afterAll(() => t.close());

    it('tells the owner of a comment, with the report, week, author name and an excerpt', async () => {
      expect((await comment(org.colleague, { body: '很有收获' })).statusCode).toBe(201);
      const [n] = await arrived(org.author, 'comment');
      expect(n?.readAt).toBeNull();
      expect(n?.data).toMatchObject({ reportId, week, authorId: org.colleague.userId, authorName: '李四', excerpt: '很有收获' });
    });

    it('tells the owner of feedback, and nobody of their own comment', async () => {
      await comment(org.leader, { body: '注意进度' });
      expect((await arrived(org.author, 'feedback'))[0]?.data).toMatchObject({ authorName: '孙局长' });
      await comment(org.author, { body: '自己的话' });
      await comment(org.colleague, { body: '@自己', mentions: [org.colleague.userId] });
      await new Promise((r) => setTimeout(r, 100));
      expect((await inbox(org.colleague)).items).toEqual([]);
      expect((await inbox(org.author)).items.filter((n) => n.type === 'comment')).toHaveLength(2);
    });

    it('tells each person mentioned, once, and the owner by the comment alone', async () => {
      await comment(org.colleague, { body: '请两位看看', mentions: [org.head.userId, org.otherHead.userId, org.author.userId] });
      for (const s of [org.head, org.otherHead]) {
        const [n] = await arrived(s, 'mention');
        expect(n?.data).toMatchObject({ reportId, excerpt: '请两位看看' });
      }
      expect((await inbox(org.author)).items.filter((n) => n.type === 'mention')).toEqual([]);
    });

    it('tells the owner of a grade', async () => {
      await t.request({ method: 'PUT', url: `/api/v1/reports/${reportId}/grade`, as: org.head, payload: { grade: 'A' } });
      const [n] = await arrived(org.author, 'grade');
      expect(n?.data).toMatchObject({ reportId, week, grade: 'A', byName: '赵主任' });
    });

    it('tells every active member of the department of its bulletin, but not the publisher or others', async () => {
      await t.user({ username: 'gone', departmentId: org.office });
      await t.database.db.updateTable('users').set({ active: 0 }).where('username', '=', 'gone').execute();
      await t.request({
        method: 'PUT',
        url: `/api/v1/departments/${org.office}/summaries/${week}`,
        as: org.head,
        payload: { summary: '小结', items: [item(SECRET, { visibility: 'restricted' })] },
      });
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/departments/${org.office}/summaries/${week}/publish`,
        as: org.head,
      });
      expect(res.statusCode).toBe(200);
      for (const s of [org.author, org.colleague]) {
        const [n] = await arrived(s, 'bulletin.published');
        expect(n?.data).toEqual({ departmentId: org.office, departmentName: '办公室', week, version: 1 });
      }
      const rows = await t.database.db.selectFrom('notifications').selectAll().where('type', '=', 'bulletin.published').execute();
      expect(rows.map((r) => r.user_id).sort()).toEqual([org.author.userId, org.colleague.userId].sort());
      for (const s of [org.head, org.leader, org.otherHead]) {
        expect((await inbox(s)).items.filter((n) => n.type === 'bulletin.published')).toEqual([]);
      }
    });

    it('never stores restricted item text in any notification', async () => {
      const rows = await t.database.db.selectFrom('notifications').select('data').execute();
      expect(rows.length).toBeGreaterThanOrEqual(7);
      for (const r of rows) expect(r.data).not.toContain(SECRET);
    });

    it('pages newest first with a cursor and counts the unread', async () => {
      const all = await inbox(org.author);
      expect(all.unread).toBe(all.items.length);
      const first = await inbox(org.author, '?limit=2');
      expect(first.items).toEqual(all.items.slice(0, 2));
      const second = await inbox(org.author, `?limit=2&cursor=${first.nextCursor}`);
      expect(second.items).toEqual(all.items.slice(2, 4));
      expect((await t.request({ method: 'GET', url: '/api/v1/me/notifications?cursor=bad', as: org.author })).statusCode).toBe(
        400,
      );
    });

    it('POST /api/v1/me/notifications/read marks one’s own by ids, or all; others’ ids change nothing', async () => {
      const before = await inbox(org.author);
      const read = (as: Session, payload: Record<string, unknown>) =>
        t.request({ method: 'POST', url: '/api/v1/me/notifications/read', as, payload });
      const theirs = (await inbox(org.colleague)).items[0]?.id as string;
      expect((await read(org.author, { ids: [before.items[0]?.id, theirs] })).statusCode).toBe(204);
      expect((await inbox(org.colleague)).items[0]?.readAt).toBeNull();
      const after = await inbox(org.author);
      expect(after.unread).toBe(before.unread - 1);
      expect(after.items[0]?.readAt).toEqual(expect.any(String));
      expect((await inbox(org.author, '?unreadOnly=true')).items).toHaveLength(before.unread - 1);
      expect((await read(org.author, {})).statusCode).toBe(400);
      expect((await read(org.author, { all: true })).statusCode).toBe(204);
      expect((await inbox(org.author)).unread).toBe(0);
    });
  });
}
