import { type Actor, hasRole } from '../../lib/actor';

/** Auditors and admins read the audit log. */
export const canReadAudit = (actor: Actor): boolean => hasRole(actor, 'auditor') || hasRole(actor, 'admin');
