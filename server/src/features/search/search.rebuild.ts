import type { Db, Executor } from '../../db/database';
import { itemsOf } from '../reports/reports.repository';
import { commentEntry, commentSource, reportEntries, reportSource, summaryEntries, summarySource } from './search.indexer';
import { providerOf } from './search.provider';
import {
  type CommentSource,
  liveCommentsAfter,
  liveReportsAfter,
  type ReportSource,
  type SummarySource,
  summariesAfter,
} from './search.repository';

/** Progress of a rebuild, reported after every batch. */
export interface RebuildProgress {
  phase: 'reports' | 'comments' | 'summaries';
  /** Sources (reports, comments or summaries) done in this phase so far. */
  done: number;
  /** Entries written so far in all phases. */
  entries: number;
}

export interface RebuildOptions {
  /** Sources per batch (one transaction each). */
  batchSize?: number;
  onProgress?: (p: RebuildProgress) => void;
}

/** One kind of source, read in key order a batch at a time, each batch re-indexed in one transaction. */
interface Phase<T, K> {
  name: RebuildProgress['phase'];
  read(trx: Executor, after: K | null, limit: number): Promise<T[]>;
  key(source: T): K;
  /** Replaces the batch's entries; returns how many were written. */
  write(trx: Executor, batch: T[]): Promise<number>;
}

const reportsPhase: Phase<ReportSource, string> = {
  name: 'reports',
  read: liveReportsAfter,
  key: (r) => r.id,
  async write(trx, reports) {
    await providerOf(trx).remove(trx, { sources: reports.map((r) => reportSource(r.id)) });
    const items = await itemsOf(
      trx,
      reports.map((r) => r.id),
    );
    const list = reports.flatMap((r) => reportEntries(r, items.get(r.id) ?? []));
    await providerOf(trx).insert(trx, list);
    return list.length;
  },
};

const commentsPhase: Phase<CommentSource, string> = {
  name: 'comments',
  read: liveCommentsAfter,
  key: (c) => c.id,
  async write(trx, comments) {
    await providerOf(trx).remove(trx, { sources: comments.map((c) => commentSource(c.id)) });
    const list = comments.flatMap((c) => commentEntry(c) ?? []);
    await providerOf(trx).insert(trx, list);
    return list.length;
  },
};

const summariesPhase: Phase<SummarySource, { departmentId: string; week: string }> = {
  name: 'summaries',
  read: summariesAfter,
  key: (s) => ({ departmentId: s.department_id, week: s.week }),
  async write(trx, summaries) {
    await providerOf(trx).remove(trx, { sources: summaries.map((s) => summarySource(s.department_id, s.week)) });
    const list = summaries.flatMap(summaryEntries);
    await providerOf(trx).insert(trx, list);
    return list.length;
  },
};

async function runPhase<T, K>(db: Db, phase: Phase<T, K>, size: number, onBatch: (done: number, written: number) => void) {
  let after: K | null = null;
  let done = 0;
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      const sources = await phase.read(trx, after, size);
      return { sources, written: sources.length ? await phase.write(trx, sources) : 0 };
    });
    const last = batch.sources.at(-1);
    if (last === undefined) return;
    done += batch.sources.length;
    after = phase.key(last);
    onBatch(done, batch.written);
  }
}

/**
 * Rebuilds the whole search index from the reports, comments and department summaries, a batch
 * per transaction (read and written together). Each batch replaces its sources' entries, so a
 * save made while the rebuild runs is never lost or doubled; a search made meanwhile may miss
 * what is not rebuilt yet. Returns the number of entries written.
 */
export async function rebuildSearchIndex(db: Db, options: RebuildOptions = {}): Promise<number> {
  const size = options.batchSize ?? 500;
  const progress = options.onProgress ?? (() => {});
  let entries = 0;
  await db.transaction().execute((trx) => providerOf(trx).clear(trx));
  const phases = [reportsPhase, commentsPhase, summariesPhase] as Phase<unknown, unknown>[];
  for (const phase of phases) {
    await runPhase(db, phase, size, (done, written) => {
      entries += written;
      progress({ phase: phase.name, done, entries });
    });
  }
  await providerOf(db).optimize(db);
  return entries;
}
