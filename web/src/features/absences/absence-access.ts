import type { TUser } from '@zhoubao/contracts';
import { hasRole } from '../../lib/roles';

/**
 * Whether `viewer` may record and withdraw `person`'s leave: the person, an admin, or the head of the
 * person's own department (the server's canRecordAbsence; this only hides what would be refused).
 */
export function canRecordAbsenceFor(viewer: TUser, person: Pick<TUser, 'id' | 'departmentId'>): boolean {
  if (viewer.id === person.id || hasRole(viewer, 'admin')) return true;
  return hasRole(viewer, 'head') && viewer.departmentId !== null && viewer.departmentId === person.departmentId;
}
