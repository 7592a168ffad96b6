import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema by design.
type Db = Kysely<any>;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Db): Promise<void> {
  // The scoring totals (`listReportTotals`) count each report's work items and match its items'
  // tags and outcome text against the outcome rules. On SQLite the index covers all of that, so
  // the item rows (with their long content) are never read. PostgreSQL caps a btree entry at about
  // 2.7 kB, which an outcome (up to 1,000 characters) may pass: there it covers the count only.
  const columns = isPostgres(db) ? ['report_id', 'kind'] : ['report_id', 'kind', 'tags', 'outcome'];
  await db.schema.createIndex('report_items_scoring').on('report_items').columns(columns).execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('report_items_scoring').execute();
}
