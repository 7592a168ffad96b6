import { type Actor, hasRole } from '../../lib/actor';

/** Admins manage departments and users; everyone signed in reads them. */
export const canManageOrg = (actor: Actor): boolean => hasRole(actor, 'admin');
