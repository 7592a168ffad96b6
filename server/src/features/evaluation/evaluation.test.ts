import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';
import { buildReportOrg, item, type ReportOrg, saveReport, submitReport, weeksAgo } from '../../../test/report-factories';

for (const dialect of DIALECTS) {
  describe(`likes, ratings, grades and what is left to read on ${dialect}`, () => {
    let t: TestApp;
    let org: ReportOrg;
    let reportId: string;
    let draftId: string;
    const week = weeksAgo(2);
    const req = (method: 'GET' | 'PUT' | 'DELETE', path: string, as: Session, payload?: Record<string, unknown>) =>
      t.request({ method, url: `/api/v1/reports/${reportId}${path}`, as, payload });
    const evaluation = async (as: Session) => {
      const res = await req('GET', '/evaluation', as);
      expect(res.statusCode).toBe(200);
      return res.json();
    };

    beforeAll(async () => {
      t = await createTestApp(dialect);
      org = await buildReportOrg(t);
      reportId = (await submitReport(t, org.author, week, [item('公开的工作')])).id;
      draftId = (await saveReport(t, org.author, weeksAgo(1), [item('草稿')])).json().id;
    });
    afterAll(() => t.close());

    describe('PUT and DELETE /api/v1/reports/:id/like', () => {
      it('is idempotent both ways and counted in the evaluation', async () => {
        for (let i = 0; i < 2; i++) expect((await req('PUT', '/like', org.colleague)).statusCode).toBe(204);
        expect((await req('PUT', '/like', org.head)).statusCode).toBe(204);
        expect(await evaluation(org.colleague)).toMatchObject({ likes: 2, likedByMe: true });
        expect(await evaluation(org.admin)).toMatchObject({ likes: 2, likedByMe: false });
        for (let i = 0; i < 2; i++) expect((await req('DELETE', '/like', org.colleague)).statusCode).toBe(204);
        expect(await evaluation(org.colleague)).toMatchObject({ likes: 1, likedByMe: false });
      });

      it('answers 404 on someone else’s draft', async () => {
        const res = await t.request({ method: 'PUT', url: `/api/v1/reports/${draftId}/like`, as: org.colleague });
        expect(res.statusCode).toBe(404);
      });
    });

    describe('PUT /api/v1/reports/:id/rating', () => {
      it('keeps one rating per rater (PUT replaces) and averages them', async () => {
        expect((await req('PUT', '/rating', org.colleague, { score: 2 })).statusCode).toBe(204);
        expect((await req('PUT', '/rating', org.colleague, { score: 4, reason: '扎实' })).statusCode).toBe(204);
        expect((await req('PUT', '/rating', org.otherHead, { score: 5 })).statusCode).toBe(204);
        const ev = await evaluation(org.colleague);
        expect(ev).toMatchObject({ ratingAverage: 4.5, ratingCount: 2, myRating: { score: 4, reason: '扎实' } });
        expect(ev.raters).toBeUndefined();
      });

      it('refuses one’s own report (403) and scores outside 1–5 or not whole (400)', async () => {
        expect((await req('PUT', '/rating', org.author, { score: 5 })).statusCode).toBe(403);
        for (const score of [0, 6, 3.5, '3']) {
          const res = await req('PUT', '/rating', org.colleague, { score });
          expect(res.statusCode).toBe(400);
          expect(res.json().error.code).toBe('invalid_input');
        }
      });

      it('shows the raters to assessors always, and to the author only when the setting says so', async () => {
        expect((await evaluation(org.assessor)).raters).toEqual([
          { userId: org.colleague.userId, displayName: '李四', score: 4, reason: '扎实' },
          { userId: org.otherHead.userId, displayName: '钱科长', score: 5, reason: null },
        ]);
        expect((await evaluation(org.author)).raters).toBeUndefined();
        const patch = (ratingsVisibility: string) =>
          t.request({ method: 'PATCH', url: '/api/v1/settings', as: org.admin, payload: { ratingsVisibility } });
        expect((await patch('raters')).json().ratingsVisibility).toBe('raters');
        expect((await evaluation(org.author)).raters).toHaveLength(2);
        expect((await evaluation(org.head)).raters).toBeUndefined();
        expect((await patch('nobody')).statusCode).toBe(400);
        await patch('average');
        expect((await evaluation(org.author)).raters).toBeUndefined();
      });
    });

    describe('PUT /api/v1/reports/:id/grade', () => {
      it('refuses members, other departments’ heads and leaders, admins and the author (403)', async () => {
        for (const s of [org.colleague, org.otherHead, org.otherLeader, org.admin, org.author]) {
          expect((await req('PUT', '/grade', s, { grade: 'A' })).statusCode).toBe(403);
        }
        expect((await req('PUT', '/grade', org.head, { grade: 'E' })).statusCode).toBe(400);
      });

      it('keeps every grade from head, leader and assessor; the latest counts; each is audited', async () => {
        expect((await req('PUT', '/grade', org.head, { grade: 'B', note: '尚可' })).statusCode).toBe(204);
        expect((await req('PUT', '/grade', org.leader, { grade: 'A' })).statusCode).toBe(204);
        expect((await req('PUT', '/grade', org.assessor, { grade: 'C', note: '复核' })).statusCode).toBe(204);
        const ev = await evaluation(org.leader);
        expect(ev.grade).toMatchObject({ grade: 'C', note: '复核', by: org.assessor.userId, byName: '吴考核' });
        expect(ev.grades.map((g: { grade: string }) => g.grade)).toEqual(['B', 'A', 'C']);
        const audits = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'report.graded').execute();
        expect(audits).toHaveLength(3);
        expect(await t.database.db.selectFrom('report_grades').selectAll().execute()).toHaveLength(3);
      });

      it('shows the latest grade to the author, the history to the overseers, and neither to peers', async () => {
        const own = await evaluation(org.author);
        expect(own.grade.grade).toBe('C');
        expect(own.grades).toBeUndefined();
        for (const s of [org.head, org.assessor]) expect((await evaluation(s)).grades).toHaveLength(3);
        for (const s of [org.colleague, org.otherHead, org.otherLeader, org.admin]) {
          const ev = await evaluation(s);
          expect(ev.grade).toBeUndefined();
          expect(ev.grades).toBeUndefined();
        }
      });
    });

    describe('GET /api/v1/me/to-read', () => {
      it('lists the unread submitted reports of one’s people for heads and leaders, and nothing for others', async () => {
        const w = weeksAgo(3);
        await t.user({ username: 'taxer', departmentId: org.tax, displayName: '税政员' });
        const taxer = await t.login('taxer');
        const a = await submitReport(t, org.author, w, [item('a')]);
        const c = await submitReport(t, org.colleague, w, [item('c')]);
        const x = await submitReport(t, taxer, w, [item('x')]);
        await saveReport(t, org.head, w, [item('草稿不算')]);
        const toRead = async (as: Session, query = `?week=${w}`) => {
          const res = await t.request({ method: 'GET', url: `/api/v1/me/to-read${query}`, as });
          expect(res.statusCode).toBe(200);
          return res
            .json()
            .items.map((i: { reportId: string }) => i.reportId)
            .sort();
        };
        expect(await toRead(org.head)).toEqual([a.id, c.id].sort());
        expect(await toRead(org.leader)).toEqual([a.id, c.id, x.id].sort());
        expect(await toRead(org.otherLeader)).toEqual([x.id]);
        expect(await toRead(org.otherHead)).toEqual([x.id]);
        for (const s of [org.assessor, org.colleague, org.admin]) expect(await toRead(s)).toEqual([]);
        // Opening a report takes it off the list; only the opener's list changes.
        await t.request({ method: 'GET', url: `/api/v1/reports/${a.id}`, as: org.head });
        expect(await toRead(org.head)).toEqual([c.id]);
        expect(await toRead(org.leader)).toContain(a.id);
        const res = await t.request({ method: 'GET', url: `/api/v1/me/to-read?week=${w}`, as: org.head });
        expect(res.json().items[0]).toEqual({
          reportId: c.id,
          userId: org.colleague.userId,
          displayName: '李四',
          departmentId: org.office,
          submittedAt: expect.any(String),
        });
        expect(await toRead(org.head, '')).toEqual([]);
        expect((await t.request({ method: 'GET', url: '/api/v1/me/to-read?week=2021-53x', as: org.head })).statusCode).toBe(400);
      });
    });
  });
}
