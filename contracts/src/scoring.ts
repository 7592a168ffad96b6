import { z } from 'zod';
import { ZId } from './common';
import { ZGradeValue } from './evaluation';
import { ZWeekId } from './weeks';

// Quantified performance (周报量化为绩效): the versioned rule set and the scores it yields.

const points = (min: number, max: number) =>
  z
    .number({ message: 'a number of points' })
    .finite()
    .min(min, { message: `must be at least ${min}` })
    .max(max, { message: `must be at most ${max}` });

/** Points for an outcome: an item whose tags contain `tag`, or whose outcome text mentions it. */
export const ZOutcomeTagRule = z.object({
  tag: z.string().trim().min(1, { message: 'a tag must not be empty' }).max(50),
  points: points(0, 1000),
});
export type TOutcomeTagRule = z.infer<typeof ZOutcomeTagRule>;

/**
 * The rule set. Per week and person:
 * - `points.onTime` / `points.late` for a submitted report, `points.missing` (≤ 0) for an owed week
 *   whose deadline has passed without one;
 * - `perWorkItem.points` for each work item, at most `perWorkItem.weeklyCap` a week;
 * - for each item, the highest `outcomeTags` rule it matches;
 * - `peerRatingWeight × (average peer rating − 3)`: above three stars adds, below subtracts;
 * - `gradePoints` for the report's latest leader grade;
 * - `repeatPenalty.points` (≤ 0) when the report's similarity to the previous week ≥ `repeatPenalty.threshold`;
 * - a week with a report scores between 0 and `weeklyCap`.
 */
export const ZScoringRules = z
  .object({
    points: z
      .object({ onTime: points(0, 1000), late: points(-1000, 1000), missing: points(-1000, 0) })
      .refine((p) => p.onTime >= p.late && p.late >= p.missing, {
        message: 'on-time must be worth at least late, and late at least missing',
      }),
    perWorkItem: z.object({ points: points(0, 100), weeklyCap: points(0, 1000) }),
    outcomeTags: z
      .array(ZOutcomeTagRule)
      .max(50)
      .refine((tags) => new Set(tags.map((t) => t.tag)).size === tags.length, { message: 'each tag may appear once' }),
    peerRatingWeight: points(0, 100),
    gradePoints: z
      .object({ A: points(-100, 1000), B: points(-100, 1000), C: points(-100, 1000), D: points(-100, 1000) })
      .refine((g) => g.A >= g.B && g.B >= g.C && g.C >= g.D, { message: 'grade points must not rise from A to D' }),
    repeatPenalty: z.object({
      threshold: z.number().min(0.5, { message: 'must be at least 0.5' }).max(1, { message: 'must be at most 1' }),
      points: points(-1000, 0),
    }),
    weeklyCap: points(0, 10000),
  })
  .refine((r) => r.weeklyCap >= r.points.onTime, {
    message: 'the weekly cap must allow the on-time points',
    path: ['weeklyCap'],
  });
export type TScoringRules = z.infer<typeof ZScoringRules>;

/** The rules an organisation starts with (version 0, never saved). */
export const DEFAULT_SCORING_RULES: TScoringRules = {
  points: { onTime: 10, late: 5, missing: -10 },
  perWorkItem: { points: 1, weeklyCap: 5 },
  outcomeTags: [
    { tag: '国家级采用', points: 10 },
    { tag: '省级采用', points: 5 },
    { tag: '市级采用', points: 2 },
  ],
  peerRatingWeight: 2,
  gradePoints: { A: 8, B: 5, C: 2, D: 0 },
  repeatPenalty: { threshold: 0.8, points: -5 },
  weeklyCap: 40,
};

/** The rule set in force and its version (0: the defaults); `version`, `createdAt`, `createdBy` are extensions. */
export const ZScoringRulesState = ZScoringRules.and(
  z.object({ version: z.number().int().min(0), createdAt: z.string().nullable(), createdBy: ZId.nullable() }),
);
export type TScoringRulesState = z.infer<typeof ZScoringRulesState>;

/** A period of weeks, both ends included. */
export const ZScoresQuery = z
  .object({ from: ZWeekId, to: ZWeekId, departmentId: ZId.optional() })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type TScoresQuery = z.infer<typeof ZScoresQuery>;

export const ZUserScoresQuery = z
  .object({ from: ZWeekId, to: ZWeekId })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type TUserScoresQuery = z.infer<typeof ZUserScoresQuery>;

/**
 * One person's period: `peerRating` is the mean of all peer ratings received, `grade` the mean latest
 * grade (A=4 … D=1) rounded to a letter; `departmentPercentile` (extension) is 100 for the top of the
 * department and 0 for its bottom.
 */
export const ZScoreRow = z.object({
  userId: ZId,
  displayName: z.string(),
  departmentId: ZId.nullable(),
  weeksExpected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  peerRating: z.number().nullable(),
  grade: ZGradeValue.nullable(),
  outcomePoints: z.number(),
  total: z.number(),
  rank: z.number().int(),
  departmentRank: z.number().int(),
  departmentPercentile: z.number(),
});
export type TScoreRow = z.infer<typeof ZScoreRow>;

export const EVIDENCE_KINDS = ['report', 'item', 'rating', 'grade', 'week'] as const;

/** What a part of a score rests on: a report, an item, the ratings of a report, a grade, or a missing week. */
export const ZEvidence = z.object({
  kind: z.enum(EVIDENCE_KINDS),
  /** The report, item or grade id; for `rating` the rated report; for `week` the week id. */
  id: z.string(),
  /** The report the evidence belongs to (extension), null for a missing week. */
  reportId: ZId.nullable(),
});
export type TEvidence = z.infer<typeof ZEvidence>;

export const SCORE_RULE_NAMES = [
  'on_time',
  'late',
  'missing',
  'work_item',
  'outcome',
  'peer_rating',
  'grade',
  'repeat',
  'weekly_cap',
  'floor',
] as const;

export const ZScorePart = z.object({ rule: z.enum(SCORE_RULE_NAMES), points: z.number(), evidence: ZEvidence });
export type TScorePart = z.infer<typeof ZScorePart>;

export const ZWeekScore = z.object({ week: ZWeekId, points: z.number(), breakdown: z.array(ZScorePart) });
export type TWeekScore = z.infer<typeof ZWeekScore>;

export const ZUserScores = z.object({ total: z.number(), weeks: z.array(ZWeekScore) });
export type TUserScores = z.infer<typeof ZUserScores>;
