import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';
import { buildReportOrg, item, type ReportOrg, saveReport, submitReport, weeksAgo } from '../../../test/report-factories';

// Every string of a restricted item: none may reach a viewer who may not see it.
const SECRET = {
  content: '机密内容甲乙丙',
  category: '保密类别',
  outcome: '机密成果丁戊',
  tag: '机密标签己',
  goalId: 'secret-goal-42',
  summaryItem: '部门机密事项庚辛',
  revised: '修订后的机密内容壬癸',
};
const SECRETS = Object.values(SECRET);
const PUBLIC = '公开的工作内容';

for (const dialect of DIALECTS) {
  describe(`restricted items on ${dialect}`, () => {
    let t: TestApp;
    let org: ReportOrg;
    let subHead: Session;
    let reportId: string;
    let restrictedId: string;
    const week = weeksAgo(2);

    /** Who may see the author's restricted items, and who may not. */
    const allowed = () => ({ author: org.author, head: org.head, leader: org.leader, assessor: org.assessor });
    const denied = () => ({
      colleague: org.colleague,
      otherHead: org.otherHead,
      otherLeader: org.otherLeader,
      admin: org.admin,
      subHead,
    });

    const get = (as: Session, url: string) => t.request({ method: 'GET', url: `/api/v1${url}`, as });

    function expectVisible(res: LightMyRequestResponse, secrets = [SECRET.content, SECRET.category, SECRET.outcome, SECRET.tag]) {
      expect(res.statusCode).toBe(200);
      for (const s of secrets) expect(res.body).toContain(s);
      expect(res.body).not.toContain('"redacted"');
    }

    function expectRedacted(res: LightMyRequestResponse) {
      expect(res.statusCode).toBe(200);
      for (const s of SECRETS) expect(res.body).not.toContain(s);
      expect(res.body).toContain(PUBLIC);
      expect(res.body).toContain(JSON.stringify({ id: restrictedId, kind: 'work', visibility: 'restricted', redacted: true }));
    }

    beforeAll(async () => {
      t = await createTestApp(dialect);
      org = await buildReportOrg(t);
      await t.user({ username: 'subhead', departmentId: org.secretary, roles: ['head'], displayName: '文秘科长' });
      subHead = await t.login('subhead');
      // Items link only to their author's own goals: a real goal, whose id must stay as hidden as the rest.
      const goal = await t.request({ method: 'POST', url: '/api/v1/me/goals', as: org.author, payload: { title: '目标' } });
      SECRET.goalId = goal.json().id;
      SECRETS.push(SECRET.goalId);
      const restricted = item(SECRET.content, {
        visibility: 'restricted',
        category: SECRET.category,
        outcome: SECRET.outcome,
        tags: [SECRET.tag],
        goalId: SECRET.goalId,
      });
      const report = await submitReport(t, org.author, week, [item(PUBLIC), restricted]);
      reportId = report.id;
      restrictedId = report.items[1].id;
      const summary = await t.request({
        method: 'PUT',
        url: `/api/v1/departments/${org.office}/summaries/${week}`,
        as: org.head,
        payload: { summary: '办公室小结', items: [item(PUBLIC), item(SECRET.summaryItem, { visibility: 'restricted' })] },
      });
      expect(summary.statusCode).toBe(200);
      const published = await t.request({
        method: 'POST',
        url: `/api/v1/departments/${org.office}/summaries/${week}/publish`,
        as: org.head,
      });
      expect(published.statusCode).toBe(200);
      // A revision after publication: version 2 holds restricted text too.
      const revised = await saveReport(t, org.author, week, [
        item(PUBLIC),
        { ...restricted, id: restrictedId, content: SECRET.revised },
      ]);
      expect(revised.json().version).toBe(2);
    });
    afterAll(() => t.close());

    it('shows the author their own report in full (GET /me/reports/:week)', async () => {
      expectVisible(await get(org.author, `/me/reports/${week}`), [SECRET.revised, SECRET.category, SECRET.goalId]);
    });

    it('GET /reports/:id: in full for author, head, leader and assessor; redacted for everyone else', async () => {
      for (const s of Object.values(allowed()))
        expectVisible(await get(s, `/reports/${reportId}`), [SECRET.revised, SECRET.outcome]);
      for (const s of Object.values(denied())) expectRedacted(await get(s, `/reports/${reportId}`));
    });

    it('GET /reports (the list): the same rule per viewer', async () => {
      for (const s of Object.values(allowed()))
        expectVisible(await get(s, `/reports?week=${week}`), [SECRET.revised, SECRET.tag]);
      for (const s of Object.values(denied())) expectRedacted(await get(s, `/reports?week=${week}`));
    });

    it('GET /reports/:id/versions: every version redacted alike', async () => {
      for (const s of Object.values(allowed())) {
        expectVisible(await get(s, `/reports/${reportId}/versions`), [SECRET.content, SECRET.revised]);
      }
      for (const s of Object.values(denied())) {
        const res = await get(s, `/reports/${reportId}/versions`);
        expectRedacted(res);
        expect(res.json().items).toHaveLength(2);
      }
    });

    it('GET /departments/:id/bulletins/:week: reports and restricted summary items redacted alike', async () => {
      const url = `/departments/${org.office}/bulletins/${week}`;
      for (const s of [org.head, org.leader, org.assessor])
        expectVisible(await get(s, url), [SECRET.content, SECRET.summaryItem]);
      // The author sees their own restricted item, but not the department's restricted summary item.
      const own = await get(org.author, url);
      expect(own.statusCode).toBe(200);
      expect(own.json().reports[0].items[1]).toMatchObject({ content: SECRET.content, outcome: SECRET.outcome });
      expect(own.json().summary.items[1]).toEqual({
        id: expect.any(String),
        kind: 'work',
        visibility: 'restricted',
        redacted: true,
      });
      expect(own.body).not.toContain(SECRET.summaryItem);
      for (const s of Object.values(denied())) expectRedacted(await get(s, url));
    });

    it('the preview is open to head, leader and assessor only, in full; others get 403 without content', async () => {
      for (const s of [org.head, org.leader, org.assessor]) {
        expectVisible(await get(s, `/departments/${org.office}/bulletins/${week}?preview=true`), [
          SECRET.revised,
          SECRET.summaryItem,
        ]);
      }
      for (const s of [org.author, ...Object.values(denied())]) {
        const res = await get(s, `/departments/${org.office}/bulletins/${week}?preview=true`);
        expect(res.statusCode).toBe(403);
        for (const secret of SECRETS) expect(res.body).not.toContain(secret);
      }
    });

    it('GET /wall/:week: the same rule in every bulletin on the wall', async () => {
      for (const s of [org.head, org.leader, org.assessor])
        expectVisible(await get(s, `/wall/${week}`), [SECRET.content, SECRET.summaryItem]);
      const own = await get(org.author, `/wall/${week}`);
      expect(own.body).toContain(SECRET.content);
      expect(own.body).not.toContain(SECRET.summaryItem);
      for (const s of Object.values(denied())) expectRedacted(await get(s, `/wall/${week}`));
    });

    it('the department summary endpoints show restricted summary items to those who manage it', async () => {
      const res = await get(org.leader, `/departments/${org.office}/summaries/${week}`);
      expectVisible(res, [SECRET.summaryItem]);
      expect((await get(org.colleague, `/departments/${org.office}/summaries/${week}`)).statusCode).toBe(403);
    });
  });
}
