import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS } from '../../test/helpers';
import type { Database, DialectName } from './database';
import { migrateToLatest, migrateToNothing } from './migrate';
import { migrations } from './migrations/index';

/** The foundation's tables; later migrations add more. */
const FOUNDATION_TABLES = [
  'api_tokens',
  'audit_log',
  'departments',
  'login_throttle',
  'sessions',
  'settings',
  'user_roles',
  'user_supervises',
  'users',
];

/** The application's tables (Kysely's own bookkeeping tables left out), sorted. */
async function appTables(db: Kysely<unknown>, dialect: DialectName): Promise<string[]> {
  const { rows } =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(db);
  return rows
    .map((r) => r.name)
    .filter((n) => !n.startsWith('kysely_') && !n.startsWith('sqlite_'))
    .sort();
}

/** Triggers and functions the migrations install (the audit log's append-only guard). */
async function guards(db: Kysely<unknown>, dialect: DialectName): Promise<string[]> {
  if (dialect === 'sqlite') {
    const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'trigger'`.execute(db);
    return rows.map((r) => r.name).sort();
  }
  const { rows } = await sql<{ name: string }>`
    select trigger_name as name from information_schema.triggers where trigger_schema = 'public'
    union select routine_name as name from information_schema.routines where routine_schema = 'public'`.execute(db);
  return [...new Set(rows.map((r) => r.name))].sort();
}

for (const dialect of DIALECTS) {
  describe(`migrations on ${dialect}`, () => {
    let database: Database;
    let db: Kysely<unknown>;
    beforeAll(async () => {
      database = await createTestDatabase(dialect, false);
      db = database.db as unknown as Kysely<unknown>;
    });
    afterAll(() => database.destroy());

    it('starts from an empty database', async () => {
      expect(await appTables(db, dialect)).toEqual([]);
    });

    it('migrates up, down and up again, leaving the same schema each time it is up', async () => {
      const names = Object.keys(migrations);
      expect(await migrateToLatest(database.db)).toEqual(names.map((n) => `Up ${n}`));
      const tables = await appTables(db, dialect);
      expect(tables).toEqual(expect.arrayContaining(FOUNDATION_TABLES));
      const installed = await guards(db, dialect);
      expect(installed.length).toBeGreaterThan(0);

      expect(await migrateToNothing(database.db)).toEqual([...names].reverse().map((n) => `Down ${n}`));
      expect(await appTables(db, dialect)).toEqual([]);
      expect(await guards(db, dialect)).toEqual([]);

      expect(await migrateToLatest(database.db)).toEqual(names.map((n) => `Up ${n}`));
      expect(await appTables(db, dialect)).toEqual(tables);
      expect(await guards(db, dialect)).toEqual(installed);
      expect(await migrateToLatest(database.db)).toEqual([]);
    });

    it('leaves a working schema after the second up: constraints and the append-only audit log', async () => {
      const now = new Date().toISOString();
      const dept = { id: 'd1', name: '市局', parent_id: null, sort_order: 0, created_at: now, updated_at: now };
      await database.db.insertInto('departments').values(dept).execute();
      await expect(
        database.db
          .insertInto('departments')
          .values({ ...dept, id: 'd2' })
          .execute(),
      ).rejects.toThrow();
      const entry = { id: 'a1', at: now, actor_id: null, action: 'x', target_type: null, target_id: null, ip: null, data: null };
      await database.db.insertInto('audit_log').values(entry).execute();
      await expect(database.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
      expect(await database.db.selectFrom('audit_log').select('id').execute()).toEqual([{ id: 'a1' }]);
    });
  });
}
