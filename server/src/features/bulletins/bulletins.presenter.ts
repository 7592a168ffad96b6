import type { TBulletin, TBulletinStats, TPersonRef } from '@zhoubao/contracts';
import type { Actor } from '../../lib/actor';
import { presentReport, presentReportAt, presentSummaryItems, type ReportAccess } from '../reports/reports.presenter';
import type { ReportRecord, StoredItem, VersionRow } from '../reports/reports.repository';

/** A report in a bulletin: live (a preview) or at the saved version a published bulletin references. */
export type BulletinReport = { report: ReportRecord; items: StoredItem[] } | { report: ReportRecord; version: VersionRow };

/** A bulletin before presentation: compiled live (`version` null) or read back from a publication. */
export interface BulletinView {
  department: { id: string; name: string };
  week: string;
  version: number | null;
  publishedAt: string | null;
  summary: { summary: string; items: StoredItem[] };
  reports: BulletinReport[];
  missing: TPersonRef[];
  absent: TPersonRef[];
  stats: TBulletinStats;
}

const person = (p: TPersonRef): TPersonRef => ({ userId: p.userId, displayName: p.displayName });

/** A bulletin as `viewer` may see it: every report and the summary go through the report presenter's redaction. */
export function presentBulletin(b: BulletinView, viewer: Actor, access: ReportAccess): TBulletin {
  return {
    department: { id: b.department.id, name: b.department.name },
    week: b.week,
    version: b.version,
    publishedAt: b.publishedAt,
    preview: b.version === null,
    summary: { summary: b.summary.summary, items: presentSummaryItems(b.department.id, b.summary.items, viewer, access) },
    reports: b.reports.map((r) =>
      'version' in r ? presentReportAt(r.report, r.version, viewer, access) : presentReport(r.report, r.items, viewer, access),
    ),
    missing: b.missing.map(person),
    absent: b.absent.map(person),
    stats: { members: b.stats.members, submitted: b.stats.submitted, late: b.stats.late },
  };
}
