import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema by design.
type Db = Kysely<any>;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Db): Promise<void> {
  const ts = isPostgres(db) ? 'timestamptz' : 'text';

  // A frozen snapshot of the scores of a period (评先选优): the rules used and the score rows are
  // copied in, so later rule changes never rewrite it.
  await db.schema
    .createTable('assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('from_week', 'text', (c) => c.notNull())
    .addColumn('to_week', 'text', (c) => c.notNull())
    .addColumn('rules_version', 'integer', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('locked_at', ts)
    .execute();
  await db.schema.createIndex('assessments_created').on('assessments').columns(['created_at', 'id']).execute();

  // The people an assessor marked as candidates of an assessment, with a note.
  await db.schema
    .createTable('assessment_candidates')
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('note', 'text')
    .addColumn('marked_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('marked_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_candidates_pk', ['assessment_id', 'user_id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('assessment_candidates').execute();
  await db.schema.dropTable('assessments').execute();
}
