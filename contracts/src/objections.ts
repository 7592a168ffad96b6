import { z } from 'zod';
import { ZId } from './common';
import { ZScorePart } from './scoring';
import { ZWeekId } from './weeks';

// Objections (异议, "你若不服，看看周报"): a person disputes the score of one of their weeks and the
// assessment office answers.

const text = (what: string) =>
  z
    .string({ message: `${what} is required` })
    .trim()
    .min(1, { message: `${what} must not be empty` })
    .max(2000, { message: `${what} must be at most 2000 characters` });

export const OBJECTION_STATUSES = ['open', 'answered'] as const;
export const ZObjectionStatus = z.enum(OBJECTION_STATUSES);
export type TObjectionStatus = z.infer<typeof ZObjectionStatus>;

/** `upheld`: the objection is right (the score will be looked at again); `rejected`: the score stands. */
export const OBJECTION_OUTCOMES = ['upheld', 'rejected'] as const;
export const ZObjectionOutcome = z.enum(OBJECTION_OUTCOMES);
export type TObjectionOutcome = z.infer<typeof ZObjectionOutcome>;

/** `POST /me/objections`: one of the caller's own weeks, from the week they joined up to the current week. */
export const ZObjectionCreate = z.object({ week: ZWeekId, reason: text('The reason') });
export type TObjectionCreate = z.infer<typeof ZObjectionCreate>;

/** `POST /objections/:id/answer` (assessors). */
export const ZObjectionAnswer = z.object({ answer: text('The answer'), outcome: ZObjectionOutcome });
export type TObjectionAnswer = z.infer<typeof ZObjectionAnswer>;

const limit = z.coerce.number().int().min(1).max(100).optional();

/** `GET /objections` (assessors): newest first; `departmentId` includes the departments below it. */
export const ZObjectionsQuery = z.object({
  status: ZObjectionStatus.optional(),
  departmentId: ZId.optional(),
  cursor: z.string().max(200).optional(),
  limit,
});
export type TObjectionsQuery = z.infer<typeof ZObjectionsQuery>;

/** `GET /me/objections`: the caller's own, newest first, optionally only the weeks `from`…`to`. */
export const ZMyObjectionsQuery = z
  .object({ from: ZWeekId.optional(), to: ZWeekId.optional(), cursor: z.string().max(200).optional(), limit })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type TMyObjectionsQuery = z.infer<typeof ZMyObjectionsQuery>;

/** A week's score as seen at one moment: its points, their breakdown and the rules version that gave them. */
export const ZObjectionScore = z.object({
  points: z.number(),
  breakdown: z.array(ZScorePart),
  rulesVersion: z.number().int().min(0),
});
export type TObjectionScore = z.infer<typeof ZObjectionScore>;

/**
 * An objection: `scoreAtRaise` is the week's score stored when it was raised, `scoreNow` the same week
 * scored again from today's data under the rules in force (null once the person is no longer scored,
 * a disabled account); the answer fields are null while it is open.
 */
export const ZObjection = z.object({
  id: ZId,
  userId: ZId,
  displayName: z.string(),
  departmentId: ZId.nullable(),
  week: ZWeekId,
  reason: z.string(),
  status: ZObjectionStatus,
  createdAt: z.string(),
  scoreAtRaise: ZObjectionScore,
  scoreNow: ZObjectionScore.nullable(),
  answer: z.string().nullable(),
  outcome: ZObjectionOutcome.nullable(),
  answeredAt: z.string().nullable(),
  answeredBy: ZId.nullable(),
  answeredByName: z.string().nullable(),
});
export type TObjection = z.infer<typeof ZObjection>;

export const ZObjectionsPage = z.object({ items: z.array(ZObjection), nextCursor: z.string().nullable() });
export type TObjectionsPage = z.infer<typeof ZObjectionsPage>;
