import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema by design.
type Db = Kysely<any>;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Db): Promise<void> {
  const ts = isPostgres(db) ? 'timestamptz' : 'text';

  // A person's goals (职业规划). `status` is active, done or dropped; `due` a plain date
  // (`YYYY-MM-DD`); `completed_at` is set while the goal is done.
  await db.schema
    .createTable('goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('due', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('completed_at', ts)
    .execute();
  await db.schema.createIndex('goals_user').on('goals').columns(['user_id', 'created_at']).execute();

  // Report items already carry `goal_id` (since the reports migration); a goal's progress is read
  // by it, so it gets an index.
  await db.schema.createIndex('report_items_goal').on('report_items').column('goal_id').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('report_items_goal').execute();
  await db.schema.dropTable('goals').execute();
}
