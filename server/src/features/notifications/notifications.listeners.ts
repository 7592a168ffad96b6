import type { AppContext } from '../../context';
import type { DomainEvents } from '../../lib/events';
import { newId } from '../../lib/ids';
import { findDepartment } from '../departments/departments.repository';
import type { NotificationRow } from './notifications.repository';
import { notifyDepartment, notifyUsers } from './notifications.service';

// Notification data carries ids, the week, names and the comment's own excerpt: never report
// item text, so nothing restricted can reach an inbox. Every notice goes through notifyUsers (or
// notifyDepartment), which applies each person's channel choices (in-app, e-mail).

const row = (userId: string, type: string, data: Record<string, unknown>, at: string): NotificationRow => ({
  id: newId(Date.parse(at)),
  user_id: userId,
  type,
  data: JSON.stringify(data),
  created_at: at,
  read_at: null,
});

/** The report's owner hears of a comment or feedback; each person mentioned hears of the mention. */
export async function onCommentCreated(ctx: AppContext, e: DomainEvents['comment.created']): Promise<void> {
  const data = {
    reportId: e.reportId,
    week: e.week,
    commentId: e.commentId,
    authorId: e.authorId,
    authorName: e.authorName,
    excerpt: e.excerpt,
  };
  const rows: NotificationRow[] = [];
  if (e.reportOwnerId !== e.authorId) rows.push(row(e.reportOwnerId, e.kind, data, e.at));
  for (const userId of e.mentions) {
    // The owner already hears of the comment itself; nobody is told of their own mention.
    if (userId !== e.reportOwnerId && userId !== e.authorId) rows.push(row(userId, 'mention', data, e.at));
  }
  await notifyUsers(ctx, rows);
}

/** The report's owner hears of a grade. */
export async function onReportGraded(ctx: AppContext, e: DomainEvents['report.graded']): Promise<void> {
  const data = { reportId: e.reportId, week: e.week, grade: e.grade, byId: e.gradedBy, byName: e.gradedByName };
  await notifyUsers(ctx, [row(e.reportOwnerId, 'grade', data, e.at)]);
}

/** Every member of the department hears that its bulletin was published (one set-based insert). */
export async function onBulletinPublished(ctx: AppContext, e: DomainEvents['bulletin.published']): Promise<void> {
  const department = await findDepartment(ctx.db, e.departmentId);
  const data = { departmentId: e.departmentId, departmentName: department?.name ?? null, week: e.week, version: e.version };
  await notifyDepartment(ctx, {
    departmentId: e.departmentId,
    exceptUserId: e.publishedBy,
    idPrefix: newId(Date.parse(e.at)),
    type: 'bulletin.published',
    data,
    at: e.at,
    dedupePrefix: `bulletin:${e.departmentId}:${e.week}:v${e.version}`,
  });
}

/** The person who raised an objection hears that it was answered (the outcome, never the texts). */
export async function onObjectionAnswered(ctx: AppContext, e: DomainEvents['objection.answered']): Promise<void> {
  const data = { objectionId: e.objectionId, week: e.week, outcome: e.outcome, byId: e.answeredBy, byName: e.answeredByName };
  await notifyUsers(ctx, [row(e.userId, 'objection.answered', data, e.at)]);
}

/**
 * Subscribes the notification listeners once per app; returns the hook that unsubscribes them
 * when the app closes. A listener's failure is logged and never fails the request.
 */
export function registerNotificationListeners(ctx: AppContext): () => Promise<void> {
  const guard =
    <T>(name: string, fn: (ctx: AppContext, e: T) => Promise<void>) =>
    async (e: T) => {
      try {
        await fn(ctx, e);
      } catch (err) {
        ctx.log.error({ err, event: name }, 'notification listener failed');
      }
    };
  const offs = [
    ctx.events.on('comment.created', guard('comment.created', onCommentCreated)),
    ctx.events.on('report.graded', guard('report.graded', onReportGraded)),
    ctx.events.on('bulletin.published', guard('bulletin.published', onBulletinPublished)),
    ctx.events.on('objection.answered', guard('objection.answered', onObjectionAnswered)),
  ];
  return async () => {
    for (const off of offs) off();
  };
}
