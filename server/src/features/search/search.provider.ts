import { PostgresAdapter } from 'kysely';
import type { DialectName, Executor } from '../../db/database';
import type { SearchEntriesTable } from '../../db/schema';
import { postgresTsvectorProvider } from './postgres-tsvector';
import type { QueryWord } from './search.tokens';
import { sqliteFts5Provider } from './sqlite-fts5';

/** An entry to index: its row without the id (the provider numbers it) and its tokens. */
export interface NewEntry extends Omit<SearchEntriesTable, 'id'> {
  /** Distinct jieba tokens of the text (and of its category and tags). */
  tokens: string[];
}

/**
 * Who may see what, as the query needs it: the viewer, and the departments whose drafts of
 * summaries and restricted items they may read (`all` for assessors). The SQL mirror of
 * `canSeeRestricted` / `oversees` in reports.policy.ts.
 */
export interface SearchScope {
  viewerId: string;
  all: boolean;
  departments: string[];
}

/** One search: the words (all must match), the viewer's scope, filters and the page. */
export interface SearchSpec {
  words: QueryWord[];
  scope: SearchScope;
  /** Entry ids from (inclusive) and to (exclusive): the week range. */
  fromId?: number | undefined;
  toId?: number | undefined;
  /** Only entries with an id below this one (the page cursor). */
  beforeId?: number | undefined;
  /** Only entries of these departments (a department and its subtree). */
  departments?: string[] | undefined;
  /** Only text written by this person. */
  authorId?: string | undefined;
  limit: number;
}

/** A hit as read from the index, with the names the presenter needs. */
export interface SearchRow {
  id: number;
  kind: string;
  report_id: string | null;
  item_id: string | null;
  comment_id: string | null;
  author_id: string | null;
  department_id: string | null;
  week: string;
  text: string;
  author_name: string | null;
  department_name: string | null;
}

/** What to remove: the entries made from some sources, or every entry of a report (its comments too). */
export type RemoveTarget = { sources: string[] } | { reportId: string };

/**
 * A full-text index over the entries table, one per database (chosen at boot by dialect). Every
 * method takes the executor first, so indexing runs inside the caller's transaction.
 */
export interface SearchProvider {
  readonly dialect: DialectName;
  /** Adds entries; ids are allocated week-major, the first entry of a week getting the highest id. */
  insert(db: Executor, entries: readonly NewEntry[]): Promise<void>;
  /** Removes entries and their index rows. */
  remove(db: Executor, target: RemoveTarget): Promise<void>;
  /** Empties the whole index. */
  clear(db: Executor): Promise<void>;
  /** Tidies the index after a bulk load (a rebuild): merges segments, refreshes planner statistics. */
  optimize(db: Executor): Promise<void>;
  /** Visible matching entries, newest first (highest id first), at most `limit`. */
  search(db: Executor, spec: SearchSpec): Promise<SearchRow[]>;
}

/** The provider of a dialect. */
export function providerFor(dialect: DialectName): SearchProvider {
  return dialect === 'postgres' ? postgresTsvectorProvider : sqliteFts5Provider;
}

/** The provider of the database an executor (or transaction) talks to. */
export function providerOf(db: Executor): SearchProvider {
  return providerFor(db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite');
}
