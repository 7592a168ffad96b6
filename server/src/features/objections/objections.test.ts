import { DEFAULT_SCORING_RULES, type TObjection, type TObjectionsPage, type TUserScores } from '@zhoubao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';
import { buildReportOrg, currentWeek, item, type ReportOrg, submitReport } from '../../../test/report-factories';
import { addWeeks } from '../weeks/iso-week';

// Past weeks without public holidays: due, and their deadlines have passed.
const W1 = '2025-W10';
const W2 = '2025-W11';
const W3 = '2025-W12';
const REASON = '本周按时提交了周报，却被记为迟交。';

for (const dialect of DIALECTS) {
  describe(`objections (${dialect})`, () => {
    let t: TestApp;
    let org: ReportOrg;
    let authorW1: string;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      org = await buildReportOrg(t);
      authorW1 = (await submitReport(t, org.author, W1, [item('起草年度总结', { tags: ['省级采用'] }), item('整理会议纪要')])).id;
      await submitReport(t, org.otherHead, W1, [item('税政调研')]);
    });

    afterAll(async () => {
      await t.close();
    });

    const raise = (as: Session, payload: Record<string, unknown>) =>
      t.request({ method: 'POST', url: '/api/v1/me/objections', as, payload });
    const answer = (as: Session, id: string, payload: Record<string, unknown>) =>
      t.request({ method: 'POST', url: `/api/v1/objections/${id}/answer`, as, payload });
    const list = async (as: Session, query = '') => {
      const res = await t.request({ method: 'GET', url: `/api/v1/objections?${query}`, as });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as TObjectionsPage;
    };
    const weekScore = async (as: Session, userId: string, week: string) => {
      const res = await t.request({ method: 'GET', url: `/api/v1/users/${userId}/scores?from=${week}&to=${week}`, as });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as TUserScores).weeks.find((w) => w.week === week);
    };

    let first: TObjection;

    describe('POST /api/v1/me/objections', () => {
      it('raises an objection with the week’s score as it stands, audited', async () => {
        const res = await raise(org.author, { week: W1, reason: `  ${REASON}  ` });
        expect(res.statusCode, res.body).toBe(201);
        first = res.json();
        const score = await weekScore(org.author, org.author.userId, W1);
        // Submitted now for a past week: late (5) + two work items (2) + a provincial adoption (5) = 12.
        expect(score?.points).toBe(12);
        expect(first).toMatchObject({
          userId: org.author.userId,
          displayName: '王五',
          departmentId: org.office,
          week: W1,
          reason: REASON,
          status: 'open',
          scoreAtRaise: { points: 12, breakdown: score?.breakdown, rulesVersion: 0 },
          scoreNow: { points: 12, breakdown: score?.breakdown, rulesVersion: 0 },
          answer: null,
          outcome: null,
          answeredAt: null,
          answeredBy: null,
          answeredByName: null,
        });
        expect(first.scoreAtRaise.breakdown[0]?.evidence.reportId).toBe(authorW1);
        const audit = await t.database.db
          .selectFrom('audit_log')
          .selectAll()
          .where('action', '=', 'objection.raised')
          .where('target_id', '=', first.id)
          .execute();
        expect(audit).toHaveLength(1);
        expect(audit[0]?.actor_id).toBe(org.author.userId);
        expect(JSON.parse(audit[0]?.data ?? '{}')).toEqual({ week: W1, points: 12, rulesVersion: 0 });
      });

      it('allows one open objection per person and week (409), also when two requests race', async () => {
        const again = await raise(org.author, { week: W1, reason: '再次申诉' });
        expect(again.statusCode).toBe(409);
        expect(again.json().error.code).toBe('conflict');
        const raced = await Promise.all([
          raise(org.author, { week: W2, reason: '缺交有误' }),
          raise(org.author, { week: W2, reason: '缺交有误' }),
        ]);
        expect(raced.map((r) => r.statusCode).sort()).toEqual([201, 409]);
        const rows = await t.database.db.selectFrom('objections').select('id').where('week', '=', W2).execute();
        expect(rows).toHaveLength(1);
        // The missing week is stored as the −10 it was when raised.
        const w2 = raced.find((r) => r.statusCode === 201)?.json() as TObjection;
        expect(w2.scoreAtRaise.points).toBe(-10);
        expect(w2.scoreAtRaise.breakdown).toEqual([
          { rule: 'missing', points: -10, evidence: { kind: 'week', id: W2, reportId: null } },
        ]);
      });

      it('rejects a week in the future, a week before the person joined, and bad input', async () => {
        const future = await raise(org.colleague, { week: addWeeks(currentWeek(), 1), reason: REASON });
        expect(future.statusCode).toBe(400);
        expect(future.json().error.details).toEqual([{ path: 'body.week', message: 'in the future' }]);
        // The current week is not in the future.
        expect((await raise(org.colleague, { week: currentWeek(), reason: REASON })).statusCode).toBe(201);
        await t.database.db
          .updateTable('users')
          .set({ created_at: '2025-03-12T00:00:00.000Z' })
          .where('id', '=', org.colleague.userId)
          .execute();
        const early = await raise(org.colleague, { week: W1, reason: REASON });
        expect(early.statusCode).toBe(400);
        expect(early.json().error.details).toEqual([{ path: 'body.week', message: 'before you joined' }]);
        expect((await raise(org.colleague, { week: W2, reason: REASON })).statusCode).toBe(201);
        for (const payload of [
          { week: W3, reason: '   ' },
          { week: W3, reason: 'x'.repeat(2001) },
          { week: '2025-53', reason: REASON },
          { week: W3 },
        ]) {
          const res = await raise(org.colleague, payload);
          expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
        }
        expect((await raise(org.colleague, { week: W3, reason: 'x'.repeat(2000) })).statusCode).toBe(201);
        expect(
          (await t.request({ method: 'POST', url: '/api/v1/me/objections', payload: { week: W3, reason: REASON } })).statusCode,
        ).toBe(401);
      });
    });

    describe('reading objections', () => {
      it('gives a member only their own objections, filtered by weeks', async () => {
        const res = await t.request({ method: 'GET', url: '/api/v1/me/objections', as: org.author });
        expect(res.statusCode).toBe(200);
        const mine = res.json() as TObjectionsPage;
        expect(mine.items.map((o) => o.week)).toEqual([W2, W1]);
        expect(mine.items.every((o) => o.userId === org.author.userId)).toBe(true);
        const w1 = await t.request({ method: 'GET', url: `/api/v1/me/objections?from=${W1}&to=${W1}`, as: org.author });
        expect((w1.json() as TObjectionsPage).items.map((o) => o.id)).toEqual([first.id]);
        const bad = await t.request({ method: 'GET', url: `/api/v1/me/objections?from=${W2}&to=${W1}`, as: org.author });
        expect(bad.statusCode).toBe(400);
      });

      it('lets only assessors list everyone’s objections', async () => {
        for (const as of [org.author, org.head, org.leader, org.admin]) {
          const res = await t.request({ method: 'GET', url: '/api/v1/objections', as });
          expect(res.statusCode).toBe(403);
        }
        const all = await list(org.assessor);
        expect(all.items).toHaveLength(5);
        expect(all.nextCursor).toBeNull();
        expect(new Set(all.items.map((o) => o.userId))).toEqual(new Set([org.author.userId, org.colleague.userId]));
      });

      it('filters by status and department subtree, and pages with a cursor', async () => {
        expect((await list(org.assessor, 'status=answered')).items).toEqual([]);
        expect((await list(org.assessor, `departmentId=${org.tax}`)).items).toEqual([]);
        expect((await list(org.assessor, `departmentId=${org.city}`)).items).toHaveLength(5);
        const missing = await t.request({ method: 'GET', url: '/api/v1/objections?departmentId=nope', as: org.assessor });
        expect(missing.statusCode).toBe(404);
        const seen: string[] = [];
        let cursor: string | null = '';
        while (cursor !== null) {
          const p: TObjectionsPage = await list(org.assessor, `limit=2${cursor ? `&cursor=${cursor}` : ''}`);
          expect(p.items.length).toBeLessThanOrEqual(2);
          seen.push(...p.items.map((o) => o.id));
          cursor = p.nextCursor;
        }
        expect(seen).toEqual((await list(org.assessor)).items.map((o) => o.id));
        const bad = await t.request({ method: 'GET', url: '/api/v1/objections?cursor=bm9wZQ', as: org.assessor });
        expect(bad.statusCode).toBe(400);
      });

      it('opens one objection for its author and assessors only', async () => {
        const url = `/api/v1/objections/${first.id}`;
        expect((await t.request({ method: 'GET', url, as: org.author })).statusCode).toBe(200);
        expect((await t.request({ method: 'GET', url, as: org.assessor })).statusCode).toBe(200);
        for (const as of [org.colleague, org.head]) expect((await t.request({ method: 'GET', url, as })).statusCode).toBe(404);
      });

      it('keeps the score at raise while the current score follows the data and the rules', async () => {
        const graded = await t.request({
          method: 'PUT',
          url: `/api/v1/reports/${authorW1}/grade`,
          as: org.head,
          payload: { grade: 'A' },
        });
        expect(graded.statusCode).toBe(204);
        const put = await t.request({
          method: 'PUT',
          url: '/api/v1/scoring/rules',
          as: org.assessor,
          payload: { ...DEFAULT_SCORING_RULES, points: { onTime: 10, late: 8, missing: -10 } },
        });
        expect(put.statusCode, put.body).toBe(200);
        const res = await t.request({ method: 'GET', url: `/api/v1/objections/${first.id}`, as: org.author });
        const got = res.json() as TObjection;
        expect(got.scoreAtRaise).toEqual(first.scoreAtRaise);
        // Late 8 + 2 items + 5 provincial + 8 for the A = 23, under rules version 1.
        expect(got.scoreNow).toMatchObject({ points: 23, rulesVersion: 1 });
        expect(got.scoreNow?.breakdown.map((p) => p.rule)).toEqual(['late', 'work_item', 'work_item', 'outcome', 'grade']);
      });
    });

    describe('POST /api/v1/objections/:id/answer', () => {
      it('forbids everyone but assessors, and an assessor about their own score', async () => {
        for (const as of [org.author, org.head, org.leader, org.admin]) {
          expect((await answer(as, first.id, { answer: '维持', outcome: 'rejected' })).statusCode).toBe(403);
        }
        const own = await raise(org.assessor, { week: W1, reason: '我本人的异议' });
        expect(own.statusCode).toBe(201);
        const self = await answer(org.assessor, own.json().id, { answer: '自己答复', outcome: 'upheld' });
        expect(self.statusCode).toBe(403);
        expect((await answer(org.assessor, 'nope', { answer: '维持', outcome: 'rejected' })).statusCode).toBe(404);
      });

      it('validates the answer', async () => {
        for (const payload of [
          { answer: ' ', outcome: 'upheld' },
          { answer: 'x'.repeat(2001), outcome: 'upheld' },
          { answer: '维持', outcome: 'maybe' },
          { answer: '维持' },
        ]) {
          expect((await answer(org.assessor, first.id, payload)).statusCode).toBe(400);
        }
      });

      it('answers once (409 after), audited, and notifies the person', async () => {
        const res = await answer(org.assessor, first.id, {
          answer: '经核实，本周周报在截止前已提交，予以更正。',
          outcome: 'upheld',
        });
        expect(res.statusCode, res.body).toBe(200);
        const done = res.json() as TObjection;
        expect(done).toMatchObject({
          id: first.id,
          status: 'answered',
          answer: '经核实，本周周报在截止前已提交，予以更正。',
          outcome: 'upheld',
          answeredBy: org.assessor.userId,
          answeredByName: '吴考核',
          scoreAtRaise: first.scoreAtRaise,
        });
        expect(Date.parse(done.answeredAt ?? '')).not.toBeNaN();
        const twice = await answer(org.assessor, first.id, { answer: '再答', outcome: 'rejected' });
        expect(twice.statusCode).toBe(409);
        const audit = await t.database.db
          .selectFrom('audit_log')
          .select(['action', 'actor_id', 'data'])
          .where('target_id', '=', first.id)
          .orderBy('at')
          .execute();
        expect(audit.map((a) => a.action)).toEqual(['objection.raised', 'objection.answered']);
        expect(JSON.parse(audit[1]?.data ?? '{}')).toEqual({ userId: org.author.userId, week: W1, outcome: 'upheld' });

        await t.ctx.events.idle();
        const inbox = await t.request({ method: 'GET', url: '/api/v1/me/notifications', as: org.author });
        expect(inbox.statusCode, inbox.body).toBe(200);
        const note = inbox.json().items.find((n: { type: string }) => n.type === 'objection.answered');
        expect(note?.data).toEqual({
          objectionId: first.id,
          week: W1,
          outcome: 'upheld',
          byId: org.assessor.userId,
          byName: '吴考核',
        });
        // The notification says how it ended, never the texts.
        expect(JSON.stringify(note)).not.toContain('更正');

        expect((await list(org.assessor, 'status=answered')).items.map((o) => o.id)).toEqual([first.id]);
        expect((await list(org.assessor, 'status=open')).items.map((o) => o.id)).not.toContain(first.id);
      });

      it('lets the person raise a new objection for the week once the earlier one is answered', async () => {
        const res = await raise(org.author, { week: W1, reason: '仍有疑问' });
        expect(res.statusCode, res.body).toBe(201);
        expect(res.json().scoreAtRaise.points).toBe(23);
      });
    });
  });
}
