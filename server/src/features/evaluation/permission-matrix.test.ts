import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';
import { buildReportOrg, item, saveReport, submitReport, weeksAgo } from '../../../test/report-factories';

// Who may do what with the reports of 王五 (`owner`, a member of 办公室) and 办公室's summaries:
// one row per endpoint and actor, the exact status, and which restricted strings may appear.

/** The owner's restricted report item and 办公室's restricted summary item. */
const R = '矩阵机密报告事项';
const S = '矩阵机密小结事项';
const SECRETS = [R, S];

const ACTORS = ['owner', 'sameMember', 'otherMember', 'head', 'leader', 'otherLeader', 'assessor', 'admin', 'auditor'] as const;
type ActorName = (typeof ACTORS)[number];

interface Row {
  endpoint: string;
  actor: ActorName;
  expectStatus: number;
  /** The restricted strings the response must contain; every other one must be absent. */
  restrictedVisible?: string[];
  body?: unknown;
}

/** The same status for everyone, or `status` for the listed actors and `otherwise` for the rest. */
const everyone = (status: number) => () => status;
const only = (actors: readonly ActorName[], status: number, otherwise: number) => (a: ActorName) =>
  actors.includes(a) ? status : otherwise;
/** Who may read the owner's restricted items, and who may manage 办公室's summary and bulletin. */
const SEE_REPORT: ActorName[] = ['owner', 'head', 'leader', 'assessor'];
const MANAGERS: ActorName[] = ['head', 'leader', 'assessor'];
const sees =
  (byActor: Partial<Record<ActorName, string[]>>) =>
  (a: ActorName): string[] =>
    byActor[a] ?? [];
const fromList = (actors: readonly ActorName[], visible: string[]) => sees(Object.fromEntries(actors.map((a) => [a, visible])));

interface Spec {
  endpoint: string;
  status: (a: ActorName) => number;
  visible?: (a: ActorName) => string[];
  body?: unknown;
}

const SPECS: Spec[] = [
  // Personal reports.
  { endpoint: 'GET /me/reports/:week', status: only(['owner'], 200, 404), visible: fromList(['owner'], [R]) },
  { endpoint: 'PUT /me/reports/:draftWeek', status: everyone(200), body: { items: [item('草稿')] } },
  { endpoint: 'POST /me/reports/:emptyWeek/submit', status: everyone(400) },
  { endpoint: 'GET /reports?week=:week', status: everyone(200), visible: fromList(SEE_REPORT, [R]) },
  { endpoint: 'GET /reports/:report', status: everyone(200), visible: fromList(SEE_REPORT, [R]) },
  { endpoint: 'GET /reports/:draft', status: only(['owner'], 200, 404) },
  { endpoint: 'GET /reports/:report/versions', status: everyone(200), visible: fromList(SEE_REPORT, [R]) },
  { endpoint: 'GET /reports/:draft/versions', status: only(['owner'], 200, 404) },
  { endpoint: 'GET /reports/:report/readers', status: only(SEE_REPORT, 200, 403) },
  // Department summaries, bulletins and the wall.
  { endpoint: 'GET /departments/:office/summaries/:week', status: only(MANAGERS, 200, 403), visible: fromList(MANAGERS, [S]) },
  {
    endpoint: 'PUT /departments/:office/summaries/:week',
    status: only(MANAGERS, 200, 403),
    visible: fromList(MANAGERS, [S]),
    body: { summary: '小结', items: [item('公开小结'), item(S, { visibility: 'restricted' })] },
  },
  {
    endpoint: 'POST /departments/:office/summaries/:week/publish',
    status: only(MANAGERS, 200, 403),
    visible: fromList(MANAGERS, [R, S]),
  },
  {
    endpoint: 'GET /departments/:office/bulletins/:week',
    status: everyone(200),
    visible: sees({ owner: [R], head: [R, S], leader: [R, S], assessor: [R, S] }),
  },
  {
    endpoint: 'GET /departments/:office/bulletins/:week?preview=true',
    status: only(MANAGERS, 200, 403),
    visible: fromList(MANAGERS, [R, S]),
  },
  {
    endpoint: 'GET /wall/:week',
    status: everyone(200),
    visible: sees({ owner: [R], head: [R, S], leader: [R, S], assessor: [R, S] }),
  },
  // Supervision and evaluation.
  { endpoint: 'GET /reports/:report/comments', status: everyone(200) },
  { endpoint: 'POST /reports/:report/comments', status: everyone(201), body: { body: '评论' } },
  { endpoint: 'POST /reports/:draft/comments', status: everyone(404), body: { body: '评论' } },
  { endpoint: 'PATCH /reports/:report/comments/:comment', status: only(['owner'], 200, 403), body: { body: '改过' } },
  { endpoint: 'DELETE /reports/:report/comments/:fresh', status: only(['owner'], 204, 403) },
  { endpoint: 'PUT /reports/:report/like', status: everyone(204) },
  { endpoint: 'DELETE /reports/:report/like', status: everyone(204) },
  { endpoint: 'PUT /reports/:draft/like', status: everyone(404) },
  { endpoint: 'PUT /reports/:report/rating', status: only(['owner'], 403, 204), body: { score: 4 } },
  { endpoint: 'PUT /reports/:report/grade', status: only(MANAGERS, 204, 403), body: { grade: 'B' } },
  { endpoint: 'GET /reports/:report/evaluation', status: everyone(200) },
  { endpoint: 'GET /reports/:draft/evaluation', status: only(['owner'], 200, 404) },
  { endpoint: 'GET /me/notifications', status: everyone(200) },
  { endpoint: 'POST /me/notifications/read', status: everyone(204), body: { all: true } },
  { endpoint: 'GET /me/to-read?week=:week', status: everyone(200) },
];

