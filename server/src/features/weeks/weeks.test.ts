import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';
import * as migration from '../../db/migrations/2026_11_25_000001_calendar_absences';
import { weekOfInstant } from './iso-week';
import { weekInfos } from './weeks.service';

for (const dialect of DIALECTS) {
  describe(`weeks and calendar on ${dialect}`, () => {
    let t: TestApp;
    let admin: Session;
    let member: Session;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      const dept = await t.department('市局');
      await t.user({ username: 'admin', roles: ['admin'], departmentId: dept });
      await t.user({ username: 'zhang', departmentId: dept });
      admin = await t.login('admin');
      member = await t.login('zhang');
    });
    afterAll(() => t.close());

    const auditRows = (action: string) =>
      t.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('at').execute();

    describe('GET /api/v1/weeks/current', () => {
      it('names the current week in the organisation time zone, with its deadline', async () => {
        const res = await t.request({ method: 'GET', url: '/api/v1/weeks/current', as: member });
        expect(res.statusCode).toBe(200);
        const body = res.json();
        expect(body.week).toBe(weekOfInstant(new Date(), 'Asia/Shanghai'));
        expect(Object.keys(body).sort()).toEqual(['deadline', 'due', 'end', 'start', 'week', 'workdays']);
        if (body.due) expect(body.deadline).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00$/);
      });

      it('needs a signed-in user', async () => {
        const res = await t.request({ method: 'GET', url: '/api/v1/weeks/current' });
        expect(res.statusCode).toBe(401);
        expect(res.json().error.code).toBe('unauthenticated');
      });
    });

    describe('GET /api/v1/weeks/:week', () => {
      it('moves the deadline to Wednesday 30 Sep 2026 before National Day', async () => {
        const res = await t.request({ method: 'GET', url: '/api/v1/weeks/2026-W40', as: member });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toEqual({
          week: '2026-W40',
          start: '2026-09-28',
          end: '2026-10-04',
          deadline: '2026-09-30T17:00:00+08:00',
          due: true,
          workdays: ['2026-09-28', '2026-09-29', '2026-09-30'],
        });
      });

      it('says the Spring Festival week of 2026 is not due', async () => {
        const res = await t.request({ method: 'GET', url: '/api/v1/weeks/2026-W08', as: member });
        expect(res.json()).toMatchObject({ start: '2026-02-16', end: '2026-02-22', deadline: null, due: false, workdays: [] });
      });

      it('knows week 53', async () => {
        const res = await t.request({ method: 'GET', url: '/api/v1/weeks/2020-W53', as: member });
        expect(res.json()).toMatchObject({ start: '2020-12-28', end: '2021-01-03', deadline: '2020-12-31T17:00:00+08:00' });
      });

      it.each(['2021-W53', '2021-W54', '2021-W00', '2021-W3', 'current-week', '2021W03', '3000-W01', '1899-W52'])(
        'answers 400 for %j',
        async (week) => {
          const res = await t.request({ method: 'GET', url: `/api/v1/weeks/${week}`, as: member });
          expect(res.statusCode).toBe(400);
          const { error } = res.json();
          expect(error.code).toBe('invalid_input');
          expect(error.details.map((d: { path: string }) => d.path)).toContain('params.week');
        },
      );

      it('follows the deadline settings and time zone', async () => {
        const patch = await t.request({
          method: 'PATCH',
          url: '/api/v1/settings',
          as: admin,
          payload: { timezone: 'UTC', deadline: { weekday: 3, time: '12:00' } },
        });
        expect(patch.statusCode).toBe(200);
        try {
          const res = await t.request({ method: 'GET', url: '/api/v1/weeks/2026-W38', as: member });
          expect(res.json().deadline).toBe('2026-09-16T12:00:00+00:00');
        } finally {
          await t.request({
            method: 'PATCH',
            url: '/api/v1/settings',
            as: admin,
            payload: { timezone: 'Asia/Shanghai', deadline: { weekday: 5, time: '17:00' } },
          });
        }
      });
    });

    describe('calendar overrides', () => {
      it('lets an admin make National Day a working day, moving the deadline, and audits it', async () => {
        const res = await t.request({
          method: 'PUT',
          url: '/api/v1/calendar/overrides/2026-10-01',
          as: admin,
          payload: { workday: true, note: '  值班  ' },
        });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toEqual({ date: '2026-10-01', workday: true, note: '值班' });
        const row = await t.database.db.selectFrom('calendar_overrides').selectAll().executeTakeFirstOrThrow();
        expect(row).toMatchObject({ date: '2026-10-01', workday: 1, note: '值班', updated_by: admin.userId });
        const week = await t.request({ method: 'GET', url: '/api/v1/weeks/2026-W40', as: member });
        expect(week.json().deadline).toBe('2026-10-01T17:00:00+08:00');
        expect(week.json().workdays).toContain('2026-10-01');
        const [entry] = await auditRows('calendar.override_set');
        expect(entry).toMatchObject({ actor_id: admin.userId, target_type: 'calendar_override', target_id: '2026-10-01' });
        expect(JSON.parse(entry?.data ?? '{}')).toEqual({
          before: null,
          after: { date: '2026-10-01', workday: true, note: '值班' },
        });
      });

      it('replaces an override and records what it was before', async () => {
        const res = await t.request({
          method: 'PUT',
          url: '/api/v1/calendar/overrides/2026-10-01',
          as: admin,
          payload: { workday: false },
        });
        expect(res.json()).toEqual({ date: '2026-10-01', workday: false, note: null });
        const entries = await auditRows('calendar.override_set');
        expect(JSON.parse(entries.at(-1)?.data ?? '{}').before).toEqual({ date: '2026-10-01', workday: true, note: '值班' });
        const count = await t.database.db.selectFrom('calendar_overrides').select('date').execute();
        expect(count).toHaveLength(1);
      });

      it('lists overrides to every signed-in user, within an optional range', async () => {
        await t.request({ method: 'PUT', url: '/api/v1/calendar/overrides/2026-09-18', as: admin, payload: { workday: false } });
        const all = await t.request({ method: 'GET', url: '/api/v1/calendar/overrides', as: member });
        expect(all.statusCode).toBe(200);
        expect(all.json().items.map((o: { date: string }) => o.date)).toEqual(['2026-09-18', '2026-10-01']);
        const some = await t.request({
          method: 'GET',
          url: '/api/v1/calendar/overrides?from=2026-09-19&to=2026-12-31',
          as: member,
        });
        expect(some.json()).toEqual({ items: [{ date: '2026-10-01', workday: false, note: null }] });
        const backwards = await t.request({
          method: 'GET',
          url: '/api/v1/calendar/overrides?from=2026-10-01&to=2026-09-01',
          as: member,
        });
        expect(backwards.statusCode).toBe(400);
        const deadline = await weekInfos(t.ctx, ['2026-W38']);
        expect(deadline.get('2026-W38')?.deadline).toBe('2026-09-17T17:00:00+08:00');
      });

      it('refuses members (403) and bad dates (400), leaving nothing behind', async () => {
        const forbidden = await t.request({
          method: 'PUT',
          url: '/api/v1/calendar/overrides/2026-05-06',
          as: member,
          payload: { workday: false },
        });
        expect(forbidden.statusCode).toBe(403);
        expect(forbidden.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
        for (const date of ['2026-02-30', '2026-13-01', '20260506', 'tomorrow']) {
          const bad = await t.request({
            method: 'PUT',
            url: `/api/v1/calendar/overrides/${date}`,
            as: admin,
            payload: { workday: true },
          });
          expect(bad.statusCode).toBe(400);
          expect(bad.json().error.code).toBe('invalid_input');
        }
        const noBody = await t.request({ method: 'PUT', url: '/api/v1/calendar/overrides/2026-05-06', as: admin, payload: {} });
        expect(noBody.statusCode).toBe(400);
        expect(noBody.json().error.details.map((d: { path: string }) => d.path)).toContain('body.workday');
        const rows = await t.database.db
          .selectFrom('calendar_overrides')
          .select('date')
          .where('date', '=', '2026-05-06')
          .execute();
        expect(rows).toEqual([]);
        const memberDelete = await t.request({ method: 'DELETE', url: '/api/v1/calendar/overrides/2026-10-01', as: member });
        expect(memberDelete.statusCode).toBe(403);
      });

      it('deletes an override (audited) and answers 404 when there is none', async () => {
        const res = await t.request({ method: 'DELETE', url: '/api/v1/calendar/overrides/2026-10-01', as: admin });
        expect(res.statusCode).toBe(204);
        const left = await t.database.db.selectFrom('calendar_overrides').select('date').execute();
        expect(left.map((r) => r.date)).toEqual(['2026-09-18']);
        const [entry] = await auditRows('calendar.override_deleted');
        expect(entry).toMatchObject({ actor_id: admin.userId, target_id: '2026-10-01' });
        const week = await t.request({ method: 'GET', url: '/api/v1/weeks/2026-W40', as: member });
        expect(week.json().deadline).toBe('2026-09-30T17:00:00+08:00');
        const again = await t.request({ method: 'DELETE', url: '/api/v1/calendar/overrides/2026-10-01', as: admin });
        expect(again.statusCode).toBe(404);
        expect(again.json().error.code).toBe('not_found');
        const bad = await t.request({ method: 'DELETE', url: '/api/v1/calendar/overrides/2026-02-30', as: admin });
        expect(bad.statusCode).toBe(400);
      });
    });

    describe('migration 2026_11_25_000001_calendar_absences', () => {
      it('goes down and up again', async () => {
        const db = t.database.db;
        await migration.down(db);
        await expect(db.selectFrom('absences').selectAll().execute()).rejects.toThrow();
        await expect(db.selectFrom('calendar_overrides').selectAll().execute()).rejects.toThrow();
        await migration.up(db);
        expect(await db.selectFrom('calendar_overrides').selectAll().execute()).toEqual([]);
        expect(await db.selectFrom('absences').selectAll().execute()).toEqual([]);
      });
    });
  });
}
