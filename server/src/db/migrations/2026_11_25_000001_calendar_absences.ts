import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.
// The organisation's calendar overrides and people's absences (leave).

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema by design.
type Db = Kysely<any>;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Db): Promise<void> {
  const ts = isPostgres(db) ? 'timestamptz' : 'text';

  // One row per date the organisation decided on; `workday` 1 forces a working day, 0 a day off.
  await db.schema
    .createTable('calendar_overrides')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('workday', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .execute();

  // Dates are plain `YYYY-MM-DD` text on both dialects: leave is taken in whole calendar days.
  await db.schema
    .createTable('absences')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('deleted_at', ts)
    .execute();
  await db.schema.createIndex('absences_user_from').on('absences').columns(['user_id', 'from_date']).execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('absences').execute();
  await db.schema.dropTable('calendar_overrides').execute();
}
