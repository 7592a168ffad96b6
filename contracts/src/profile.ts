import { z } from 'zod';
import { ZUser } from './auth';
import { ZId } from './common';
import { ZComment, ZGradeValue } from './evaluation';
import { ZGoal } from './goals';
import { ZReportItem } from './reports';
import { ZWeekId } from './weeks';

// The living file (数字人事活档案): a person's weeks, figures, achievements, feedback and goals.

/** The longest period a living file covers at once, in weeks (the scoring limit). */
export const PROFILE_MAX_WEEKS = 160;

/** The default period: this many weeks up to the current one. */
export const PROFILE_DEFAULT_WEEKS = 52;

/** Feedback entries listed at most (feedback first); `feedbackCounts` counts them all. */
export const PROFILE_FEEDBACK_LIMIT = 100;

export const ZProfileQuery = z
  .object({ from: ZWeekId.optional(), to: ZWeekId.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type TProfileQuery = z.infer<typeof ZProfileQuery>;

/**
 * A week of the timeline. The contract's four statuses mean exactly what they say — `on_time` and
 * `late` (submitted), `missing` (owed, its deadline passed, nothing submitted), `draft` (an unsubmitted
 * draft; shown to its author only) — and two more: `absent` (leave covers every working day) and
 * `not_due` (nothing owed: see `reason`).
 */
export const TIMELINE_STATUSES = ['on_time', 'late', 'missing', 'draft', 'absent', 'not_due'] as const;
export const ZTimelineStatus = z.enum(TIMELINE_STATUSES);
export type TTimelineStatus = z.infer<typeof ZTimelineStatus>;

/** Why a week is `not_due`: no working day, before the person joined, or its deadline is still ahead. */
export const NOT_DUE_REASONS = ['no_workday', 'before_joining', 'deadline_ahead'] as const;
export const ZNotDueReason = z.enum(NOT_DUE_REASONS);
export type TNotDueReason = z.infer<typeof ZNotDueReason>;

/**
 * One week. `items` is the number of items of the report (restricted ones included: the report page
 * shows them as placeholders to everyone); `grade` is the latest leader grade, for the author and
 * those who may grade only; `peerRating` the mean peer rating (`ratingCount` raters). `overdue`
 * (extension) marks a draft whose deadline passed: the week counts as missing in the figures.
 */
export const ZTimelineWeek = z.object({
  week: ZWeekId,
  status: ZTimelineStatus,
  reason: ZNotDueReason.nullable(),
  reportId: ZId.nullable(),
  grade: ZGradeValue.nullable(),
  peerRating: z.number().nullable(),
  ratingCount: z.number().int(),
  items: z.number().int(),
  overdue: z.boolean(),
});
export type TTimelineWeek = z.infer<typeof ZTimelineWeek>;

/**
 * The figures of a period, by the scoring rules: a week is expected from the week the person joined,
 * when due and not covered by leave, once its deadline passed (or a report came in); `streak` is the
 * run of on-time weeks up to the latest owed week (leave and weeks not due neither count nor break it).
 */
export const ZProfileStats = z.object({
  weeksExpected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  streak: z.number().int(),
});
export type TProfileStats = z.infer<typeof ZProfileStats>;

/** The median of each figure over the active members of the person's department (`members` of them). */
export const ZProfileMedian = z.object({
  members: z.number().int(),
  weeksExpected: z.number(),
  submitted: z.number(),
  onTime: z.number(),
  late: z.number(),
  missing: z.number(),
  streak: z.number(),
});
export type TProfileMedian = z.infer<typeof ZProfileMedian>;

/** Work and study items by category (`null`: none given); restricted items only for who may read them. */
export const ZCategoryCount = z.object({ category: z.string().nullable(), count: z.number().int() });
export type TCategoryCount = z.infer<typeof ZCategoryCount>;

/** An item with an outcome, with the report it belongs to. */
export const ZAchievement = ZReportItem.extend({ reportId: ZId, week: ZWeekId });
export type TAchievement = z.infer<typeof ZAchievement>;

/** A comment or feedback received on one of the person's reports. */
export const ZFeedbackEntry = ZComment.extend({ reportId: ZId, week: ZWeekId });
export type TFeedbackEntry = z.infer<typeof ZFeedbackEntry>;

/** A week's points by the scoring rules in force (the trend starts with the week the person joined). */
export const ZScorePoint = z.object({ week: ZWeekId, points: z.number() });
export type TScorePoint = z.infer<typeof ZScorePoint>;

/**
 * `GET /users/:id/profile`. Extensions: `department`, `from`/`to`, `departmentMedian` (null without a
 * department), `feedbackCounts`, and `scoreTrend` / `scoreTotal` (null unless the viewer may see the
 * person's scores: the person, their head, leaders and assessors).
 */
export const ZProfile = z.object({
  user: ZUser,
  department: z.object({ id: ZId, name: z.string(), path: z.array(z.string()) }).nullable(),
  from: ZWeekId,
  to: ZWeekId,
  stats: ZProfileStats,
  departmentMedian: ZProfileMedian.nullable(),
  timeline: z.array(ZTimelineWeek),
  categories: z.array(ZCategoryCount),
  achievements: z.array(ZAchievement),
  feedback: z.array(ZFeedbackEntry),
  feedbackCounts: z.object({ feedback: z.number().int(), comment: z.number().int() }),
  goals: z.array(ZGoal),
  scoreTrend: z.array(ZScorePoint).nullable(),
  scoreTotal: z.number().nullable(),
});
export type TProfile = z.infer<typeof ZProfile>;
