/**
 * Chinese search at scale: generates a city tax bureau with the demo generator (its writing
 * vocabulary, restricted items, drafts and department summaries; it writes no comments) until
 * about ITEMS report items exist, rebuilds the search index from scratch (indexing rate, size),
 * then times the search service for common one- and two-word queries as a member, a leader and
 * an assessor: first pages (20 hits), a deeper page through the cursor and filters. Prints JSON.
 *
 *   npx tsx bench/search.ts                       # fresh SQLite file, ~1,000,000 items
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/zb_bench_search npx tsx bench/search.ts
 *   ITEMS=100000 RUNS=50 npx tsx bench/search.ts  # a quicker run
 *   BENCH_SQLITE_FILE=/tmp/search.db npx tsx bench/search.ts   # keep (or reuse) the generated file
 *
 * On PostgreSQL the named database is emptied first (every table dropped by migrating down)
 * unless BENCH_REUSE=1; a database (or BENCH_SQLITE_FILE) that already has people is reused as
 * it is, and only the index rebuild and the queries run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TSearchQuery } from '@zhoubao/contracts';
import { sql } from 'kysely';
import { loadConfig } from '../server/src/config';
import type { AppContext } from '../server/src/context';
import { openDatabase } from '../server/src/db/database';
import { migrateToLatest, migrateToNothing } from '../server/src/db/migrate';
import { generateOrganisation } from '../server/src/demo/generator';
import { actorOf } from '../server/src/features/auth/auth.service';
import { rebuildSearchIndex } from '../server/src/features/search/search.rebuild';
import { search } from '../server/src/features/search/search.service';
import { findUser } from '../server/src/features/users/users.repository';
import type { Actor } from '../server/src/lib/actor';

const ITEMS = Number(process.env.ITEMS ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 100);
// One- and two-word queries people type; some match little or nothing in the demo's vocabulary,
// which is the slow case (every word's whole list is read).
const QUERIES = ['发票', '留抵退税', '纳税服务 培训', '跨区办税', '税收宣传', '数电发票 推广', '党风廉政建设 学习', '虚开发票'];

// The demo writes about 4.6 items per person and week: choose people and weeks for ITEMS.
const DEPARTMENTS = Number(process.env.DEPARTMENTS ?? 60);
const PEOPLE = Number(process.env.PEOPLE ?? 36);
const WEEKS = Number(process.env.WEEKS ?? Math.max(1, Math.min(520, Math.round(ITEMS / 4.6 / (DEPARTMENTS * PEOPLE + 5)))));

const url = process.env.BENCH_DATABASE_URL;
const keptFile = process.env.BENCH_SQLITE_FILE;
const dataDir = keptFile ? path.dirname(keptFile) : fs.mkdtempSync(path.join(os.tmpdir(), 'zb-bench-search-'));
const sqliteFile = keptFile ?? path.join(dataDir, 'zhoubao.db');
const database = openDatabase({ url, sqliteFile, poolSize: 4 });
const db = database.db;
if (url && process.env.BENCH_REUSE !== '1') await migrateToNothing(db);
await migrateToLatest(db);

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;
const log = (message: string) => process.stderr.write(`${new Date().toISOString()} ${message}\n`);

const count = async (table: 'users' | 'reports' | 'report_items' | 'department_summaries') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const reused = (await count('users')) > 0;
let started = performance.now();
let generateSeconds: number | null = null;
if (reused) {
  log(`reusing the generated data on ${database.dialect}`);
} else {
  log(`generating ${DEPARTMENTS} departments × ${PEOPLE} people × ${WEEKS} weeks on ${database.dialect}`);
  const generated = await generateOrganisation(db, {
    seed: 2021,
    departments: DEPARTMENTS,
    peoplePerDepartment: PEOPLE,
    weeks: WEEKS,
    passwordHash: null,
  });
  generateSeconds = seconds(started);
  log(`generated ${generated.items} items in ${generateSeconds} s (the generator indexes once at its end)`);
}
const { rows: weekRows } = await sql<{ week: string }>`select distinct week from reports order by week`.execute(db);
const weeks = weekRows.map((r) => r.week);

log('rebuilding the index from scratch');
started = performance.now();
const entries = await rebuildSearchIndex(db, {
  batchSize: 1000,
  onProgress: (p) => {
    if (p.done % 20_000 === 0) log(`  ${p.phase} ${p.done}, ${p.entries} entries`);
  },
});
const indexSeconds = seconds(started);
log(`indexed ${entries} entries in ${indexSeconds} s`);

async function sizes(): Promise<Record<string, number>> {
  if (database.dialect === 'postgres') {
    const { rows } = await sql<{ database: number; search: number; gin: number }>`select
      pg_database_size(current_database())::bigint as database,
      pg_total_relation_size('search_entries')::bigint as search,
      pg_relation_size('search_entries_tsv')::bigint as gin`.execute(db);
    const r = rows[0] as { database: number; search: number; gin: number };
    return { databaseBytes: Number(r.database), searchTableBytes: Number(r.search), ginIndexBytes: Number(r.gin) };
  }
  await sql`pragma wal_checkpoint(truncate)`.execute(db);
  const { rows } = await sql<{ name: string; bytes: number }>`select name, sum(pgsize) as bytes from dbstat
    where name like 'search%' group by name`.execute(db);
  const search = rows.reduce((s, r) => s + Number(r.bytes), 0);
  const fts = rows.filter((r) => r.name.startsWith('search_fts')).reduce((s, r) => s + Number(r.bytes), 0);
  return { databaseBytes: fs.statSync(sqliteFile).size, searchTablesBytes: search, fts5Bytes: fts };
}

/** The actor of the first person (by username) holding `role` (a `member`: no extra role), as the auth layer builds it. */
async function actor(role: 'member' | 'leader' | 'assessor'): Promise<Actor> {
  const withRole = db.selectFrom('user_roles').select('user_id').where('role', '!=', 'member');
  let q = db.selectFrom('users').select('id').where('active', '=', 1).where('department_id', 'is not', null);
  q =
    role === 'member'
      ? q.where('id', 'not in', withRole)
      : q.where('id', 'in', db.selectFrom('user_roles').select('user_id').where('role', '=', role));
  const row = await q.orderBy('username').limit(1).executeTakeFirst();
  const u = row && (await findUser(db, row.id));
  if (!u) throw new Error(`no ${role}`);
  return actorOf(u, 'session', null, null);
}

