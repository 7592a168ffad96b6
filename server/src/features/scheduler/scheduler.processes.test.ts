import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/database';
import { migrateToLatest } from '../../db/migrate';
import { insertDepartment } from '../departments/departments.repository';
import { writeSmtpSettings } from '../integrations/integrations.repository';
import { decodeHeader, mailHeader, type SmtpReceiver, startSmtp } from '../integrations/test-receivers';
import { insertUserWithRoles } from '../users/users.service';
import type { JobOutcome } from './job-runner';

// Two real app processes on one PostgreSQL database run the same due jobs at the same moments,
// several rounds each, racing; every reminder, missing list and digest must be recorded, put in
// the outbox and received by the SMTP server exactly once.

const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'run-jobs.worker.ts');
const SERVER_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const enabled = (process.env.DIALECTS ?? 'sqlite,postgres').split(',').includes('postgres');

/** The moments both processes run at (Asia/Shanghai): the reminder, the missing list, the digest of 2026-W40. */
const MOMENTS = ['2026-09-30T13:00:00+08:00', '2026-09-30T17:30:00+08:00', '2026-10-08T09:00:00+08:00'];
const PROCESSES = 2;
const ROUNDS = 3;
const MEMBERS = 12;

interface WorkerReport {
  pid: number;
  outcomes: JobOutcome[];
  deliveries: { sent: number; failed: number; skipped: number; retried: number };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function runWorker(url: string, startAt: number): Promise<WorkerReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, url, String(startAt), String(ROUNDS), ...MOMENTS], {
      cwd: SERVER_ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`worker exited with ${code}: ${err}`));
      else resolve(JSON.parse(out) as WorkerReport);
    });
  });
}

describe.skipIf(!enabled)('two app processes on one PostgreSQL database', () => {
  const name = `zb_test_procs_${randomBytes(4).toString('hex')}`;
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  let database: Database;
  let smtp: SmtpReceiver;
  let reports: WorkerReport[];
  const people: { id: string; email: string; head: boolean }[] = [];

  beforeAll(async () => {
    await adminQuery(`create database ${name}`);
    database = openDatabase({ url: url.toString(), poolSize: 4 });
    await migrateToLatest(database.db);
    smtp = await startSmtp('zb', 'secret-pw');
    const now = new Date().toISOString();
    await writeSmtpSettings(
      database.db,
      { host: '127.0.0.1', port: smtp.port, security: 'none', user: 'zb', password: 'secret-pw', from: 'zhoubao@example.org' },
      now,
    );
    const departments: string[] = [];
    for (const dept of ['一科', '二科']) {
      const id = `dept-${dept}`;
      await insertDepartment(database.db, { id, name: dept, parent_id: null, sort_order: 0, created_at: now, updated_at: now });
      departments.push(id);
    }
    for (let i = 0; i < MEMBERS; i++) {
      const head = i < departments.length;
      const username = `p${i}`;
      const id = await insertUserWithRoles(database.db, {
        username,
        displayName: `人员${i}`,
        departmentId: departments[i % departments.length] as string,
        roles: head ? ['head'] : i === MEMBERS - 1 ? ['leader'] : [],
        supervises: i === MEMBERS - 1 ? departments : [],
        passwordHash: null,
      });
      await database.db
        .updateTable('users')
        .set({ email: `${username}@example.org`, created_at: '2026-09-28T00:00:00.000Z' })
        .where('id', '=', id)
        .execute();
      people.push({ id, email: `${username}@example.org`, head });
    }
    const startAt = Date.now() + 4000;
    reports = await Promise.all(Array.from({ length: PROCESSES }, () => runWorker(url.toString(), startAt)));
  }, 120_000);

  afterAll(async () => {
    await database?.destroy();
    await smtp?.close();
    await adminQuery(`drop database if exists ${name} with (force)`);
  });

  it('runs every due job exactly once across the processes', async () => {
    const succeeded = reports.flatMap((r) =>
      r.outcomes.filter((o) => o.status === 'succeeded').map((o) => `${o.job}:${o.runKey}`),
    );
    expect(succeeded.filter((k) => k.endsWith('2026-W40')).sort()).toEqual([
      'digest:2026-W40',
      'missing_list:2026-W40',
      'reminder:2026-W40',
    ]);
    expect(new Set(succeeded).size).toBe(succeeded.length);
    const runs = await database.db.selectFrom('job_runs').selectAll().execute();
    for (const run of runs) expect(run).toMatchObject({ status: 'succeeded', attempts: 1 });
    // Each process tried W40's runs every round: the reminder at the first moment, the missing list
    // at the second and third, the digest at the third; all but one try of each found it taken.
    const tries = reports.flatMap((r) => r.outcomes).filter((o) => o.runKey === '2026-W40');
    expect(tries).toHaveLength(PROCESSES * ROUNDS * 4);
    expect(tries.filter((o) => o.status === 'not_claimed')).toHaveLength(PROCESSES * ROUNDS * 4 - 3);
  });

  it('records one reminder per person and week, in the inbox and in the outbox', async () => {
    const notes = await database.db
      .selectFrom('notifications')
      .select(['user_id', 'type', 'data'])
      .where('type', '=', 'reminder')
      .execute();
    const w40 = notes.filter((n) => JSON.parse(n.data).week === '2026-W40');
    expect(w40.map((n) => n.user_id).sort()).toEqual(people.map((p) => p.id).sort());
    const mails = await database.db
      .selectFrom('deliveries')
      .select(['dedupe_key', 'recipient', 'status'])
      .where('channel', '=', 'email')
      .where('dedupe_key', 'like', 'reminder:2026-W40:%')
      .execute();
    expect(mails.map((m) => m.recipient).sort()).toEqual(people.map((p) => p.email).sort());
    expect(new Set(mails.map((m) => m.status))).toEqual(new Set(['sent']));
    const ofW40 = async (type: string) =>
      (await database.db.selectFrom('notifications').select(['user_id', 'data']).where('type', '=', type).execute())
        .filter((n) => JSON.parse(n.data).week === '2026-W40')
        .map((n) => n.user_id)
        .sort();
    expect(await ofW40('reminder.missing')).toEqual(
      people
        .filter((p) => p.head)
        .map((p) => p.id)
        .sort(),
    );
    expect(await ofW40('digest')).toEqual([people.at(-1)?.id]);
  });

  it('delivers each e-mail once to a real SMTP server, whichever process sent it', async () => {
    const all = await database.db.selectFrom('deliveries').select(['status']).where('channel', '=', 'email').execute();
    const sent = reports.reduce((n, r) => n + r.deliveries.sent, 0);
    expect(sent).toBe(all.length);
    expect(smtp.mails).toHaveLength(all.length);
    const reminders = smtp.mails.filter((m) => decodeHeader(mailHeader(m.raw, 'subject') ?? '').includes('提醒'));
    expect(reminders.map((m) => m.to.join(',')).sort()).toEqual(people.map((p) => p.email).sort());
    const w40 = await database.db
      .selectFrom('deliveries')
      .select('dedupe_key')
      .where('channel', '=', 'email')
      .where('dedupe_key', 'like', '%:2026-W40:%')
      .execute();
    // the reminders, the heads' missing lists (2) and the leader's digest (1)
    expect(w40).toHaveLength(people.length + 2 + 1);
  });
});
