import { type Actor, hasRole } from '../../lib/actor';

/** Admins set the organisation's calendar overrides; everyone signed in reads them. */
export const canManageCalendar = (actor: Actor): boolean => hasRole(actor, 'admin');
