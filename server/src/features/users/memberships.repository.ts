import type { Executor } from '../../db/database';
import { addDays, weekEnd, zonedInstant } from '../weeks/iso-week';

/**
 * One period of a person's department and active flag: [from, to), `to` null for the current one.
 * Database triggers on `users` write these (see the user_memberships migration); nothing else does.
 */
export interface MembershipPeriod {
  userId: string;
  departmentId: string | null;
  active: boolean;
  from: string;
  to: string | null;
}

/** SQLite limits bound parameters per statement, so long id lists go in chunks. */
const CHUNK = 500;

export interface MembershipFilter {
  /** Only these people. */
  userIds?: readonly string[] | undefined;
  /** Only periods in these departments. */
  departmentIds?: readonly string[] | undefined;
  /** Only periods that overlap [from, to). */
  overlapping?: { from: string; to: string } | undefined;
}

/** Membership periods matching a filter, per person in time order. */
export async function membershipPeriods(db: Executor, f: MembershipFilter = {}): Promise<MembershipPeriod[]> {
  const ids = f.userIds ? [...new Set(f.userIds)] : undefined;
  const groups = ids
    ? Array.from({ length: Math.ceil(ids.length / CHUNK) }, (_, i) => ids.slice(i * CHUNK, (i + 1) * CHUNK))
    : [undefined];
  const out: MembershipPeriod[] = [];
  for (const group of groups) {
    if (group?.length === 0) continue;
    let q = db.selectFrom('user_memberships').select(['user_id', 'department_id', 'active', 'valid_from', 'valid_to']);
    if (group) q = q.where('user_id', 'in', group);
    if (f.departmentIds) q = q.where('department_id', 'in', f.departmentIds.length ? [...f.departmentIds] : ['']);
    const range = f.overlapping;
    if (range) {
      q = q
        .where('valid_from', '<', range.to)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', range.from)]));
    }
    const rows = await q.orderBy('user_id').orderBy('valid_from').orderBy('id').execute();
    for (const r of rows) {
      out.push({ userId: r.user_id, departmentId: r.department_id, active: r.active === 1, from: r.valid_from, to: r.valid_to });
    }
  }
  return out;
}

/** The period that holds at an instant, from one person's periods; undefined before they existed. */
export function periodAt(periods: readonly MembershipPeriod[], at: string): MembershipPeriod | undefined {
  const t = Date.parse(at);
  let found: MembershipPeriod | undefined;
  for (const p of periods) {
    if (Date.parse(p.from) <= t && (p.to === null || Date.parse(p.to) > t)) found = p;
  }
  return found;
}

/** Groups periods by person. */
export function periodsByUser(periods: readonly MembershipPeriod[]): Map<string, MembershipPeriod[]> {
  const out = new Map<string, MembershipPeriod[]>();
  for (const p of periods) {
    const list = out.get(p.userId);
    if (list) list.push(p);
    else out.set(p.userId, [p]);
  }
  return out;
}

/** The people who were active members of one of these departments at an instant. */
export async function activeMembersAt(db: Executor, departmentIds: readonly string[], at: string): Promise<string[]> {
  if (departmentIds.length === 0) return [];
  const rows = await db
    .selectFrom('user_memberships')
    .select('user_id')
    .where('department_id', 'in', [...departmentIds])
    .where('active', '=', 1)
    .where('valid_from', '<=', at)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', at)]))
    .orderBy('user_id')
    .execute();
  return [...new Set(rows.map((r) => r.user_id))];
}

/**
 * The instant a week is attributed by: its last millisecond in the organisation's time zone. A week
 * belongs to the department a person belonged to at the end of it (a transfer on Wednesday makes
 * the week the new department's, as the report written that Friday is), and it is owed only by a
 * person still active at its end.
 */
export function weekAnchor(week: string, timeZone: string): string {
  return new Date(zonedInstant(addDays(weekEnd(week), 1), '00:00', timeZone) - 1).toISOString();
}
