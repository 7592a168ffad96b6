import type { Executor } from '../../db/database';

/** Every stored setting as parsed JSON, by key. */
export async function readSettings(db: Executor): Promise<Map<string, unknown>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  return new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
}

/** Stores settings (JSON values), replacing existing keys. */
export async function writeSettings(db: Executor, values: Record<string, unknown>, at: string): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    const json = JSON.stringify(value);
    await db
      .insertInto('settings')
      .values({ key, value: json, updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: at }))
      .execute();
  }
}
