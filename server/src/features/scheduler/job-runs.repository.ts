import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database';
import type { JobRunsTable } from '../../db/schema';

export type JobRunRow = Selectable<JobRunsTable>;

/** A failed run is tried again at most this many times in all. */
export const MAX_ATTEMPTS = 5;

/**
 * Claims a run by inserting its key; true when this insert won. Any number of processes may race:
 * the primary key (job, run_key) lets exactly one insert through, on both dialects.
 */
export async function insertRun(
  db: Executor,
  r: { job: string; runKey: string; owner: string; at: string; leaseUntil: string },
): Promise<boolean> {
  const res = await db
    .insertInto('job_runs')
    .values({
      job: r.job,
      run_key: r.runKey,
      started_at: r.at,
      finished_at: null,
      status: 'running',
      error: null,
      owner: r.owner,
      lease_until: r.leaseUntil,
      attempts: 1,
      result: null,
    })
    .onConflict((oc) => oc.columns(['job', 'run_key']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * Takes over a run whose owner's lease ran out while running (the process died), or a failed run
 * after `retryAfter`, up to MAX_ATTEMPTS. One conditional update: of racing processes, only the
 * first matches (PostgreSQL re-checks the condition after the row lock; SQLite writes one at a time).
 */
export async function takeOverRun(
  db: Executor,
  r: { job: string; runKey: string; owner: string; at: string; leaseUntil: string; failedBefore: string },
): Promise<boolean> {
  const res = await db
    .updateTable('job_runs')
    .set((eb) => ({
      owner: r.owner,
      started_at: r.at,
      lease_until: r.leaseUntil,
      status: 'running',
      finished_at: null,
      error: null,
      attempts: eb('attempts', '+', 1),
    }))
    .where('job', '=', r.job)
    .where('run_key', '=', r.runKey)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'running'), eb('lease_until', '<', r.at)]),
        eb.and([eb('status', '=', 'failed'), eb('finished_at', '<', r.failedBefore), eb('attempts', '<', MAX_ATTEMPTS)]),
      ]),
    )
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Extends the lease of a run this owner still holds; false when it lost it. */
export async function renewLease(db: Executor, r: { job: string; runKey: string; owner: string; leaseUntil: string }) {
  const res = await db
    .updateTable('job_runs')
    .set({ lease_until: r.leaseUntil })
    .where('job', '=', r.job)
    .where('run_key', '=', r.runKey)
    .where('owner', '=', r.owner)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Records how a run this owner still holds ended; false when another process took it over meanwhile. */
export async function finishRun(
  db: Executor,
  r: {
    job: string;
    runKey: string;
    owner: string;
    at: string;
    status: 'succeeded' | 'failed';
    error: string | null;
    result: string | null;
  },
): Promise<boolean> {
  const res = await db
    .updateTable('job_runs')
    .set({ status: r.status, finished_at: r.at, error: r.error, result: r.result, lease_until: null })
    .where('job', '=', r.job)
    .where('run_key', '=', r.runKey)
    .where('owner', '=', r.owner)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** One run, or undefined. */
export async function findRun(db: Executor, job: string, runKey: string): Promise<JobRunRow | undefined> {
  return db.selectFrom('job_runs').selectAll().where('job', '=', job).where('run_key', '=', runKey).executeTakeFirst();
}

/** Recorded runs, newest first, after a keyset position. */
export async function listRuns(
  db: Executor,
  f: { job?: string | undefined; before?: { at: string; job: string; runKey: string } | undefined; limit: number },
): Promise<JobRunRow[]> {
  let q = db.selectFrom('job_runs').selectAll();
  if (f.job) q = q.where('job', '=', f.job);
  const b = f.before;
  if (b) {
    q = q.where((eb) =>
      eb.or([
        eb('started_at', '<', b.at),
        eb.and([eb('started_at', '=', b.at), eb('job', '<', b.job)]),
        eb.and([eb('started_at', '=', b.at), eb('job', '=', b.job), eb('run_key', '<', b.runKey)]),
      ]),
    );
  }
  return q.orderBy('started_at', 'desc').orderBy('job', 'desc').orderBy('run_key', 'desc').limit(f.limit).execute();
}
