import type { TRole } from '@zhoubao/contracts';
import { AppError } from './errors';

/** Who is making a request: the signed-in user and how they authenticated. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  departmentId: string | null;
  roles: TRole[];
  supervises: string[];
  locale: string | null;
  via: 'session' | 'token';
  /** Hash of the session id, when authenticated by session. */
  sessionHash: string | null;
  ip: string | null;
}

export const hasRole = (actor: Actor, role: TRole): boolean => actor.roles.includes(role);

/** Throws 403 `forbidden` unless the condition holds; services call it first. */
export function authorize(allowed: boolean, message = 'You may not do this'): asserts allowed {
  if (!allowed) throw new AppError('forbidden', message);
}
