import { type Kysely, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestDatabase, DIALECTS, type Session, type TestApp } from '../../../test/helpers';
import { migrations } from '../../db/migrations/index';
import { activeMembersAt, membershipPeriods, periodAt, periodsByUser, weekAnchor } from './memberships.repository';
import { updateUserRow } from './users.repository';

describe('weekAnchor', () => {
  it('is the last millisecond of the week in the organisation time zone', () => {
    // 2026-W10 ends on Sunday 8 March; midnight in Shanghai is 16:00 UTC the day before.
    expect(weekAnchor('2026-W10', 'Asia/Shanghai')).toBe('2026-03-08T15:59:59.999Z');
    expect(weekAnchor('2026-W10', 'UTC')).toBe('2026-03-08T23:59:59.999Z');
  });
});

describe('periodAt', () => {
  const periods = [
    { userId: 'u', departmentId: 'a', active: true, from: '2026-01-01T00:00:00.000Z', to: '2026-03-04T02:00:00.000Z' },
    { userId: 'u', departmentId: 'b', active: true, from: '2026-03-04T02:00:00.000Z', to: null },
  ];
  it('finds the period holding at an instant, the end being exclusive', () => {
    expect(periodAt(periods, '2025-12-31T23:59:59.999Z')).toBeUndefined();
    expect(periodAt(periods, '2026-03-04T01:59:59.999Z')?.departmentId).toBe('a');
    expect(periodAt(periods, '2026-03-04T02:00:00.000Z')?.departmentId).toBe('b');
    expect(periodAt(periods, '2030-01-01T00:00:00.000Z')?.departmentId).toBe('b');
  });
});

