import { DEFAULT_SCORING_RULES, SCORE_RULE_NAMES, type TScoringRules } from '@zhoubao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';
import { backdateUsers, currentWeek, item, submitReport } from '../../../test/report-factories';
import { addWeeks, weekEnd, weekStart } from '../weeks/iso-week';
import { scorePeriod, scoreTotals } from './scoring.compute';

// The totals-only path (`scoreTotals`, used by GET /scores and POST /assessments) must give exactly
// the rows of the full compute (`scorePeriod`, which keeps every breakdown) under any rules. An
// organisation with late, missing and on-leave weeks, ratings, regrades, outcome tags in tags and in
// outcome text (and tags that only look like a rule's tag in the JSON text), repeats, capped and
// floored weeks is scored both ways under several rule sets and compared field by field.

const W = (n: number) => addWeeks('2025-W10', n);
const NOW = new Date();

const RULE_SETS: Record<string, TScoringRules> = {
  defaults: DEFAULT_SCORING_RULES,
  weights: {
    points: { onTime: 12, late: 3, missing: -7 },
    perWorkItem: { points: 2, weeklyCap: 7 },
    outcomeTags: [
      { tag: '采用', points: 1 },
      { tag: '省级采用', points: 6 },
      { tag: '国家级采用', points: 15 },
      { tag: 'a"b', points: 4 },
      { tag: '10%_采用', points: 3 },
      { tag: '零分', points: 0 },
    ],
    peerRatingWeight: 3.3,
    gradePoints: { A: 7.77, B: 4.5, C: -1, D: -9 },
    repeatPenalty: { threshold: 0.5, points: -12 },
    weeklyCap: 30,
  },
  fractions: {
    points: { onTime: 0.25, late: 0.1, missing: -0.35 },
    perWorkItem: { points: 0.25, weeklyCap: 0.6 },
    outcomeTags: [
      { tag: '市级采用', points: 0.005 },
      { tag: '省级采用', points: 0.125 },
      { tag: '国家级采用', points: 0.3333 },
    ],
    peerRatingWeight: 0.015,
    gradePoints: { A: 0.25, B: 0.125, C: 0.1, D: -0.335 },
    repeatPenalty: { threshold: 0.9, points: -0.25 },
    weeklyCap: 1.005,
  },
  tinyCap: {
    points: { onTime: 1, late: 0.5, missing: -2 },
    perWorkItem: { points: 1, weeklyCap: 0 },
    outcomeTags: [{ tag: '国家级采用', points: 10 }],
    peerRatingWeight: 7,
    gradePoints: { A: 3, B: 0, C: -3, D: -5 },
    repeatPenalty: { threshold: 1, points: -1 },
    weeklyCap: 1,
  },
};

