import { type Actor, hasRole } from '../../lib/actor';

/** Who sees and changes the schedules and reads the job run history: admins. */
export const canManageSchedules = (actor: Actor): boolean => hasRole(actor, 'admin');
