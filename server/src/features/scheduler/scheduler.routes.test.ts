import { DEFAULT_SCHEDULE_SETTINGS } from '@zhoubao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';
import { LEASE_MS, RETRY_DELAY_MS, runOnce } from './job-runner';
import { MAX_ATTEMPTS } from './job-runs.repository';

for (const dialect of DIALECTS) {
  describe(`schedules and job runs on ${dialect}`, () => {
    let t: TestApp;
    let admin: Session;
    let member: Session;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      const dept = await t.department('办公室');
      await t.user({ username: 'admin', roles: ['admin'] });
      await t.user({ username: 'member', departmentId: dept });
      admin = await t.login('admin');
      member = await t.login('member');
    });
    afterAll(() => t.close());

    describe('GET/PUT /api/v1/integrations/schedules', () => {
      it('gives admins the defaults, whether this server runs them, and the next runs soonest first', async () => {
        const res = await t.request({ method: 'GET', url: '/api/v1/integrations/schedules', as: admin });
        expect(res.statusCode).toBe(200);
        const body = res.json();
        expect(body.settings).toEqual(DEFAULT_SCHEDULE_SETTINGS);
        expect(body.timezone).toBe('Asia/Shanghai');
        expect(body.schedulerEnabled).toBe(false);
        const jobs = new Set(body.nextRuns.map((r: { job: string }) => r.job));
        expect(jobs).toEqual(new Set(['reminder', 'missing_list', 'digest']));
        const times = body.nextRuns.map((r: { at: string }) => Date.parse(r.at));
        expect(times).toEqual([...times].sort((a, b) => a - b));
        expect(times.every((at: number) => at > Date.now())).toBe(true);
        expect(body.nextRuns[0].at).toMatch(/\+08:00$/);
      });

      it('refuses everyone but admins', async () => {
        expect((await t.request({ method: 'GET', url: '/api/v1/integrations/schedules', as: member })).statusCode).toBe(403);
        const put = await t.request({
          method: 'PUT',
          url: '/api/v1/integrations/schedules',
          as: member,
          payload: DEFAULT_SCHEDULE_SETTINGS,
        });
        expect(put.statusCode).toBe(403);
        expect((await t.request({ method: 'GET', url: '/api/v1/integrations/job-runs', as: member })).statusCode).toBe(403);
        expect((await t.request({ method: 'GET', url: '/api/v1/integrations/schedules' })).statusCode).toBe(401);
      });

      it('saves the settings, audited, and previews the enabled jobs only', async () => {
        const settings = {
          ...DEFAULT_SCHEDULE_SETTINGS,
          reminder: { enabled: false, leadMinutes: 120 },
          morningReminder: { enabled: true, time: '08:30' },
          autoPublish: { enabled: true, delayMinutes: 60 },
        };
        const res = await t.request({ method: 'PUT', url: '/api/v1/integrations/schedules', as: admin, payload: settings });
        expect(res.statusCode).toBe(200);
        expect(res.json().settings).toEqual(settings);
        expect(new Set(res.json().nextRuns.map((r: { job: string }) => r.job))).toEqual(
          new Set(['morning_reminder', 'missing_list', 'digest', 'auto_publish']),
        );
        const again = await t.request({ method: 'GET', url: '/api/v1/integrations/schedules', as: admin });
        expect(again.json().settings).toEqual(settings);
        const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'schedules.updated').execute();
        expect(audit).toHaveLength(1);
        expect(JSON.parse(audit[0]?.data as string).after).toEqual(settings);
      });

      it('rejects bad values with the offending fields', async () => {
        const bad = {
          ...DEFAULT_SCHEDULE_SETTINGS,
          reminder: { enabled: true, leadMinutes: 5 },
          digest: { enabled: true, weekday: 8, time: '25:00' },
        };
        const res = await t.request({ method: 'PUT', url: '/api/v1/integrations/schedules', as: admin, payload: bad });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('invalid_input');
        const paths = JSON.stringify(res.json().error.details);
        for (const p of ['leadMinutes', 'weekday', 'time']) expect(paths).toContain(p);
      });
    });

    describe('job runs: claims, leases and the history', () => {
      const at = (iso: string) => new Date(iso);
      const work = async () => ({ done: 1 });

      it('runs a key once: a second claim, from any owner, does nothing', async () => {
        const first = await runOnce(t.ctx, { job: 'digest', runKey: '2026-W01' }, at('2026-01-05T01:00:00Z'), work, 'a');
        const second = await runOnce(t.ctx, { job: 'digest', runKey: '2026-W01' }, at('2026-01-05T01:00:00Z'), work, 'b');
        expect(first).toEqual({ job: 'digest', runKey: '2026-W01', status: 'succeeded', result: { done: 1 } });
        expect(second.status).toBe('not_claimed');
      });

      it('takes over a run whose owner died (lease ran out), not one still held', async () => {
        const key = { job: 'reminder', runKey: '2026-W02' };
        const t0 = Date.parse('2026-01-09T05:00:00Z');
        let release: () => void = () => {};
        const stuck = runOnce(t.ctx, key, new Date(t0), () => new Promise((r) => (release = () => r({}))), 'dying');
        await new Promise((r) => setTimeout(r, 50));
        const early = await runOnce(t.ctx, key, new Date(t0 + LEASE_MS - 1000), work, 'other');
        expect(early.status).toBe('not_claimed');
        const late = await runOnce(t.ctx, key, new Date(t0 + LEASE_MS + 1000), work, 'other');
        expect(late.status).toBe('succeeded');
        // The first owner's late finish must not overwrite the run it lost.
        release();
        expect((await stuck).status).toBe('not_claimed');
        const row = await t.database.db
          .selectFrom('job_runs')
          .selectAll()
          .where('job', '=', 'reminder')
          .where('run_key', '=', '2026-W02')
          .executeTakeFirstOrThrow();
        expect(row).toMatchObject({ owner: 'other', status: 'succeeded', attempts: 2 });
      });

      it('retries a failed run after a while, up to the limit', async () => {
        const key = { job: 'auto_publish', runKey: '2026-W03' };
        const t0 = Date.parse('2026-01-16T11:00:00Z');
        const fail = async () => {
          throw new Error('boom');
        };
        expect(await runOnce(t.ctx, key, new Date(t0), fail, 'p')).toMatchObject({ status: 'failed', error: 'boom' });
        expect((await runOnce(t.ctx, key, new Date(t0 + 1000), work, 'p')).status).toBe('not_claimed');
        let now = t0;
        for (let i = 2; i <= MAX_ATTEMPTS; i++) {
          now += RETRY_DELAY_MS + 1000;
          expect((await runOnce(t.ctx, key, new Date(now), fail, 'p')).status).toBe('failed');
        }
        now += RETRY_DELAY_MS + 1000;
        expect((await runOnce(t.ctx, key, new Date(now), work, 'p')).status).toBe('not_claimed');
        const row = await t.database.db
          .selectFrom('job_runs')
          .selectAll()
          .where('job', '=', 'auto_publish')
          .executeTakeFirstOrThrow();
        expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, error: 'boom' });
      });

      it('GET /api/v1/integrations/job-runs lists runs newest first, a page at a time', async () => {
        const list = (q = '') => t.request({ method: 'GET', url: `/api/v1/integrations/job-runs${q}`, as: admin });
        const all = (await list()).json();
        expect(all.items.map((r: { runKey: string }) => r.runKey)).toEqual(['2026-W03', '2026-W02', '2026-W01']);
        expect(all.items[2]).toMatchObject({ job: 'digest', status: 'succeeded', attempts: 1, owner: 'a', result: { done: 1 } });
        expect(all.items[0]).toMatchObject({ status: 'failed', error: 'boom', result: null });
        const first = (await list('?limit=2')).json();
        expect(first.items).toEqual(all.items.slice(0, 2));
        const second = (await list(`?limit=2&cursor=${first.nextCursor}`)).json();
        expect(second).toEqual({ items: all.items.slice(2), nextCursor: null });
        expect((await list('?job=digest')).json().items).toHaveLength(1);
        expect((await list('?cursor=bad')).statusCode).toBe(400);
      });
    });
  });
}
