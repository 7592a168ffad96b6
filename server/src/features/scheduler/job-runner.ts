import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { AppContext } from '../../context';
import * as runs from './job-runs.repository';

/** How long a claimed run is held without renewal before another process may take it over. */
export const LEASE_MS = 10 * 60_000;
/** How long after a failure a run is tried again (up to MAX_ATTEMPTS in all). */
export const RETRY_DELAY_MS = 5 * 60_000;

const owners = new WeakMap<AppContext, string>();

/** The name this app process records on the runs it holds: `host#pid#random`. */
export function ownerOf(ctx: AppContext): string {
  let owner = owners.get(ctx);
  if (!owner) {
    owner = `${os.hostname()}#${process.pid}#${randomBytes(3).toString('hex')}`;
    owners.set(ctx, owner);
  }
  return owner;
}

/** Raised inside a job when its lease was taken over by another process: the job stops at once. */
export class LeaseLost extends Error {}

/** What a job does with its run: `renew()` between batches keeps the lease (and throws LeaseLost when it is gone). */
export interface RunHandle {
  job: string;
  runKey: string;
  now: Date;
  renew(): Promise<void>;
}

export type JobOutcome =
  | { job: string; runKey: string; status: 'succeeded'; result: Record<string, unknown> }
  | { job: string; runKey: string; status: 'failed'; error: string }
  /** Another process holds or finished the run (or it has failed too often): nothing was done here. */
  | { job: string; runKey: string; status: 'not_claimed' };

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Runs a job once across every process on the database: claims (job, runKey) by insert, or takes
 * over a run whose lease ran out or that failed a while ago; then runs it and records how it ended.
 * `now` is the scheduler's clock (tests pass a fixed one); leases add the real time spent.
 */
export async function runOnce(
  ctx: AppContext,
  key: { job: string; runKey: string },
  now: Date,
  work: (run: RunHandle) => Promise<Record<string, unknown>>,
  owner = ownerOf(ctx),
): Promise<JobOutcome> {
  const started = Date.now();
  const clock = () => now.getTime() + (Date.now() - started);
  const existing = await runs.findRun(ctx.db, key.job, key.runKey);
  if (existing?.status === 'succeeded') return { ...key, status: 'not_claimed' };
  const claim = { ...key, owner, at: now.toISOString(), leaseUntil: iso(now.getTime() + LEASE_MS) };
  const claimed = existing
    ? await runs.takeOverRun(ctx.db, { ...claim, failedBefore: iso(now.getTime() - RETRY_DELAY_MS) })
    : await runs.insertRun(ctx.db, claim);
  if (!claimed) return { ...key, status: 'not_claimed' };

  const handle: RunHandle = {
    ...key,
    now,
    async renew() {
      if (!(await runs.renewLease(ctx.db, { ...key, owner, leaseUntil: iso(clock() + LEASE_MS) }))) throw new LeaseLost();
    },
  };
  try {
    const result = await work(handle);
    const done = { ...key, owner, at: iso(clock()), status: 'succeeded' as const, error: null, result: JSON.stringify(result) };
    if (!(await runs.finishRun(ctx.db, done))) throw new LeaseLost();
    return { ...key, status: 'succeeded', result };
  } catch (err) {
    // Another process took the run over: it records the outcome, not this one.
    if (err instanceof LeaseLost) return { ...key, status: 'not_claimed' };
    const error = err instanceof Error ? err.message : String(err);
    ctx.log.error({ err, job: key.job, runKey: key.runKey }, 'scheduled job failed');
    const failed = { ...key, owner, at: iso(clock()), status: 'failed' as const, error: error.slice(0, 1000), result: null };
    return (await runs.finishRun(ctx.db, failed)) ? { ...key, status: 'failed', error } : { ...key, status: 'not_claimed' };
  }
}
