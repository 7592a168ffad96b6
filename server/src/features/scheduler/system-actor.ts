import type { Actor } from '../../lib/actor';

/** The id scheduled jobs act under; audit entries and bulletins they publish carry it (it is no user). */
export const SYSTEM_ACTOR_ID = 'system';

/**
 * The actor of scheduled jobs (automatic publishing). It holds the assessor role so the ordinary
 * policies let it manage any department's bulletin, and no session or address: it can act only
 * through services called by the scheduler, never through HTTP.
 */
export const SYSTEM_ACTOR: Actor = Object.freeze({
  id: SYSTEM_ACTOR_ID,
  username: 'system',
  displayName: '系统',
  departmentId: null,
  roles: ['assessor'],
  supervises: [],
  locale: null,
  via: 'token',
  sessionHash: null,
  ip: null,
}) as Actor;
