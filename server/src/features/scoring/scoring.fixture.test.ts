import type { TScoreRow, TUserScores } from '@zhoubao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';
import { backdateUsers, item, submitReport } from '../../../test/report-factories';
import { weekEnd, weekStart } from '../weeks/iso-week';

// A small organisation scored BY HAND under the default rules, then compared with the API.
//
// Default rules: on time +10, late +5, missing −10; +1 per work item up to 5 a week; outcome tags
// 国家级采用 +10, 省级采用 +5, 市级采用 +2 (the best match per item); peer rating 2 × (mean − 3);
// grade A +8, B +5, C +2, D 0; a report ≥ 0.8 similar to the previous one −5; a week with a
// report scores between 0 and 40.
//
// 市局 ─┬─ 征管科: 张三 (member), 李四 (head of 征管科)
//       └─ 纳服科: 王五 (leader supervising 纳服科), 赵六 (assessor)
//
// Weeks W1 = 2025-W10, W2 = 2025-W11, W3 = 2025-W12: no public holidays, all due, deadlines passed.
//
// 张三  W1 on time: 2 work items (+2), one tagged 市级采用 (+2), a study item (0);
//          rated 4 by 李四 and 5 by 王五: 2 × (4.5 − 3) = +3; graded A by 李四: +8
//          → 10 + 1 + 1 + 2 + 3 + 8 = 25
//       W2 late, a copy of a W1 line (similarity 1 ≥ 0.8): 5 + 1 − 5 (repeat); rated 1 by 王五:
//          2 × (1 − 3) = −4 → raw −3, floored: +3 → 0
//       W3 missing → −10
//       total 25 + 0 − 10 = 15; ratings 4, 5, 1 → mean 3.33; grade A; outcome points 2
// 李四  W1 on time, 7 work items (capped at 5) → 10 + 5 = 15
//       W2 on time, 1 work item whose outcome text mentions 省级采用 → 10 + 1 + 5 = 16;
//          graded C by 赵六 (assessor): +2 → 18
//       W3 on leave (an absence covers the whole week) → not owed, nothing counted
//       total 33; 2 weeks expected; grade C; outcome points 5
// 王五  W1 missing → −10
//       W2 late, 1 work item → 5 + 1 = 6
//       W3 on time, 1 work item tagged 国家级采用 → 10 + 1 + 10 = 21
//       total −10 + 6 + 21 = 17; outcome points 10
// 赵六  W1 on time, a plan item only → 10
//       W2 missing → −10
//       W3 on time, 5 work items (+5), one tagged 国家级采用 (+10), one whose outcome mentions
//          国家级采用 (+10); graded A by 王五 (+8) → 43, over the weekly cap: −3 → 40
//       total 10 − 10 + 40 = 40; grade A; outcome points 20
//
// Ranks: 赵六 40 (1), 李四 33 (2), 王五 17 (3), 张三 15 (4). In 征管科: 李四 1 (percentile 100),
// 张三 2 (0); in 纳服科: 赵六 1 (100), 王五 2 (0).

const W1 = '2025-W10';
const W2 = '2025-W11';
const W3 = '2025-W12';
const RANGE = `from=${W1}&to=${W3}`;

type Parts = [rule: string, points: number][];

