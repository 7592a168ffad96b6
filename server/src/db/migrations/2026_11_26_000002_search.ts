import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema by design.
type Db = Kysely<any>;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Db): Promise<void> {
  const pg = isPostgres(db);

  // The search index (ADR 0005): one row per searchable text — a report item, a report's own
  // summary line, a department summary or one of its items, a comment — with what visibility
  // needs (owner, department, restricted flag, status), so access is decided in the query.
  // `id` is week-major (the week's ordinal times 2^32 plus a sequence), so "newest first" is
  // "highest id first" and a page cursor is an id. Derived data: no foreign keys; the indexer
  // keeps it in step inside the writers' transactions and `npm run search:rebuild` remakes it.
  await db.schema
    .createTable('search_entries')
    .addColumn('id', pg ? 'bigint' : 'integer', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('report_id', 'text')
    .addColumn('item_id', 'text')
    .addColumn('comment_id', 'text')
    .addColumn('owner_id', 'text')
    .addColumn('author_id', 'text')
    .addColumn('department_id', 'text')
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('restricted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_entries_source').on('search_entries').column('source').execute();
  await db.schema.createIndex('search_entries_author').on('search_entries').columns(['author_id', 'id']).execute();

  if (pg) {
    // PostgreSQL: the app's jieba tokens, space-joined, through the `simple` configuration (no
    // stemming, no stop words), in a tsvector with a GIN index; the sequence numbers ids within a week.
    await sql`alter table search_entries add column tsv tsvector not null`.execute(db);
    await sql`create index search_entries_tsv on search_entries using gin (tsv)`.execute(db);
    await sql`create sequence search_entries_seq`.execute(db);
  } else {
    // SQLite: a contentless FTS5 table over the same space-joined tokens, its rowid the entry id.
    // unicode61 splits only at spaces and punctuation, so each pre-segmented token stays whole;
    // detail=none stores no positions (no phrase queries are made); contentless_delete allows deletes.
    await sql`create virtual table search_fts using fts5(
      tokens, content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 0'
    )`.execute(db);
  }
}

export async function down(db: Db): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop sequence if exists search_entries_seq`.execute(db);
  } else {
    await sql`drop table if exists search_fts`.execute(db);
  }
  await db.schema.dropTable('search_entries').execute();
}
