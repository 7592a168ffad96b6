import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema by design.
type Db = Kysely<any>;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Db): Promise<void> {
  const ts = isPostgres(db) ? 'timestamptz' : 'text';
  const real = isPostgres(db) ? 'double precision' : 'real';

  // A person's objection (异议) to the score of one of their weeks, with the score as it stood when it
  // was raised (points, breakdown JSON and rules version), and the assessment office's answer.
  await db.schema
    .createTable('objections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('department_id', 'text', (c) => c.references('departments.id').onDelete('set null'))
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('points', real, (c) => c.notNull())
    .addColumn('breakdown', 'text', (c) => c.notNull())
    .addColumn('rules_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('outcome', 'text')
    .addColumn('answered_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('answered_at', ts)
    .execute();
  // One open objection per person and week: a partial unique index, the same SQL on both dialects.
  await sql`create unique index objections_open_week on objections (user_id, week) where status = 'open'`.execute(db);
  await db.schema.createIndex('objections_user_week').on('objections').columns(['user_id', 'week', 'created_at']).execute();
  await db.schema.createIndex('objections_status_created').on('objections').columns(['status', 'created_at', 'id']).execute();
  await db.schema.createIndex('objections_created').on('objections').columns(['created_at', 'id']).execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('objections').execute();
}
