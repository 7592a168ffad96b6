import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type TestApp } from '../../../test/helpers';
import { buildReportOrg, item, type ReportOrg, saveReport, submitReport, weeksAgo } from '../../../test/report-factories';

for (const dialect of DIALECTS) {
  describe(`reading reports on ${dialect}`, () => {
    let t: TestApp;
    let org: ReportOrg;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      org = await buildReportOrg(t);
    });
    afterAll(() => t.close());

    describe('GET /api/v1/reports/:id and read receipts', () => {
      it('shows a draft to its author only; everyone else gets 404', async () => {
        const draft = (await saveReport(t, org.author, weeksAgo(27), [item('还没写完')])).json();
        expect((await t.request({ method: 'GET', url: `/api/v1/reports/${draft.id}`, as: org.author })).statusCode).toBe(200);
        for (const s of [org.colleague, org.head, org.leader, org.assessor, org.admin]) {
          const res = await t.request({ method: 'GET', url: `/api/v1/reports/${draft.id}`, as: s });
          expect(res.statusCode).toBe(404);
          expect(res.body).not.toContain('还没写完');
          for (const sub of ['versions', 'readers']) {
            expect((await t.request({ method: 'GET', url: `/api/v1/reports/${draft.id}/${sub}`, as: s })).statusCode).toBe(404);
          }
        }
        expect((await t.request({ method: 'GET', url: '/api/v1/reports/nope', as: org.author })).statusCode).toBe(404);
      });

      it('records a read by others (first and last time), not by the author, and lists readers to those allowed', async () => {
        const report = await submitReport(t, org.colleague, weeksAgo(11), [item('被阅读的周报')]);
        const url = `/api/v1/reports/${report.id}`;
        expect((await t.request({ method: 'GET', url, as: org.colleague })).statusCode).toBe(200);
        expect((await t.request({ method: 'GET', url, as: org.author })).statusCode).toBe(200);
        await new Promise((r) => setTimeout(r, 5));
        expect((await t.request({ method: 'GET', url, as: org.author })).statusCode).toBe(200);
        const rows = await t.database.db.selectFrom('report_reads').selectAll().where('report_id', '=', report.id).execute();
        expect(rows.map((r) => r.user_id)).toEqual([org.author.userId]);
        expect(Date.parse(rows[0]?.last_read_at ?? '')).toBeGreaterThan(Date.parse(rows[0]?.first_read_at ?? ''));
        for (const s of [org.colleague, org.head, org.leader, org.assessor]) {
          const res = await t.request({ method: 'GET', url: `${url}/readers`, as: s });
          expect(res.statusCode).toBe(200);
          expect(res.json().items).toEqual([
            { userId: org.author.userId, displayName: '王五', readAt: rows[0]?.first_read_at, lastReadAt: rows[0]?.last_read_at },
          ]);
        }
        for (const s of [org.author, org.otherHead, org.otherLeader, org.admin]) {
          const res = await t.request({ method: 'GET', url: `${url}/readers`, as: s });
          expect(res.statusCode).toBe(403);
          expect(res.json().error.code).toBe('forbidden');
        }
      });
    });

    describe('GET /api/v1/reports/:id/versions', () => {
      it('keeps every submitted state: an edit after submission is a new version, the old one unchanged', async () => {
        const week = weeksAgo(12);
        const v1 = await submitReport(t, org.author, week, [item('第一版内容')], '第一版');
        const res = await saveReport(t, org.author, week, [item('第二版内容', { id: v1.items[0].id })], '第二版');
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({
          status: 'submitted',
          version: 2,
          submittedAt: v1.submittedAt,
          late: true,
          summary: '第二版',
        });
        const versions = await t.request({ method: 'GET', url: `/api/v1/reports/${v1.id}/versions`, as: org.colleague });
        expect(versions.statusCode).toBe(200);
        expect(versions.json().items).toEqual([
          {
            version: 1,
            savedAt: expect.any(String),
            summary: '第一版',
            items: [expect.objectContaining({ content: '第一版内容' })],
          },
          {
            version: 2,
            savedAt: expect.any(String),
            summary: '第二版',
            items: [expect.objectContaining({ content: '第二版内容', id: v1.items[0].id })],
          },
        ]);
        const audit = await t.database.db
          .selectFrom('audit_log')
          .selectAll()
          .where('action', '=', 'report.revised')
          .where('target_id', '=', v1.id)
          .execute();
        expect(audit).toHaveLength(1);
      });

      it('adds no version for a save that changes nothing (an autosave of the same text)', async () => {
        const week = weeksAgo(14);
        const v1 = await submitReport(t, org.author, week, [item('原样保存')], '小结');
        const res = await saveReport(t, org.author, week, [item('原样保存')], '小结');
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ version: 1, items: [{ id: v1.items[0].id }] });
        const rows = await t.database.db.selectFrom('report_versions').selectAll().where('report_id', '=', v1.id).execute();
        expect(rows).toHaveLength(1);
      });

      it('refuses to empty a submitted report (400) and keeps it as it was', async () => {
        const week = weeksAgo(13);
        const v1 = await submitReport(t, org.author, week, [item('不能清空')]);
        const res = await saveReport(t, org.author, week, []);
        expect(res.statusCode).toBe(400);
        const now = (await t.request({ method: 'GET', url: `/api/v1/reports/${v1.id}`, as: org.author })).json();
        expect(now).toMatchObject({ version: 1, items: [{ content: '不能清空' }] });
      });
    });

    describe('GET /api/v1/reports', () => {
      it('lists submitted reports only, filtered by week, user and department, a page at a time', async () => {
        const week = weeksAgo(30);
        const a = await submitReport(t, org.author, week, [item('甲的周报')]);
        const c = await submitReport(t, org.colleague, week, [item('乙的周报')]);
        await saveReport(t, org.head, week, [item('草稿不列出')]);
        const all = await t.request({ method: 'GET', url: `/api/v1/reports?week=${week}`, as: org.otherHead });
        expect(all.statusCode).toBe(200);
        expect(
          all
            .json()
            .items.map((r: { id: string }) => r.id)
            .sort(),
        ).toEqual([a.id, c.id].sort());
        expect(all.body).not.toContain('草稿不列出');
        expect(all.json().nextCursor).toBeNull();
        const mine = await t.request({
          method: 'GET',
          url: `/api/v1/reports?week=${week}&userId=${org.author.userId}`,
          as: org.colleague,
        });
        expect(mine.json().items.map((r: { id: string }) => r.id)).toEqual([a.id]);
        const dept = await t.request({ method: 'GET', url: `/api/v1/reports?departmentId=${org.tax}`, as: org.colleague });
        expect(dept.json().items).toEqual([]);
        const first = await t.request({ method: 'GET', url: `/api/v1/reports?week=${week}&limit=1`, as: org.colleague });
        expect(first.json().items).toHaveLength(1);
        const cursor = first.json().nextCursor;
        expect(cursor).toEqual(expect.any(String));
        const second = await t.request({
          method: 'GET',
          url: `/api/v1/reports?week=${week}&limit=1&cursor=${cursor}`,
          as: org.colleague,
        });
        expect(second.json().items).toHaveLength(1);
        expect(second.json().items[0].id).not.toBe(first.json().items[0].id);
        expect(second.json().nextCursor).toBeNull();
      });

      it('pages through every week newest first without repeats', async () => {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const url: string = `/api/v1/reports?userId=${org.author.userId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
          const res = await t.request({ method: 'GET', url, as: org.colleague });
          expect(res.statusCode).toBe(200);
          seen.push(...res.json().items.map((r: { week: string }) => r.week));
          cursor = res.json().nextCursor;
        } while (cursor);
        expect(seen.length).toBeGreaterThanOrEqual(3);
        expect(new Set(seen).size).toBe(seen.length);
        expect([...seen].sort().reverse()).toEqual(seen);
      });

      it('answers 400 for a bad cursor, week or limit', async () => {
        for (const q of ['cursor=garbage', 'week=2021-W60', 'limit=0', 'limit=1000']) {
          const res = await t.request({ method: 'GET', url: `/api/v1/reports?${q}`, as: org.colleague });
          expect(res.statusCode).toBe(400);
          expect(res.json().error.code).toBe('invalid_input');
        }
      });
    });
  });
}
