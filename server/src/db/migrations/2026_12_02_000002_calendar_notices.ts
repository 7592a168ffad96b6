import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema by design.
type Db = Kysely<any>;

/**
 * The State Council holiday notices an admin imported (one per year, the latest kept): the text as
 * pasted, for the record; its days off and make-up days are stored as calendar overrides.
 */
export async function up(db: Db): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? 'timestamptz' : 'text';
  await db.schema
    .createTable('calendar_notices')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('applied_at', ts, (c) => c.notNull())
    .addColumn('applied_by', 'text', (c) => c.references('users.id'))
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('calendar_notices').execute();
}
