import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema by design.
type Db = Kysely<any>;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * The history of every person's department and active flag (轮岗, leaving), so that a past week is
 * attributed to the department the person belonged to then. A period is [valid_from, valid_to);
 * the open period (valid_to null) is the current one.
 *
 * Database triggers keep it: every insert of a user opens a period at `created_at`, and every
 * update that changes `department_id` or `active` closes the open period and opens the next one at
 * the row's new `updated_at` (or the database's clock when the update leaves `updated_at` as it
 * was). Triggers rather than application code because every path that changes a person (the admin,
 * a head, imports, directory sync, generators) must keep the history, and none may forget it.
 */
export async function up(db: Db): Promise<void> {
  const pg = isPostgres(db);
  const ts = pg ? 'timestamptz' : 'text';
  await db.schema
    .createTable('user_memberships')
    // SQLite: an INTEGER PRIMARY KEY is the rowid, numbered automatically; PostgreSQL: an identity.
    .addColumn('id', pg ? 'bigint' : 'integer', (c) =>
      pg ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    // No foreign key: a department may be deleted once nobody belongs to it now, history kept.
    .addColumn('department_id', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('valid_from', ts, (c) => c.notNull())
    .addColumn('valid_to', ts)
    .execute();
  await db.schema.createIndex('user_memberships_user').on('user_memberships').columns(['user_id', 'valid_from']).execute();
  await db.schema
    .createIndex('user_memberships_department')
    .on('user_memberships')
    .columns(['department_id', 'valid_from'])
    .execute();

  // Existing people: one period from their creation. A disabled person was active until their row
  // last changed (the best record of when they were disabled), so their past weeks stay theirs.
  await sql`insert into user_memberships (user_id, department_id, active, valid_from, valid_to)
    select id, department_id, 1, created_at, case when active = 1 then null else updated_at end from users`.execute(db);
  await sql`insert into user_memberships (user_id, department_id, active, valid_from, valid_to)
    select id, department_id, 0, updated_at, null from users where active = 0`.execute(db);

  if (pg) {
    await sql`create function user_memberships_track() returns trigger language plpgsql as $$
      declare t timestamptz;
      begin
        if tg_op = 'INSERT' then
          insert into user_memberships (user_id, department_id, active, valid_from)
            values (new.id, new.department_id, new.active, new.created_at);
        elsif new.department_id is distinct from old.department_id or new.active is distinct from old.active then
          t := case when new.updated_at is distinct from old.updated_at then new.updated_at else now() end;
          update user_memberships set valid_to = t where user_id = new.id and valid_to is null;
          insert into user_memberships (user_id, department_id, active, valid_from)
            values (new.id, new.department_id, new.active, t);
        end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger user_memberships_track after insert or update of department_id, active on users
      for each row execute function user_memberships_track()`.execute(db);
    return;
  }
  await sql`create trigger user_memberships_on_insert after insert on users begin
      insert into user_memberships (user_id, department_id, active, valid_from)
        values (new.id, new.department_id, new.active, new.created_at);
    end`.execute(db);
  const at = sql.raw(
    `(case when new.updated_at is not old.updated_at then new.updated_at else strftime('%Y-%m-%dT%H:%M:%fZ', 'now') end)`,
  );
  await sql`create trigger user_memberships_on_update after update of department_id, active on users
    when old.department_id is not new.department_id or old.active is not new.active begin
      update user_memberships set valid_to = ${at} where user_id = new.id and valid_to is null;
      insert into user_memberships (user_id, department_id, active, valid_from)
        values (new.id, new.department_id, new.active, ${at});
    end`.execute(db);
}

export async function down(db: Db): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger if exists user_memberships_track on users`.execute(db);
    await sql`drop function if exists user_memberships_track()`.execute(db);
  } else {
    await sql`drop trigger if exists user_memberships_on_insert`.execute(db);
    await sql`drop trigger if exists user_memberships_on_update`.execute(db);
  }
  await db.schema.dropTable('user_memberships').execute();
}