const ctx = { db, dialect: database.dialect, config: loadConfig({}) } as AppContext;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
const round = (ms: number) => Math.round(ms * 100) / 100;

async function time(viewer: Actor, query: TSearchQuery) {
  const result = await search(ctx, viewer, query); // warm-up, and the hits of the page
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await search(ctx, viewer, query);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return {
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    hits: result.items.length,
    more: result.nextCursor !== null,
    cursor: result.nextCursor,
  };
}

const viewers = { member: await actor('member'), leader: await actor('leader'), assessor: await actor('assessor') };
const latency: Record<string, Record<string, { p50: number; p95: number; hits: number; more: boolean }>> = {};
for (const q of QUERIES) {
  latency[q] = {};
  for (const [role, viewer] of Object.entries(viewers)) {
    const { cursor: _c, ...first } = await time(viewer, { q });
    (latency[q] as Record<string, unknown>)[role] = first;
    log(`${q} as ${role}: p50 ${first.p50} ms, p95 ${first.p95} ms, ${first.hits} hits`);
  }
}

// Deeper pages: the fifth page of a common word, and a week range plus a department filter.
const deep: Record<string, { p50: number; p95: number; hits: number }> = {};
{
  let cursor: string | null = null;
  for (let page = 0; page < 4; page++)
    cursor = (await search(ctx, viewers.member, { q: '发票', ...(cursor ? { cursor } : {}) })).nextCursor;
  const { cursor: _c, more: _m, ...fifth } = await time(viewers.member, { q: '发票', ...(cursor ? { cursor } : {}) });
  deep['发票 page 5 (member)'] = fifth;
  const from = weeks[Math.max(0, weeks.length - 4)] as string;
  const { cursor: _c2, more: _m2, ...ranged } = await time(viewers.member, { q: '纳税服务', from, to: weeks.at(-1) as string });
  deep['纳税服务, last 4 weeks (member)'] = ranged;
  const departmentId = viewers.member.departmentId as string;
  const { cursor: _c3, more: _m3, ...dept } = await time(viewers.assessor, { q: '发票', departmentId });
  deep['发票, one department (assessor)'] = dept;
}

const result = {
  date: new Date().toISOString(),
  database: database.dialect,
  machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
  data: {
    reused,
    weeks: weeks.length,
    users: await count('users'),
    reports: await count('reports'),
    items: await count('report_items'),
    summaries: await count('department_summaries'),
    generateSeconds,
  },
  index: { entries, seconds: indexSeconds, entriesPerSecond: Math.round(entries / Math.max(indexSeconds, 0.1)) },
  size: await sizes(),
  runsPerQuery: RUNS,
  latencyMs: latency,
  deeperMs: deep,
};
console.log(JSON.stringify(result, null, 2));
await database.destroy();
if (!url && !keptFile) fs.rmSync(dataDir, { recursive: true, force: true });
