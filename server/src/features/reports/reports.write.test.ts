import { REPORT_LIMITS } from '@zhoubao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type TestApp } from '../../../test/helpers';
import {
  buildReportOrg,
  currentWeek,
  item,
  type ReportOrg,
  saveReport,
  submitReport,
  weeksAgo,
} from '../../../test/report-factories';
import { addWeeks } from '../weeks/iso-week';

const REPORT_KEYS = [
  'id',
  'userId',
  'displayName',
  'departmentId',
  'week',
  'status',
  'summary',
  'items',
  'submittedAt',
  'late',
  'version',
  'updatedAt',
  'similarToPrevious',
].sort();

for (const dialect of DIALECTS) {
  describe(`personal reports on ${dialect}`, () => {
    let t: TestApp;
    let org: ReportOrg;
    const countRows = async (table: 'reports' | 'report_items' | 'report_versions') =>
      Number(
        (
          await t.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      t = await createTestApp(dialect);
      org = await buildReportOrg(t);
    });
    afterAll(() => t.close());

    describe('PUT /api/v1/me/reports/:week', () => {
      it('saves a draft with ids, defaults and the documented shape', async () => {
        const week = weeksAgo(20);
        // Items link only to their author's own goals.
        const goal = await t.request({
          method: 'POST',
          url: '/api/v1/me/goals',
          as: org.author,
          payload: { title: '熟悉新系统' },
        });
        const goalId: string = goal.json().id;
        const res = await saveReport(
          t,
          org.author,
          week,
          [
            item('完成增值税申报辅导', { category: '纳税服务', tags: ['申报', '申报', '辅导'], outcome: '辅导 30 户' }),
            item('学习新征管系统', { kind: 'study', goalId }),
          ],
          '本周小结',
        );
        expect(res.statusCode).toBe(200);
        const body = res.json();
        expect(Object.keys(body).sort()).toEqual(REPORT_KEYS);
        expect(body).toMatchObject({
          userId: org.author.userId,
          displayName: '王五',
          departmentId: org.office,
          week,
          status: 'draft',
          summary: '本周小结',
          submittedAt: null,
          late: false,
          version: 1,
          similarToPrevious: null,
        });
        expect(body.items).toEqual([
          {
            id: expect.any(String),
            kind: 'work',
            category: '纳税服务',
            content: '完成增值税申报辅导',
            outcome: '辅导 30 户',
            visibility: 'public',
            tags: ['申报', '辅导'],
            goalId: null,
          },
          expect.objectContaining({ kind: 'study', category: null, outcome: null, goalId, tags: [] }),
        ]);
        const rows = await t.database.db.selectFrom('report_items').selectAll().where('report_id', '=', body.id).execute();
        expect(rows).toHaveLength(2);
        expect(await t.database.db.selectFrom('report_versions').selectAll().where('report_id', '=', body.id).execute()).toEqual(
          [],
        );
      });

      it('overwrites a draft in place, keeping the ids of items it already had', async () => {
        const week = weeksAgo(21);
        const first = (await saveReport(t, org.author, week, [item('甲'), item('乙')])).json();
        const keep = first.items[1].id;
        const res = await saveReport(t, org.author, week, [item('乙改', { id: keep }), item('丙', { id: 'someone-elses' })]);
        expect(res.statusCode).toBe(200);
        const body = res.json();
        expect(body.id).toBe(first.id);
        expect(body.version).toBe(1);
        expect(body.items[0]).toMatchObject({ id: keep, content: '乙改' });
        expect(body.items[1].id).not.toBe('someone-elses');
        const count = await t.database.db
          .selectFrom('reports')
          .selectAll()
          .where('user_id', '=', org.author.userId)
          .where('week', '=', week)
          .execute();
        expect(count).toHaveLength(1);
      });

      it('refuses a week after the current one with 400 and writes nothing', async () => {
        const before = await countRows('reports');
        const res = await saveReport(t, org.author, addWeeks(currentWeek(), 1), [item('未来')]);
        expect(res.statusCode).toBe(400);
        expect(res.json().error).toMatchObject({ code: 'invalid_input', details: [{ path: 'params.week' }] });
        expect(await countRows('reports')).toBe(before);
      });

      it.each(['2021-3', '2021-W00', '2021-W53', '2021-w03', 'W03-2021', '2021-W003'])(
        'answers 400 for the malformed week %s',
        async (week) => {
          const res = await saveReport(t, org.author, week, [item('x')]);
          expect(res.statusCode).toBe(400);
          expect(res.json().error.code).toBe('invalid_input');
          expect(res.json().error.details[0].path).toBe('params.week');
        },
      );

      const L = REPORT_LIMITS;
      const cases: [string, unknown, string][] = [
        ['an unknown kind', [{ kind: 'gossip', content: 'x' }], 'body.items.0.kind'],
        ['empty content', [{ kind: 'work', content: '  ' }], 'body.items.0.content'],
        ['oversize content', [item('字'.repeat(L.content + 1))], 'body.items.0.content'],
        ['oversize outcome', [item('x', { outcome: '果'.repeat(L.outcome + 1) })], 'body.items.0.outcome'],
        ['too many tags', [item('x', { tags: Array.from({ length: L.tags + 1 }, (_, i) => `t${i}`) })], 'body.items.0.tags'],
        ['an oversize tag', [item('x', { tags: ['签'.repeat(L.tag + 1)] })], 'body.items.0.tags.0'],
        ['an oversize category', [item('x', { category: '类'.repeat(L.category + 1) })], 'body.items.0.category'],
        ['an unknown visibility', [{ kind: 'work', content: 'x', visibility: 'secret' }], 'body.items.0.visibility'],
        ['too many items', Array.from({ length: L.items + 1 }, (_, i) => item(`第${i}条`)), 'body.items'],
      ];
      it.each(cases)('answers 400 naming the field for %s, and writes nothing', async (_name, items, path) => {
        const before = await countRows('report_items');
        const res = await t.request({
          method: 'PUT',
          url: `/api/v1/me/reports/${weeksAgo(22)}`,
          as: org.author,
          payload: { items },
        });
        expect(res.statusCode).toBe(400);
        const { error } = res.json();
        expect(error.code).toBe('invalid_input');
        expect(error.details.map((d: { path: string }) => d.path)).toContain(path);
        expect(await countRows('report_items')).toBe(before);
      });

      it('answers 400 for an oversize summary and for a body without items', async () => {
        const big = await t.request({
          method: 'PUT',
          url: `/api/v1/me/reports/${weeksAgo(22)}`,
          as: org.author,
          payload: { summary: '总'.repeat(REPORT_LIMITS.summary + 1), items: [item('x')] },
        });
        expect(big.statusCode).toBe(400);
        expect(big.json().error.details[0].path).toBe('body.summary');
        const none = await t.request({ method: 'PUT', url: `/api/v1/me/reports/${weeksAgo(22)}`, as: org.author, payload: {} });
        expect(none.statusCode).toBe(400);
        expect(none.json().error.details[0].path).toBe('body.items');
      });

      it('accepts exactly the limits', async () => {
        const items = Array.from({ length: REPORT_LIMITS.items }, (_, i) =>
          item(i === 0 ? '字'.repeat(REPORT_LIMITS.content) : `第${i}条`, {
            tags: Array.from({ length: REPORT_LIMITS.tags }, (_, j) => `${'签'.repeat(REPORT_LIMITS.tag - 2)}${j}`),
            category: '类'.repeat(REPORT_LIMITS.category),
          }),
        );
        const res = await saveReport(t, org.colleague, weeksAgo(23), items, '总'.repeat(REPORT_LIMITS.summary));
        expect(res.statusCode).toBe(200);
        expect(res.json().items).toHaveLength(REPORT_LIMITS.items);
      });

      it('needs a session (401) and the CSRF token (403)', async () => {
        const anonymous = await t.request({ method: 'PUT', url: `/api/v1/me/reports/${weeksAgo(1)}`, payload: { items: [] } });
        expect(anonymous.statusCode).toBe(401);
        const noCsrf = await t.request({
          method: 'PUT',
          url: `/api/v1/me/reports/${weeksAgo(1)}`,
          as: org.author,
          csrf: false,
          payload: { items: [] },
        });
        expect(noCsrf.statusCode).toBe(403);
        expect(noCsrf.json().error.code).toBe('csrf_failed');
      });
    });

    describe('GET /api/v1/me/reports/:week', () => {
      it('returns the own draft, and 404 when there is none', async () => {
        const week = weeksAgo(24);
        await saveReport(t, org.author, week, [item('草稿内容')]);
        const res = await t.request({ method: 'GET', url: `/api/v1/me/reports/${week}`, as: org.author });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ status: 'draft', items: [{ content: '草稿内容' }] });
        const other = await t.request({ method: 'GET', url: `/api/v1/me/reports/${week}`, as: org.colleague });
        expect(other.statusCode).toBe(404);
        expect(other.json().error.code).toBe('not_found');
      });
    });

    describe('POST /api/v1/me/reports/:week/submit', () => {
      it('answers 400 when the report has no item, or there is no report', async () => {
        const week = weeksAgo(25);
        await saveReport(t, org.author, week, [], '只有小结');
        const empty = await t.request({ method: 'POST', url: `/api/v1/me/reports/${week}/submit`, as: org.author });
        expect(empty.statusCode).toBe(400);
        expect(empty.json().error.code).toBe('invalid_input');
        const none = await t.request({ method: 'POST', url: `/api/v1/me/reports/${weeksAgo(26)}/submit`, as: org.author });
        expect(none.statusCode).toBe(400);
        const row = await t.database.db
          .selectFrom('reports')
          .select('status')
          .where('user_id', '=', org.author.userId)
          .where('week', '=', week)
          .executeTakeFirst();
        expect(row?.status).toBe('draft');
      });

      it('answers 400 for a future or malformed week', async () => {
        expect(
          (await t.request({ method: 'POST', url: `/api/v1/me/reports/${addWeeks(currentWeek(), 2)}/submit`, as: org.author }))
            .statusCode,
        ).toBe(400);
        expect((await t.request({ method: 'POST', url: '/api/v1/me/reports/2026-W99/submit', as: org.author })).statusCode).toBe(
          400,
        );
      });

      it('submits a past week as late, writes version 1 and an audit entry, and does nothing on a second submit', async () => {
        const week = weeksAgo(10);
        const body = await submitReport(t, org.author, week, [item('完成增值税申报辅导')]);
        expect(body).toMatchObject({ status: 'submitted', late: true, version: 1, week });
        expect(Date.parse(body.submittedAt)).toBeGreaterThan(Date.now() - 60_000);
        const versions = await t.database.db.selectFrom('report_versions').selectAll().where('report_id', '=', body.id).execute();
        expect(versions.map((v) => v.version)).toEqual([1]);
        const audit = await t.database.db
          .selectFrom('audit_log')
          .selectAll()
          .where('action', '=', 'report.submitted')
          .where('target_id', '=', body.id)
          .execute();
        expect(audit).toHaveLength(1);
        expect(JSON.parse(audit[0]?.data ?? '{}')).toEqual({ week, late: true });
        const again = await t.request({ method: 'POST', url: `/api/v1/me/reports/${week}/submit`, as: org.author });
        expect(again.statusCode).toBe(200);
        expect(again.json().submittedAt).toBe(body.submittedAt);
        expect(
          await t.database.db.selectFrom('report_versions').selectAll().where('report_id', '=', body.id).execute(),
        ).toHaveLength(1);
      });

      it('computes similarity to the previous submitted report: null for the first, high for a near copy', async () => {
        const lines = [
          '完成本周增值税申报辅导，解答纳税人咨询三十余次',
          '参加全市税收征管业务培训，学习新版征管系统操作',
          '整理办税服务厅排队数据，提出延时服务建议',
          '配合稽查局完成两户企业的发票核查工作',
          '撰写跨区域涉税事项报验流程说明并在科室分享',
          '下周计划开展个人所得税汇算清缴宣传活动',
        ];
        const first = await submitReport(
          t,
          org.head,
          weeksAgo(40),
          lines.map((l) => item(l)),
        );
        expect(first.similarToPrevious).toBeNull();
        const copy = [...lines];
        copy[1] = '走访辖区五家重点税源企业，了解留抵退税政策落实情况';
        const second = await submitReport(
          t,
          org.head,
          weeksAgo(39),
          copy.map((l) => item(l)),
        );
        expect(second.similarToPrevious).toBeGreaterThanOrEqual(0.8);
        expect(second.similarToPrevious).toBeLessThan(1);
        const fresh = await submitReport(t, org.head, weeksAgo(38), [item('组织党支部主题党日活动，观看警示教育片')]);
        expect(fresh.similarToPrevious).toBeLessThan(0.2);
      });
    });
  });
}