for (const dialect of DIALECTS) {
  describe(`department membership history on ${dialect}`, () => {
    let t: TestApp;
    let admin: Session;
    let a: string;
    let b: string;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      a = await t.department('征管科');
      b = await t.department('办公室');
      await t.user({ username: 'admin', roles: ['admin'] });
      admin = await t.login('admin');
    });
    afterAll(() => t.close());

    async function created(userId: string): Promise<string> {
      const row = await t.ctx.db.selectFrom('users').select('created_at').where('id', '=', userId).executeTakeFirstOrThrow();
      return row.created_at;
    }

    it('opens a period at creation with the department and active flag', async () => {
      const id = await t.user({ username: 'zhang', departmentId: a });
      expect(await membershipPeriods(t.ctx.db, { userIds: [id] })).toEqual([
        { userId: id, departmentId: a, active: true, from: await created(id), to: null },
      ]);
    });

    it('closes the period and opens the next one at the change when a person moves, and not when nothing moves', async () => {
      const id = await t.user({ username: 'li', departmentId: a });
      const same = await t.request({
        method: 'PATCH',
        url: `/api/v1/users/${id}`,
        as: admin,
        payload: { departmentId: a, title: '科员' },
      });
      expect(same.statusCode).toBe(200);
      expect(await membershipPeriods(t.ctx.db, { userIds: [id] })).toHaveLength(1);

      const moved = await t.request({ method: 'PATCH', url: `/api/v1/users/${id}`, as: admin, payload: { departmentId: b } });
      expect(moved.statusCode).toBe(200);
      const { updated_at: at } = await t.ctx.db
        .selectFrom('users')
        .select('updated_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(await membershipPeriods(t.ctx.db, { userIds: [id] })).toEqual([
        { userId: id, departmentId: a, active: true, from: await created(id), to: at },
        { userId: id, departmentId: b, active: true, from: at, to: null },
      ]);
    });

    it('keeps a disabled person a member of their department until they were disabled', async () => {
      const id = await t.user({ username: 'wang', departmentId: a });
      // A transfer and a disabling at chosen instants, as the app writes them (updated_at moves with the change).
      await updateUserRow(t.ctx.db, id, { department_id: b, updated_at: '2030-03-04T02:00:00.000Z' });
      await updateUserRow(t.ctx.db, id, { active: 0, updated_at: '2030-06-10T08:00:00.000Z' });
      const periods = await membershipPeriods(t.ctx.db, { userIds: [id] });
      expect(periods.map((p) => [p.departmentId, p.active, p.from, p.to])).toEqual([
        [a, true, await created(id), '2030-03-04T02:00:00.000Z'],
        [b, true, '2030-03-04T02:00:00.000Z', '2030-06-10T08:00:00.000Z'],
        [b, false, '2030-06-10T08:00:00.000Z', null],
      ]);

      expect(await activeMembersAt(t.ctx.db, [a], '2030-03-01T00:00:00.000Z')).toContain(id);
      expect(await activeMembersAt(t.ctx.db, [a], '2030-03-05T00:00:00.000Z')).not.toContain(id);
      expect(await activeMembersAt(t.ctx.db, [b], '2030-03-05T00:00:00.000Z')).toContain(id);
      expect(await activeMembersAt(t.ctx.db, [b], '2030-06-11T00:00:00.000Z')).not.toContain(id);

      // A filter by department and time range finds exactly the overlapping periods.
      const inB = await membershipPeriods(t.ctx.db, {
        departmentIds: [b],
        overlapping: { from: '2030-01-01T00:00:00.000Z', to: '2030-04-01T00:00:00.000Z' },
      });
      expect(inB.filter((p) => p.userId === id).map((p) => p.from)).toEqual(['2030-03-04T02:00:00.000Z']);
      expect(periodsByUser(periods).get(id)).toHaveLength(3);
    });

    it("uses the database's clock when a change leaves updated_at as it was", async () => {
      const id = await t.user({ username: 'zhao', departmentId: a });
      const before = Date.now();
      await t.ctx.db.updateTable('users').set({ department_id: b }).where('id', '=', id).execute();
      const [, second] = await membershipPeriods(t.ctx.db, { userIds: [id] });
      expect(second?.departmentId).toBe(b);
      // The database clock of PostgreSQL is the transaction's start; both are within this test's span.
      expect(Date.parse(second?.from ?? '')).toBeGreaterThanOrEqual(before - 60_000);
      expect(Date.parse(second?.from ?? '')).toBeLessThanOrEqual(Date.now() + 60_000);
    });
  });

  describe(`user_memberships migration backfill on ${dialect}`, () => {
    it('gives existing people one active period, and a disabled person an active one until their last change', async () => {
      const database = await createTestDatabase(dialect, false);
      // biome-ignore lint/suspicious/noExplicitAny: the schema before the migration.
      const db = database.db as unknown as Kysely<any>;
      try {
        const names = Object.keys(migrations);
        const index = names.indexOf('2026_12_02_000001_user_memberships');
        const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
        const before = await migrator.migrateTo(names[index - 1] as string);
        if (before.error) throw before.error;
        const user = (id: string, active: number, updated: string) => ({
          id,
          username: id,
          username_key: id,
          display_name: id,
          department_id: null,
          title: null,
          email: null,
          password_hash: null,
          active,
          sort_order: 0,
          locale: null,
          created_at: '2025-01-06T01:00:00.000Z',
          updated_at: updated,
        });
        await db
          .insertInto('users')
          .values([user('on', 1, '2025-05-01T00:00:00.000Z'), user('off', 0, '2025-09-01T00:00:00.000Z')])
          .execute();
        const after = await migrator.migrateToLatest();
        if (after.error) throw after.error;
        const rows = await sql<{
          user_id: string;
          active: number;
          valid_from: string;
          valid_to: string | null;
        }>`select user_id, active, valid_from, valid_to from user_memberships order by user_id, valid_from`.execute(db);
        const iso = (v: unknown) => (v === null ? null : new Date(v as string).toISOString());
        expect(rows.rows.map((r) => [r.user_id, Number(r.active), iso(r.valid_from), iso(r.valid_to)])).toEqual([
          ['off', 1, '2025-01-06T01:00:00.000Z', '2025-09-01T00:00:00.000Z'],
          ['off', 0, '2025-09-01T00:00:00.000Z', null],
          ['on', 1, '2025-01-06T01:00:00.000Z', null],
        ]);
      } finally {
        await database.destroy();
      }
    });
  });
}
