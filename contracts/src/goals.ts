import { z } from 'zod';
import { ZId, zName } from './common';
import { ZItemKind } from './reports';
import { ZDate, ZWeekId } from './weeks';

// Goals (职业规划): what a person sets out to achieve; report items link to them as progress.

/** How much a goal may hold, and how many one person may keep. */
export const GOAL_LIMITS = {
  title: 200,
  description: 2000,
  /** Goals one person may have in all (done and dropped included). */
  perUser: 200,
  /** Linked items listed per goal (the newest); `linkedCount` counts them all. */
  linkedItems: 50,
} as const;

export const GOAL_STATUSES = ['active', 'done', 'dropped'] as const;
export const ZGoalStatus = z.enum(GOAL_STATUSES);
export type TGoalStatus = z.infer<typeof ZGoalStatus>;

const description = z.string().trim().max(GOAL_LIMITS.description).nullable().optional();

/** `POST /me/goals`. */
export const ZCreateGoalRequest = z.object({
  title: zName(GOAL_LIMITS.title),
  description,
  due: ZDate.nullable().optional(),
});
export type TCreateGoalRequest = z.infer<typeof ZCreateGoalRequest>;

/** `PATCH /me/goals/:id`: any of the fields; `status` completes (`done`), drops or reopens a goal. */
export const ZUpdateGoalRequest = z
  .object({
    title: zName(GOAL_LIMITS.title).optional(),
    description,
    due: ZDate.nullable().optional(),
    status: ZGoalStatus.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'nothing to change' });
export type TUpdateGoalRequest = z.infer<typeof ZUpdateGoalRequest>;

/**
 * A report item linked to a goal, as the viewer may see it: `content` is null and `redacted` true
 * for a restricted item the viewer may not read.
 */
export const ZGoalLinkedItem = z.object({
  reportId: ZId,
  week: ZWeekId,
  itemId: ZId,
  kind: ZItemKind,
  content: z.string().nullable(),
  redacted: z.boolean(),
});
export type TGoalLinkedItem = z.infer<typeof ZGoalLinkedItem>;

/**
 * A goal with its progress: the items of its owner's submitted reports that link to it, newest
 * first (at most `GOAL_LIMITS.linkedItems`; `linkedCount` counts them all).
 */
export const ZGoal = z.object({
  id: ZId,
  userId: ZId,
  title: z.string(),
  description: z.string().nullable(),
  due: z.string().nullable(),
  status: ZGoalStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
  linkedCount: z.number().int(),
  linkedItems: z.array(ZGoalLinkedItem),
});
export type TGoal = z.infer<typeof ZGoal>;

export const ZGoalsQuery = z.object({ status: ZGoalStatus.optional() });
export type TGoalsQuery = z.infer<typeof ZGoalsQuery>;
