// What the week-by-week simulation shares: rows to insert, the running state, and helpers.
import type { Insertable } from 'kysely';
import type { DB } from '../db/schema';
import type { StoredItem } from '../features/reports/reports.repository';
import type { LeaveRange } from './absences';
import type { DemoOrg } from './org';
import type { IdSource } from './prng';

/** Rows to insert, per table, in an order that respects foreign keys. */
export type Rows = { [T in keyof DB]?: Insertable<DB[T]>[] };

/** A submitted report as later weeks compare against it. */
export interface Submitted {
  week: string;
  submittedAt: number;
  items: StoredItem[];
  revisedAt: number | null;
  revised: StoredItem[] | null;
}

/** Appends rows to one table of `rows`. */
export function add<T extends keyof DB>(rows: Rows, table: T, ...list: Insertable<DB[T]>[]): void {
  const existing: Insertable<DB[T]>[] = rows[table] ?? [];
  existing.push(...list);
  rows[table] = existing as Rows[T];
}

/** What the whole simulation shares from week to week. */
export interface Simulation {
  seed: number;
  org: DemoOrg;
  nowMs: number;
  ids: IdSource;
  absences: Map<string, LeaveRange[]>;
  /** Each person's submitted reports, oldest first. */
  history: Map<string, Submitted[]>;
  assessorId: string | null;
}

/** How a member ended a week, for the department's bulletin. */
export type Outcome =
  | { kind: 'absent' | 'missing' }
  | { kind: 'submitted'; reportId: string; version: number; late: boolean; lastAt: number; items: StoredItem[] };

/** One minute in milliseconds. */
export const MINUTE = 60_000;

/** An instant as the ISO 8601 UTC string the tables hold. */
export const iso = (ms: number): string => new Date(ms).toISOString();

/** Adds the audit entry the service would have written for an action. */
export function audit(
  rows: Rows,
  s: Simulation,
  at: number,
  actor: string,
  action: string,
  target: [string, string],
  data: object,
) {
  add(rows, 'audit_log', {
    id: s.ids.at(at),
    at: iso(at),
    actor_id: actor,
    action,
    target_type: target[0],
    target_id: target[1],
    ip: null,
    data: JSON.stringify(data),
  });
}