for (const dialect of DIALECTS) {
  describe(`scoring a hand-scored organisation (${dialect})`, () => {
    let t: TestApp;
    const s: Record<'zhang' | 'li' | 'wang' | 'zhao', Session> = {} as never;
    const report: Record<string, string> = {};
    let collection: string;
    let service: string;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      const city = await t.department('市局');
      collection = await t.department('征管科', city);
      service = await t.department('纳服科', city);
      await t.user({ username: 'zhang', displayName: '张三', departmentId: collection, sortOrder: 2 });
      await t.user({ username: 'li', displayName: '李四', departmentId: collection, roles: ['head'], sortOrder: 1 });
      await t.user({ username: 'wang', displayName: '王五', departmentId: service, roles: ['leader'], supervises: [service] });
      await t.user({ username: 'zhao', displayName: '赵六', departmentId: service, roles: ['assessor'] });
      await backdateUsers(t);
      for (const name of ['zhang', 'li', 'wang', 'zhao'] as const) s[name] = await t.login(name);

      const submit = async (who: keyof typeof s, week: string, items: Parameters<typeof submitReport>[3]) => {
        report[`${who}${week}`] = (await submitReport(t, s[who], week, items)).id;
      };
      await submit('zhang', W1, [
        item('办理跨区迁移业务', { tags: ['市级采用'] }),
        item('整理征管台账'),
        item('学习新政策', { kind: 'study' }),
      ]);
      await submit('zhang', W2, [item('整理征管台账')]);
      await submit(
        'li',
        W1,
        ['一', '二', '三', '四', '五', '六', '七'].map((n) => item(`征管事项${n}`)),
      );
      await submit('li', W2, [item('撰写征管分析', { outcome: '分析报告被省级采用' })]);
      await submit('wang', W2, [item('走访重点企业')]);
      await submit('wang', W3, [item('辅导企业申报', { tags: ['国家级采用'] })]);
      await submit('zhao', W1, [item('下周开展专项检查', { kind: 'plan' })]);
      await submit('zhao', W3, [
        item('起草调研报告', { tags: ['国家级采用'] }),
        item('撰写税收信息', { outcome: '信息被国家级采用' }),
        item('事项甲'),
        item('事项乙'),
        item('事项丙'),
      ]);
      // Past weeks submitted today are late: only 张三's and 王五's W2 stay late in this fixture.
      await t.database.db
        .updateTable('reports')
        .set({ late: 0 })
        .where('id', 'not in', [report[`zhang${W2}`] as string, report[`wang${W2}`] as string])
        .execute();

      const put = async (as: Session, url: string, payload: Record<string, unknown>) => {
        const res = await t.request({ method: 'PUT', url: `/api/v1${url}`, as, payload });
        expect(res.statusCode, `${url} ${res.body}`).toBe(204);
      };
      await put(s.li, `/reports/${report[`zhang${W1}`]}/rating`, { score: 4 });
      await put(s.wang, `/reports/${report[`zhang${W1}`]}/rating`, { score: 5 });
      await put(s.wang, `/reports/${report[`zhang${W2}`]}/rating`, { score: 1 });
      await put(s.li, `/reports/${report[`zhang${W1}`]}/grade`, { grade: 'A' });
      await put(s.zhao, `/reports/${report[`li${W2}`]}/grade`, { grade: 'C' });
      await put(s.wang, `/reports/${report[`zhao${W3}`]}/grade`, { grade: 'A' });
      const leave = await t.request({
        method: 'POST',
        url: `/api/v1/users/${s.li.userId}/absences`,
        as: s.li,
        payload: { from: weekStart(W3), to: weekEnd(W3), reason: '年休假' },
      });
      expect(leave.statusCode, leave.body).toBe(201);
    });

    afterAll(async () => {
      await t.close();
    });

    const scores = async (as: Session) => {
      const res = await t.request({ method: 'GET', url: `/api/v1/scores?${RANGE}`, as });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as TScoreRow[];
    };
    const userScores = (as: Session, userId: string) =>
      t.request({ method: 'GET', url: `/api/v1/users/${userId}/scores?${RANGE}`, as });

    it('GET /scores matches the hand-computed rows and ranks', async () => {
      const row = (
        who: keyof typeof s,
        displayName: string,
        departmentId: string,
        v: Omit<TScoreRow, 'userId' | 'displayName' | 'departmentId'>,
      ): TScoreRow => ({ userId: s[who].userId, displayName, departmentId, ...v });
      expect(await scores(s.zhao)).toEqual([
        row('zhao', '赵六', service, {
          weeksExpected: 3,
          submitted: 2,
          onTime: 2,
          late: 0,
          missing: 1,
          peerRating: null,
          grade: 'A',
          outcomePoints: 20,
          total: 40,
          rank: 1,
          departmentRank: 1,
          departmentPercentile: 100,
        }),
        row('li', '李四', collection, {
          weeksExpected: 2,
          submitted: 2,
          onTime: 2,
          late: 0,
          missing: 0,
          peerRating: null,
          grade: 'C',
          outcomePoints: 5,
          total: 33,
          rank: 2,
          departmentRank: 1,
          departmentPercentile: 100,
        }),
        row('wang', '王五', service, {
          weeksExpected: 3,
          submitted: 2,
          onTime: 1,
          late: 1,
          missing: 1,
          peerRating: null,
          grade: null,
          outcomePoints: 10,
          total: 17,
          rank: 3,
          departmentRank: 2,
          departmentPercentile: 0,
        }),
        row('zhang', '张三', collection, {
          weeksExpected: 3,
          submitted: 2,
          onTime: 1,
          late: 1,
          missing: 1,
          peerRating: 3.33,
          grade: 'A',
          outcomePoints: 2,
          total: 15,
          rank: 4,
          departmentRank: 2,
          departmentPercentile: 0,
        }),
      ]);
    });

    it('GET /users/:id/scores gives the hand-computed parts of every week, with their evidence', async () => {
      const expected: Record<keyof typeof s, [week: string, points: number, parts: Parts][]> = {
        zhang: [
          [
            W1,
            25,
            [
              ['on_time', 10],
              ['work_item', 1],
              ['work_item', 1],
              ['outcome', 2],
              ['peer_rating', 3],
              ['grade', 8],
            ],
          ],
          [
            W2,
            0,
            [
              ['late', 5],
              ['work_item', 1],
              ['peer_rating', -4],
              ['repeat', -5],
              ['floor', 3],
            ],
          ],
          [W3, -10, [['missing', -10]]],
        ],
        li: [
          [
            W1,
            15,
            [
              ['on_time', 10],
              ['work_item', 1],
              ['work_item', 1],
              ['work_item', 1],
              ['work_item', 1],
              ['work_item', 1],
            ],
          ],
          [
            W2,
            18,
            [
              ['on_time', 10],
              ['work_item', 1],
              ['outcome', 5],
              ['grade', 2],
            ],
          ],
        ],
        wang: [
          [W1, -10, [['missing', -10]]],
          [
            W2,
            6,
            [
              ['late', 5],
              ['work_item', 1],
            ],
          ],
          [
            W3,
            21,
            [
              ['on_time', 10],
              ['work_item', 1],
              ['outcome', 10],
            ],
          ],
        ],
        zhao: [
          [W1, 10, [['on_time', 10]]],
          [W2, -10, [['missing', -10]]],
          [
            W3,
            40,
            [
              ['on_time', 10],
              ['work_item', 1],
              ['work_item', 1],
              ['work_item', 1],
              ['work_item', 1],
              ['work_item', 1],
              ['outcome', 10],
              ['outcome', 10],
              ['grade', 8],
              ['weekly_cap', -3],
            ],
          ],
        ],
      };
      const totals = { zhang: 15, li: 33, wang: 17, zhao: 40 };
      for (const who of ['zhang', 'li', 'wang', 'zhao'] as const) {
        const res = await userScores(s.zhao, s[who].userId);
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json() as TUserScores;
        expect(body.total, who).toBe(totals[who]);
        expect(
          body.weeks.map((w) => [w.week, w.points, w.breakdown.map((p) => [p.rule, p.points])]),
          who,
        ).toEqual(expected[who]);
        for (const w of body.weeks) {
          const id = report[`${who}${w.week}`];
          for (const p of w.breakdown)
            expect(p.evidence.reportId, `${who} ${w.week} ${p.rule}`).toBe(p.rule === 'missing' ? null : id);
        }
      }
      // The repeat part points at 张三's W2 report, the missing part at the week itself.
      const zhang = (await userScores(s.zhang, s.zhang.userId)).json() as TUserScores;
      expect(zhang.weeks[1]?.breakdown.find((p) => p.rule === 'repeat')?.evidence).toEqual({
        kind: 'report',
        id: report[`zhang${W2}`],
        reportId: report[`zhang${W2}`],
      });
      expect(zhang.weeks[2]?.breakdown[0]?.evidence).toEqual({ kind: 'week', id: W3, reportId: null });
    });

    it('shows a member only their own row and scores', async () => {
      const rows = await scores(s.zhang);
      expect(rows.map((r) => [r.displayName, r.total, r.rank])).toEqual([['张三', 15, 4]]);
      expect((await userScores(s.zhang, s.zhang.userId)).statusCode).toBe(200);
      for (const other of [s.li, s.wang, s.zhao]) expect((await userScores(s.zhang, other.userId)).statusCode).toBe(403);
    });

    it('shows a head only their own department', async () => {
      const rows = await scores(s.li);
      expect(rows.map((r) => r.displayName)).toEqual(['李四', '张三']);
      expect((await userScores(s.li, s.zhang.userId)).statusCode).toBe(200);
      for (const other of [s.wang, s.zhao]) expect((await userScores(s.li, other.userId)).statusCode).toBe(403);
    });

    it('shows a leader the departments they supervise', async () => {
      const rows = await scores(s.wang);
      expect(rows.map((r) => r.displayName)).toEqual(['赵六', '王五']);
      // Ranks stay organisation-wide whoever looks.
      expect(rows.map((r) => r.rank)).toEqual([1, 3]);
      expect((await userScores(s.wang, s.zhao.userId)).statusCode).toBe(200);
      for (const other of [s.zhang, s.li]) expect((await userScores(s.wang, other.userId)).statusCode).toBe(403);
    });

    it('shows an assessor everyone, also filtered by department', async () => {
      expect((await scores(s.zhao)).map((r) => r.displayName)).toEqual(['赵六', '李四', '王五', '张三']);
      const res = await t.request({ method: 'GET', url: `/api/v1/scores?${RANGE}&departmentId=${collection}`, as: s.zhao });
      expect((res.json().items as TScoreRow[]).map((r) => [r.displayName, r.rank, r.departmentRank])).toEqual([
        ['李四', 2, 1],
        ['张三', 4, 2],
      ]);
      for (const who of [s.zhang, s.li, s.wang]) expect((await userScores(s.zhao, who.userId)).statusCode).toBe(200);
    });
  });
}
