import { z } from 'zod';
import { ZId } from './common';
import { ZPersonRef } from './reports';
import { ZWeekId } from './weeks';

/** How much comments, ratings and grades may hold. */
export const EVALUATION_LIMITS = {
  comment: 2000,
  mentions: 20,
  reason: 500,
  note: 500,
  /** Characters of a comment quoted in a notification. */
  excerpt: 120,
} as const;

const L = EVALUATION_LIMITS;

export const COMMENT_KINDS = ['comment', 'feedback'] as const;
export const ZCommentKind = z.enum(COMMENT_KINDS);
export type TCommentKind = z.infer<typeof ZCommentKind>;

export const ZCommentParams = z.object({ id: ZId, commentId: ZId });

/** A new comment on a submitted report: `POST /reports/:id/comments`. */
export const ZCreateCommentRequest = z.object({
  body: z.string().trim().min(1).max(L.comment),
  mentions: z.array(ZId).max(L.mentions).optional(),
});
export type TCreateCommentRequest = z.infer<typeof ZCreateCommentRequest>;

/** An edit of one's own comment: `PATCH /reports/:id/comments/:commentId`. */
export const ZUpdateCommentRequest = z.object({ body: z.string().trim().min(1).max(L.comment) });
export type TUpdateCommentRequest = z.infer<typeof ZUpdateCommentRequest>;

/** A comment or feedback; `authorName`, `mentions` and `editedAt` are extensions. */
export const ZComment = z.object({
  id: ZId,
  authorId: ZId,
  authorName: z.string(),
  body: z.string(),
  kind: ZCommentKind,
  mentions: z.array(ZPersonRef),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
});
export type TComment = z.infer<typeof ZComment>;

/** A peer rating: `PUT /reports/:id/rating`; `reason` is an extension. */
export const ZRateRequest = z.object({
  score: z.number().int().min(1).max(5),
  reason: z.string().trim().max(L.reason).nullable().optional(),
});
export type TRateRequest = z.infer<typeof ZRateRequest>;

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export const ZGradeValue = z.enum(GRADES);
export type TGradeValue = z.infer<typeof ZGradeValue>;

/** A leader's grade: `PUT /reports/:id/grade`. */
export const ZGradeRequest = z.object({
  grade: ZGradeValue,
  note: z.string().trim().max(L.note).nullable().optional(),
});
export type TGradeRequest = z.infer<typeof ZGradeRequest>;

/** One grade given to a report; `byName` is an extension. */
export const ZGradeEntry = z.object({
  grade: ZGradeValue,
  note: z.string().nullable(),
  by: ZId,
  byName: z.string(),
  at: z.string(),
});
export type TGradeEntry = z.infer<typeof ZGradeEntry>;

export const ZRater = z.object({
  userId: ZId,
  displayName: z.string(),
  score: z.number().int(),
  reason: z.string().nullable(),
});
export type TRater = z.infer<typeof ZRater>;

/**
 * Likes, ratings and grades of a report as the caller may see them: `raters` for assessors (and
 * for the author when the setting `ratingsVisibility` is `raters`), `grade` for the author and
 * those who oversee the report, `grades` (every grade, oldest first) for the overseers only.
 */
export const ZEvaluation = z.object({
  likes: z.number().int(),
  likedByMe: z.boolean(),
  ratingAverage: z.number().nullable(),
  ratingCount: z.number().int(),
  myRating: z.object({ score: z.number().int(), reason: z.string().nullable() }).nullable(),
  raters: z.array(ZRater).optional(),
  grade: ZGradeEntry.nullable().optional(),
  grades: z.array(ZGradeEntry).optional(),
});
export type TEvaluation = z.infer<typeof ZEvaluation>;

export const NOTIFICATION_TYPES = [
  'comment',
  'feedback',
  'mention',
  'grade',
  'bulletin.published',
  'objection.answered',
  'reminder',
  'reminder.missing',
  'digest',
] as const;
export const ZNotificationType = z.enum(NOTIFICATION_TYPES);
export type TNotificationType = z.infer<typeof ZNotificationType>;

/** One notification; `data` holds ids, the week, names and excerpts, never restricted item text. */
export const ZNotification = z.object({
  id: ZId,
  type: ZNotificationType,
  createdAt: z.string(),
  readAt: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationsQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  unreadOnly: z.enum(['true', 'false']).optional(),
});
export type TNotificationsQuery = z.infer<typeof ZNotificationsQuery>;

/** The inbox page: `unread` counts every unread notification of the caller. */
export const ZNotificationsPage = z.object({
  items: z.array(ZNotification),
  nextCursor: z.string().nullable(),
  unread: z.number().int(),
});
export type TNotificationsPage = z.infer<typeof ZNotificationsPage>;

/** Marks notifications read: `{ids}`, or `{all: true}` (extension) for the whole inbox. */
export const ZMarkNotificationsReadRequest = z
  .object({
    ids: z.array(ZId).min(1).max(500).optional(),
    all: z.literal(true).optional(),
  })
  .refine((v) => v.ids !== undefined || v.all === true, { message: 'ids or all is required' });
export type TMarkNotificationsReadRequest = z.infer<typeof ZMarkNotificationsReadRequest>;

export const ZToReadQuery = z.object({ week: ZWeekId.optional() });
export type TToReadQuery = z.infer<typeof ZToReadQuery>;

/** A submitted report of one's people that one has not opened yet. */
export const ZToReadItem = z.object({
  reportId: ZId,
  userId: ZId,
  displayName: z.string(),
  departmentId: ZId.nullable(),
  submittedAt: z.string().nullable(),
});
export type TToReadItem = z.infer<typeof ZToReadItem>;
