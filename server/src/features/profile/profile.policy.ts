import type { Actor } from '../../lib/actor';
import type { DepartmentTree } from '../departments/department-tree';
import { oversees } from '../reports/reports.policy';
import { canSeeInactiveUsers } from '../users/users.policy';

/** The person whose living file is opened. */
export interface ProfileSubject {
  id: string;
  departmentId: string | null;
  active: boolean;
}

/**
 * Who may open a person's living file (and their goals): whoever may read the person's reports —
 * submitted reports are open to every signed-in user (the public wall), so any colleague may. A
 * disabled person's file stays open to them, to those who oversee their department and to admins
 * (who alone list disabled users); for anyone else the person does not exist (404).
 */
export const canOpenProfile = (actor: Actor, subject: ProfileSubject, tree: DepartmentTree): boolean =>
  subject.active || actor.id === subject.id || oversees(actor, subject.departmentId, tree) || canSeeInactiveUsers(actor);
