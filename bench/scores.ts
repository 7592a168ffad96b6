/**
 * Year-end scoring: how long `GET /scores` takes for a whole period of a large organisation.
 *
 * Generates an organisation with the demo generator (people × weeks of reports, in a child process so
 * the measuring process's peak RSS is its own), then times, several times each:
 * - `GET /api/v1/scores?from=&to=` for an assessor, through the app with `inject` (routing, zod, JSON);
 * - the compute functions directly, on the same database: the full path with every breakdown
 *   (`scorePeriod` + `rankRows`, what `GET /users/:id/scores` runs) and the totals-only path
 *   (`scoreTotals` + `rankRows`, what `GET /scores` runs), checked to give identical rows;
 * - once, each set-based read of the compute on its own (where the time goes).
 * Prints p50 / max of the runs and the peak RSS as JSON.
 *
 *   npx tsx bench/scores.ts                                   # 1,000 people × 12 weeks on SQLite
 *   npx tsx bench/scores.ts --people 10000 --weeks 52         # the year of a 10,000-person organisation
 *   npx tsx bench/scores.ts --db postgres --people 10000 --weeks 52   # on a throwaway PostgreSQL database
 *   npx tsx bench/scores.ts --sqlite-file /tmp/zb-10k.db ...  # keep the file and reuse it on the next run
 *
 * Options: --people N (1000), --weeks N (12), --per-department N (20), --runs N (5), --db sqlite|postgres,
 * --sqlite-file PATH (kept; generated only when missing), --pg-database NAME (kept; generated only when
 * empty), --out FILE (also write the JSON there). PostgreSQL is reached through BENCH_PG_ADMIN_URL
 * (postgres://postgres@127.0.0.1:5432/postgres): a throwaway database is created there and dropped after.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import type { AppContext } from '../server/src/context';
import { type Database, openDatabase } from '../server/src/db/database';
import { migrateToLatest } from '../server/src/db/migrate';
import { generateOrganisation } from '../server/src/demo/generator';
import { owedWeeks } from '../server/src/features/absences/absences.service';
import { rankRows, scorePeriod, scoreTotals } from '../server/src/features/scoring/scoring.compute';
import * as scoringRepo from '../server/src/features/scoring/scoring.repository';
import { getRules } from '../server/src/features/scoring/scoring.service';
import { weeksBetween } from '../server/src/features/weeks/iso-week';
import { loadCalendar } from '../server/src/features/weeks/weeks.service';
import { hashPassword } from '../server/src/lib/secrets';

const PASSWORD = 'bench-password';
const SEED = 2021;

const { values: opts } = parseArgs({
  options: {
    people: { type: 'string', default: '1000' },
    weeks: { type: 'string', default: '12' },
    'per-department': { type: 'string', default: '20' },
    runs: { type: 'string', default: '5' },
    db: { type: 'string', default: 'sqlite' },
    'sqlite-file': { type: 'string' },
    'pg-database': { type: 'string' },
    out: { type: 'string' },
    // Internal: run only the generation (in the child process) against the database named by the environment.
    generate: { type: 'boolean', default: false },
  },
});

const people = Number(opts.people);
const weeks = Number(opts.weeks);
const perDepartment = Number(opts['per-department']);
const runs = Number(opts.runs);
for (const [name, n] of Object.entries({ people, weeks, perDepartment, runs })) {
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number above 0`);
}
if (opts.db !== 'sqlite' && opts.db !== 'postgres') throw new Error('--db must be sqlite or postgres');
const PG_ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Where the database is: a SQLite file or a PostgreSQL URL. */
interface Target {
  sqliteFile?: string;
  url?: string;
}

