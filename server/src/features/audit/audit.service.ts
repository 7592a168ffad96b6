import type { TAuditEntry, TAuditQuery } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { Executor } from '../../db/database';
import { type Actor, authorize } from '../../lib/actor';
import { invalidInput } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { canReadAudit } from './audit.policy';
import { insertAudit, listAudit } from './audit.repository';

export interface AuditEvent {
  action: string;
  actorId: string | null;
  ip: string | null;
  targetType?: string;
  targetId?: string | null;
  data?: Record<string, unknown>;
}

/** Records an audit entry; call it inside the transaction of the change it describes. */
export async function audit(db: Executor, e: AuditEvent): Promise<void> {
  await insertAudit(db, {
    id: newId(),
    at: nowIso(),
    actor_id: e.actorId,
    action: e.action,
    target_type: e.targetType ?? null,
    target_id: e.targetId ?? null,
    ip: e.ip,
    data: e.data ? JSON.stringify(e.data) : null,
  });
}

/** Records an audit entry on behalf of an actor. */
export function auditBy(db: Executor, actor: Actor, action: string, rest: Omit<AuditEvent, 'action' | 'actorId' | 'ip'>) {
  return audit(db, { action, actorId: actor.id, ip: actor.ip, ...rest });
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at))) throw invalidInput('Invalid cursor', [{ path: 'cursor', message: 'invalid' }]);
  return { at, id };
}

/** Lists the audit log for auditors and admins, newest first, a page at a time. */
export async function readAudit(ctx: AppContext, actor: Actor, query: TAuditQuery) {
  authorize(canReadAudit(actor), 'Only auditors and admins may read the audit log');
  const limit = query.limit ?? 100;
  const rows = await listAudit(ctx.db, {
    from: query.from ? new Date(query.from).toISOString() : undefined,
    to: query.to ? new Date(query.to).toISOString() : undefined,
    actorId: query.actorId,
    action: query.action,
    before: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const items: TAuditEntry[] = page.map((r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name ?? null,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    ip: r.ip,
    data: r.data ? (JSON.parse(r.data) as Record<string, unknown>) : null,
  }));
  const nextCursor = rows.length > limit && last ? Buffer.from(`${last.at}|${last.id}`).toString('base64url') : null;
  return { items, nextCursor };
}
