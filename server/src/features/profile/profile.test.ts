import { DEFAULT_SCORING_RULES, type TProfile, type TTimelineWeek } from '@zhoubao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';
import {
  actorOf,
  buildReportOrg,
  currentWeek,
  item,
  type ReportOrg,
  saveReport,
  submitReport,
} from '../../../test/report-factories';
import { scorePeriod } from '../scoring/scoring.compute';
import { addWeeks } from '../weeks/iso-week';
import { getProfile } from './profile.service';

// The hand-computed living file of 王五 (author, 办公室) over 2026-W04 … 2026-W12, seen on
// Wednesday 18 March 2026 (in W12, before its Friday deadline). The official calendar makes
// 2026-W08 (16–22 February, Spring Festival) a week without a working day.
//
//   W04  joined only in W05 (account created 28 January)      → not_due (before_joining)
//   W05  a draft never submitted (its item has an outcome)     → draft, overdue — counted missing
//   W06  submitted late: 征管 item + restricted 稽查 item with an outcome, linked to a goal
//   W07  nothing                                               → missing
//   W08  Spring Festival                                       → not_due (no_workday)
//   W09  on leave 23 February – 1 March                        → absent
//   W10  on time: 征管 item with an outcome (goal), 纳税服务 item, a plan; rated 4 and 5; graded B, then A
//   W11  on time: a 学习 study item and an uncategorised work item; feedback from the leader
//   W12  nothing yet, deadline ahead                           → not_due (deadline_ahead)
//
// Figures (scoring rules: owed = due, not on leave, from the joining week; expected once the deadline
// passed or a report came in): owed W05 W06 W07 W10 W11 W12; expected = W05 W06 W07 W10 W11 = 5;
// submitted W06 W10 W11 = 3, on time 2 (W10 W11), late 1 (W06); missing W05 W07 = 2;
// streak = W11, W10 on time, W09 and W08 stepped over, W07 missing ends it = 2.
//
// 办公室 has three active members. 李四 (colleague): on time W10, late W11, nothing else, no leave →
// owed W04–W07, W09–W12; expected 7; submitted 2, on time 1, late 1, missing 5, streak 0 (W11 late).
// 赵主任 (head): nothing → expected 7, missing 7, streak 0. Medians of (王五, 李四, 赵主任):
// expected (5, 7, 7) → 7; submitted (3, 2, 0) → 2; on time (2, 1, 0) → 1; late (1, 1, 0) → 1;
// missing (2, 5, 7) → 5; streak (2, 0, 0) → 0.
const FROM = '2026-W04';
const TO = '2026-W12';
const NOW = new Date('2026-03-18T04:00:00.000Z');
const SECRET = '查补税款120万元';

