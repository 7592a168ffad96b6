import type { AppContext } from '../../context';
import type { DomainEvents } from '../../lib/events';
import type { BulletinSnapshot } from '../bulletins/bulletins.compile';
import { findBulletin } from '../bulletins/bulletins.repository';
import { findDepartment } from '../departments/departments.repository';
import { findReport, itemsOf } from '../reports/reports.repository';
import { getSettings } from '../settings/settings.service';
import { findUser } from '../users/users.repository';
import { bulletinMessage, reminderMessage, submittedMessage } from './integrations.messages';
import { listEnabledWebhooks } from './integrations.repository';
import type { WebhookEvent } from './integrations.types';
import { enqueueWebhookEvent } from './outbox';

/** Whether any enabled webhook listens to the event (most events find none: skip the work). */
async function anyListener(ctx: AppContext, event: WebhookEvent): Promise<boolean> {
  return (await listEnabledWebhooks(ctx.db)).some((h) => h.events.includes(event));
}

// Domain events become webhook deliveries. Messages hold names, counts and links only; the
// payload sent to generic receivers holds ids, the week and counts: never report text.

/** A department's bulletin was published: one delivery per matching webhook and published version. */
export async function onBulletinPublished(ctx: AppContext, e: DomainEvents['bulletin.published']): Promise<number> {
  if (!(await anyListener(ctx, 'bulletin.published'))) return 0;
  const [settings, department, bulletin, publisher] = await Promise.all([
    getSettings(ctx),
    findDepartment(ctx.db, e.departmentId),
    findBulletin(ctx.db, e.departmentId, e.week, e.version),
    findUser(ctx.db, e.publishedBy),
  ]);
  if (!department || !bulletin) return 0;
  const snapshot = JSON.parse(bulletin.snapshot) as BulletinSnapshot;
  const link = `${ctx.config.publicUrl}/wall/${e.week}?dept=${encodeURIComponent(e.departmentId)}`;
  const message = bulletinMessage(
    {
      departmentName: department.name,
      week: e.week,
      version: e.version,
      publishedBy: publisher?.display_name ?? null,
      stats: snapshot.stats,
      missing: snapshot.missing,
      link,
    },
    settings.locale,
  );
  const payload = {
    departmentId: e.departmentId,
    departmentName: department.name,
    week: e.week,
    version: e.version,
    publishedAt: e.at,
    stats: snapshot.stats,
    missing: snapshot.missing,
    link,
  };
  const key = `bulletin.published:${e.departmentId}:${e.week}:v${e.version}`;
  return enqueueWebhookEvent(ctx.db, 'bulletin.published', e.departmentId, message, key, payload);
}

/** Someone submitted a report: who, the week, on time or late and item counts. */
export async function onReportSubmitted(ctx: AppContext, e: DomainEvents['report.submitted']): Promise<number> {
  if (!(await anyListener(ctx, 'report.submitted'))) return 0;
  const [settings, report] = await Promise.all([getSettings(ctx), findReport(ctx.db, e.reportId)]);
  if (!report) return 0;
  const department = report.department_id ? await findDepartment(ctx.db, report.department_id) : undefined;
  const items = (await itemsOf(ctx.db, [report.id])).get(report.id) ?? [];
  const counts = { work: 0, study: 0, plan: 0 };
  for (const i of items) counts[i.kind] += 1;
  const link = `${ctx.config.publicUrl}/reports/${encodeURIComponent(report.id)}`;
  const message = submittedMessage(
    { displayName: report.display_name, departmentName: department?.name ?? null, week: e.week, late: e.late, counts, link },
    settings.locale,
  );
  const payload = {
    reportId: report.id,
    userId: e.userId,
    displayName: report.display_name,
    departmentId: report.department_id,
    departmentName: department?.name ?? null,
    week: e.week,
    late: e.late,
    submittedAt: e.at,
    items: counts,
    link,
  };
  return enqueueWebhookEvent(ctx.db, 'report.submitted', report.department_id, message, `report.submitted:${report.id}`, payload);
}

/** After a deadline: who in a department has not submitted (sent by the scheduler). */
export async function onReminderMissing(ctx: AppContext, e: DomainEvents['reminder.missing']): Promise<number> {
  if (e.missing.length === 0 || !(await anyListener(ctx, 'reminder.missing'))) return 0;
  const [settings, department] = await Promise.all([getSettings(ctx), findDepartment(ctx.db, e.departmentId)]);
  if (!department) return 0;
  const link = `${ctx.config.publicUrl}/my-week/${e.week}`;
  const message = reminderMessage(
    {
      departmentName: department.name,
      week: e.week,
      deadline: e.deadline,
      timezone: settings.timezone,
      missing: e.missing,
      link,
    },
    settings.locale,
  );
  const payload = {
    departmentId: e.departmentId,
    departmentName: department.name,
    week: e.week,
    deadline: e.deadline,
    missing: e.missing,
    link,
  };
  // The missing list goes out once per department and week, whichever process or run emits it.
  const key = `reminder.missing:${e.departmentId}:${e.week}`;
  return enqueueWebhookEvent(ctx.db, 'reminder.missing', e.departmentId, message, key, payload);
}

/**
 * Subscribes the webhook listeners once per app; returns the hook that unsubscribes them when the
 * app closes. A listener's failure is logged and never fails the request.
 */
export function registerIntegrationListeners(ctx: AppContext): () => Promise<void> {
  const guard =
    <T>(name: string, fn: (ctx: AppContext, e: T) => Promise<number>) =>
    async (e: T) => {
      try {
        await fn(ctx, e);
      } catch (err) {
        ctx.log.error({ err, event: name }, 'webhook listener failed');
      }
    };
  const offs = [
    ctx.events.on('bulletin.published', guard('bulletin.published', onBulletinPublished)),
    ctx.events.on('report.submitted', guard('report.submitted', onReportSubmitted)),
    ctx.events.on('reminder.missing', guard('reminder.missing', onReminderMissing)),
  ];
  return async () => {
    for (const off of offs) off();
  };
}
