import { type Actor, hasRole } from '../../lib/actor';

/** Who reads everyone's objections: the assessment office (assessors) alone. */
export const canReadObjections = (actor: Actor): boolean => hasRole(actor, 'assessor');

/** One objection: the person who raised it, or an assessor. */
export const canReadObjection = (actor: Actor, objection: { userId: string }): boolean =>
  actor.id === objection.userId || canReadObjections(actor);

/** Who answers an objection: an assessor, never about their own score. */
export const canAnswerObjection = (actor: Actor, objection: { userId: string }): boolean =>
  canReadObjections(actor) && actor.id !== objection.userId;
