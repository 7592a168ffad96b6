import type { TRole, TUser } from '@zhoubao/contracts';
import type { Actor } from '../../lib/actor';
import type { UserRecord } from './users.repository';

/** Every user is a member; extra roles follow in a fixed order. */
export function presentRoles(roles: TRole[]): TRole[] {
  const order: TRole[] = ['member', 'head', 'leader', 'assessor', 'admin', 'auditor'];
  const set = new Set<TRole>(['member', ...roles]);
  return order.filter((r) => set.has(r));
}

/** What a viewer may see of a user: e-mail only for admins and the user themself. */
export function presentUser(u: UserRecord, viewer: Pick<Actor, 'id' | 'roles'> | null): TUser {
  const mayContact = viewer !== null && (viewer.id === u.id || viewer.roles.includes('admin'));
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    departmentId: u.department_id,
    title: u.title,
    email: mayContact ? u.email : null,
    roles: presentRoles(u.roles),
    supervises: u.supervises,
    active: u.active === 1,
    sortOrder: u.sort_order,
    locale: (u.locale as TUser['locale']) ?? null,
    hasPassword: u.password_hash !== null,
    createdAt: u.created_at,
  };
}