for (const dialect of DIALECTS) {
  describe(`living file on ${dialect}`, () => {
    let t: TestApp;
    let org: ReportOrg;
    let goalId: string;
    const ids = { w06: '', w10: '', w11: '' };

    const http = async (as: Session, query: string, userId = org.author.userId) => {
      const res = await t.request({ method: 'GET', url: `/api/v1/users/${userId}/profile${query}`, as });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as TProfile;
    };
    /** The file as of NOW, through the service (HTTP can only ask "as of now"). */
    const asOfNow = async (as: Session) =>
      getProfile(t.ctx, await actorOf(t, as.userId), org.author.userId, { from: FROM, to: TO }, NOW);
    const week = (p: TProfile, w: string) => p.timeline.find((x) => x.week === w) as TTimelineWeek;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      org = await buildReportOrg(t);
      const db = t.database.db;
      await db.updateTable('users').set({ created_at: '2026-01-28T02:00:00.000Z' }).where('id', '=', org.author.userId).execute();
      goalId = (
        await t.request({ method: 'POST', url: '/api/v1/me/goals', as: org.author, payload: { title: '提升稽查能力' } })
      ).json().id;
      await saveReport(t, org.author, '2026-W05', [item('起草的总结', { outcome: '草稿里的成果' })]);
      ids.w06 = (
        await submitReport(t, org.author, '2026-W06', [
          item('办理退税', { category: '征管' }),
          item('稽查案件协查', { category: '稽查', outcome: SECRET, visibility: 'restricted', goalId }),
        ])
      ).id;
      const leave = await t.request({
        method: 'POST',
        url: `/api/v1/users/${org.author.userId}/absences`,
        as: org.author,
        payload: { from: '2026-02-23', to: '2026-03-01', reason: '年假' },
      });
      expect(leave.statusCode, leave.body).toBe(201);
      ids.w10 = (
        await submitReport(t, org.author, '2026-W10', [
          item('优化办税流程', { category: '征管', outcome: '节约办税时间', goalId }),
          item('答复纳税人咨询', { category: '纳税服务' }),
          item('下周继续优化', { kind: 'plan', category: '征管' }),
        ])
      ).id;
      ids.w11 = (
        await submitReport(t, org.author, '2026-W11', [item('学习新政策', { kind: 'study', category: '学习' }), item('整理档案')])
      ).id;
      // Past weeks submitted today are late: W10 and W11 were on time in this story.
      await db.updateTable('reports').set({ late: 0 }).where('id', 'in', [ids.w10, ids.w11]).execute();
      for (const [as, score] of [
        [org.colleague, 4],
        [org.head, 5],
      ] as const) {
        await t.request({ method: 'PUT', url: `/api/v1/reports/${ids.w10}/rating`, as, payload: { score } });
      }
      for (const grade of ['B', 'A']) {
        await t.request({ method: 'PUT', url: `/api/v1/reports/${ids.w10}/grade`, as: org.head, payload: { grade } });
      }
      await db.updateTable('report_grades').set({ graded_at: '2026-03-09T00:00:00.000Z' }).where('grade', '=', 'B').execute();
      const comment = async (as: Session, reportId: string, body: string, at: string) => {
        const res = await t.request({ method: 'POST', url: `/api/v1/reports/${reportId}/comments`, as, payload: { body } });
        await db.updateTable('comments').set({ created_at: at }).where('id', '=', res.json().id).execute();
      };
      await comment(org.head, ids.w10, '流程优化有成效', '2026-03-10T01:00:00.000Z');
      await comment(org.colleague, ids.w10, '值得学习', '2026-03-10T02:00:00.000Z');
      await comment(org.author, ids.w10, '谢谢', '2026-03-10T03:00:00.000Z');
      await comment(org.leader, ids.w11, '继续保持', '2026-03-16T01:00:00.000Z');
      // 李四: on time W10, late W11.
      const c10 = (await submitReport(t, org.colleague, '2026-W10', [item('日常工作')])).id;
      await submitReport(t, org.colleague, '2026-W11', [item('日常工作')]);
      await db.updateTable('reports').set({ late: 0 }).where('id', '=', c10).execute();
    });
    afterAll(() => t.close());

    describe('the hand-computed file', () => {
      it('counts the figures and the department median as computed above', async () => {
        const p = await asOfNow(org.author);
        expect(p.from).toBe(FROM);
        expect(p.to).toBe(TO);
        expect(p.stats).toEqual({ weeksExpected: 5, submitted: 3, onTime: 2, late: 1, missing: 2, streak: 2 });
        expect(p.departmentMedian).toEqual({
          members: 3,
          weeksExpected: 7,
          submitted: 2,
          onTime: 1,
          late: 1,
          missing: 5,
          streak: 0,
        });
        expect(p.department).toEqual({ id: org.office, name: '办公室', path: ['市局', '办公室'] });
        expect(p.user).toMatchObject({ id: org.author.userId, displayName: '王五' });
      });

      it('agrees with the scoring feature on every figure it shares', async () => {
        const [score] = await scorePeriod(t.ctx, DEFAULT_SCORING_RULES, { from: FROM, to: TO, userId: org.author.userId }, NOW);
        const { stats } = await asOfNow(org.author);
        expect({ ...stats, streak: undefined }).toEqual({
          weeksExpected: score?.weeksExpected,
          submitted: score?.submitted,
          onTime: score?.onTime,
          late: score?.late,
          missing: score?.missing,
          streak: undefined,
        });
      });

      it('gives every week its status, as the author sees it', async () => {
        const p = await asOfNow(org.author);
        const row = (w: string, status: string, extra: Partial<TTimelineWeek> = {}) => ({
          week: w,
          status,
          reason: null,
          reportId: null,
          grade: null,
          peerRating: null,
          ratingCount: 0,
          items: 0,
          overdue: false,
          ...extra,
        });
        const draftId = (await t.database.db.selectFrom('reports').select('id').where('week', '=', '2026-W05').executeTakeFirst())
          ?.id;
        expect(p.timeline).toEqual([
          row('2026-W04', 'not_due', { reason: 'before_joining' }),
          row('2026-W05', 'draft', { reportId: draftId, items: 1, overdue: true }),
          row('2026-W06', 'late', { reportId: ids.w06, items: 2 }),
          row('2026-W07', 'missing'),
          row('2026-W08', 'not_due', { reason: 'no_workday' }),
          row('2026-W09', 'absent'),
          row('2026-W10', 'on_time', { reportId: ids.w10, items: 3, grade: 'A', peerRating: 4.5, ratingCount: 2 }),
          row('2026-W11', 'on_time', { reportId: ids.w11, items: 2 }),
          row('2026-W12', 'not_due', { reason: 'deadline_ahead' }),
        ]);
      });

      it('counts work and study by category and lists achievements, the restricted ones for the author', async () => {
        const p = await asOfNow(org.author);
        // Work and study of submitted reports: 征管 ×2 (W06, W10), 稽查 (restricted), 纳税服务, 学习, one uncategorised.
        expect(p.categories[0]).toEqual({ category: '征管', count: 2 });
        expect(p.categories.at(-1)).toEqual({ category: null, count: 1 });
        expect(p.categories).toHaveLength(5);
        expect(p.categories).toEqual(
          expect.arrayContaining([
            { category: '稽查', count: 1 },
            { category: '纳税服务', count: 1 },
            { category: '学习', count: 1 },
          ]),
        );
        // Newest first; the draft's outcome is no achievement.
        expect(p.achievements.map((a) => [a.week, a.outcome, a.visibility, a.reportId])).toEqual([
          ['2026-W10', '节约办税时间', 'public', ids.w10],
          ['2026-W06', SECRET, 'restricted', ids.w06],
        ]);
        expect(JSON.stringify(p)).not.toContain('草稿里的成果');
      });

      it('lists feedback first, then colleagues’ comments, never the person’s own', async () => {
        const p = await asOfNow(org.author);
        expect(p.feedback.map((f) => [f.kind, f.authorName, f.body, f.week])).toEqual([
          ['feedback', '孙局长', '继续保持', '2026-W11'],
          ['feedback', '赵主任', '流程优化有成效', '2026-W10'],
          ['comment', '李四', '值得学习', '2026-W10'],
        ]);
        expect(p.feedbackCounts).toEqual({ feedback: 2, comment: 1 });
      });

      it('gives the goals with their progress', async () => {
        const p = await asOfNow(org.author);
        expect(p.goals).toHaveLength(1);
        expect(p.goals[0]).toMatchObject({ id: goalId, linkedCount: 2 });
        expect(p.goals[0]?.linkedItems.map((l) => [l.week, l.content])).toEqual([
          ['2026-W10', '优化办税流程'],
          ['2026-W06', '稽查案件协查'],
        ]);
      });

      it('gives the weekly points of the scoring feature to the person', async () => {
        const p = await asOfNow(org.author);
        const rules = DEFAULT_SCORING_RULES;
        const [score] = await scorePeriod(t.ctx, rules, { from: FROM, to: TO, userId: org.author.userId }, NOW);
        // From the week 王五 joined (W05): W04 scores nothing by rule and is left out.
        expect(p.scoreTrend).toEqual(
          score?.weeks.filter((w) => w.week >= '2026-W05').map((w) => ({ week: w.week, points: w.points })),
        );
        expect(p.scoreTrend?.[0]?.week).toBe('2026-W05');
        expect(p.scoreTotal).toBe(score?.total);
        // W10: on time 10 + two work items 2 + 2 × (4.5 − 3) + A 8 = 23.
        expect(p.scoreTrend?.find((w) => w.week === '2026-W10')?.points).toBe(23);
      });
    });

    describe('who sees what', () => {
      it('hides the draft, the grades, the scores and the restricted items from a colleague of another department', async () => {
        const p = await getProfile(t.ctx, await actorOf(t, org.otherHead.userId), org.author.userId, { from: FROM, to: TO }, NOW);
        // The draft week is simply missing to others; the figures do not change with the viewer.
        expect(week(p, '2026-W05')).toMatchObject({ status: 'missing', reportId: null, items: 0, overdue: false });
        expect(week(p, '2026-W10')).toMatchObject({ grade: null, peerRating: 4.5, items: 3 });
        expect(p.stats).toEqual({ weeksExpected: 5, submitted: 3, onTime: 2, late: 1, missing: 2, streak: 2 });
        expect(p.scoreTrend).toBeNull();
        expect(p.scoreTotal).toBeNull();
        expect(p.categories.find((c) => c.category === '稽查')).toBeUndefined();
        expect(p.categories[0]).toEqual({ category: '征管', count: 2 });
        expect(p.achievements.map((a) => a.outcome)).toEqual(['节约办税时间']);
        expect(p.goals[0]?.linkedItems.map((l) => [l.content, l.redacted])).toEqual([
          ['优化办税流程', false],
          [null, true],
        ]);
        const text = JSON.stringify(p);
        expect(text).not.toContain(SECRET);
        expect(text).not.toContain('稽查案件协查');
        expect(text).not.toContain('"稽查"');
      });

      it('shows restricted achievements and grades to the head, a leader above and an assessor', async () => {
        for (const s of [org.head, org.leader, org.assessor]) {
          const p = await http(s, `?from=${FROM}&to=2026-W11`);
          expect(p.achievements.map((a) => a.outcome)).toEqual(['节约办税时间', SECRET]);
          expect(p.categories.find((c) => c.category === '稽查')).toEqual({ category: '稽查', count: 1 });
          expect(week(p, '2026-W10').grade).toBe('A');
          expect(p.scoreTrend).not.toBeNull();
          expect(week(p, '2026-W05').status).toBe('missing');
        }
      });

      it('keeps restricted items from a member of the same department, a leader of another and an admin', async () => {
        for (const s of [org.colleague, org.otherLeader, org.admin]) {
          const p = await http(s, `?from=${FROM}&to=2026-W11`);
          expect(JSON.stringify(p)).not.toContain(SECRET);
          expect(week(p, '2026-W10').grade).toBeNull();
          expect(p.scoreTrend).toBeNull();
        }
      });

      it('opens over HTTP with the same figures once the period is all past', async () => {
        const p = await http(org.author, `?from=${FROM}&to=2026-W11`);
        expect(p.stats).toEqual({ weeksExpected: 5, submitted: 3, onTime: 2, late: 1, missing: 2, streak: 2 });
        expect(p.timeline).toHaveLength(8);
      });

      it('covers the 52 weeks up to the current one by default', async () => {
        const p = await http(org.colleague, '');
        expect(p.to).toBe(currentWeek());
        expect(p.from).toBe(addWeeks(currentWeek(), -51));
        expect(p.timeline).toHaveLength(52);
        expect(p.timeline.at(-1)?.week).toBe(currentWeek());
      });

      it('answers 404 for an unknown person and for a disabled one unless the viewer oversees them; 401 signed out', async () => {
        expect((await t.request({ method: 'GET', url: '/api/v1/users/nope/profile', as: org.author })).statusCode).toBe(404);
        const gone = await t.user({ username: 'left', departmentId: org.office });
        await t.database.db.updateTable('users').set({ active: 0 }).where('id', '=', gone).execute();
        const url = `/api/v1/users/${gone}/profile`;
        expect((await t.request({ method: 'GET', url, as: org.colleague })).statusCode).toBe(404);
        expect((await t.request({ method: 'GET', url, as: org.otherHead })).statusCode).toBe(404);
        expect((await t.request({ method: 'GET', url, as: org.head })).statusCode).toBe(200);
        expect((await t.request({ method: 'GET', url, as: org.admin })).statusCode).toBe(200);
        expect((await t.request({ method: 'GET', url })).statusCode).toBe(401);
      });

      it('refuses a reversed, malformed or too long period (400)', async () => {
        for (const q of ['?from=2026-W10&to=2026-W09', '?from=2026-W60', '?to=nope', '?from=2020-W01&to=2026-W12']) {
          const res = await t.request({ method: 'GET', url: `/api/v1/users/${org.author.userId}/profile${q}`, as: org.author });
          expect(res.statusCode, q).toBe(400);
          expect(res.json().error.code).toBe('invalid_input');
        }
      });
    });
  });
}
