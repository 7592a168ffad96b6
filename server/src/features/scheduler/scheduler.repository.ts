import type { Executor } from '../../db/database';

// Plain reads the scheduled jobs need, each one set-based statement whatever the organisation's size.

/** Everyone who may owe reports: active people in a department, in department order. */
export async function listActivePeople(db: Executor) {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'department_id', 'created_at'])
    .where('active', '=', 1)
    .where('department_id', 'is not', null)
    .orderBy('department_id')
    .orderBy('sort_order')
    .orderBy('display_name')
    .orderBy('id')
    .execute();
  return rows as { id: string; display_name: string; department_id: string; created_at: string }[];
}

/** The people with a live submitted report of a week, with whether it was late. */
export async function submittedOfWeek(db: Executor, week: string): Promise<Map<string, { late: boolean }>> {
  const rows = await db
    .selectFrom('reports')
    .select(['user_id', 'late'])
    .where('week', '=', week)
    .where('status', '=', 'submitted')
    .where('deleted_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.user_id, { late: Number(r.late) === 1 }]));
}

/** Active heads, with the department they head. */
export async function listActiveHeads(db: Executor): Promise<{ id: string; department_id: string }[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.department_id'])
    .where('r.role', '=', 'head')
    .where('u.active', '=', 1)
    .where('u.department_id', 'is not', null)
    .execute();
  return rows as { id: string; department_id: string }[];
}

/** Active leaders and assessors: who receives the digest, with their roles and supervised departments. */
export async function listDigestRecipients(db: Executor) {
  const [roles, supervises] = await Promise.all([
    db
      .selectFrom('users as u')
      .innerJoin('user_roles as r', 'r.user_id', 'u.id')
      .select(['u.id', 'r.role'])
      .where('r.role', 'in', ['leader', 'assessor'])
      .where('u.active', '=', 1)
      .execute(),
    db.selectFrom('user_supervises').select(['user_id', 'department_id']).execute(),
  ]);
  const byId = new Map<string, { id: string; assessor: boolean; supervises: string[] }>();
  for (const r of roles) {
    const entry = byId.get(r.id) ?? { id: r.id, assessor: false, supervises: [] };
    if (r.role === 'assessor') entry.assessor = true;
    byId.set(r.id, entry);
  }
  for (const s of supervises) byId.get(s.user_id)?.supervises.push(s.department_id);
  return [...byId.values()];
}

/** The departments with a published bulletin of a week. */
export async function publishedDepartments(db: Executor, week: string): Promise<Set<string>> {
  const rows = await db.selectFrom('bulletin_versions').select('department_id').distinct().where('week', '=', week).execute();
  return new Set(rows.map((r) => r.department_id));
}

/** The departments that wrote a summary for a week. */
export async function departmentsWithSummary(db: Executor, week: string): Promise<Set<string>> {
  const rows = await db.selectFrom('department_summaries').select('department_id').where('week', '=', week).execute();
  return new Set(rows.map((r) => r.department_id));
}
