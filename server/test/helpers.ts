import { randomBytes } from 'node:crypto';
import type { TRole } from '@zhoubao/contracts';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app';
import { type Config, loadConfig } from '../src/config';
import type { AppContext } from '../src/context';
import { type Database, type DialectName, openDatabase } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrate';
import { insertDepartment } from '../src/features/departments/departments.repository';
import { insertUserWithRoles } from '../src/features/users/users.service';
import type { App } from '../src/lib/app-types';
import { newId } from '../src/lib/ids';
import { hashPassword } from '../src/lib/secrets';
import { nowIso } from '../src/lib/time';

/** The dialects every database test runs on: `DIALECTS=sqlite,postgres` (the default). */
export const DIALECTS: DialectName[] = (process.env.DIALECTS ?? 'sqlite,postgres')
  .split(',')
  .map((d) => d.trim())
  .filter((d): d is DialectName => d === 'sqlite' || d === 'postgres');

const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A throwaway database: SQLite in memory, or a fresh PostgreSQL database dropped at the end. */
export async function createTestDatabase(dialect: DialectName, migrate = true): Promise<Database> {
  if (dialect === 'sqlite') {
    const database = openDatabase({ sqliteFile: ':memory:' });
    if (migrate) await migrateToLatest(database.db);
    return database;
  }
  const name = `zb_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const database = openDatabase({ url: url.toString(), poolSize: 4 });
  if (migrate) await migrateToLatest(database.db);
  return {
    ...database,
    destroy: async () => {
      await database.destroy();
      const client = new pg.Client({ connectionString: PG_ADMIN_URL });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Configuration for tests: defaults, a cheap password hash, no web app. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), passwordCost: 10, webDir: undefined, logLevel: 'silent', scheduler: false, ...overrides };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
}

export interface TestApp {
  app: App;
  database: Database;
  ctx: AppContext;
  config: Config;
  close(): Promise<void>;
  /** Sends a request, as a session (cookie and CSRF header) when one is given. */
  request(options: InjectOptions & { as?: Session | null; csrf?: boolean }): Promise<LightMyRequestResponse>;
  login(username: string, password?: string): Promise<Session>;
  department(name: string, parentId?: string | null): Promise<string>;
  user(options: {
    username: string;
    departmentId?: string | null;
    roles?: TRole[];
    supervises?: string[];
    password?: string;
    displayName?: string;
    sortOrder?: number;
  }): Promise<string>;
}

export const PASSWORD = 'correct horse 1';

/** Builds the app on a throwaway database of the given dialect, with factories and a request helper. */
export async function createTestApp(dialect: DialectName, overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  const config = testConfig(overrides);
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  const ctx: AppContext = app.ctx;
  const hash = await hashPassword(PASSWORD, config.passwordCost);
  const t: TestApp = {
    app,
    database,
    ctx,
    config,
    async close() {
      await app.close();
      await database.destroy();
    },
    request({ as, csrf = true, headers, ...options }) {
      const h: Record<string, string> = { ...(headers as Record<string, string>) };
      if (as) {
        h.cookie = as.cookie;
        if (csrf) h['x-csrf-token'] = as.csrfToken;
      }
      return app.inject({ ...options, headers: h });
    },
    async login(username, password = PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'zb_session');
      return { cookie: `zb_session=${cookie?.value}`, csrfToken: res.json().csrfToken, userId: res.json().user.id };
    },
    async department(name, parentId = null) {
      const id = newId();
      const now = nowIso();
      await insertDepartment(database.db, { id, name, parent_id: parentId, sort_order: 0, created_at: now, updated_at: now });
      return id;
    },
    async user({ username, departmentId = null, roles = [], supervises = [], password, displayName, sortOrder }) {
      return insertUserWithRoles(database.db, {
        username,
        displayName: displayName ?? username,
        departmentId,
        roles,
        supervises,
        sortOrder,
        passwordHash: password ? await hashPassword(password, config.passwordCost) : hash,
      });
    },
  };
  return t;
}
