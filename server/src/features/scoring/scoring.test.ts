import { DEFAULT_SCORING_RULES, type TScoreRow } from '@zhoubao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type TestApp } from '../../../test/helpers';
import { buildReportOrg, item, type ReportOrg, submitReport } from '../../../test/report-factories';
import { newId } from '../../lib/ids';
import { weekEnd, weekStart } from '../weeks/iso-week';

// Three past weeks without public holidays, so every one of them is due and its deadline has passed.
const W1 = '2025-W10';
const W2 = '2025-W11';
const W3 = '2025-W12';
const RANGE = `from=${W1}&to=${W3}`;

for (const dialect of DIALECTS) {
  describe(`scoring (${dialect})`, () => {
    let t: TestApp;
    let org: ReportOrg;
    let authorW1: string;
    let authorW2: string;
    let colleagueW3: string;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      org = await buildReportOrg(t);
      const db = t.database.db;
      // 王五 (author): W1 on time with two work items, one adopted by the province, rated 4 and 5,
      // graded B then A; W2 late with one item; W3 missing.
      authorW1 = (await submitReport(t, org.author, W1, [item('起草年度总结', { tags: ['省级采用'] }), item('整理会议纪要')])).id;
      authorW2 = (await submitReport(t, org.author, W2, [item('完成档案数字化')])).id;
      // 李四 (colleague): W1 on time with a study item only; W2 on leave; W3 on time, adopted nationally.
      await submitReport(t, org.colleague, W1, [item('学习新税法', { kind: 'study' })]);
      colleagueW3 = (await submitReport(t, org.colleague, W3, [item('撰写调研信息', { outcome: '信息被国家级采用' })])).id;
      await db
        .insertInto('absences')
        .values({
          id: newId(),
          user_id: org.colleague.userId,
          from_date: weekStart(W2),
          to_date: weekEnd(W2),
          reason: '年假',
          created_by: org.admin.userId,
          created_at: new Date().toISOString(),
          deleted_at: null,
        })
        .execute();
      // Past weeks submitted now are late; all but the author's W2 count as on time in this fixture.
      await db.updateTable('reports').set({ late: 0 }).where('id', '!=', authorW2).execute();
      for (const [as, score] of [
        [org.colleague, 4],
        [org.head, 5],
      ] as const) {
        const res = await t.request({ method: 'PUT', url: `/api/v1/reports/${authorW1}/rating`, as, payload: { score } });
        expect(res.statusCode).toBe(204);
      }
      for (const grade of ['B', 'A']) {
        const res = await t.request({
          method: 'PUT',
          url: `/api/v1/reports/${authorW1}/grade`,
          as: org.head,
          payload: { grade },
        });
        expect(res.statusCode).toBe(204);
      }
      await db.updateTable('report_grades').set({ graded_at: '2025-03-10T00:00:00.000Z' }).where('grade', '=', 'B').execute();
    });

    afterAll(async () => {
      await t.close();
    });

    const scores = async (as = org.assessor, query = RANGE) => {
      const res = await t.request({ method: 'GET', url: `/api/v1/scores?${query}`, as });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as TScoreRow[];
    };
    const rowOf = (rows: TScoreRow[], userId: string) => rows.find((r) => r.userId === userId);

    describe('GET /api/v1/scores', () => {
      it('matches the hand-computed scores and ranks', async () => {
        const rows = await scores();
        // 王五: W1 10 + 2 items + 5 provincial + 2 × (4.5 − 3) + 8 (A) = 28; W2 late 5 + 1 = 6; W3 −10.
        expect(rowOf(rows, org.author.userId)).toEqual({
          userId: org.author.userId,
          displayName: '王五',
          departmentId: org.office,
          weeksExpected: 3,
          submitted: 2,
          onTime: 1,
          late: 1,
          missing: 1,
          peerRating: 4.5,
          grade: 'A',
          outcomePoints: 5,
          total: 24,
          rank: 2,
          departmentRank: 2,
          departmentPercentile: 50,
        });
        // 李四: W1 10 (study items earn nothing); W2 on leave; W3 10 + 1 + 10 national = 21.
        expect(rowOf(rows, org.colleague.userId)).toMatchObject({
          weeksExpected: 2,
          submitted: 2,
          onTime: 2,
          late: 0,
          missing: 0,
          peerRating: null,
          grade: null,
          outcomePoints: 10,
          total: 31,
          rank: 1,
          departmentRank: 1,
          departmentPercentile: 100,
        });
        // Everyone else missed all three weeks: tied third; the head is last in 办公室.
        expect(rowOf(rows, org.head.userId)).toMatchObject({
          missing: 3,
          total: -30,
          rank: 3,
          departmentRank: 3,
          departmentPercentile: 0,
        });
        expect(rows.map((r) => r.total)).toEqual([...rows.map((r) => r.total)].sort((a, b) => b - a));
      });

      it('does not count weeks before a person joined, nor a week whose deadline has not passed', async () => {
        await t.database.db
          .updateTable('users')
          .set({ created_at: '2025-03-12T00:00:00.000Z' })
          .where('id', '=', org.otherHead.userId)
          .execute();
        const rows = await scores(org.assessor, RANGE);
        expect(rowOf(rows, org.otherHead.userId)).toMatchObject({ weeksExpected: 2, missing: 2, total: -20 });
        const future = await scores(org.assessor, 'from=2099-W01&to=2099-W02');
        expect(rowOf(future, org.author.userId)).toMatchObject({ weeksExpected: 0, missing: 0, total: 0 });
      });

      it('filters by department subtree', async () => {
        const rows = await scores(org.assessor, `${RANGE}&departmentId=${org.office}`);
        expect(rows.every((r) => r.departmentId === org.office)).toBe(true);
        expect(rowOf(rows, org.author.userId)?.rank).toBe(2);
      });

      it('shows a member only their own row', async () => {
        const rows = await scores(org.author);
        expect(rows.map((r) => r.userId)).toEqual([org.author.userId]);
      });

      it('shows a head only their own department', async () => {
        const own = await scores(org.head);
        expect(new Set(own.map((r) => r.departmentId))).toEqual(new Set([org.office]));
        const other = await scores(org.otherHead);
        expect(other.every((r) => r.departmentId === org.tax)).toBe(true);
        expect(rowOf(other, org.author.userId)).toBeUndefined();
      });

      it('shows a leader the departments they supervise and below', async () => {
        const rows = await scores(org.otherLeader);
        expect(rows.map((r) => r.userId).sort()).toEqual([org.otherHead.userId, org.otherLeader.userId].sort());
      });

      it('rejects a malformed or reversed period', async () => {
        for (const query of ['from=2025-10&to=2025-W12', `from=${W3}&to=${W1}`, '']) {
          const res = await t.request({ method: 'GET', url: `/api/v1/scores?${query}`, as: org.assessor });
          expect(res.statusCode).toBe(400);
        }
      });
    });

    describe('GET /api/v1/users/:id/scores', () => {
      it('gives the breakdown week by week, each part naming its evidence', async () => {
        const res = await t.request({ method: 'GET', url: `/api/v1/users/${org.author.userId}/scores?${RANGE}`, as: org.author });
        expect(res.statusCode).toBe(200);
        const body = res.json();
        expect(body.total).toBe(24);
        expect(body.weeks.map((w: { week: string; points: number }) => [w.week, w.points])).toEqual([
          [W1, 28],
          [W2, 6],
          [W3, -10],
        ]);
        for (const w of body.weeks) {
          const sum = w.breakdown.reduce((s: number, p: { points: number }) => s + p.points, 0);
          expect(Math.round(sum * 100) / 100).toBe(w.points);
        }
        const w1 = body.weeks[0].breakdown;
        expect(w1.map((p: { rule: string }) => p.rule)).toEqual([
          'on_time',
          'work_item',
          'work_item',
          'outcome',
          'peer_rating',
          'grade',
        ]);
        expect(w1[0].evidence).toEqual({ kind: 'report', id: authorW1, reportId: authorW1 });
        expect(w1[4].evidence).toEqual({ kind: 'rating', id: authorW1, reportId: authorW1 });
        const latest = await t.database.db
          .selectFrom('report_grades')
          .select('id')
          .where('grade', '=', 'A')
          .executeTakeFirstOrThrow();
        expect(w1[5]).toEqual({ rule: 'grade', points: 8, evidence: { kind: 'grade', id: latest.id, reportId: authorW1 } });
        expect(body.weeks[2].breakdown).toEqual([
          { rule: 'missing', points: -10, evidence: { kind: 'week', id: W3, reportId: null } },
        ]);
      });

      it('lets the head see a member of their department, and forbids others', async () => {
        const ok = await t.request({ method: 'GET', url: `/api/v1/users/${org.colleague.userId}/scores?${RANGE}`, as: org.head });
        expect(ok.statusCode).toBe(200);
        expect(ok.json().weeks.find((w: { week: string }) => w.week === W3).breakdown[0].evidence.reportId).toBe(colleagueW3);
        for (const as of [org.colleague, org.otherHead, org.otherLeader]) {
          const res = await t.request({ method: 'GET', url: `/api/v1/users/${org.author.userId}/scores?${RANGE}`, as });
          expect(res.statusCode).toBe(403);
        }
        const missing = await t.request({ method: 'GET', url: `/api/v1/users/nobody/scores?${RANGE}`, as: org.assessor });
        expect(missing.statusCode).toBe(404);
      });
    });

    describe('/api/v1/scoring/rules', () => {
      it('starts with the defaults, version 0, for any signed-in user', async () => {
        const res = await t.request({ method: 'GET', url: '/api/v1/scoring/rules', as: org.author });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toEqual({ ...DEFAULT_SCORING_RULES, version: 0, createdAt: null, createdBy: null });
        expect((await t.request({ method: 'GET', url: '/api/v1/scoring/rules' })).statusCode).toBe(401);
      });

      it('rejects invalid rules with 400 and clear messages', async () => {
        const res = await t.request({
          method: 'PUT',
          url: '/api/v1/scoring/rules',
          as: org.assessor,
          payload: { ...DEFAULT_SCORING_RULES, perWorkItem: { points: 1, weeklyCap: -2 } },
        });
        expect(res.statusCode).toBe(400);
        expect(res.body).toContain('must be at least 0');
      });

      it('forbids members and heads to change the rules', async () => {
        for (const as of [org.author, org.head]) {
          const res = await t.request({ method: 'PUT', url: '/api/v1/scoring/rules', as, payload: DEFAULT_SCORING_RULES });
          expect(res.statusCode).toBe(403);
        }
      });

      it('saves a new version each time, audited, and scores follow the rules in force', async () => {
        const changed = { ...DEFAULT_SCORING_RULES, points: { onTime: 20, late: 5, missing: -10 } };
        const first = await t.request({ method: 'PUT', url: '/api/v1/scoring/rules', as: org.assessor, payload: changed });
        expect(first.statusCode).toBe(200);
        expect(first.json()).toMatchObject({ version: 1, createdBy: org.assessor.userId, points: changed.points });
        const second = await t.request({ method: 'PUT', url: '/api/v1/scoring/rules', as: org.admin, payload: changed });
        expect(second.json().version).toBe(2);
        const current = await t.request({ method: 'GET', url: '/api/v1/scoring/rules', as: org.author });
        expect(current.json()).toMatchObject({ version: 2, points: changed.points });
        const versions = await t.database.db.selectFrom('scoring_rules').select('version').orderBy('version').execute();
        expect(versions.map((v) => v.version)).toEqual([1, 2]);
        const audited = await t.database.db
          .selectFrom('audit_log')
          .select('target_id')
          .where('action', '=', 'scoring.rules_updated')
          .orderBy('target_id')
          .execute();
        expect(audited.map((a) => a.target_id)).toEqual(['1', '2']);
        // 王五's one on-time week now earns 10 more; 李四's two earn 20 more.
        const rows = await scores();
        expect(rowOf(rows, org.author.userId)?.total).toBe(34);
        expect(rowOf(rows, org.colleague.userId)?.total).toBe(51);
      });
    });
  });
}
