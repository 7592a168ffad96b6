import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';
import { isWeekOwed, owedWeeks } from './absences.service';

for (const dialect of DIALECTS) {
  describe(`absences on ${dialect}`, () => {
    let t: TestApp;
    const ids: Record<string, string> = {};
    const s: Record<string, Session> = {};
    beforeAll(async () => {
      t = await createTestApp(dialect);
      const city = await t.department('市局');
      const office = await t.department('办公室', city);
      const tax = await t.department('税政科', city);
      const people: [string, string, ('head' | 'leader' | 'assessor' | 'admin' | 'auditor')[], string[]][] = [
        ['admin', city, ['admin'], []],
        ['alice', office, [], []],
        ['peer', office, [], []],
        ['head', office, ['head'], []],
        ['otherhead', tax, ['head'], []],
        ['leader', city, ['leader'], [city]],
        ['taxleader', city, ['leader'], [tax]],
        ['assessor', city, ['assessor'], []],
        ['auditor', city, ['auditor'], []],
        ['bob', tax, [], []],
      ];
      for (const [username, departmentId, roles, supervises] of people) {
        ids[username] = await t.user({ username, departmentId, roles, supervises });
        s[username] = await t.login(username);
      }
    });
    afterAll(() => t.close());

    const post = (as: string, userId: string, payload: unknown) =>
      t.request({ method: 'POST', url: `/api/v1/users/${userId}/absences`, as: s[as], payload: payload as object });
    const list = (as: string, userId: string, query = '') =>
      t.request({ method: 'GET', url: `/api/v1/users/${userId}/absences${query}`, as: s[as] });
    const rowsOf = (userId: string) =>
      t.database.db.selectFrom('absences').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();

    describe('POST /api/v1/users/:id/absences', () => {
      it('lets a person record their own leave: 201, the row, and an audit entry', async () => {
        const res = await post('alice', ids.alice as string, { from: '2026-03-02', to: '2026-03-06', reason: ' 年休假 ' });
        expect(res.statusCode).toBe(201);
        const body = res.json();
        expect(body).toEqual({
          id: expect.any(String),
          userId: ids.alice,
          from: '2026-03-02',
          to: '2026-03-06',
          reason: '年休假',
          createdAt: expect.any(String),
        });
        const [row] = await rowsOf(ids.alice as string);
        expect(row).toMatchObject({
          id: body.id,
          from_date: '2026-03-02',
          to_date: '2026-03-06',
          created_by: ids.alice,
          deleted_at: null,
        });
        const audit = await t.database.db.selectFrom('audit_log').selectAll().where('target_id', '=', body.id).execute();
        expect(audit).toEqual([
          expect.objectContaining({ action: 'absence.created', actor_id: ids.alice, target_type: 'absence' }),
        ]);
        expect(JSON.parse(audit[0]?.data ?? '{}')).toEqual({
          userId: ids.alice,
          from: '2026-03-02',
          to: '2026-03-06',
          reason: '年休假',
        });
      });

      it("lets the department's head and an admin record it", async () => {
        expect((await post('head', ids.alice as string, { from: '2026-04-07', to: '2026-04-07' })).statusCode).toBe(201);
        const byAdmin = await post('admin', ids.alice as string, { from: '2026-04-08', to: '2026-04-09' });
        expect(byAdmin.statusCode).toBe(201);
        expect(byAdmin.json().reason).toBeNull();
        const rows = await rowsOf(ids.alice as string);
        expect(rows.map((r) => r.created_by)).toEqual([ids.alice, ids.head, ids.admin]);
      });

      it.each(['peer', 'otherhead', 'leader', 'assessor', 'auditor'])('refuses %s with 403 and writes nothing', async (who) => {
        const before = (await rowsOf(ids.alice as string)).length;
        const res = await post(who, ids.alice as string, { from: '2026-05-11', to: '2026-05-12' });
        expect(res.statusCode).toBe(403);
        expect(res.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
        expect(await rowsOf(ids.alice as string)).toHaveLength(before);
      });

      it('answers 404 for an unknown user', async () => {
        for (const who of ['admin', 'alice']) {
          const res = await post(who, 'no-such-user', { from: '2026-05-11', to: '2026-05-12' });
          expect(res.statusCode).toBe(404);
          expect(res.json().error.code).toBe('not_found');
        }
      });

      it.each([
        [{ from: '2026-05-12', to: '2026-05-11' }, 'body.to'],
        [{ from: '2026-02-29', to: '2026-03-01' }, 'body.from'],
        [{ from: '2026-01-01', to: '2027-01-02' }, 'body.to'],
        [{ from: '2026-05-11' }, 'body.to'],
        [{ from: '11/05/2026', to: '2026-05-12' }, 'body.from'],
        [{ from: '2026-05-11', to: '2026-05-12', reason: 'x'.repeat(201) }, 'body.reason'],
      ])('answers 400 invalid_input for %j', async (payload, path) => {
        const res = await post('admin', ids.alice as string, payload);
        expect(res.statusCode).toBe(400);
        const { error } = res.json();
        expect(error.code).toBe('invalid_input');
        expect(error.details.map((d: { path: string }) => d.path)).toContain(path);
      });

      it('accepts a span of exactly 366 days', async () => {
        const res = await post('admin', ids.bob as string, { from: '2027-01-01', to: '2028-01-01' });
        expect(res.statusCode).toBe(201);
      });
    });

    describe('GET /api/v1/users/:id/absences', () => {
      it.each(['alice', 'head', 'admin', 'leader', 'assessor'])('lets %s read them', async (who) => {
        const res = await list(who, ids.alice as string);
        expect(res.statusCode).toBe(200);
        expect(res.json().items.map((a: { from: string }) => a.from)).toEqual(['2026-04-08', '2026-04-07', '2026-03-02']);
      });

      it.each(['peer', 'otherhead', 'taxleader', 'auditor', 'bob'])('refuses %s with 403', async (who) => {
        const res = await list(who, ids.alice as string);
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      });

      it('lets a leader read the people of a supervised department', async () => {
        expect((await list('taxleader', ids.bob as string)).statusCode).toBe(200);
        expect((await list('otherhead', ids.bob as string)).statusCode).toBe(200);
      });

      it('filters by an overlapping date range and answers 404 for an unknown user', async () => {
        const res = await list('alice', ids.alice as string, '?from=2026-03-06&to=2026-04-07');
        expect(res.json().items.map((a: { from: string }) => a.from)).toEqual(['2026-04-07', '2026-03-02']);
        expect((await list('alice', ids.alice as string, '?from=2026-13-01')).statusCode).toBe(400);
        expect((await list('admin', 'no-such-user')).statusCode).toBe(404);
      });
    });

    describe('DELETE /api/v1/users/:id/absences/:absenceId', () => {
      it('withdraws an absence, keeping the row marked deleted, and audits it', async () => {
        const { id } = (await post('alice', ids.alice as string, { from: '2026-06-01', to: '2026-06-02' })).json();
        const url = `/api/v1/users/${ids.alice}/absences/${id}`;
        expect((await t.request({ method: 'DELETE', url, as: s.peer })).statusCode).toBe(403);
        expect((await t.request({ method: 'DELETE', url, as: s.head })).statusCode).toBe(204);
        const row = await t.database.db.selectFrom('absences').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        expect(row.deleted_at).not.toBeNull();
        const listed = (await list('alice', ids.alice as string)).json().items.map((a: { id: string }) => a.id);
        expect(listed).not.toContain(id);
        const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'absence.deleted').execute();
        expect(audit).toEqual([expect.objectContaining({ actor_id: ids.head, target_id: id })]);
        expect((await t.request({ method: 'DELETE', url, as: s.head })).statusCode).toBe(404);
      });
    });

    describe('owed weeks', () => {
      let carol: string;
      beforeAll(async () => {
        carol = await t.user({ username: 'carol', departmentId: null });
        const rec = async (from: string, to: string) => {
          const res = await post('admin', carol, { from, to });
          expect(res.statusCode).toBe(201);
        };
        await rec('2026-09-28', '2026-09-30'); // 2026-W40: all three working days
        await rec('2026-09-14', '2026-09-18'); // 2026-W38: Monday–Friday, but Sunday 20 Sep is a make-up working day
        await rec('2026-09-21', '2026-09-22'); // 2026-W39: Monday and Tuesday only
        await rec('2026-10-08', '2026-10-09'); // 2026-W41: Thursday and Friday …
        await rec('2026-10-10', '2026-10-10'); // … and the make-up Saturday, in a second absence
      });

      it('does not owe a week whose working days are all covered, and owes a partly covered one', async () => {
        const weeks = ['2026-W08', '2026-W37', '2026-W38', '2026-W39', '2026-W40', '2026-W41'];
        const owed = await owedWeeks(t.ctx, [carol, ids.bob as string], weeks);
        expect(owed.get(carol)).toEqual(['2026-W37', '2026-W38', '2026-W39']);
        // The Spring Festival week is owed by nobody; bob has no absence then.
        expect(owed.get(ids.bob as string)).toEqual(['2026-W37', '2026-W38', '2026-W39', '2026-W40', '2026-W41']);
        expect(await isWeekOwed(t.ctx, carol, '2026-W40')).toBe(false);
        expect(await isWeekOwed(t.ctx, carol, '2026-W39')).toBe(true);
        expect(await isWeekOwed(t.ctx, carol, '2026-W08')).toBe(false);
      });

      it('follows calendar overrides and ignores withdrawn absences', async () => {
        // The make-up Sunday made a day off: the Monday–Friday leave now covers 2026-W38.
        await t.request({
          method: 'PUT',
          url: '/api/v1/calendar/overrides/2026-09-20',
          as: s.admin,
          payload: { workday: false },
        });
        expect(await isWeekOwed(t.ctx, carol, '2026-W38')).toBe(false);
        await t.request({ method: 'DELETE', url: '/api/v1/calendar/overrides/2026-09-20', as: s.admin });
        expect(await isWeekOwed(t.ctx, carol, '2026-W38')).toBe(true);

        const [absence] = (await list('admin', carol, '?from=2026-09-28&to=2026-09-28')).json().items;
        await t.request({ method: 'DELETE', url: `/api/v1/users/${carol}/absences/${absence.id}`, as: s.admin });
        expect(await isWeekOwed(t.ctx, carol, '2026-W40')).toBe(true);
      });

      it('answers for users without absences and for empty inputs', async () => {
        const owed = await owedWeeks(t.ctx, [ids.peer as string], ['2026-W40']);
        expect(owed.get(ids.peer as string)).toEqual(['2026-W40']);
        expect((await owedWeeks(t.ctx, [], ['2026-W40'])).size).toBe(0);
        expect((await owedWeeks(t.ctx, [carol], [])).get(carol)).toEqual([]);
      });
    });
  });
}
