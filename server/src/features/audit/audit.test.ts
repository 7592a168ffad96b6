import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';
import { newId } from '../../lib/ids';

interface Entry {
  id: string;
  at: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  data: Record<string, unknown> | null;
}

for (const dialect of DIALECTS) {
  describe(`GET /api/v1/audit on ${dialect}`, () => {
    let t: TestApp;
    let adminId: string;
    let auditorId: string;
    let admin: Session;
    let auditor: Session;
    const seeded: Record<string, string> = {};
    beforeAll(async () => {
      t = await createTestApp(dialect);
      adminId = await t.user({ username: 'admin', roles: ['admin'], displayName: '管理员' });
      auditorId = await t.user({ username: 'auditor', roles: ['auditor'], displayName: '审计员' });
      await t.user({ username: 'member' });
      await t.user({ username: 'head', roles: ['head', 'leader', 'assessor'] });
      // Entries at known times, before any made by the requests below.
      const rows: [string, string, string | null][] = [
        ['test.first', '2021-01-01T00:00:00.000Z', adminId],
        ['test.second', '2021-01-02T00:00:00.000Z', auditorId],
        ['test.third', '2021-01-03T00:00:00.000Z', adminId],
        ['test.fourth', '2021-01-04T00:00:00.000Z', null],
      ];
      for (const [action, at, actorId] of rows) {
        const id = newId(Date.parse(at));
        seeded[action] = id;
        await t.database.db
          .insertInto('audit_log')
          .values({ id, at, action, actor_id: actorId, target_type: 'test', target_id: null, ip: '10.0.0.1', data: '{"n":1}' })
          .execute();
      }
      admin = await t.login('admin');
      auditor = await t.login('auditor');
    });
    afterAll(() => t.close());

    const read = async (query: string, as: Session = auditor) => {
      const res = await t.request({ method: 'GET', url: `/api/v1/audit?${query}`, as });
      expect(res.statusCode).toBe(200);
      return res.json() as { items: Entry[]; nextCursor: string | null };
    };
    const OLD = 'to=2021-02-01T00:00:00Z';

    it('lets auditors and admins read, newest first, with the actor name', async () => {
      for (const as of [auditor, admin]) {
        const page = await read('', as);
        const times = page.items.map((e) => Date.parse(e.at));
        expect(times).toEqual([...times].sort((a, b) => b - a));
        expect(page.items.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.login', 'test.first']));
      }
      const old = await read(OLD);
      expect(old.items.map((e) => e.action)).toEqual(['test.fourth', 'test.third', 'test.second', 'test.first']);
      expect(old.items[2]).toMatchObject({ actorId: auditorId, actorName: '审计员', data: { n: 1 } });
      expect(old.items[0]).toMatchObject({ actorId: null, actorName: null });
      expect(Date.parse(old.items[3]?.at ?? '')).toBe(Date.parse('2021-01-01T00:00:00Z'));
    });

    it('is refused to members, heads, leaders and assessors with 403', async () => {
      for (const username of ['member', 'head']) {
        const res = await t.request({ method: 'GET', url: '/api/v1/audit', as: await t.login(username) });
        expect(res.statusCode).toBe(403);
        expect(res.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
      }
      expect((await t.request({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(401);
    });

    it('filters by action and by actor', async () => {
      expect((await read('action=test.second')).items.map((e) => e.id)).toEqual([seeded['test.second']]);
      const byAdmin = await read(`actorId=${adminId}&${OLD}`);
      expect(byAdmin.items.map((e) => e.action)).toEqual(['test.third', 'test.first']);
      expect((await read('action=no.such.action')).items).toEqual([]);
    });

    it('filters by time: from is inclusive, to exclusive, and offsets are honoured', async () => {
      const range = await read('from=2021-01-02T00:00:00Z&to=2021-01-04T00:00:00Z');
      expect(range.items.map((e) => e.action)).toEqual(['test.third', 'test.second']);
      // 08:00 in Shanghai is midnight UTC.
      const shanghai = await read(`from=${encodeURIComponent('2021-01-03T08:00:00+08:00')}&${OLD}`);
      expect(shanghai.items.map((e) => e.action)).toEqual(['test.fourth', 'test.third']);
    });

    it('pages with limit and nextCursor, without repeats or gaps', async () => {
      const first = await read(`limit=2&${OLD}`);
      expect(first.items.map((e) => e.action)).toEqual(['test.fourth', 'test.third']);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await read(`limit=2&${OLD}&cursor=${first.nextCursor}`);
      expect(second.items.map((e) => e.action)).toEqual(['test.second', 'test.first']);
      expect(second.nextCursor).toBeNull();
    });

    it('breaks ties between entries of the same instant by id across pages', async () => {
      const at = '2020-06-01T00:00:00.000Z';
      const ids = [newId(Date.parse(at)), newId(Date.parse(at)), newId(Date.parse(at))].sort();
      for (const id of ids) {
        await t.database.db
          .insertInto('audit_log')
          .values({ id, at, action: 'test.tie', actor_id: null, target_type: null, target_id: null, ip: null, data: null })
          .execute();
      }
      const first = await read('action=test.tie&limit=2');
      const second = await read(`action=test.tie&limit=2&cursor=${first.nextCursor}`);
      expect([...first.items, ...second.items].map((e) => e.id)).toEqual([...ids].reverse());
    });

    it('refuses a bad cursor, a time without offset and a bad limit with 400', async () => {
      for (const query of ['cursor=not-a-cursor', 'from=2021-01-01', 'limit=0']) {
        const res = await t.request({ method: 'GET', url: `/api/v1/audit?${query}`, as: auditor });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('invalid_input');
      }
    });

    it('cannot be changed or deleted, even by raw SQL', async () => {
      const id = seeded['test.first'] as string;
      await expect(sql`update audit_log set action = 'tampered' where id = ${id}`.execute(t.database.db)).rejects.toThrow(
        /append-only/,
      );
      await expect(t.database.db.deleteFrom('audit_log').where('id', '=', id).execute()).rejects.toThrow(/append-only/);
      await expect(t.database.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
      // SQLite has no TRUNCATE; PostgreSQL's is refused by a statement trigger.
      if (dialect === 'postgres') await expect(sql`truncate audit_log`.execute(t.database.db)).rejects.toThrow(/append-only/);
      const row = await t.database.db.selectFrom('audit_log').selectAll().where('id', '=', id).executeTakeFirst();
      expect(row).toMatchObject({ action: 'test.first', actor_id: adminId, data: '{"n":1}' });
    });
  });
}
