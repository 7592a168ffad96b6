import type { Actor } from '../../lib/actor';
import { canManageOrg } from '../departments/departments.policy';

/** Admins create and change users. */
export const canManageUsers = (actor: Actor): boolean => canManageOrg(actor);

/** Disabled users are listed only to admins. */
export const canSeeInactiveUsers = (actor: Actor): boolean => canManageOrg(actor);
