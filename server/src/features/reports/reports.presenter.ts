import type { TPresentedItem, TReport, TReportStatus, TReportVersion } from '@zhoubao/contracts';
import type { Actor } from '../../lib/actor';
import type { DepartmentTree } from '../departments/department-tree';
import { canSeeRestricted, type ReportSubject } from './reports.policy';
import { parseItems, type ReportRecord, type StoredItem, type VersionRow } from './reports.repository';

/** What the presenter needs to decide who may see restricted items: the department tree. */
export interface ReportAccess {
  tree: DepartmentTree;
}

/**
 * The one place restricted items are redacted: every field of a visible item is whitelisted, and a
 * restricted item the viewer may not see becomes `{id, kind, visibility, redacted}` — its content,
 * category, outcome, tags and goal never leave the server.
 */
function redact(items: readonly StoredItem[], subject: ReportSubject, viewer: Actor, access: ReportAccess): TPresentedItem[] {
  // Decided once per report, lazily: most reports have no restricted item at all.
  let mayRead: boolean | undefined;
  return items.map((i) => {
    if (i.visibility === 'restricted') {
      mayRead ??= canSeeRestricted(viewer, subject, access.tree);
      if (!mayRead) return { id: i.id, kind: i.kind, visibility: 'restricted', redacted: true };
    }
    return {
      id: i.id,
      kind: i.kind,
      category: i.category,
      content: i.content,
      outcome: i.outcome,
      visibility: i.visibility,
      tags: [...i.tags],
      goalId: i.goalId,
    };
  });
}

/** A report as `viewer` may see it, restricted items redacted unless the viewer may read them. */
export function presentReport(report: ReportRecord, items: readonly StoredItem[], viewer: Actor, access: ReportAccess): TReport {
  return {
    id: report.id,
    userId: report.user_id,
    displayName: report.display_name,
    departmentId: report.department_id,
    week: report.week,
    status: report.status as TReportStatus,
    summary: report.summary,
    items: redact(items, { userId: report.user_id, departmentId: report.department_id }, viewer, access),
    submittedAt: report.submitted_at,
    late: report.late === 1,
    version: report.version,
    updatedAt: report.updated_at,
    similarToPrevious: report.similar_to_previous,
  };
}

/** A report as it was at a saved version (what a published bulletin shows), through `presentReport`. */
export function presentReportAt(report: ReportRecord, version: VersionRow, viewer: Actor, access: ReportAccess): TReport {
  const snapshot: ReportRecord = {
    ...report,
    summary: version.summary,
    version: version.version,
    updated_at: version.saved_at,
    similar_to_previous: version.similar_to_previous,
  };
  return presentReport(snapshot, parseItems(version.items), viewer, access);
}

/** One saved version of a report, through `presentReport`. */
export function presentVersion(report: ReportRecord, version: VersionRow, viewer: Actor, access: ReportAccess): TReportVersion {
  const r = presentReportAt(report, version, viewer, access);
  return { version: version.version, savedAt: version.saved_at, summary: r.summary, items: r.items };
}

/** A department summary's items: restricted ones only for the department's head, leaders and assessors. */
export function presentSummaryItems(
  departmentId: string,
  items: readonly StoredItem[],
  viewer: Actor,
  access: ReportAccess,
): TPresentedItem[] {
  return redact(items, { userId: null, departmentId }, viewer, access);
}
