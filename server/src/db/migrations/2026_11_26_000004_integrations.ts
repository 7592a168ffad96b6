import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema by design.
type Db = Kysely<any>;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Db): Promise<void> {
  const ts = isPostgres(db) ? 'timestamptz' : 'text';

  // Outbound chat webhooks (DingTalk, WeCom, Feishu, Slack, generic JSON). The secret signs
  // requests, so it is kept as given and never returned by the API.
  await db.schema
    .createTable('webhooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret', 'text')
    .addColumn('department_id', 'text', (c) => c.references('departments.id').onDelete('cascade'))
    // JSON array of event names.
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  // One row per message to send: a webhook call or an e-mail. `target` is `webhook:<id>` or
  // `email`, and (dedupe_key, target) is unique, so enqueueing an event twice sends it once.
  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('webhook_id', 'text', (c) => c.references('webhooks.id').onDelete('set null'))
    .addColumn('recipient', 'text')
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    // JSON: the neutral message and the event's data (never restricted item text).
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // Parts already delivered of a message split in several (WeCom's 4096-byte limit).
    .addColumn('parts_sent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', ts, (c) => c.notNull())
    .addColumn('claimed_until', ts)
    .addColumn('last_attempt_at', ts)
    .addColumn('last_error', 'text')
    .addColumn('response_code', 'integer')
    .addColumn('response_body', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('sent_at', ts)
    .addUniqueConstraint('deliveries_dedupe', ['dedupe_key', 'target'])
    .execute();
  await db.schema.createIndex('deliveries_due').on('deliveries').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('deliveries_created').on('deliveries').columns(['created_at', 'id']).execute();
  // The DingTalk rate limit counts a robot's recent attempts.
  await db.schema.createIndex('deliveries_webhook_attempt').on('deliveries').columns(['webhook_id', 'last_attempt_at']).execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('deliveries').execute();
  await db.schema.dropTable('webhooks').execute();
}
