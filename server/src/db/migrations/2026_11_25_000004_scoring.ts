import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema by design.
type Db = Kysely<any>;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Db): Promise<void> {
  const ts = isPostgres(db) ? 'timestamptz' : 'text';

  // Every version of the scoring rules ever saved; the highest is in force, the others stay for
  // assessments taken under them.
  await db.schema
    .createTable('scoring_rules')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('scoring_rules').execute();
}
