// Set-based inserts for generated rows: many rows per statement, tables in foreign-key order.
import type { Executor } from '../db/database';
import type { DB } from '../db/schema';
import type { Rows } from './simulation';

/** Tables in the order their rows must be inserted. */
export const TABLE_ORDER: readonly (keyof DB)[] = [
  'settings',
  'departments',
  'users',
  'user_roles',
  'user_supervises',
  'absences',
  'reports',
  'report_items',
  'report_versions',
  'report_reads',
  'department_summaries',
  'bulletin_versions',
  'audit_log',
];

/** Bound parameters per statement: below SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;

/** Inserts every row, a few thousand per statement; the caller supplies the transaction. */
export async function insertRows(db: Executor, rows: Rows): Promise<void> {
  for (const table of TABLE_ORDER) {
    const list = rows[table];
    if (!list?.length) continue;
    const columns = Object.keys(list[0] as object).length;
    const chunk = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
    for (let i = 0; i < list.length; i += chunk) {
      await db
        .insertInto(table)
        .values(list.slice(i, i + chunk) as never)
        .execute();
    }
  }
}
