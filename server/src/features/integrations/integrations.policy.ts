import { type Actor, hasRole } from '../../lib/actor';

/** Webhooks, the delivery log and the SMTP server are for admins only. */
export const canManageIntegrations = (actor: Actor): boolean => hasRole(actor, 'admin');
