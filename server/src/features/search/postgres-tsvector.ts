// PostgreSQL: a `tsvector` column built with the `simple` configuration from the app's
// space-joined jieba tokens, under a GIN index; ids come from a sequence so concurrent writers
// never collide.
import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import type { NewEntry, RemoveTarget, SearchProvider, SearchRow, SearchSpec } from './search.provider';
import {
  chunked,
  entryRow,
  filters,
  HIT_COLUMNS,
  INSERT_CHUNK,
  NAME_JOINS,
  numberEntries,
  removalWhere,
  toHit,
  visible,
  WEEK_SPAN,
  weekBase,
} from './search.sql';
import type { QueryWord } from './search.tokens';

/** A tsquery lexeme literal (tokens hold only letters and digits; quotes are doubled all the same). */
const quote = (token: string): string => `'${token.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;

/**
 * The tsquery text: every word, all required. A word's search-mode sub-words are indexed wherever
 * the word is, so they add nothing to the match — and PostgreSQL, which takes lexemes as
 * independent, would estimate `留抵退税 & 留抵 & 退税` at a few hundred rows and pick a bad plan.
 */
export function tsQuery(words: readonly QueryWord[]): string {
  return words.map((w) => quote(w.word)).join(' & ');
}

/** `count` fresh sequence numbers, ascending. */
async function sequenceNumbers(db: Executor, count: number): Promise<number[]> {
  const { rows } = await sql<{ v: number }>`select nextval('search_entries_seq') as v
    from generate_series(1, ${count}::int)`.execute(db);
  return rows.map((r) => Number(r.v)).sort((a, b) => a - b);
}

/**
 * Newest weeks first, in widening windows (ids are week-major: `year × 100 + week` ordinals): when
 * several words each match often, PostgreSQL underestimates how many rows match them all and reads
 * every one before sorting; a window bounds that work to its weeks, and a page of a common query
 * fills from the first window. A rare query costs one cheap index scan per window.
 */
const WINDOWS = [4, 26, null] as const;

/** One above the highest entry id (1 when the index is empty). */
async function nextId(db: Executor): Promise<number> {
  const { rows } = await sql<{ m: number | null }>`select max(id) as m from search_entries`.execute(db);
  const max = rows[0]?.m;
  return max === null || max === undefined ? 1 : Number(max) + 1;
}

/** Visible matches with ids in `[fromId, beforeId)`, newest first, at most `limit`. */
async function searchRange(db: Executor, spec: SearchSpec): Promise<SearchRow[]> {
  const where = [
    sql<boolean>`e.tsv @@ to_tsquery('simple', ${tsQuery(spec.words)})`,
    visible(spec.scope),
    ...filters(spec, sql`e.id`),
  ];
  const { rows } = await sql<SearchRow>`select ${HIT_COLUMNS}
      from search_entries e ${NAME_JOINS}
      where ${sql.join(where, sql` and `)}
      order by e.id desc limit ${spec.limit}`.execute(db);
  return rows.map(toHit);
}

export const postgresTsvectorProvider: SearchProvider = {
  dialect: 'postgres',

  async insert(db: Executor, entries: readonly NewEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const numbers = await sequenceNumbers(db, entries.length);
    let next = 0;
    const numbered = numberEntries(entries, (week, count) => {
      const base = weekBase(week);
      const taken = numbers.slice(next, next + count);
      next += count;
      return taken.map((n) => base + (n % WEEK_SPAN));
    });
    for (const chunk of chunked(numbered, INSERT_CHUNK)) {
      const rows = chunk.map(({ id, entry }) => ({
        ...entryRow(id, entry),
        tsv: sql`to_tsvector('simple', ${entry.tokens.join(' ')})`,
      }));
      // `tsv` exists on PostgreSQL only, so it is not in the shared table type.
      await db
        .insertInto('search_entries')
        .values(rows as never)
        .execute();
    }
  },

  async remove(db: Executor, target: RemoveTarget): Promise<void> {
    await sql`delete from search_entries where ${removalWhere(target)}`.execute(db);
  },

  async clear(db: Executor): Promise<void> {
    await sql`truncate search_entries`.execute(db);
  },

  async optimize(db: Executor): Promise<void> {
    // Without fresh statistics the planner guesses a few thousand matches for every word and
    // reads all of a common word's rows before sorting, instead of walking ids down to the LIMIT.
    await sql`analyze search_entries`.execute(db);
  },

  async search(db: Executor, spec: SearchSpec): Promise<SearchRow[]> {
    if (spec.words.length === 0) return [];
    let upper = spec.beforeId ?? spec.toId ?? (await nextId(db));
    if (spec.toId !== undefined) upper = Math.min(upper, spec.toId);
    const top = Math.floor((upper - 1) / WEEK_SPAN);
    const out: SearchRow[] = [];
    for (const weeks of WINDOWS) {
      const floor = weeks === null ? undefined : (top - weeks) * WEEK_SPAN;
      const lower = floor === undefined || (spec.fromId !== undefined && spec.fromId >= floor) ? spec.fromId : floor;
      const rows = await searchRange(db, {
        ...spec,
        fromId: lower,
        toId: undefined,
        beforeId: upper,
        limit: spec.limit - out.length,
      });
      out.push(...rows);
      if (out.length >= spec.limit || lower === spec.fromId) break;
      upper = lower as number;
    }
    return out;
  },
};
