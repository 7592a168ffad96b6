import type { Executor } from '../../db/database';
import type { AuditLogTable } from '../../db/schema';

/** Appends one audit entry. */
export async function insertAudit(db: Executor, row: AuditLogTable): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

export interface AuditFilter {
  from?: string | undefined;
  to?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  /** Entries strictly older than this (at, id) position. */
  before?: { at: string; id: string } | undefined;
  limit: number;
}

/** Audit entries, newest first, with the actor's display name. */
export async function listAudit(db: Executor, f: AuditFilter) {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select([
      'a.id',
      'a.at',
      'a.actor_id',
      'a.action',
      'a.target_type',
      'a.target_id',
      'a.ip',
      'a.data',
      'u.display_name as actor_name',
    ]);
  if (f.from) q = q.where('a.at', '>=', f.from);
  if (f.to) q = q.where('a.at', '<', f.to);
  if (f.actorId) q = q.where('a.actor_id', '=', f.actorId);
  if (f.action) q = q.where('a.action', '=', f.action);
  if (f.before) {
    const { at, id } = f.before;
    q = q.where((eb) => eb.or([eb('a.at', '<', at), eb.and([eb('a.at', '=', at), eb('a.id', '<', id)])]));
  }
  return q.orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(f.limit).execute();
}