const ROWS: Row[] = SPECS.flatMap((s) =>
  ACTORS.map((actor) => ({
    endpoint: s.endpoint,
    actor,
    expectStatus: s.status(actor),
    restrictedVisible: s.visible?.(actor) ?? [],
    body: s.body,
  })),
);

for (const dialect of DIALECTS) {
  describe(`permission matrix on ${dialect}`, () => {
    let t: TestApp;
    let sessions: Record<ActorName, Session>;
    let vars: Record<string, string>;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      const org = await buildReportOrg(t);
      await t.user({ username: 'othermember', departmentId: org.tax, displayName: '税政员' });
      await t.user({ username: 'auditor', departmentId: org.city, displayName: '审计员', roles: ['auditor'] });
      sessions = {
        owner: org.author,
        sameMember: org.colleague,
        otherMember: await t.login('othermember'),
        head: org.head,
        leader: org.leader,
        otherLeader: org.otherLeader,
        assessor: org.assessor,
        admin: org.admin,
        auditor: await t.login('auditor'),
      };
      const week = weeksAgo(2);
      const report = await submitReport(t, org.author, week, [item('公开事项'), item(R, { visibility: 'restricted' })]);
      const draft = await saveReport(t, org.author, weeksAgo(1), [item('草稿')]);
      const comment = await t.request({
        method: 'POST',
        url: `/api/v1/reports/${report.id}/comments`,
        as: org.author,
        payload: { body: '作者自评' },
      });
      vars = {
        week,
        draftWeek: weeksAgo(1),
        emptyWeek: weeksAgo(4),
        report: report.id,
        draft: draft.json().id,
        comment: comment.json().id,
        office: org.office,
      };
      const summary = await t.request({
        method: 'PUT',
        url: `/api/v1/departments/${org.office}/summaries/${week}`,
        as: org.head,
        payload: { summary: '小结', items: [item('公开小结'), item(S, { visibility: 'restricted' })] },
      });
      expect(summary.statusCode).toBe(200);
      const publish = await t.request({
        method: 'POST',
        url: `/api/v1/departments/${org.office}/summaries/${week}/publish`,
        as: org.head,
      });
      expect(publish.statusCode).toBe(200);
    });
    afterAll(() => t.close());

    /** A comment by the owner, made fresh for a row that deletes one. */
    async function freshComment(): Promise<string> {
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/reports/${vars.report}/comments`,
        as: sessions.owner,
        payload: { body: '待删除' },
      });
      return res.json().id;
    }

    it.each(ROWS)('$endpoint as $actor → $expectStatus', async (row) => {
      const [method, template] = row.endpoint.split(' ') as [string, string];
      const fresh = template.includes(':fresh') ? await freshComment() : '';
      const path = template.replace(/:(\w+)/g, (_, name: string) => (name === 'fresh' ? fresh : (vars[name] ?? `:${name}`)));
      const res = await t.request({
        method: method as 'GET',
        url: `/api/v1${path}`,
        as: sessions[row.actor],
        payload: row.body as Record<string, unknown> | undefined,
      });
      expect(res.statusCode, res.body).toBe(row.expectStatus);
      for (const secret of SECRETS) {
        if (row.restrictedVisible?.includes(secret)) expect(res.body).toContain(secret);
        else expect(res.body).not.toContain(secret);
      }
    });
  });
}