for (const dialect of DIALECTS) {
  describe(`scoring totals equal the full compute (${dialect})`, () => {
    let t: TestApp;
    const s: Record<string, Session> = {};

    beforeAll(async () => {
      t = await createTestApp(dialect);
      const city = await t.department('市局');
      const collection = await t.department('征管科', city);
      const service = await t.department('纳服科', city);
      await t.user({ username: 'zhang', displayName: '张三', departmentId: collection });
      await t.user({ username: 'li', displayName: '李四', departmentId: collection, roles: ['head'] });
      await t.user({ username: 'qian', displayName: '钱七', departmentId: collection });
      await t.user({ username: 'wang', displayName: '王五', departmentId: service, roles: ['leader'], supervises: [service] });
      await t.user({ username: 'sun', displayName: '孙八', departmentId: service });
      await t.user({ username: 'zhao', displayName: '赵六', departmentId: city, roles: ['assessor'] });
      await t.user({ username: 'idle', displayName: '周九', departmentId: service });
      await backdateUsers(t);
      for (const name of ['zhang', 'li', 'qian', 'wang', 'sun', 'zhao', 'idle']) s[name] = await t.login(name);
      const ids: Record<string, string> = {};
      const submit = async (who: string, week: string, items: Parameters<typeof submitReport>[3]) => {
        ids[`${who}${week}`] = (await submitReport(t, s[who] as Session, week, items)).id;
      };
      const many = (n: number, extra = {}) => Array.from({ length: n }, (_, i) => item(`事项${i + 1}`, extra));

      // 张三: caps reached, outcomes in tags and in outcome text, a repeat, a week in the current week.
      await submit('zhang', W(0), [
        ...many(8),
        item('调研报告', { tags: ['国家级采用', '省级采用'] }),
        item('信息', { outcome: '被省级采用，后被国家级采用' }),
        item('学习', { kind: 'study', tags: ['市级采用'] }),
      ]);
      await submit('zhang', W(1), [...many(8)]);
      await submit('zhang', W(3), [item('计划', { kind: 'plan', outcome: '10%_采用 了' })]);
      await submit('zhang', currentWeek(), [item('本周工作', { tags: ['国家级采用'] })]);
      // 李四: tags that only look like a rule's tag inside the JSON text, LIKE wildcards, a leave week.
      await submit('li', W(0), [item('甲', { tags: ['x"国家级采用'] }), item('乙', { tags: ['a"b'] })]);
      await submit('li', W(1), [item('丙', { tags: ['10%_采用'] }), item('丁', { tags: ['100_采用'] })]);
      await submit('li', W(2), [item('戊', { outcome: '市级采用' })]);
      // 钱七: late and poorly rated, repeated: floored weeks.
      await submit('qian', W(0), [item('整理台账')]);
      await submit('qian', W(1), [item('整理台账')]);
      await submit('qian', W(2), [item('整理台账')]);
      // 王五: one report, many ratings; 孙八: graded twice; 赵六: plan items only; 周九: nothing.
      await submit('wang', W(4), [...many(3, { outcome: '市级采用' })]);
      await submit('sun', W(1), [item('辅导申报', { tags: ['省级采用'] }), ...many(2)]);
      await submit('sun', W(5), [item('走访企业')]);
      await submit('zhao', W(2), [item('下周检查', { kind: 'plan' })]);

      // Past weeks submitted today are late: some stay late.
      const stayLate = [ids[`qian${W(0)}`], ids[`qian${W(1)}`], ids[`qian${W(2)}`], ids[`sun${W(5)}`]] as string[];
      await t.database.db.updateTable('reports').set({ late: 0 }).where('id', 'not in', stayLate).execute();

      const put = async (as: string, report: string | undefined, what: 'rating' | 'grade', payload: object) => {
        const res = await t.request({ method: 'PUT', url: `/api/v1/reports/${report}/${what}`, as: s[as], payload });
        expect(res.statusCode, res.body).toBe(204);
      };
      await put('li', ids[`zhang${W(0)}`], 'rating', { score: 5 });
      await put('wang', ids[`zhang${W(0)}`], 'rating', { score: 4 });
      await put('zhao', ids[`zhang${W(0)}`], 'rating', { score: 4 });
      await put('li', ids[`qian${W(0)}`], 'rating', { score: 1 });
      await put('zhang', ids[`qian${W(1)}`], 'rating', { score: 2 });
      await put('li', ids[`qian${W(1)}`], 'rating', { score: 1 });
      await put('zhang', ids[`wang${W(4)}`], 'rating', { score: 5 });
      await put('li', ids[`wang${W(4)}`], 'rating', { score: 3 });
      await put('sun', ids[`wang${W(4)}`], 'rating', { score: 4 });
      await put('li', ids[`zhang${W(0)}`], 'grade', { grade: 'A' });
      await put('li', ids[`qian${W(0)}`], 'grade', { grade: 'D' });
      await put('zhao', ids[`qian${W(2)}`], 'grade', { grade: 'C' });
      await put('wang', ids[`sun${W(1)}`], 'grade', { grade: 'A' });
      await put('wang', ids[`sun${W(1)}`], 'grade', { grade: 'C' });
      await put('zhao', ids[`li${W(2)}`], 'grade', { grade: 'B' });
      const leave = await t.request({
        method: 'POST',
        url: `/api/v1/users/${s.li?.userId}/absences`,
        as: s.li,
        payload: { from: weekStart(W(3)), to: weekEnd(W(4)), reason: '年休假' },
      });
      expect(leave.statusCode, leave.body).toBe(201);
    });

    afterAll(async () => {
      await t.close();
    });

    const ranges = [
      { from: W(0), to: W(5) },
      { from: W(1), to: W(3) },
      { from: W(0), to: currentWeek() },
    ];

    it('the data exercises every rule of the breakdown', async () => {
      const full = await scorePeriod(t.ctx, DEFAULT_SCORING_RULES, { from: W(0), to: currentWeek() }, NOW);
      const seen = new Set(full.flatMap((p) => p.weeks.flatMap((w) => w.breakdown.map((b) => b.rule))));
      expect([...seen].sort()).toEqual([...SCORE_RULE_NAMES].sort());
      const tiny = await scorePeriod(t.ctx, RULE_SETS.tinyCap as TScoringRules, { from: W(0), to: W(5) }, NOW);
      expect(tiny.some((p) => p.weeks.some((w) => w.breakdown.some((b) => b.rule === 'floor')))).toBe(true);
    });

    for (const [name, rules] of Object.entries(RULE_SETS)) {
      it(`gives the rows of the full compute under the ${name} rules`, async () => {
        for (const range of ranges) {
          const full = (await scorePeriod(t.ctx, rules, range, NOW)).map(({ weeks: _w, ...row }) => row);
          const fast = await scoreTotals(t.ctx, rules, range, NOW);
          expect(full.length).toBe(7);
          expect(fast).toEqual(full);
          for (const row of full) {
            const one = await scoreTotals(t.ctx, rules, { ...range, userId: row.userId }, NOW);
            expect(one).toEqual([row]);
          }
        }
      });
    }

    it('GET /scores serves the totals path with the same rows', async () => {
      const res = await t.request({ method: 'GET', url: `/api/v1/scores?from=${W(0)}&to=${W(5)}`, as: s.zhao });
      expect(res.statusCode, res.body).toBe(200);
      const rows = res.json().items as { userId: string; total: number; outcomePoints: number }[];
      const full = await scorePeriod(t.ctx, DEFAULT_SCORING_RULES, { from: W(0), to: W(5) });
      expect(new Map(rows.map((r) => [r.userId, [r.total, r.outcomePoints]]))).toEqual(
        new Map(full.map((r) => [r.userId, [r.total, r.outcomePoints]])),
      );
    });
  });
}
