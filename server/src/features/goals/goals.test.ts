import { GOAL_LIMITS, type TGoal } from '@zhoubao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';
import { buildReportOrg, item, type ReportOrg, saveReport, submitReport, weeksAgo } from '../../../test/report-factories';
import { newId } from '../../lib/ids';

const SECRET = '内部稽查线索核查';

for (const dialect of DIALECTS) {
  describe(`goals on ${dialect}`, () => {
    let t: TestApp;
    let org: ReportOrg;

    const create = (as: Session, payload: Record<string, unknown>) =>
      t.request({ method: 'POST', url: '/api/v1/me/goals', as, payload });
    const patch = (as: Session, id: string, payload: Record<string, unknown>) =>
      t.request({ method: 'PATCH', url: `/api/v1/me/goals/${id}`, as, payload });
    const list = async (as: Session, userId: string, query = '') => {
      const res = await t.request({ method: 'GET', url: `/api/v1/users/${userId}/goals${query}`, as });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as TGoal[];
    };
    const newGoal = async (as: Session, title: string, extra: Record<string, unknown> = {}) => {
      const res = await create(as, { title, ...extra });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as TGoal;
    };

    beforeAll(async () => {
      t = await createTestApp(dialect);
      org = await buildReportOrg(t);
    });
    afterAll(() => t.close());

    describe('POST /api/v1/me/goals', () => {
      it('creates an active goal of the caller, trimmed, and audits it', async () => {
        const res = await create(org.author, { title: '  考取税务师  ', description: '年内通过两科', due: '2026-12-31' });
        expect(res.statusCode).toBe(201);
        const goal = res.json() as TGoal;
        expect(goal).toMatchObject({
          userId: org.author.userId,
          title: '考取税务师',
          description: '年内通过两科',
          due: '2026-12-31',
          status: 'active',
          completedAt: null,
          linkedCount: 0,
          linkedItems: [],
        });
        const audit = await t.database.db.selectFrom('audit_log').selectAll().where('target_id', '=', goal.id).execute();
        expect(audit.map((a) => [a.action, a.actor_id])).toEqual([['goal.created', org.author.userId]]);
      });

      it('refuses a missing or empty title, a bad date and a too long description (400)', async () => {
        for (const payload of [
          {},
          { title: '   ' },
          { title: 'x'.repeat(GOAL_LIMITS.title + 1) },
          { title: '目标', due: '2026-02-30' },
          { title: '目标', due: 'next year' },
          { title: '目标', description: 'x'.repeat(GOAL_LIMITS.description + 1) },
        ]) {
          const res = await create(org.colleague, payload);
          expect(res.statusCode, JSON.stringify(payload)).toBe(400);
          expect(res.json().error.code).toBe('invalid_input');
        }
        expect(await list(org.colleague, org.colleague.userId)).toEqual([]);
      });

      it('needs a CSRF token with a session, and a session at all', async () => {
        expect(
          (await t.request({ method: 'POST', url: '/api/v1/me/goals', as: org.author, csrf: false, payload: { title: 'x' } }))
            .statusCode,
        ).toBe(403);
        expect((await t.request({ method: 'POST', url: '/api/v1/me/goals', payload: { title: 'x' } })).statusCode).toBe(401);
      });

      it(`keeps at most ${GOAL_LIMITS.perUser} goals a person (409)`, async () => {
        const who = await t.user({ username: 'busy', departmentId: org.office });
        const at = new Date().toISOString();
        await t.database.db
          .insertInto('goals')
          .values(
            Array.from({ length: GOAL_LIMITS.perUser }, (_, i) => ({
              id: newId(),
              user_id: who,
              title: `目标${i}`,
              description: null,
              due: null,
              status: 'dropped',
              created_at: at,
              updated_at: at,
              completed_at: null,
            })),
          )
          .execute();
        const res = await create(await t.login('busy'), { title: '再多一个' });
        expect(res.statusCode).toBe(409);
        expect(res.json().error.code).toBe('conflict');
      });
    });

    describe('PATCH /api/v1/me/goals/:id', () => {
      it('completes, reopens and drops a goal, stamping completedAt only while done, and audits each change', async () => {
        const goal = await newGoal(org.author, '完善个人学习计划');
        const done = await patch(org.author, goal.id, { status: 'done' });
        expect(done.statusCode).toBe(200);
        expect(done.json()).toMatchObject({ status: 'done', completedAt: expect.any(String) });
        const reopened = await patch(org.author, goal.id, { status: 'active', title: '完善学习计划', due: '2027-01-15' });
        expect(reopened.json()).toMatchObject({ status: 'active', completedAt: null, title: '完善学习计划', due: '2027-01-15' });
        const cleared = await patch(org.author, goal.id, { due: null, description: '' });
        expect(cleared.json()).toMatchObject({ due: null, description: null });
        expect((await patch(org.author, goal.id, { status: 'dropped' })).json().status).toBe('dropped');
        const audit = await t.database.db
          .selectFrom('audit_log')
          .selectAll()
          .where('target_id', '=', goal.id)
          .where('action', '=', 'goal.updated')
          .orderBy('at')
          .orderBy('id')
          .execute();
        expect(audit.map((a) => JSON.parse(a.data ?? '{}'))).toEqual([
          { before: { status: 'active' }, after: { status: 'done' } },
          {
            before: { title: '完善个人学习计划', due: null, status: 'done' },
            after: { title: '完善学习计划', due: '2027-01-15', status: 'active' },
          },
          { before: { due: '2027-01-15' }, after: { due: null } },
          { before: { status: 'active' }, after: { status: 'dropped' } },
        ]);
      });

      it('records nothing when nothing changes', async () => {
        const goal = await newGoal(org.author, '不变的目标');
        expect((await patch(org.author, goal.id, { title: '不变的目标' })).statusCode).toBe(200);
        const audit = await t.database.db.selectFrom('audit_log').select('action').where('target_id', '=', goal.id).execute();
        expect(audit.map((a) => a.action)).toEqual(['goal.created']);
      });

      it("answers 404 for someone else's goal and an unknown one, 400 for an empty change or a bad status", async () => {
        const goal = await newGoal(org.author, '别人改不了');
        expect((await patch(org.head, goal.id, { status: 'done' })).statusCode).toBe(404);
        expect((await patch(org.admin, goal.id, { title: 'x' })).statusCode).toBe(404);
        expect((await patch(org.author, 'nope', { title: 'x' })).statusCode).toBe(404);
        expect((await patch(org.author, goal.id, {})).statusCode).toBe(400);
        expect((await patch(org.author, goal.id, { status: 'finished' })).statusCode).toBe(400);
        expect((await list(org.author, org.author.userId)).find((g) => g.id === goal.id)?.status).toBe('active');
      });
    });

    describe('GET /api/v1/users/:id/goals and linked items', () => {
      let goal: TGoal;
      let restrictedReport: string;
      let publicReport: string;

      beforeAll(async () => {
        goal = await newGoal(org.colleague, '提升稽查能力', { due: '2026-06-30' });
        restrictedReport = (
          await submitReport(t, org.colleague, weeksAgo(3), [
            item(SECRET, { visibility: 'restricted', goalId: goal.id }),
            item('整理台账'),
          ])
        ).id;
        publicReport = (await submitReport(t, org.colleague, weeksAgo(2), [item('参加稽查业务培训', { goalId: goal.id })])).id;
        // A draft's links are not progress yet.
        await saveReport(t, org.colleague, weeksAgo(1), [item('草稿里的进展', { goalId: goal.id })]);
      });

      it('lists a colleague’s goal with its progress, the restricted item withheld', async () => {
        const [seen] = await list(org.otherHead, org.colleague.userId);
        expect(seen).toMatchObject({ id: goal.id, title: '提升稽查能力', linkedCount: 2 });
        expect(seen?.linkedItems).toEqual([
          {
            reportId: publicReport,
            week: weeksAgo(2),
            itemId: expect.any(String),
            kind: 'work',
            content: '参加稽查业务培训',
            redacted: false,
          },
          {
            reportId: restrictedReport,
            week: weeksAgo(3),
            itemId: expect.any(String),
            kind: 'work',
            content: null,
            redacted: true,
          },
        ]);
        expect(JSON.stringify(seen)).not.toContain(SECRET);
      });

      it('shows the restricted item to the owner, their head, a leader above and an assessor', async () => {
        for (const s of [org.colleague, org.head, org.leader, org.assessor]) {
          const [seen] = await list(s, org.colleague.userId);
          expect(seen?.linkedItems.map((l) => l.content)).toEqual(['参加稽查业务培训', SECRET]);
        }
        for (const s of [org.author, org.otherLeader, org.admin]) {
          expect(JSON.stringify(await list(s, org.colleague.userId))).not.toContain(SECRET);
        }
      });

      it('orders active goals by due date before done and dropped ones, and filters by status', async () => {
        const later = await newGoal(org.colleague, '晚些的目标', { due: '2026-09-30' });
        const undated = await newGoal(org.colleague, '没有期限的目标');
        const finished = await newGoal(org.colleague, '已完成的目标');
        await patch(org.colleague, finished.id, { status: 'done' });
        const titles = (await list(org.author, org.colleague.userId)).map((g) => g.title);
        expect(titles).toEqual(['提升稽查能力', '晚些的目标', '没有期限的目标', '已完成的目标']);
        expect((await list(org.author, org.colleague.userId, '?status=done')).map((g) => g.id)).toEqual([finished.id]);
        expect((await list(org.author, org.colleague.userId, '?status=active')).map((g) => g.id)).toEqual([
          goal.id,
          later.id,
          undated.id,
        ]);
      });

      it('answers 404 for an unknown person, and for a disabled one unless the viewer oversees them', async () => {
        expect((await t.request({ method: 'GET', url: '/api/v1/users/nope/goals', as: org.author })).statusCode).toBe(404);
        const gone = await t.user({ username: 'left', departmentId: org.office });
        await t.database.db.updateTable('users').set({ active: 0 }).where('id', '=', gone).execute();
        expect((await t.request({ method: 'GET', url: `/api/v1/users/${gone}/goals`, as: org.author })).statusCode).toBe(404);
        expect(await list(org.head, gone)).toEqual([]);
        expect(await list(org.admin, gone)).toEqual([]);
      });
    });

    describe('the goal check when a report is saved', () => {
      const issuesOf = (res: { json(): { error: { code: string; details: { path: string; message: string }[] } } }) =>
        res.json().error;

      it("refuses another person's goal and an unknown goal, naming the item (400)", async () => {
        const theirs = await newGoal(org.head, '部门目标');
        const res = await saveReport(t, org.author, weeksAgo(4), [item('正常'), item('挂错目标', { goalId: theirs.id })]);
        expect(res.statusCode).toBe(400);
        expect(issuesOf(res)).toMatchObject({
          code: 'invalid_input',
          details: [{ path: 'body.items.1.goalId', message: 'not one of your goals' }],
        });
        const unknown = await saveReport(t, org.author, weeksAgo(4), [item('不存在的目标', { goalId: 'nope' })]);
        expect(issuesOf(unknown).details).toEqual([{ path: 'body.items.0.goalId', message: 'not one of your goals' }]);
        const stored = await t.database.db
          .selectFrom('reports')
          .select('id')
          .where('user_id', '=', org.author.userId)
          .where('week', '=', weeksAgo(4))
          .execute();
        expect(stored).toEqual([]);
      });

      it('accepts an active or done goal of the author, and refuses a dropped one for a new link', async () => {
        const active = await newGoal(org.author, '进行中');
        const done = await newGoal(org.author, '已完成');
        const dropped = await newGoal(org.author, '已放弃');
        await patch(org.author, done.id, { status: 'done' });
        await patch(org.author, dropped.id, { status: 'dropped' });
        const ok = await saveReport(t, org.author, weeksAgo(5), [
          item('甲', { goalId: active.id }),
          item('乙', { goalId: done.id }),
        ]);
        expect(ok.statusCode, ok.body).toBe(200);
        expect(ok.json().items.map((i: { goalId: string | null }) => i.goalId)).toEqual([active.id, done.id]);
        const refused = await saveReport(t, org.author, weeksAgo(5), [item('丙', { goalId: dropped.id })]);
        expect(refused.statusCode).toBe(400);
        expect(issuesOf(refused).details).toEqual([{ path: 'body.items.0.goalId', message: 'goal dropped' }]);
      });

      it('keeps saving an item whose goal was dropped after it was linked', async () => {
        const goal = await newGoal(org.author, '后来放弃的目标');
        const first = await submitReport(t, org.author, weeksAgo(6), [item('已挂目标的工作', { goalId: goal.id })]);
        await patch(org.author, goal.id, { status: 'dropped' });
        const [stored] = first.items as { id: string }[];
        const again = await saveReport(t, org.author, weeksAgo(6), [
          item('已挂目标的工作（补充）', { id: stored?.id, goalId: goal.id }),
        ]);
        expect(again.statusCode, again.body).toBe(200);
        // A new item may not pick the dropped goal up, even in the same report.
        const added = await saveReport(t, org.author, weeksAgo(6), [
          item('已挂目标的工作（补充）', { id: stored?.id, goalId: goal.id }),
          item('新的一条', { goalId: goal.id }),
        ]);
        expect(issuesOf(added).details).toEqual([{ path: 'body.items.1.goalId', message: 'goal dropped' }]);
      });
    });
  });
}
