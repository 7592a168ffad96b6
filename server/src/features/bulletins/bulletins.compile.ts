import type { TBulletinStats, TPersonRef } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { Executor } from '../../db/database';
import { owedWeeks } from '../absences/absences.service';
import {
  findReports,
  findVersionRows,
  itemsOf,
  parseItems,
  type ReportRecord,
  type StoredItem,
  type VersionRow,
} from '../reports/reports.repository';
import { deadlineOf } from '../weeks/calendar';
import { compareWeeks, weekOfInstant } from '../weeks/iso-week';
import { loadCalendar } from '../weeks/weeks.service';
import type { BulletinReport, BulletinView } from './bulletins.presenter';
import * as repo from './bulletins.repository';

/** What a publication stores: the summary as it was, the report versions compiled, and the counts. */
export interface BulletinSnapshot {
  summary: { summary: string; items: StoredItem[] };
  reports: { reportId: string; version: number }[];
  missing: TPersonRef[];
  absent: TPersonRef[];
  stats: TBulletinStats;
}

/** Who owes a week among people without a report: missing (owes it) or absent (leave covers it). */
async function sortOutAbsentees(
  ctx: AppContext,
  week: string,
  people: { id: string; display_name: string; created_at: string }[],
): Promise<{ missing: TPersonRef[]; absent: TPersonRef[] }> {
  const { settings, overrides } = await loadCalendar(ctx, [week]);
  // A week with no working day is owed by nobody; nor is a week before a person joined.
  if (!deadlineOf(week, settings, overrides).due) return { missing: [], absent: [] };
  const joined = people.filter((p) => compareWeeks(weekOfInstant(new Date(p.created_at), settings.timezone), week) <= 0);
  const owed = await owedWeeks(
    ctx,
    joined.map((p) => p.id),
    [week],
  );
  const ref = (p: { id: string; display_name: string }) => ({ userId: p.id, displayName: p.display_name });
  return {
    missing: joined.filter((p) => (owed.get(p.id) ?? []).length > 0).map(ref),
    absent: joined.filter((p) => (owed.get(p.id) ?? []).length === 0).map(ref),
  };
}

/**
 * Compiles a department's bulletin of a week from live data: the summary, then every active member's
 * submitted report in department order, the missing and absent people and the counts. A fixed number
 * of queries whatever the department's size.
 */
export async function compileBulletin(ctx: AppContext, department: { id: string; name: string }, week: string) {
  const db = ctx.db;
  const members = await repo.listMembers(db, department.id);
  const byUser = new Map((await repo.listMemberReports(db, department.id, week)).map((r) => [r.user_id, r]));
  const reports = members.flatMap((m) => byUser.get(m.id) ?? []);
  const { missing, absent } = await sortOutAbsentees(
    ctx,
    week,
    members.filter((m) => !byUser.has(m.id)),
  );
  const items = await itemsOf(
    db,
    reports.map((r) => r.id),
  );
  const summaryRow = await repo.findSummary(db, department.id, week);
  const view: BulletinView = {
    department,
    week,
    version: null,
    publishedAt: null,
    summary: { summary: summaryRow?.summary ?? '', items: summaryRow ? parseItems(summaryRow.items) : [] },
    reports: reports.map((report) => ({ report, items: items.get(report.id) ?? [] })),
    missing,
    absent,
    stats: { members: members.length, submitted: reports.length, late: reports.filter((r) => r.late === 1).length },
  };
  const snapshot: BulletinSnapshot = {
    summary: view.summary,
    reports: reports.map((r) => ({ reportId: r.id, version: r.version })),
    missing,
    absent,
    stats: view.stats,
  };
  return { view, snapshot };
}

/** The report versions published bulletins reference, looked up in memory from week-wide rows. */
export interface PublishedReports {
  reports: Map<string, ReportRecord>;
  versions: Map<string, VersionRow>;
}

/** Loads every report of a week and their versions in two queries (the wall reads many bulletins at once). */
export async function loadWeekReports(db: Executor, week: string): Promise<PublishedReports> {
  const [reports, versions] = await Promise.all([repo.reportsOfWeek(db, week), repo.versionsOfWeek(db, week)]);
  return {
    reports: new Map(reports.map((r) => [r.id, r])),
    versions: new Map(versions.map((v) => [`${v.report_id}:${v.version}`, v])),
  };
}

/** Loads the reports and versions one publication references, by id. */
export async function loadReferencedReports(db: Executor, row: repo.BulletinRow): Promise<PublishedReports> {
  const refs = (JSON.parse(row.snapshot) as BulletinSnapshot).reports;
  const [reports, versions] = await Promise.all([
    findReports(
      db,
      refs.map((r) => r.reportId),
    ),
    findVersionRows(db, refs),
  ]);
  return { reports: new Map(reports.map((r) => [r.id, r])), versions };
}

/** A publication read back as a bulletin view; reports deleted since are left out. */
export function publishedView(
  row: repo.BulletinRow,
  department: { id: string; name: string },
  loaded: PublishedReports,
): BulletinView {
  const s = JSON.parse(row.snapshot) as BulletinSnapshot;
  const reports: BulletinReport[] = [];
  for (const ref of s.reports) {
    const report = loaded.reports.get(ref.reportId);
    const version = loaded.versions.get(`${ref.reportId}:${ref.version}`);
    if (report && version) reports.push({ report, version });
  }
  return {
    department,
    week: row.week,
    version: row.version,
    publishedAt: row.published_at,
    summary: s.summary,
    reports,
    missing: s.missing,
    absent: s.absent,
    stats: s.stats,
  };
}
