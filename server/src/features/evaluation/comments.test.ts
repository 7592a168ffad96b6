import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';
import { buildReportOrg, item, type ReportOrg, saveReport, submitReport, weeksAgo } from '../../../test/report-factories';

const SECRET = '机密评论测试内容';

for (const dialect of DIALECTS) {
  describe(`comments and feedback on ${dialect}`, () => {
    let t: TestApp;
    let org: ReportOrg;
    let reportId: string;
    let draftId: string;
    const url = (id = reportId) => `/api/v1/reports/${id}/comments`;
    const post = (as: Session, payload: Record<string, unknown>, id = reportId) =>
      t.request({ method: 'POST', url: url(id), as, payload });

    beforeAll(async () => {
      t = await createTestApp(dialect);
      org = await buildReportOrg(t);
      reportId = (await submitReport(t, org.author, weeksAgo(2), [item('公开'), item(SECRET, { visibility: 'restricted' })])).id;
      draftId = (await saveReport(t, org.author, weeksAgo(1), [item('草稿')])).json().id;
    });
    afterAll(() => t.close());

    describe('POST /api/v1/reports/:id/comments', () => {
      it('makes a colleague’s comment a `comment` and the author’s own remark a `comment`', async () => {
        const res = await post(org.colleague, { body: '  写得好  ' });
        expect(res.statusCode).toBe(201);
        expect(res.json()).toMatchObject({ authorId: org.colleague.userId, authorName: '李四', body: '写得好', kind: 'comment' });
        expect(res.json()).toEqual(
          expect.objectContaining({ id: expect.any(String), createdAt: expect.any(String), editedAt: null }),
        );
        expect((await post(org.author, { body: '谢谢' })).json().kind).toBe('comment');
        // Another department's head and leader are peers here.
        expect((await post(org.otherHead, { body: '学习' })).json().kind).toBe('comment');
        expect((await post(org.otherLeader, { body: '学习' })).json().kind).toBe('comment');
        expect((await post(org.admin, { body: '学习' })).json().kind).toBe('comment');
      });

      it('makes it `feedback` from the head, a leader above and an assessor', async () => {
        for (const s of [org.head, org.leader, org.assessor]) {
          const res = await post(s, { body: '请补充数据' });
          expect(res.statusCode).toBe(201);
          expect(res.json().kind).toBe('feedback');
        }
      });

      it('stores validated mentions, once each', async () => {
        const res = await post(org.colleague, { body: '@赵主任 请看', mentions: [org.head.userId, org.head.userId] });
        expect(res.statusCode).toBe(201);
        expect(res.json().mentions).toEqual([{ userId: org.head.userId, displayName: '赵主任' }]);
      });

      it('refuses mentions of unknown or inactive users (400)', async () => {
        const gone = await t.user({ username: 'gone', departmentId: org.office });
        await t.database.db.updateTable('users').set({ active: 0 }).where('id', '=', gone).execute();
        for (const mentions of [['nobody'], [gone]]) {
          const res = await post(org.colleague, { body: 'x', mentions });
          expect(res.statusCode).toBe(400);
          expect(res.json().error.code).toBe('invalid_input');
        }
      });

      it('refuses an empty or too long body (400)', async () => {
        expect((await post(org.colleague, { body: '   ' })).statusCode).toBe(400);
        expect((await post(org.colleague, { body: 'x'.repeat(2001) })).statusCode).toBe(400);
        expect((await post(org.colleague, { body: 'x'.repeat(2000) })).statusCode).toBe(201);
      });

      it('answers 404 on a draft, for others and for its author alike, and on an unknown report', async () => {
        expect((await post(org.colleague, { body: 'x' }, draftId)).statusCode).toBe(404);
        expect((await post(org.author, { body: 'x' }, draftId)).statusCode).toBe(404);
        expect((await post(org.colleague, { body: 'x' }, 'nope')).statusCode).toBe(404);
        expect((await t.request({ method: 'GET', url: url(draftId), as: org.colleague })).statusCode).toBe(404);
      });
    });

    describe('GET /api/v1/reports/:id/comments', () => {
      it('lists live comments oldest first for any reader, without restricted text', async () => {
        const res = await t.request({ method: 'GET', url: url(), as: org.otherHead });
        expect(res.statusCode).toBe(200);
        const items = res.json().items;
        expect(items[0]).toMatchObject({ body: '写得好', kind: 'comment' });
        expect(items.filter((c: { kind: string }) => c.kind === 'feedback')).toHaveLength(3);
        expect(res.body).not.toContain(SECRET);
      });
    });

    describe('PATCH and DELETE /api/v1/reports/:id/comments/:commentId', () => {
      it('lets the author edit their comment (edited, audited with the old text) but nobody else (403)', async () => {
        const id = (await post(org.colleague, { body: '初稿' })).json().id;
        const patch = (as: Session, body: string) => t.request({ method: 'PATCH', url: `${url()}/${id}`, as, payload: { body } });
        const denied = await patch(org.head, '改掉');
        expect(denied.statusCode).toBe(403);
        expect((await patch(org.author, '改掉')).statusCode).toBe(403);
        const res = await patch(org.colleague, '改后');
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ id, body: '改后', editedAt: expect.any(String) });
        const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'comment.edited').execute();
        expect(JSON.parse(audit[0]?.data ?? '{}')).toMatchObject({ reportId, before: '初稿' });
      });

      it('soft-deletes one’s own comment: 204, gone from the list, kept in the audit log', async () => {
        const id = (await post(org.colleague, { body: '要删除的评论' })).json().id;
        const del = (as: Session) => t.request({ method: 'DELETE', url: `${url()}/${id}`, as });
        expect((await del(org.admin)).statusCode).toBe(403);
        expect((await del(org.colleague)).statusCode).toBe(204);
        expect((await del(org.colleague)).statusCode).toBe(404);
        const list = await t.request({ method: 'GET', url: url(), as: org.colleague });
        expect(list.body).not.toContain('要删除的评论');
        const row = await t.database.db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        expect(row.deleted_at).not.toBeNull();
        const audit = await t.database.db
          .selectFrom('audit_log')
          .selectAll()
          .where('action', '=', 'comment.deleted')
          .where('target_id', '=', id)
          .executeTakeFirstOrThrow();
        expect(JSON.parse(audit.data ?? '{}')).toMatchObject({ reportId, body: '要删除的评论' });
        expect(
          (await t.request({ method: 'PATCH', url: `${url()}/${id}`, as: org.colleague, payload: { body: 'x' } })).statusCode,
        ).toBe(404);
      });

      it('never puts restricted report text into the audit log', async () => {
        const rows = await t.database.db.selectFrom('audit_log').select('data').where('action', 'like', 'comment.%').execute();
        expect(rows.length).toBeGreaterThan(0);
        for (const r of rows) expect(r.data ?? '').not.toContain(SECRET);
      });
    });
  });
}
