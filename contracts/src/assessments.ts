import { z } from 'zod';
import { ZId } from './common';
import { ZScoreRow } from './scoring';
import { ZWeekId } from './weeks';

// Assessments (评先选优): frozen snapshots of the scores of a period, with candidates.

export const ZAssessmentCreate = z
  .object({
    name: z.string().trim().min(1, { message: 'a name is required' }).max(100),
    from: ZWeekId,
    to: ZWeekId,
  })
  .refine((a) => a.from <= a.to, { message: 'from must not be after to', path: ['to'] });
export type TAssessmentCreate = z.infer<typeof ZAssessmentCreate>;

/** `share` (extension): the top share of each department suggested as candidates, 0.2 by default. */
export const ZAssessmentQuery = z.object({ share: z.coerce.number().min(0).max(1).default(0.2) });
export type TAssessmentQuery = z.infer<typeof ZAssessmentQuery>;

export const ZAssessmentCandidate = z.object({
  userId: ZId,
  note: z.string().nullable(),
  markedBy: ZId.nullable(),
  markedAt: z.string(),
});
export type TAssessmentCandidate = z.infer<typeof ZAssessmentCandidate>;

export const ZCandidateBody = z.object({ note: z.string().trim().max(1000).optional() });
export type TCandidateBody = z.infer<typeof ZCandidateBody>;

/** An assessment without its rows; `createdBy` and `lockedAt` are extensions. */
export const ZAssessmentSummary = z.object({
  id: ZId,
  name: z.string(),
  from: ZWeekId,
  to: ZWeekId,
  rulesVersion: z.number().int().min(0),
  createdAt: z.string(),
  createdBy: ZId.nullable(),
  lockedAt: z.string().nullable(),
});
export type TAssessmentSummary = z.infer<typeof ZAssessmentSummary>;

/**
 * A full assessment: the frozen score rows; `suggested` (extension) the people in the top `share` of
 * their department by department rank (ties included); `candidates` (extension) those marked.
 */
export const ZAssessment = ZAssessmentSummary.extend({
  items: z.array(ZScoreRow),
  suggested: z.array(ZId),
  candidates: z.array(ZAssessmentCandidate),
});
export type TAssessment = z.infer<typeof ZAssessment>;
