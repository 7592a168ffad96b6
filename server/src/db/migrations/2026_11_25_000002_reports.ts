import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema by design.
type Db = Kysely<any>;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Db): Promise<void> {
  const ts = isPostgres(db) ? 'timestamptz' : 'text';
  const real = isPostgres(db) ? 'double precision' : 'real';

  // One report per person and week. `department_id` is the author's department when the report
  // was last saved, so who may read its restricted items does not change when the author moves.
  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('submitted_at', ts)
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('similar_to_previous', real)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('deleted_at', ts)
    .addUniqueConstraint('reports_user_week', ['user_id', 'week'])
    .execute();
  await db.schema.createIndex('reports_week').on('reports').columns(['week', 'status', 'id']).execute();
  await db.schema.createIndex('reports_department_week').on('reports').columns(['department_id', 'week']).execute();

  await db.schema
    .createTable('report_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('goal_id', 'text')
    .execute();
  await db.schema.createIndex('report_items_report').on('report_items').columns(['report_id', 'position']).execute();

  // Every submitted state of a report: version 1 at submission, one more per later save.
  // Items are a JSON snapshot (text) so a version never changes once written.
  await db.schema
    .createTable('report_versions')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('saved_at', ts, (c) => c.notNull())
    .addColumn('saved_by', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('similar_to_previous', real)
    .addPrimaryKeyConstraint('report_versions_pk', ['report_id', 'version'])
    .execute();

  await db.schema
    .createTable('report_reads')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('first_read_at', ts, (c) => c.notNull())
    .addColumn('last_read_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('report_reads_pk', ['report_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('department_summaries')
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('items', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('department_summaries_pk', ['department_id', 'week'])
    .execute();

  // Each publication of a bulletin is kept; `snapshot` (JSON text) holds the summary, the
  // (report id, version) pairs compiled, the missing and absent people and the stats.
  await db.schema
    .createTable('bulletin_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('published_at', ts, (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addUniqueConstraint('bulletin_versions_department_week_version', ['department_id', 'week', 'version'])
    .execute();
  await db.schema.createIndex('bulletin_versions_week').on('bulletin_versions').columns(['week', 'department_id']).execute();
}

export async function down(db: Db): Promise<void> {
  for (const table of [
    'bulletin_versions',
    'department_summaries',
    'report_reads',
    'report_versions',
    'report_items',
    'reports',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
