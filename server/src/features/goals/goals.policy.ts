import type { Actor } from '../../lib/actor';

/** Goals are their owner's to write: only the owner creates, edits, completes or drops them. */
export const canEditGoal = (actor: Actor, goal: { userId: string }): boolean => actor.id === goal.userId;
