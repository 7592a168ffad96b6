import type { TNotification } from '@zhoubao/contracts';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../lib/format';

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The one-line text of a notification, by type (`X 评论了你的周报`, `你的周报被评为 A`, …). */
export function notificationTitle(t: TFunction, n: TNotification): string {
  const d = n.data;
  switch (n.type) {
    case 'comment':
      return t('notifications.type.comment', { name: str(d.authorName) });
    case 'feedback':
      return t('notifications.type.feedback', { name: str(d.authorName) });
    case 'mention':
      return t('notifications.type.mention', { name: str(d.authorName) });
    case 'grade':
      return t('notifications.type.grade', { grade: str(d.grade) });
    case 'bulletin.published':
      return t('notifications.type.bulletin');
    case 'reminder':
      return t('scheduler.notification.reminder', { deadline: formatDateTime(str(d.deadline)) });
    case 'reminder.missing':
      return t('scheduler.notification.missing', { department: str(d.departmentName), n: Number(d.count) || 0 });
    case 'digest': {
      const totals = (d.totals ?? {}) as { submitted?: number; missing?: number };
      return t('scheduler.notification.digest', { submitted: totals.submitted ?? 0, missing: totals.missing ?? 0 });
    }
    case 'objection.answered':
      return d.outcome === 'upheld'
        ? t('notifications.type.objectionUpheld', { name: str(d.byName) })
        : t('notifications.type.objectionRejected', { name: str(d.byName) });
    default:
      return t('notifications.type.other');
  }
}

/** Where a notification leads: its report, or the wall of the bulletin's week. */
export function notificationLink(n: TNotification): string | null {
  const d = n.data;
  const reportId = str(d.reportId);
  if (reportId) return `/reports/${encodeURIComponent(reportId)}`;
  const week = str(d.week);
  if (n.type === 'reminder' && week) return `/my-week/${week}`;
  if (n.type === 'reminder.missing' && week) return `/department?week=${week}`;
  if (n.type === 'digest' && week) return `/wall/${week}`;
  if (n.type === 'objection.answered' && week) return `/my-score?from=${week}&to=${week}`;
  if (n.type === 'bulletin.published' && week) {
    const dept = str(d.departmentId);
    return `/wall/${week}${dept ? `?dept=${encodeURIComponent(dept)}` : ''}`;
  }
  return null;
}

/** A second line: the comment's excerpt, or the department and the week. */
export function notificationDetail(n: TNotification, weekLabel: (week: string) => string): string {
  const excerpt = str(n.data.excerpt);
  if (excerpt) return excerpt;
  const week = str(n.data.week);
  return [str(n.data.departmentName), week && weekLabel(week)].filter(Boolean).join(' · ');
}