function openTarget(t: Target): Database {
  return openDatabase({ url: t.url, sqliteFile: t.sqliteFile, poolSize: 10 });
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function pgUrl(database: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** The child process: generates the organisation into an empty database and prints what it made. */
async function generateChild(): Promise<void> {
  const target = JSON.parse(process.env.BENCH_TARGET ?? '{}') as Target;
  const database = openTarget(target);
  await migrateToLatest(database.db);
  const started = performance.now();
  const summary = await generateOrganisation(database.db, {
    seed: SEED,
    departments: Math.ceil(people / perDepartment),
    peoplePerDepartment: perDepartment,
    weeks,
    passwordHash: await hashPassword(PASSWORD, 10),
  });
  const { signIns, weeks: generated, ...counts } = summary;
  const result = {
    ...counts,
    from: generated[0],
    to: generated.at(-1),
    assessor: signIns.assessor,
    seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  await database.destroy();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

interface Generated {
  users: number;
  reports: number;
  submitted: number;
  items: number;
  from: string;
  to: string;
  assessor: string;
  seconds: number;
  peakRssMiB: number;
}

/** Runs this script again as a child that only generates, so its memory is not counted here. */
function generateInChild(target: Target): Generated {
  const args = [...process.execArgv, process.argv[1] as string, ...process.argv.slice(2), '--generate'];
  const child = spawnSync(process.execPath, args, {
    env: { ...process.env, BENCH_TARGET: JSON.stringify(target) },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`generation failed (exit ${child.status})`);
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as Generated;
}

/** What an existing database holds: the period of its reports and an assessor. */
async function describeExisting(database: Database): Promise<Generated | null> {
  const db = database.db;
  const users = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(users.n) === 0) return null;
  const span = await db
    .selectFrom('reports')
    .select((eb) => [eb.fn.min<string>('week').as('from'), eb.fn.max<string>('week').as('to'), eb.fn.countAll<number>().as('n')])
    .executeTakeFirstOrThrow();
  const submitted = await db
    .selectFrom('reports')
    .where('status', '=', 'submitted')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const items = await db
    .selectFrom('report_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const assessor = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .where('r.role', '=', 'assessor')
    .select('u.username')
    .executeTakeFirstOrThrow();
  return {
    users: Number(users.n),
    reports: Number(span.n),
    submitted: Number(submitted.n),
    items: Number(items.n),
    from: span.from,
    to: span.to,
    assessor: assessor.username,
    seconds: 0,
    peakRssMiB: 0,
  };
}

const ms = (start: number) => Number((performance.now() - start).toFixed(1));
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] as number;

/** Times each set-based read the compute makes, and the in-memory part, once. */
async function phases(ctx: AppContext, from: string, to: string): Promise<Record<string, number>> {
  const filter = { from, to };
  const out: Record<string, number> = {};
  const time = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await f();
    out[name] = ms(start);
    return result;
  };
  const list = weeksBetween(from, to);
  const users = await time('listScoredUsers', () => scoringRepo.listScoredUsers(ctx.db));
  await time('loadCalendar', () => loadCalendar(ctx, list));
  await time('owedWeeks', () =>
    owedWeeks(
      ctx,
      users.map((u) => u.id),
      list,
    ),
  );
  await time('listReports', () => scoringRepo.listReports(ctx.db, filter));
  await time('listItems', () => scoringRepo.listItems(ctx.db, filter));
  await time('listRatingAverages', () => scoringRepo.listRatingAverages(ctx.db, filter));
  await time('listGrades', () => scoringRepo.listGrades(ctx.db, filter));
  const { version: _v, createdAt: _c, createdBy: _b, ...rules } = await getRules(ctx);
  const scores = await time('scorePeriod (all)', () => scorePeriod(ctx, rules, filter));
  await time('rankRows', async () => rankRows(scores));
  await time('listReportTotals', () =>
    scoringRepo.listReportTotals(
      ctx.db,
      ctx.dialect,
      filter,
      rules.outcomeTags.map((r) => ({ tag: r.tag, cents: Math.round(r.points * 100) })),
    ),
  );
  await time('scoreTotals (all)', () => scoreTotals(ctx, rules, filter));
  return out;
}

async function measure(target: Target, generated: Generated) {
  const database = openTarget(target);
  await migrateToLatest(database.db);
  // A database just filled in bulk has no planner statistics until autovacuum comes by: gather them
  // first, as a database in service would have them.
  if (database.dialect === 'postgres') await sql`vacuum analyze`.execute(database.db);
  const config = { ...loadConfig({}), logLevel: 'silent', webDir: undefined, scheduler: false, passwordCost: 10 };
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  const ctx = app.ctx;
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: generated.assessor, password: PASSWORD },
  });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  const cookie = login.cookies.find((c) => c.name === 'zb_session');
  const headers = { cookie: `zb_session=${cookie?.value}` };
  const { from, to } = generated;
  const url = `/api/v1/scores?from=${from}&to=${to}`;

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const baselineRssMiB = Math.round(process.memoryUsage().rss / 2 ** 20);

  const httpMs: number[] = [];
  const computeMs: number[] = [];
  const totalsMs: number[] = [];
  let identical = true;
  let rows = 0;
  let bytes = 0;
  // Run 0 is the cold one (first queries, JIT); it is reported apart and left out of p50 / max.
  let cold = { http: 0, compute: 0, totals: 0 };
  for (let i = 0; i <= runs; i++) {
    let start = performance.now();
    const res = await app.inject({ method: 'GET', url, headers });
    const httpTime = ms(start);
    if (res.statusCode !== 200) throw new Error(`GET /scores: ${res.statusCode} ${res.body.slice(0, 200)}`);
    rows = (res.json() as { items: unknown[] }).items.length;
    bytes = res.rawPayload.length;

    start = performance.now();
    const { version: _v, createdAt: _c, createdBy: _b, ...rules } = await getRules(ctx);
    const ranked = rankRows(await scorePeriod(ctx, rules, { from, to }));
    const computeTime = ms(start);
    if (ranked.length !== rows) throw new Error(`compute gave ${ranked.length} rows, GET /scores ${rows}`);

    start = performance.now();
    const fast = rankRows(await scoreTotals(ctx, rules, { from, to }));
    const totalsTime = ms(start);
    if (JSON.stringify(fast) !== JSON.stringify(ranked)) identical = false;
    if (i === 0) cold = { http: httpTime, compute: computeTime, totals: totalsTime };
    else {
      httpMs.push(httpTime);
      computeMs.push(computeTime);
      totalsMs.push(totalsTime);
    }
  }
  const breakdown = await phases(ctx, from, to);
  clearInterval(sampler);
  const result = {
    database: database.dialect,
    people: generated.users,
    weeks: weeksBetween(from, to).length,
    period: `${from}..${to}`,
    reports: generated.reports,
    submitted: generated.submitted,
    items: generated.items,
    generation: { seconds: generated.seconds, peakRssMiB: generated.peakRssMiB },
    runs,
    scoresRows: rows,
    responseMiB: Number((bytes / 2 ** 20).toFixed(2)),
    getScoresMs: { cold: cold.http, p50: p50(httpMs), max: Math.max(...httpMs) },
    computeMs: { cold: cold.compute, p50: p50(computeMs), max: Math.max(...computeMs) },
    totalsMs: { cold: cold.totals, p50: p50(totalsMs), max: Math.max(...totalsMs) },
    totalsIdenticalToCompute: identical,
    breakdownMs: breakdown,
    rssMiB: {
      beforeRuns: baselineRssMiB,
      peakSampled: Math.round(peakRss / 2 ** 20),
      peakProcess: Math.round(process.resourceUsage().maxRSS / 1024),
    },
    targetMs: 2000,
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
  };
  await app.close();
  await database.destroy();
  return result;
}

