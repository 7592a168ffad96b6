import { DEFAULT_SCORING_RULES, type TAssessment, type TScoreRow } from '@zhoubao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type TestApp } from '../../../test/helpers';
import { buildReportOrg, item, type ReportOrg, submitReport } from '../../../test/report-factories';
import { suggestCandidates } from './assessments.service';

const W1 = '2025-W10';
const W2 = '2025-W11';
const PERIOD = { name: '2025 一季度评先', from: W1, to: W2 };

describe('suggestCandidates', () => {
  const row = (userId: string, departmentId: string | null, departmentRank: number) =>
    ({ userId, departmentId, departmentRank }) as TScoreRow;
  const rows = [row('a', 'x', 1), row('b', 'x', 2), row('c', 'x', 2), row('d', 'x', 4), row('e', 'x', 5), row('f', 'y', 1)];

  it('takes the top share of each department, rounding up, ties included', () => {
    expect(suggestCandidates(rows, 0.2)).toEqual(['a', 'f']);
    expect(suggestCandidates(rows, 0.4)).toEqual(['a', 'b', 'c', 'f']);
    expect(suggestCandidates(rows, 1)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(suggestCandidates(rows, 0)).toEqual([]);
  });
});

for (const dialect of DIALECTS) {
  describe(`assessments (${dialect})`, () => {
    let t: TestApp;
    let org: ReportOrg;
    let first: TAssessment;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      org = await buildReportOrg(t);
      await submitReport(t, org.author, W1, [item('起草年度总结', { tags: ['省级采用'] })]);
      await submitReport(t, org.colleague, W1, [item('学习新税法')]);
      await submitReport(t, org.colleague, W2, [item('撰写调研信息')]);
    });

    afterAll(async () => {
      await t.close();
    });

    const scores = async () =>
      (await t.request({ method: 'GET', url: `/api/v1/scores?from=${W1}&to=${W2}`, as: org.assessor })).json()
        .items as TScoreRow[];

    it('lets only assessors take, list and read assessments', async () => {
      for (const as of [org.author, org.head, org.leader, org.admin]) {
        expect((await t.request({ method: 'POST', url: '/api/v1/assessments', as, payload: PERIOD })).statusCode).toBe(403);
        expect((await t.request({ method: 'GET', url: '/api/v1/assessments', as })).statusCode).toBe(403);
      }
      expect((await t.request({ method: 'GET', url: '/api/v1/assessments/nope', as: org.assessor })).statusCode).toBe(404);
    });

    it('validates the body', async () => {
      for (const payload of [
        { ...PERIOD, name: ' ' },
        { ...PERIOD, from: W2, to: W1 },
        { ...PERIOD, from: 'x' },
      ]) {
        const res = await t.request({ method: 'POST', url: '/api/v1/assessments', as: org.assessor, payload });
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      }
    });

    it('takes a snapshot of the scores under the rules in force, audited', async () => {
      const res = await t.request({ method: 'POST', url: '/api/v1/assessments', as: org.assessor, payload: PERIOD });
      expect(res.statusCode, res.body).toBe(201);
      first = res.json();
      expect(first).toMatchObject({ name: PERIOD.name, from: W1, to: W2, rulesVersion: 0, lockedAt: null, candidates: [] });
      expect(first.items).toEqual(await scores());
      // 办公室 has three people: the top one (李四, two on-time weeks) is suggested at the default share.
      expect(first.suggested).toContain(org.colleague.userId);
      expect(first.suggested).not.toContain(org.author.userId);
      const wider = await t.request({ method: 'GET', url: `/api/v1/assessments/${first.id}?share=0.5`, as: org.assessor });
      expect(wider.json().suggested).toContain(org.author.userId);
      const audit = await t.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'assessment.created')
        .where('target_id', '=', first.id)
        .execute();
      expect(audit).toHaveLength(1);
    });

    it('never changes when the rules change afterwards', async () => {
      const put = await t.request({
        method: 'PUT',
        url: '/api/v1/scoring/rules',
        as: org.assessor,
        payload: { ...DEFAULT_SCORING_RULES, points: { onTime: 30, late: 20, missing: -20 } },
      });
      expect(put.statusCode, put.body).toBe(200);
      const now = await scores();
      expect(now).not.toEqual(first.items);
      const again = await t.request({ method: 'GET', url: `/api/v1/assessments/${first.id}`, as: org.assessor });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(first);
      const second = await t.request({ method: 'POST', url: '/api/v1/assessments', as: org.assessor, payload: PERIOD });
      expect(second.json()).toMatchObject({ rulesVersion: 1, items: now });
      const list = await t.request({ method: 'GET', url: '/api/v1/assessments', as: org.assessor });
      expect(list.statusCode).toBe(200);
      const items = list.json().items;
      expect(items.map((a: TAssessment) => a.id)).toEqual([second.json().id, first.id]);
      expect(items[1]).toEqual({
        id: first.id,
        name: PERIOD.name,
        from: W1,
        to: W2,
        rulesVersion: 0,
        createdAt: first.createdAt,
        createdBy: org.assessor.userId,
        lockedAt: null,
      });
    });

    it('marks and unmarks candidates, then locks', async () => {
      const url = (userId: string) => `/api/v1/assessments/${first.id}/candidates/${userId}`;
      const mark = await t.request({
        method: 'PUT',
        url: url(org.author.userId),
        as: org.assessor,
        payload: { note: '成果突出' },
      });
      expect(mark.statusCode, mark.body).toBe(200);
      expect(mark.json()).toMatchObject({ userId: org.author.userId, note: '成果突出', markedBy: org.assessor.userId });
      const remark = await t.request({ method: 'PUT', url: url(org.author.userId), as: org.assessor, payload: { note: '再议' } });
      expect(remark.json().note).toBe('再议');
      expect((await t.request({ method: 'PUT', url: url(org.colleague.userId), as: org.assessor, payload: {} })).statusCode).toBe(
        200,
      );
      expect((await t.request({ method: 'PUT', url: url('nobody'), as: org.assessor, payload: {} })).statusCode).toBe(404);
      expect((await t.request({ method: 'PUT', url: url(org.author.userId), as: org.head, payload: {} })).statusCode).toBe(403);
      expect((await t.request({ method: 'DELETE', url: url(org.colleague.userId), as: org.assessor })).statusCode).toBe(204);
      expect((await t.request({ method: 'DELETE', url: url(org.colleague.userId), as: org.assessor })).statusCode).toBe(404);
      const got = (await t.request({ method: 'GET', url: `/api/v1/assessments/${first.id}`, as: org.assessor })).json();
      expect(got.candidates).toEqual([expect.objectContaining({ userId: org.author.userId, note: '再议' })]);

      const lock = await t.request({ method: 'POST', url: `/api/v1/assessments/${first.id}/lock`, as: org.assessor });
      expect(lock.statusCode, lock.body).toBe(200);
      expect(lock.json().lockedAt).not.toBeNull();
      expect(lock.json().items).toEqual(first.items);
      expect((await t.request({ method: 'PUT', url: url(org.colleague.userId), as: org.assessor, payload: {} })).statusCode).toBe(
        409,
      );
      expect((await t.request({ method: 'DELETE', url: url(org.author.userId), as: org.assessor })).statusCode).toBe(409);
      expect(
        (await t.request({ method: 'POST', url: `/api/v1/assessments/${first.id}/lock`, as: org.assessor })).statusCode,
      ).toBe(409);
      const actions = await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('target_id', '=', first.id)
        .orderBy('at')
        .execute();
      expect(actions.map((a) => a.action)).toEqual([
        'assessment.created',
        'assessment.candidate_marked',
        'assessment.candidate_marked',
        'assessment.candidate_marked',
        'assessment.candidate_unmarked',
        'assessment.locked',
      ]);
    });
  });
}
