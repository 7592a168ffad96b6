import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema by design.
type Db = Kysely<any>;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Db): Promise<void> {
  const ts = isPostgres(db) ? 'timestamptz' : 'text';

  // One row per run of a scheduled job (`reminder` of `2026-W40`, …). The primary key is the lock:
  // a process runs a job only when its insert wins, so any number of app processes on one database
  // run each job once. A run left `running` past its lease may be taken over (the process died).
  await db.schema
    .createTable('job_runs')
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('run_key', 'text', (c) => c.notNull())
    .addColumn('started_at', ts, (c) => c.notNull())
    .addColumn('finished_at', ts)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('owner', 'text', (c) => c.notNull())
    // Until when the owner holds a running run; it renews it while it works.
    .addColumn('lease_until', ts)
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('result', 'text')
    .addPrimaryKeyConstraint('job_runs_pk', ['job', 'run_key'])
    .execute();
  await db.schema.createIndex('job_runs_started').on('job_runs').columns(['started_at', 'job', 'run_key']).execute();

  // A person's choice of channels per notification type; a missing row means the defaults.
  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('in_app', 'integer', (c) => c.notNull())
    .addColumn('email', 'integer', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['user_id', 'type'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('notification_preferences').execute();
  await db.schema.dropTable('job_runs').execute();
}