async function main(): Promise<void> {
  if (opts.generate) return generateChild();
  let target: Target;
  let cleanup = async () => {};
  if (opts.db === 'sqlite') {
    if (opts['sqlite-file']) target = { sqliteFile: path.resolve(opts['sqlite-file']) };
    else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zb-bench-scores-'));
      target = { sqliteFile: path.join(dir, 'zhoubao.db') };
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
    }
  } else if (opts['pg-database']) {
    const name = opts['pg-database'];
    await adminQuery(`create database ${name}`).catch(() => {}); // kept between runs: may exist already
    target = { url: pgUrl(name) };
  } else {
    const name = `zb_bench_scores_${randomBytes(4).toString('hex')}`;
    await adminQuery(`create database ${name}`);
    target = { url: pgUrl(name) };
    cleanup = () => adminQuery(`drop database if exists ${name} with (force)`);
  }
  try {
    const probe = openTarget(target);
    await migrateToLatest(probe.db);
    const existing = await describeExisting(probe);
    await probe.destroy();
    const generated = existing ?? generateInChild(target);
    if (existing) process.stderr.write(`reusing ${existing.users} people, ${existing.from}..${existing.to}\n`);
    else process.stderr.write(`generated ${generated.users} people × ${weeks} weeks in ${generated.seconds} s\n`);
    const result = await measure(target, generated);
    const json = JSON.stringify(result, null, 2);
    console.log(json);
    if (opts.out) fs.writeFileSync(opts.out, `${json}\n`);
  } finally {
    await cleanup();
  }
}

await main();
