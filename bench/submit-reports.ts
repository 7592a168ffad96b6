/**
 * Friday-afternoon load: many people save and submit their weekly report at once.
 * Starts the real app in-process on a fresh SQLite file (WAL, synchronous=FULL) or on the
 * PostgreSQL database named by BENCH_DATABASE_URL, creates N users with API tokens, then drives
 * `PUT /me/reports/:week` (1 summary + 8 items, ~2 KB) followed by `POST …/submit` over HTTP on
 * 127.0.0.1 with a fixed concurrency, and prints the throughput and latency percentiles.
 *
 *   npx tsx bench/submit-reports.ts            # USERS=2000 CONCURRENCY=32
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/zb_bench npx tsx bench/submit-reports.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { openDatabase } from '../server/src/db/database';
import { migrateToLatest } from '../server/src/db/migrate';
import { insertApiToken } from '../server/src/features/auth/auth.repository';
import { insertDepartment } from '../server/src/features/departments/departments.repository';
import { insertUserWithRoles } from '../server/src/features/users/users.service';
import { weekOfInstant } from '../server/src/features/weeks/iso-week';
import { newId } from '../server/src/lib/ids';
import { hashPassword, randomToken, sha256 } from '../server/src/lib/secrets';
import { nowIso } from '../server/src/lib/time';

const USERS = Number(process.env.USERS ?? 2000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 32);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zb-bench-'));
const url = process.env.BENCH_DATABASE_URL;
const database = openDatabase({ url, sqliteFile: path.join(dataDir, 'zhoubao.db'), poolSize: 10 });
await migrateToLatest(database.db);
const config = { ...loadConfig({}), logLevel: 'silent', webDir: undefined };
const app = await buildApp({ config, database, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1`;

const departmentId = newId();
await insertDepartment(database.db, {
  id: departmentId,
  name: `bench-${departmentId}`,
  parent_id: null,
  sort_order: 0,
  created_at: nowIso(),
  updated_at: nowIso(),
});
const hash = await hashPassword('bench-password', 10);
const tokens: string[] = [];
await database.db.transaction().execute(async (trx) => {
  for (let i = 0; i < USERS; i++) {
    const id = await insertUserWithRoles(trx, {
      username: `bench${departmentId.slice(-6)}${i}`,
      displayName: `压测用户${i}`,
      departmentId,
      passwordHash: hash,
    });
    const token = `zb_${randomToken(32)}`;
    await insertApiToken(trx, {
      id: newId(),
      user_id: id,
      name: 'bench',
      token_hash: sha256(token),
      created_at: nowIso(),
      last_used_at: null,
      revoked_at: null,
    });
    tokens.push(token);
  }
});

const week = weekOfInstant(new Date(), 'Asia/Shanghai');
const body = JSON.stringify({
  summary: '本周围绕申报期做好纳税服务，窗口等候时间明显下降，跨区迁移业务全部按时办结。',
  items: Array.from({ length: 8 }, (_, i) => ({
    kind: i < 5 ? 'work' : i < 7 ? 'study' : 'plan',
    category: '纳税服务',
    content:
      `第${i + 1}项：为企业办理跨区迁移和留抵退税业务，梳理办税服务厅高频咨询问题并形成问答口径，平均办理时长缩短至1个工作日。`.repeat(
        2,
      ),
    outcome: i % 3 === 0 ? '信息被市局采用' : undefined,
    tags: ['申报期'],
  })),
});

async function timed(method: string, pathName: string, token: string, payload?: string): Promise<number> {
  const start = performance.now();
  const res = await fetch(`${base}${pathName}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json' } : {}) },
    body: payload,
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${method} ${pathName}: ${res.status}`);
  return performance.now() - start;
}

const saveMs: number[] = [];
const submitMs: number[] = [];
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < tokens.length) {
      const token = tokens[next++] as string;
      saveMs.push(await timed('PUT', `/me/reports/${week}`, token, body));
      submitMs.push(await timed('POST', `/me/reports/${week}/submit`, token));
    }
  }),
);
const seconds = (performance.now() - started) / 1000;

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]?.toFixed(1);
const result = {
  database: database.dialect,
  users: USERS,
  concurrency: CONCURRENCY,
  seconds: Number(seconds.toFixed(2)),
  reportsSubmittedPerSecond: Number((USERS / seconds).toFixed(0)),
  requestsPerSecond: Number(((USERS * 2) / seconds).toFixed(0)),
  saveMs: { p50: pct(saveMs, 50), p95: pct(saveMs, 95), p99: pct(saveMs, 99) },
  submitMs: { p50: pct(submitMs, 50), p95: pct(submitMs, 95), p99: pct(submitMs, 99) },
  rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
};
console.log(JSON.stringify(result, null, 2));
await app.close();
await database.destroy();
fs.rmSync(dataDir, { recursive: true, force: true });
