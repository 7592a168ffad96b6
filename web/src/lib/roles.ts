import type { TRole, TUser } from '@zhoubao/contracts';

/** True when the user holds at least one of the roles. */
export const hasRole = (user: TUser, ...roles: TRole[]): boolean => roles.some((r) => user.roles.includes(r));

/** An auditor with no other extra role sees only the audit log (and their account). */
export const isAuditorOnly = (user: TUser): boolean =>
  user.roles.includes('auditor') && user.roles.every((r) => r === 'member' || r === 'auditor');

/** The extra roles an admin can grant ("member" is implicit for everyone). */
export const EXTRA_ROLES = ['head', 'leader', 'assessor', 'admin', 'auditor'] as const satisfies readonly TRole[];

/** Who may open which part of the app. The server enforces the same rules; this only hides what is useless. */
export const access = {
  staff: (u: TUser) => !isAuditorOnly(u),
  department: (u: TUser) => hasRole(u, 'head', 'leader', 'assessor', 'admin'),
  assessment: (u: TUser) => hasRole(u, 'assessor', 'leader', 'head'),
  admin: (u: TUser) => hasRole(u, 'admin'),
  audit: (u: TUser) => hasRole(u, 'admin', 'auditor'),
  anyone: (_u: TUser) => true,
} as const;

export type AccessRule = (user: TUser) => boolean;
