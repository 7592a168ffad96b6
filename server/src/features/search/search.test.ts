import type { TSearchHit } from '@zhoubao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';
import {
  buildReportOrg,
  currentWeek,
  item,
  type ReportOrg,
  saveReport,
  submitReport,
  weeksAgo,
} from '../../../test/report-factories';
import { indexReport } from './search.indexer';
import { rebuildSearchIndex } from './search.rebuild';

for (const dialect of DIALECTS) {
  describe(`GET /api/v1/search on ${dialect}`, () => {
    let t: TestApp;
    let org: ReportOrg;
    /** The author's submitted report of two weeks ago, with a restricted item. */
    let reportId: string;

    const search = (as: Session, query: Record<string, string | number>) =>
      t.request({
        method: 'GET',
        url: '/api/v1/search',
        as,
        query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
      });
    const hits = async (as: Session, q: string, extra: Record<string, string | number> = {}): Promise<TSearchHit[]> => {
      const res = await search(as, { q, ...extra });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items;
    };
    /** The matched text of each hit: the snippet's highlighted ranges. */
    const marked = (h: TSearchHit) => h.highlights.map(([s, e]) => h.snippet.slice(s, e));

    beforeAll(async () => {
      t = await createTestApp(dialect);
      org = await buildReportOrg(t);
      const report = await submitReport(t, org.author, weeksAgo(2), [
        item('为5户企业办理跨区办税，平均时长缩短至1个工作日', { outcome: '经验做法被市局简报采用' }),
        item('组织学习《税收征管法》修订草案'),
        item('检查某公司虚开发票案件线索', { visibility: 'restricted' }),
      ]);
      reportId = report.id;
    });
    afterAll(() => t.close());

    it('refuses a missing, empty or too long query, a bad cursor and a reversed week range (400)', async () => {
      const invalid: Record<string, string>[] = [
        {},
        { q: '' },
        { q: '   ' },
        { q: '税'.repeat(101) },
        { q: '发票', cursor: 'bm9wZQ' },
        { q: '发票', from: '2026-W10', to: '2026-W09' },
        { q: '发票', from: '2026-W99' },
      ];
      for (const query of invalid) {
        const res = await search(org.colleague, query);
        expect(res.statusCode, JSON.stringify(query)).toBe(400);
        expect(res.json().error.code).toBe('invalid_input');
      }
      expect((await search(org.colleague, { q: '税'.repeat(100) })).statusCode).toBe(200);
      const unknown = await search(org.colleague, { q: '发票', departmentId: 'nope' });
      expect(unknown.statusCode).toBe(404);
      const anonymous = await t.request({ method: 'GET', url: '/api/v1/search?q=发票' });
      expect(anonymous.statusCode).toBe(401);
    });

    it('matches by word: 办税 finds 跨区办税 and 征管法 finds 《税收征管法》, with safe snippets and ranges', async () => {
      const [hit] = await hits(org.colleague, '办税');
      expect(hit).toMatchObject({ kind: 'item', reportId, userId: org.author.userId, displayName: '王五', week: weeksAgo(2) });
      expect(hit?.itemId).toEqual(expect.any(String));
      expect(hit?.departmentId).toBe(org.office);
      expect(hit?.departmentName).toBe('办公室');
      expect(hit && marked(hit)).toEqual(['办税']);
      const law = await hits(org.colleague, '征管法');
      expect(law.map((h) => h.snippet)).toEqual(['组织学习《税收征管法》修订草案']);
      expect(law[0] && marked(law[0])).toEqual(['征管法']);
      // An outcome is searchable too; multiword queries AND their words.
      expect(await hits(org.colleague, '简报 办税')).toHaveLength(1);
      expect(await hits(org.colleague, '简报 稽查')).toHaveLength(0);
    });

    it('finds items by their tags (shown as #tag) but not by their category', async () => {
      await submitReport(t, org.otherHead, weeksAgo(14), [
        item('整理本月工作台账', { category: '税收宣传', tags: ['数字人事'] }),
      ]);
      const [hit] = await hits(org.colleague, '数字人事');
      expect(hit?.snippet).toBe('整理本月工作台账 #数字人事');
      expect(hit && marked(hit)).toEqual(['数字人事']);
      expect(await hits(org.colleague, '税收宣传')).toHaveLength(0);
    });

    it('shows a restricted item to its author, head, supervising leader and assessors only', async () => {
      const found = async (s: Session) => (await hits(s, '虚开发票')).length;
      expect(await found(org.author)).toBe(1);
      expect(await found(org.head)).toBe(1);
      expect(await found(org.leader)).toBe(1);
      expect(await found(org.assessor)).toBe(1);
      expect(await found(org.colleague)).toBe(0);
      expect(await found(org.otherHead)).toBe(0);
      expect(await found(org.otherLeader)).toBe(0);
      expect(await found(org.admin)).toBe(0);
    });

    it('never shows a draft to anyone but its author', async () => {
      const draft = await t.user({ username: 'drafter', departmentId: org.office, displayName: '钱七' });
      const drafter = await t.login('drafter');
      expect(draft).toBe(drafter.userId);
      const res = await saveReport(t, drafter, currentWeek(), [item('起草数电发票推广方案')]);
      expect(res.statusCode).toBe(200);
      expect(await hits(drafter, '数电发票')).toHaveLength(1);
      for (const other of [org.colleague, org.head, org.leader, org.assessor]) {
        expect(await hits(other, '数电发票')).toHaveLength(0);
      }
      // Submitted, everyone finds it.
      expect(
        (await t.request({ method: 'POST', url: `/api/v1/me/reports/${currentWeek()}/submit`, as: drafter })).statusCode,
      ).toBe(200);
      expect(await hits(org.colleague, '数电发票')).toHaveLength(1);
    });

    it('follows edits: a revision removes the old words and adds the new; draft autosaves too', async () => {
      const week = weeksAgo(3);
      await submitReport(t, org.colleague, week, [item('开展个税汇算清缴辅导')]);
      expect(await hits(org.head, '汇算清缴')).toHaveLength(1);
      const res = await saveReport(t, org.colleague, week, [item('开展社保费征缴政策宣讲')]);
      expect(res.statusCode).toBe(200);
      expect(await hits(org.head, '汇算清缴')).toHaveLength(0);
      expect(await hits(org.head, '社保费')).toHaveLength(1);

      const draftWeek = weeksAgo(4);
      await saveReport(t, org.colleague, draftWeek, [item('准备金税四期培训')]);
      expect(await hits(org.colleague, '金税四期')).toHaveLength(1);
      await saveReport(t, org.colleague, draftWeek, [item('准备电子税务局培训')]);
      expect(await hits(org.colleague, '金税四期')).toHaveLength(0);
      expect(await hits(org.colleague, '电子税务局')).toHaveLength(1);
    });

    it('searches comments and follows their edits and deletion', async () => {
      const url = `/api/v1/reports/${reportId}/comments`;
      const created = await t.request({
        method: 'POST',
        url,
        as: org.colleague,
        payload: { body: '学习了，非税收入的做法值得推广' },
      });
      expect(created.statusCode).toBe(201);
      const commentId = created.json().id;
      const [hit] = await hits(org.otherHead, '非税收入');
      expect(hit).toMatchObject({ kind: 'comment', reportId, commentId, userId: org.colleague.userId, displayName: '李四' });
      const edited = await t.request({
        method: 'PATCH',
        url: `${url}/${commentId}`,
        as: org.colleague,
        payload: { body: '留抵退税的经验值得推广' },
      });
      expect(edited.statusCode).toBe(200);
      expect(await hits(org.otherHead, '非税收入')).toHaveLength(0);
      expect(await hits(org.otherHead, '留抵退税')).toHaveLength(1);
      const removed = await t.request({ method: 'DELETE', url: `${url}/${commentId}`, as: org.colleague });
      expect(removed.statusCode).toBe(204);
      expect(await hits(org.otherHead, '留抵退税')).toHaveLength(0);
    });

    it('searches department summaries: drafts for those who oversee, published for all, restricted items as reports', async () => {
      const week = weeksAgo(1);
      const url = `/api/v1/departments/${org.office}/summaries/${week}`;
      const saved = await t.request({
        method: 'PUT',
        url,
        as: org.head,
        payload: {
          summary: '本周全科围绕纳税服务开展工作',
          items: [item('完成稽查案卷归档'), item('约谈重点税源企业', { visibility: 'restricted' })],
        },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(await hits(org.head, '纳税服务')).toHaveLength(1);
      expect(await hits(org.leader, '稽查')).toHaveLength(1);
      expect(await hits(org.colleague, '纳税服务')).toHaveLength(0);
      const published = await t.request({ method: 'POST', url: `${url}/publish`, as: org.head });
      expect(published.statusCode, published.body).toBe(200);
      const [hit] = await hits(org.colleague, '纳税服务');
      expect(hit).toMatchObject({ kind: 'summary', reportId: null, departmentId: org.office, departmentName: '办公室', week });
      expect(hit?.userId).toBe(org.head.userId);
      expect(await hits(org.colleague, '稽查')).toHaveLength(1);
      expect(await hits(org.colleague, '重点税源')).toHaveLength(0);
      expect(await hits(org.otherLeader, '重点税源')).toHaveLength(0);
      expect(await hits(org.head, '重点税源')).toHaveLength(1);
      expect(await hits(org.assessor, '重点税源')).toHaveLength(1);
      // Saved again after publishing: unpublished text, for those who oversee only, until published again.
      await t.request({ method: 'PUT', url, as: org.head, payload: { summary: '本周重点推进发票电子化', items: [] } });
      expect(await hits(org.colleague, '电子化')).toHaveLength(0);
      expect(await hits(org.head, '电子化')).toHaveLength(1);
    });

    it('filters by week range, department subtree and person', async () => {
      const secretary = await t.user({ username: 'sec', departmentId: org.secretary, displayName: '孙八' });
      const sec = await t.login('sec');
      expect(sec.userId).toBe(secretary);
      await submitReport(t, sec, weeksAgo(6), [item('整理党风廉政建设学习资料')]);
      await submitReport(t, org.author, weeksAgo(6), [item('参加党风廉政建设警示教育')]);
      expect(await hits(org.colleague, '党风廉政建设')).toHaveLength(2);
      expect(await hits(org.colleague, '党风廉政建设', { departmentId: org.secretary })).toHaveLength(1);
      expect(await hits(org.colleague, '党风廉政建设', { departmentId: org.office })).toHaveLength(2);
      expect(await hits(org.colleague, '党风廉政建设', { departmentId: org.tax })).toHaveLength(0);
      expect((await hits(org.colleague, '党风廉政建设', { userId: secretary })).map((h) => h.userId)).toEqual([secretary]);
      expect(await hits(org.colleague, '党风廉政建设', { from: weeksAgo(5) })).toHaveLength(0);
      expect(await hits(org.colleague, '党风廉政建设', { from: weeksAgo(6), to: weeksAgo(6) })).toHaveLength(2);
      expect(await hits(org.colleague, '党风廉政建设', { to: weeksAgo(7) })).toHaveLength(0);
    });

    it('pages with a cursor: stable order, no duplicates, no gaps', async () => {
      const pager = await t.user({ username: 'pager', departmentId: org.office, displayName: '周九' });
      const pagerSession = await t.login('pager');
      for (let w = 8; w < 12; w++) {
        await submitReport(
          t,
          pagerSession,
          weeksAgo(w),
          Array.from({ length: 6 }, (_, i) => item(`第${w}周第${i}项优化营商环境举措`)),
        );
      }
      const all = await hits(org.colleague, '营商环境', { limit: 50 });
      expect(all).toHaveLength(24);
      expect(all.every((h) => h.userId === pager)).toBe(true);
      // Newest week first, and a report's items in their own order.
      expect(all.slice(0, 6).map((h) => h.snippet)).toEqual(Array.from({ length: 6 }, (_, i) => `第8周第${i}项优化营商环境举措`));
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await search(org.colleague, { q: '营商环境', limit: 5, ...(cursor ? { cursor } : {}) });
        const body = res.json();
        seen.push(...body.items.map((h: TSearchHit) => h.itemId));
        cursor = body.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(5);
      expect(seen).toEqual(all.map((h) => h.itemId));
      expect(new Set(seen).size).toBe(24);
    });

    it('removes a deleted report and its comments from the index', async () => {
      const week = weeksAgo(13);
      const report = await submitReport(t, org.colleague, week, [item('整理增值税专用发票台账')]);
      await t.request({
        method: 'POST',
        url: `/api/v1/reports/${report.id}/comments`,
        as: org.head,
        payload: { body: '专用发票台账很规范' },
      });
      expect(await hits(org.assessor, '专用发票')).toHaveLength(2);
      // There is no deletion endpoint yet: a deletion soft-deletes the row and re-indexes in its transaction.
      await t.database.db.transaction().execute(async (trx) => {
        await trx.updateTable('reports').set({ deleted_at: new Date().toISOString() }).where('id', '=', report.id).execute();
        await indexReport(trx, report.id);
      });
      expect(await hits(org.assessor, '专用发票')).toHaveLength(0);
    });

    it('rebuilds the index from scratch with the same results as incremental indexing', async () => {
      const queries = ['发票', '纳税服务', '营商环境', '党风廉政建设', '办税', '重点税源', '电子化', '推广', '学习'];
      const viewers = [org.author, org.colleague, org.head, org.leader, org.otherLeader, org.assessor];
      const snapshot = async () => {
        const out: string[] = [];
        for (const q of queries) {
          for (const v of viewers) {
            const items = await hits(v, q, { limit: 50 });
            // Newest week first on both; within a week the order is the order of indexing, which a rebuild redoes.
            const weeks = items.map((h) => h.week);
            expect(weeks).toEqual([...weeks].sort().reverse());
            const keys = items.map(
              (h) => `${h.kind}:${h.reportId}:${h.itemId ?? ''}:${h.commentId ?? ''}:${h.week}:${h.snippet}`,
            );
            out.push(`${q}|${v.userId}|${keys.sort().join(',')}`);
          }
        }
        return out;
      };
      const comment = await t.request({
        method: 'POST',
        url: `/api/v1/reports/${reportId}/comments`,
        as: org.leader,
        payload: { body: '跨区办税的经验请在全局推广学习' },
      });
      expect(comment.statusCode).toBe(201);
      const before = await snapshot();
      expect(before.some((line) => line.includes(`comment:${reportId}`))).toBe(true);
      expect(before.some((line) => line.split('|')[2] !== '')).toBe(true);
      const progress: string[] = [];
      const written = await rebuildSearchIndex(t.database.db, { batchSize: 3, onProgress: (p) => progress.push(p.phase) });
      expect(written).toBeGreaterThan(0);
      expect(new Set(progress)).toEqual(new Set(['reports', 'comments', 'summaries']));
      expect(await snapshot()).toEqual(before);
    });
  });
}
