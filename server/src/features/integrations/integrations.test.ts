import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';
import { buildReportOrg, currentWeek, item, type ReportOrg, submitReport } from '../../../test/report-factories';
import { processDeliveries } from './outbox';
import { type Receivers, startReceivers } from './test-receivers';

const SECRET_TEXT = '绝密：某企业稽查线索与举报人姓名';

for (const dialect of DIALECTS) {
  describe(`integrations API and events (${dialect})`, () => {
    let t: TestApp;
    let org: ReportOrg;
    let rx: Receivers;

    beforeAll(async () => {
      rx = await startReceivers();
    });
    afterAll(async () => {
      await rx.close();
    });
    beforeEach(async () => {
      t = await createTestApp(dialect, { publicUrl: 'https://zb.example.org' });
      org = await buildReportOrg(t);
      rx.received.length = 0;
      rx.secrets.dingtalk = 'SECdingtalk-secret';
      rx.secrets.feishu = 'feishu-secret';
      rx.secrets.generic = 'generic-secret';
      for (const k of Object.keys(rx.failWith)) delete rx.failWith[k as keyof typeof rx.failWith];
    });
    afterEach(async () => {
      await t.close();
    });

    const create = (as: Session, body: Record<string, unknown>) =>
      t.request({ method: 'POST', url: '/api/v1/webhooks', as, payload: body });
    const allEvents = ['bulletin.published', 'reminder.missing', 'report.submitted'];
    const hooksOfEveryKind = (departmentId?: string) => [
      {
        kind: 'dingtalk',
        url: `${rx.url}/dingtalk/robot/send?access_token=tok`,
        secret: 'SECdingtalk-secret',
        events: allEvents,
        departmentId,
      },
      { kind: 'wecom', url: `${rx.url}/wecom/cgi-bin/webhook/send?key=k1`, events: allEvents, departmentId },
      {
        kind: 'feishu',
        url: `${rx.url}/feishu/open-apis/bot/v2/hook/h1`,
        secret: 'feishu-secret',
        events: allEvents,
        departmentId,
      },
      { kind: 'slack', url: `${rx.url}/slack/services/T/B/X`, events: allEvents, departmentId },
      { kind: 'generic', url: `${rx.url}/generic/in`, secret: 'generic-secret', events: allEvents, departmentId },
    ];

    describe('POST /api/v1/webhooks', () => {
      it('creates a webhook (201) that never shows its secret, and audits it without secret or token', async () => {
        const res = await create(org.admin, {
          kind: 'dingtalk',
          url: `${rx.url}/dingtalk/robot/send?access_token=tok`,
          secret: 'SECabc',
          events: ['bulletin.published'],
        });
        expect(res.statusCode).toBe(201);
        const hook = res.json();
        expect(hook).toMatchObject({
          kind: 'dingtalk',
          hasSecret: true,
          enabled: true,
          departmentId: null,
          events: ['bulletin.published'],
        });
        expect(hook.warnings).toContain('dingtalk_url');
        expect(res.body).not.toContain('SECabc');
        const list = await t.request({ method: 'GET', url: '/api/v1/webhooks', as: org.admin });
        expect(list.json().items).toHaveLength(1);
        expect(list.body).not.toContain('SECabc');
        const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'webhook.created').execute();
        expect(audit).toHaveLength(1);
        expect(audit[0]?.data).not.toContain('SECabc');
        expect(audit[0]?.data).not.toContain('access_token');
      });

      it('refuses bad input with details: a non-http URL, no events, an unknown kind or department', async () => {
        const bad = [
          [{ kind: 'slack', url: 'ftp://x/y', events: ['report.submitted'] }, 'url'],
          [{ kind: 'slack', url: 'javascript:alert(1)', events: ['report.submitted'] }, 'url'],
          [{ kind: 'slack', url: 'https://hooks.slack.com/x', events: [] }, 'events'],
          [{ kind: 'teams', url: 'https://x.example', events: ['report.submitted'] }, 'kind'],
          [{ kind: 'slack', url: 'https://x.example', events: ['report.deleted'] }, 'events'],
        ] as const;
        for (const [body, field] of bad) {
          const res = await create(org.admin, body);
          expect(res.statusCode, JSON.stringify(body)).toBe(400);
          expect(res.json().error.code).toBe('invalid_input');
          expect(JSON.stringify(res.json().error.details)).toContain(field);
        }
        const unknownDept = await create(org.admin, {
          kind: 'generic',
          url: 'https://x.example',
          events: ['report.submitted'],
          departmentId: 'nope',
        });
        expect(unknownDept.statusCode).toBe(400);
        expect(JSON.stringify(unknownDept.json().error.details)).toContain('departmentId');
        expect(await t.database.db.selectFrom('webhooks').selectAll().execute()).toHaveLength(0);
      });

      it('is for admins only: 403 for everyone else on every webhook and delivery endpoint', async () => {
        const hook = (await create(org.admin, hooksOfEveryKind()[4] as Record<string, unknown>)).json();
        for (const s of [org.author, org.head, org.leader, org.assessor]) {
          expect((await create(s, { kind: 'generic', url: 'https://x.example', events: ['report.submitted'] })).statusCode).toBe(
            403,
          );
          expect((await t.request({ method: 'GET', url: '/api/v1/webhooks', as: s })).statusCode).toBe(403);
          expect((await t.request({ method: 'DELETE', url: `/api/v1/webhooks/${hook.id}`, as: s })).statusCode).toBe(403);
          expect(
            (await t.request({ method: 'PATCH', url: `/api/v1/webhooks/${hook.id}`, as: s, payload: { enabled: false } }))
              .statusCode,
          ).toBe(403);
          expect((await t.request({ method: 'POST', url: `/api/v1/webhooks/${hook.id}/test`, as: s })).statusCode).toBe(403);
          expect((await t.request({ method: 'GET', url: '/api/v1/deliveries', as: s })).statusCode).toBe(403);
          expect((await t.request({ method: 'GET', url: '/api/v1/integrations/smtp', as: s })).statusCode).toBe(403);
        }
        expect((await t.request({ method: 'GET', url: '/api/v1/webhooks' })).statusCode).toBe(401);
        expect(await t.database.db.selectFrom('webhooks').selectAll().execute()).toHaveLength(1);
      });
    });

    describe('PATCH and DELETE /api/v1/webhooks/:id', () => {
      it('changes name, events and enabled, removes the secret with null, and audits each change', async () => {
        const hook = (await create(org.admin, hooksOfEveryKind()[4] as Record<string, unknown>)).json();
        const res = await t.request({
          method: 'PATCH',
          url: `/api/v1/webhooks/${hook.id}`,
          as: org.admin,
          payload: { name: '数据平台', events: ['report.submitted'], enabled: false, secret: null },
        });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ name: '数据平台', events: ['report.submitted'], enabled: false, hasSecret: false });
        expect(res.json().warnings).toContain('generic_unsigned');
        expect(
          (await t.request({ method: 'PATCH', url: `/api/v1/webhooks/${hook.id}`, as: org.admin, payload: {} })).statusCode,
        ).toBe(400);
        expect(
          (await t.request({ method: 'PATCH', url: '/api/v1/webhooks/nope', as: org.admin, payload: { enabled: true } }))
            .statusCode,
        ).toBe(404);
        const del = await t.request({ method: 'DELETE', url: `/api/v1/webhooks/${hook.id}`, as: org.admin });
        expect(del.statusCode).toBe(204);
        expect((await t.request({ method: 'DELETE', url: `/api/v1/webhooks/${hook.id}`, as: org.admin })).statusCode).toBe(404);
        const actions = (
          await t.database.db.selectFrom('audit_log').select('action').where('target_id', '=', hook.id).execute()
        ).map((a) => a.action);
        expect(actions.sort()).toEqual(['webhook.created', 'webhook.deleted', 'webhook.updated']);
      });
    });

    describe('POST /api/v1/webhooks/:id/test', () => {
      it('sends a test message through each kind at once and returns the receiver result', async () => {
        for (const body of hooksOfEveryKind()) {
          const hook = (await create(org.admin, body as Record<string, unknown>)).json();
          const res = await t.request({ method: 'POST', url: `/api/v1/webhooks/${hook.id}/test`, as: org.admin });
          expect(res.statusCode).toBe(200);
          expect(res.json(), body.kind).toMatchObject({ status: 'sent', error: null, responseCode: 200 });
        }
        for (const s of ['dingtalk', 'wecom', 'feishu', 'slack', 'generic'] as const) expect(rx.accepted(s)).toHaveLength(1);
      });

      it('reports a failure with the receiver error (a wrong DingTalk secret) and logs it as failed, not retried', async () => {
        const hook = (
          await create(org.admin, {
            kind: 'dingtalk',
            url: `${rx.url}/dingtalk/robot/send?access_token=tok`,
            secret: 'SECwrong',
            events: allEvents,
          })
        ).json();
        const res = await t.request({ method: 'POST', url: `/api/v1/webhooks/${hook.id}/test`, as: org.admin });
        expect(res.json()).toMatchObject({ status: 'failed', responseCode: 200 });
        expect(res.json().error).toContain('310000');
        const log = await t.request({ method: 'GET', url: `/api/v1/deliveries?webhookId=${hook.id}`, as: org.admin });
        expect(log.json().items[0]).toMatchObject({ status: 'failed', event: 'webhook.test', attempts: 1 });
      });
    });

    describe('domain events to webhooks', () => {
      it('delivers report.submitted, bulletin.published and reminder.missing to every kind, and no restricted text reaches any receiver', async () => {
        for (const body of hooksOfEveryKind())
          expect((await create(org.admin, body as Record<string, unknown>)).statusCode).toBe(201);
        const week = currentWeek();
        await submitReport(t, org.author, week, [
          item('公开的工作：办理退税', { category: '纳税服务' }),
          item(SECRET_TEXT, { visibility: 'restricted', outcome: `${SECRET_TEXT}（成果）` }),
        ]);
        const summary = await t.request({
          method: 'PUT',
          url: `/api/v1/departments/${org.office}/summaries/${week}`,
          as: org.head,
          payload: { summary: '本周小结', items: [item(`${SECRET_TEXT}（小结）`, { visibility: 'restricted' })] },
        });
        expect(summary.statusCode).toBe(200);
        const pub = await t.request({
          method: 'POST',
          url: `/api/v1/departments/${org.office}/summaries/${week}/publish`,
          as: org.head,
        });
        expect(pub.statusCode).toBe(200);
        t.ctx.events.emit('reminder.missing', {
          departmentId: org.office,
          week,
          deadline: new Date().toISOString(),
          missing: [{ userId: 'u1', displayName: '李四' }],
          at: new Date().toISOString(),
        });
        await t.ctx.events.idle();
        const counts = await processDeliveries(t.ctx);
        expect(counts).toMatchObject({ sent: 15, failed: 0, retried: 0 });
        for (const s of ['dingtalk', 'wecom', 'feishu', 'slack', 'generic'] as const) expect(rx.accepted(s), s).toHaveLength(3);
        for (const r of rx.received) {
          expect(r.raw).not.toContain('绝密');
          expect(r.raw).not.toContain('公开的工作');
        }
        const generic = rx
          .accepted('generic')
          .map((r) => r.json as { event: string; data: Record<string, unknown>; message: { link: string } });
        expect(generic.map((g) => g.event).sort()).toEqual(allEvents);
        const bulletin = generic.find((g) => g.event === 'bulletin.published');
        expect(bulletin?.message.link).toBe(`https://zb.example.org/wall/${week}?dept=${org.office}`);
        expect(bulletin?.data).toMatchObject({ departmentId: org.office, week, version: 1, stats: { submitted: 1 } });
        const submitted = generic.find((g) => g.event === 'report.submitted');
        expect(submitted?.data).toMatchObject({ displayName: '王五', items: { work: 2, study: 0, plan: 0 } });
        const dt = rx.accepted('dingtalk').map((r) => JSON.stringify(r.json));
        expect(dt.some((b) => b.includes('王五') && b.includes('提交了'))).toBe(true);
        expect(dt.some((b) => b.includes('未交') && b.includes('李四'))).toBe(true);
      });

      it('matches webhooks by department scope (the event department, its parents, org-wide) and enqueues an event once', async () => {
        const scoped = async (departmentId?: string) =>
          (
            await create(org.admin, { kind: 'generic', url: `${rx.url}/generic/x`, events: ['bulletin.published'], departmentId })
          ).json().id as string;
        const orgWide = await scoped();
        const parent = await scoped(org.city);
        const own = await scoped(org.office);
        const other = await scoped(org.tax);
        const child = await scoped(org.secretary);
        const disabled = await scoped(org.office);
        await t.request({ method: 'PATCH', url: `/api/v1/webhooks/${disabled}`, as: org.admin, payload: { enabled: false } });
        const week = currentWeek();
        await t.request({
          method: 'PUT',
          url: `/api/v1/departments/${org.office}/summaries/${week}`,
          as: org.head,
          payload: { items: [item('小结')] },
        });
        await t.request({ method: 'POST', url: `/api/v1/departments/${org.office}/summaries/${week}/publish`, as: org.head });
        await t.ctx.events.idle();
        // The same occurrence heard twice (a replay) enqueues nothing new.
        t.ctx.events.emit('bulletin.published', {
          departmentId: org.office,
          week,
          version: 1,
          publishedBy: org.head.userId,
          at: new Date().toISOString(),
        });
        await t.ctx.events.idle();
        const rows = await t.database.db.selectFrom('deliveries').select(['webhook_id', 'dedupe_key']).execute();
        expect(rows.map((r) => r.webhook_id).sort()).toEqual([orgWide, parent, own].sort());
        expect(rows.map((r) => r.webhook_id)).not.toContain(other);
        expect(rows.map((r) => r.webhook_id)).not.toContain(child);
        expect(new Set(rows.map((r) => r.dedupe_key))).toEqual(new Set([`bulletin.published:${org.office}:${week}:v1`]));
      });
    });

    describe('GET /api/v1/deliveries and POST /api/v1/deliveries/:id/retry', () => {
      it('lists by status a page at a time and retries a failed delivery by hand', async () => {
        rx.failWith.slack = 404;
        const hook = (
          await create(org.admin, { kind: 'slack', url: `${rx.url}/slack/services/T/B/X`, events: ['report.submitted'] })
        ).json();
        for (let i = 0; i < 3; i++) {
          const res = await t.request({ method: 'POST', url: `/api/v1/webhooks/${hook.id}/test`, as: org.admin });
          expect(res.json().status).toBe('failed');
        }
        const first = await t.request({ method: 'GET', url: '/api/v1/deliveries?status=failed&limit=2', as: org.admin });
        expect(first.json().items).toHaveLength(2);
        expect(first.json().items[0]).toMatchObject({
          status: 'failed',
          channel: 'slack',
          responseCode: 404,
          webhookId: hook.id,
        });
        expect(first.json().items[0].lastError).toContain('404');
        const second = await t.request({
          method: 'GET',
          url: `/api/v1/deliveries?status=failed&limit=2&cursor=${first.json().nextCursor}`,
          as: org.admin,
        });
        expect(second.json().items).toHaveLength(1);
        expect(second.json().nextCursor).toBeNull();
        expect(
          (await t.request({ method: 'GET', url: '/api/v1/deliveries?status=sent', as: org.admin })).json().items,
        ).toHaveLength(0);
        expect((await t.request({ method: 'GET', url: '/api/v1/deliveries?status=bogus', as: org.admin })).statusCode).toBe(400);

        delete rx.failWith.slack;
        const id = second.json().items[0].id;
        const retry = await t.request({ method: 'POST', url: `/api/v1/deliveries/${id}/retry`, as: org.admin });
        expect(retry.statusCode).toBe(200);
        expect(retry.json()).toMatchObject({ status: 'pending', attempts: 0 });
        expect(await processDeliveries(t.ctx)).toMatchObject({ sent: 1 });
        const again = await t.request({ method: 'POST', url: `/api/v1/deliveries/${id}/retry`, as: org.admin });
        expect(again.statusCode).toBe(409);
        expect((await t.request({ method: 'POST', url: '/api/v1/deliveries/nope/retry', as: org.admin })).statusCode).toBe(404);
      });
    });
  });
}
