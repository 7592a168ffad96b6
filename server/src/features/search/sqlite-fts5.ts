// SQLite: a contentless FTS5 table (`search_fts`) whose rowid is the entry id. FTS5 walks its
// matches in descending rowid order and stops at the LIMIT, so newest-first pages of common
// words cost no sort.
import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import type { NewEntry, RemoveTarget, SearchProvider, SearchRow, SearchSpec } from './search.provider';
import {
  chunked,
  entryRow,
  filters,
  HIT_COLUMNS,
  INSERT_CHUNK,
  idsToRemove,
  NAME_JOINS,
  numberEntries,
  removalWhere,
  toHit,
  visible,
  WEEK_SPAN,
  weekBase,
} from './search.sql';
import type { QueryWord } from './search.tokens';

/** An FTS5 string literal (tokens hold only letters and digits; quotes are doubled all the same). */
const quote = (token: string): string => `"${token.replace(/"/g, '""')}"`;

/** The FTS5 query: every word, all required (a word's sub-words are indexed wherever it is). */
export function fts5Query(words: readonly QueryWord[]): string {
  return words.map((w) => quote(w.word)).join(' AND ');
}

/** The next free id of each week: writers are serialised on SQLite, so the week's maximum plus one is safe. */
async function firstIds(db: Executor, entries: readonly NewEntry[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.week, (counts.get(e.week) ?? 0) + 1);
  const out = new Map<string, number>();
  for (const week of counts.keys()) {
    const base = weekBase(week);
    const { rows } = await sql<{ m: number | null }>`select max(id) as m from search_entries
      where id >= ${base} and id < ${base + WEEK_SPAN}`.execute(db);
    const max = rows[0]?.m;
    out.set(week, max === null || max === undefined ? base + 1 : Number(max) + 1);
  }
  return out;
}

export const sqliteFts5Provider: SearchProvider = {
  dialect: 'sqlite',

  async insert(db: Executor, entries: readonly NewEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const first = await firstIds(db, entries);
    const numbered = numberEntries(entries, (week, count) => {
      const start = first.get(week) as number;
      return Array.from({ length: count }, (_, i) => start + i);
    });
    for (const chunk of chunked(numbered, INSERT_CHUNK)) {
      await db
        .insertInto('search_entries')
        .values(chunk.map(({ id, entry }) => entryRow(id, entry)))
        .execute();
      const values = chunk.map(({ id, entry }) => sql`(${id}, ${entry.tokens.join(' ')})`);
      await sql`insert into search_fts (rowid, tokens) values ${sql.join(values)}`.execute(db);
    }
  },

  async remove(db: Executor, target: RemoveTarget): Promise<void> {
    const ids = await idsToRemove(db, target);
    if (ids.length === 0) return;
    for (const chunk of chunked(ids, INSERT_CHUNK)) {
      await sql`delete from search_fts where rowid in (${sql.join(chunk)})`.execute(db);
    }
    await sql`delete from search_entries where ${removalWhere(target)}`.execute(db);
  },

  async clear(db: Executor): Promise<void> {
    await sql`insert into search_fts (search_fts) values ('delete-all')`.execute(db);
    await sql`delete from search_entries`.execute(db);
  },

  async optimize(db: Executor): Promise<void> {
    // Merges the FTS5 b-trees a bulk load leaves behind into one.
    await sql`insert into search_fts (search_fts) values ('optimize')`.execute(db);
  },

  async search(db: Executor, spec: SearchSpec): Promise<SearchRow[]> {
    if (spec.words.length === 0) return [];
    const where = [
      sql<boolean>`f.search_fts match ${fts5Query(spec.words)}`,
      visible(spec.scope),
      ...filters(spec, sql`f.rowid`),
    ];
    const { rows } = await sql<SearchRow>`select ${HIT_COLUMNS}
      from search_fts f join search_entries e on e.id = f.rowid ${NAME_JOINS}
      where ${sql.join(where, sql` and `)}
      order by f.rowid desc limit ${spec.limit}`.execute(db);
    return rows.map(toHit);
  },
};
