import {
  isValidWeekId,
  type TListReportsQuery,
  type TReport,
  type TReportItemInput,
  type TReportReader,
  type TReportVersion,
  type TSaveReportRequest,
} from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { Executor } from '../../db/database';
import { type Actor, authorize } from '../../lib/actor';
import { invalidInput, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { auditBy } from '../audit/audit.service';
import { loadTree } from '../departments/departments.repository';
import { assertLinkableGoals } from '../goals/goals.service';
import { indexReport } from '../search/search.indexer';
import { deadlineOf } from '../weeks/calendar';
import { compareWeeks, weekOfInstant } from '../weeks/iso-week';
import { loadCalendar } from '../weeks/weeks.service';
import { canReadReport, canSeeReaders } from './reports.policy';
import { presentReport, presentVersion, type ReportAccess } from './reports.presenter';
import * as repo from './reports.repository';
import { reportText, similarity } from './similarity';

/** The deadline of a week a report is written for; 400 for a week after the current one. */
export async function writableWeekDeadline(ctx: AppContext, db: Executor, week: string, now: Date): Promise<string | null> {
  const { settings, overrides } = await loadCalendar(ctx, [week], db);
  if (compareWeeks(week, weekOfInstant(now, settings.timezone)) > 0) {
    throw invalidInput('Reports are written for the current week or an earlier one', [
      { path: 'params.week', message: 'a future week' },
    ]);
  }
  return deadlineOf(week, settings, overrides).deadline;
}

/** Input items as stored: an item keeps its id only when it already belongs to this report. */
export function toStoredItems(input: readonly TReportItemInput[], known: ReadonlySet<string>): repo.StoredItem[] {
  const used = new Set<string>();
  return input.map((i) => {
    const id = i.id && known.has(i.id) && !used.has(i.id) ? i.id : newId();
    used.add(id);
    return {
      id,
      kind: i.kind,
      category: i.category || null,
      content: i.content,
      outcome: i.outcome || null,
      visibility: i.visibility ?? 'public',
      tags: [...new Set(i.tags ?? [])],
      goalId: i.goalId ?? null,
    };
  });
}

/** How much of `items` repeats the author's previous submitted report; null when there is none. */
async function similarityToPrevious(db: Executor, report: repo.ReportRow, items: repo.StoredItem[]): Promise<number | null> {
  const previous = await repo.findPreviousSubmitted(db, report.user_id, report.week);
  if (!previous) return null;
  const before = (await repo.itemsOf(db, [previous.id])).get(previous.id) ?? [];
  return similarity(reportText(items), reportText(before));
}

async function presentOwn(db: Executor, actor: Actor, reportId: string): Promise<TReport> {
  const report = (await repo.findReport(db, reportId)) as repo.ReportRecord;
  const items = (await repo.itemsOf(db, [reportId])).get(reportId) ?? [];
  return presentReport(report, items, actor, { tree: await loadTree(db) });
}

/** The caller's own report of a week, draft included; 404 when none. */
export async function getOwnReport(ctx: AppContext, actor: Actor, week: string): Promise<TReport> {
  const report = await repo.findReportOf(ctx.db, actor.id, week);
  if (!report) throw notFound('Report');
  return presentOwn(ctx.db, actor, report.id);
}

/** Writes a version snapshot of a report's current text. */
async function snapshot(db: Executor, actor: Actor, report: repo.ReportRow, items: repo.StoredItem[]): Promise<void> {
  await repo.insertVersion(db, {
    report_id: report.id,
    version: report.version,
    saved_at: report.updated_at,
    saved_by: actor.id,
    summary: report.summary,
    items: JSON.stringify(items),
    similar_to_previous: report.similar_to_previous,
  });
}

/** What a reader sees of an item, ids aside: two saves with the same text are the same version. */
const sameText = (a: repo.StoredItem[], b: repo.StoredItem[]): boolean =>
  JSON.stringify(a.map(({ id: _id, ...rest }) => rest)) === JSON.stringify(b.map(({ id: _id, ...rest }) => rest));

/**
 * Saves a new version of a submitted report; the earlier versions stay as they were. A save that
 * changes nothing (an autosave of unchanged text) adds no version.
 */
async function reviseSubmitted(
  trx: Executor,
  actor: Actor,
  current: repo.ReportRow,
  base: Pick<repo.ReportRow, 'summary' | 'updated_at'>,
  items: repo.StoredItem[],
): Promise<void> {
  if (items.length === 0) {
    throw invalidInput('A submitted report keeps at least one item', [{ path: 'body.items', message: 'empty' }]);
  }
  const before = (await repo.itemsOf(trx, [current.id])).get(current.id) ?? [];
  if (base.summary === current.summary && sameText(items, before)) return;
  const version = current.version + 1;
  const similar = await similarityToPrevious(trx, current, items);
  const patch = { ...base, version, similar_to_previous: similar };
  await repo.updateReportRow(trx, current.id, patch);
  await repo.replaceItems(trx, current.id, items);
  await snapshot(trx, actor, { ...current, ...patch }, items);
  await auditBy(trx, actor, 'report.revised', {
    targetType: 'report',
    targetId: current.id,
    data: { week: current.week, version },
  });
}

/**
 * Saves the caller's report of a week: a draft is overwritten (autosave), a submitted report gets a
 * new version and the earlier versions stay readable. Draft saves are not audited: they are the
 * author's own unpublished text, autosaved every few seconds.
 */
export async function saveOwnReport(
  ctx: AppContext,
  actor: Actor,
  week: string,
  input: TSaveReportRequest,
  now = new Date(),
): Promise<TReport> {
  const at = now.toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    await writableWeekDeadline(ctx, trx, week, now);
    const current = await repo.findReportOf(trx, actor.id, week);
    const items = toStoredItems(input.items, current ? await repo.itemIdsOf(trx, current.id) : new Set());
    // An item may link only to one of the author's own goals that is not dropped.
    await assertLinkableGoals(trx, actor.id, items, current?.id ?? null);
    const base = { summary: input.summary ?? '', department_id: actor.departmentId, updated_at: at };
    if (!current) {
      const row: repo.ReportRow = {
        ...base,
        id: newId(now.getTime()),
        user_id: actor.id,
        week,
        status: 'draft',
        version: 1,
        submitted_at: null,
        late: 0,
        similar_to_previous: null,
        created_at: at,
        deleted_at: null,
      };
      await repo.insertReport(trx, row);
      await repo.replaceItems(trx, row.id, items);
      await indexReport(trx, row.id);
      return row.id;
    }
    if (current.status === 'draft') {
      await repo.updateReportRow(trx, current.id, base);
      await repo.replaceItems(trx, current.id, items);
      await indexReport(trx, current.id);
      return current.id;
    }
    // A revision keeps the department the report was submitted in.
    await reviseSubmitted(trx, actor, current, { summary: base.summary, updated_at: at }, items);
    await indexReport(trx, current.id);
    return current.id;
  });
  return presentOwn(ctx.db, actor, id);
}

/**
 * Submits the caller's report of a week: late when after the week's deadline, compared with the
 * previous submitted report, snapshotted as version 1. Submitting again changes nothing.
 */
export async function submitOwnReport(ctx: AppContext, actor: Actor, week: string, now = new Date()): Promise<TReport> {
  const at = now.toISOString();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const deadline = await writableWeekDeadline(ctx, trx, week, now);
    const current = await repo.findReportOf(trx, actor.id, week);
    if (current?.status === 'submitted') return { id: current.id, submitted: null };
    const items = current ? ((await repo.itemsOf(trx, [current.id])).get(current.id) ?? []) : [];
    if (!current || items.length === 0) {
      throw invalidInput('A report needs at least one item to be submitted', [{ path: 'items', message: 'empty' }]);
    }
    const late = deadline !== null && now.getTime() > Date.parse(deadline);
    const patch = {
      status: 'submitted',
      submitted_at: at,
      late: late ? 1 : 0,
      department_id: actor.departmentId,
      updated_at: at,
    };
    const similar = await similarityToPrevious(trx, current, items);
    await repo.updateReportRow(trx, current.id, { ...patch, similar_to_previous: similar });
    await snapshot(trx, actor, { ...current, ...patch, similar_to_previous: similar }, items);
    await indexReport(trx, current.id);
    await auditBy(trx, actor, 'report.submitted', { targetType: 'report', targetId: current.id, data: { week, late } });
    return { id: current.id, submitted: { late } };
  });
  if (result.submitted) {
    ctx.events.emit('report.submitted', { reportId: result.id, userId: actor.id, week, late: result.submitted.late, at });
  }
  return presentOwn(ctx.db, actor, result.id);
}

/** A report the actor may open: drafts are their author's alone (others get 404, not 403). */
async function readable(db: Executor, actor: Actor, id: string): Promise<repo.ReportRecord> {
  const report = await repo.findReport(db, id);
  if (!report || !canReadReport(actor, { userId: report.user_id, status: report.status })) throw notFound('Report');
  return report;
}

/** Presents many reports for one viewer, loading their items in one query per chunk. */
export async function presentReports(db: Executor, reports: repo.ReportRecord[], viewer: Actor, access: ReportAccess) {
  const items = await repo.itemsOf(
    db,
    reports.map((r) => r.id),
  );
  return reports.map((r) => presentReport(r, items.get(r.id) ?? [], viewer, access));
}

/** One report as the actor may see it; a read by anyone but the author is recorded. */
export async function getReport(ctx: AppContext, actor: Actor, id: string, now = new Date()): Promise<TReport> {
  const report = await readable(ctx.db, actor, id);
  if (report.user_id !== actor.id) await repo.recordRead(ctx.db, id, actor.id, now.toISOString());
  const [presented] = await presentReports(ctx.db, [report], actor, { tree: await loadTree(ctx.db) });
  return presented as TReport;
}

/** Every saved version of a report, oldest first, redacted like the report itself. */
export async function listVersions(ctx: AppContext, actor: Actor, id: string): Promise<TReportVersion[]> {
  const report = await readable(ctx.db, actor, id);
  const access = { tree: await loadTree(ctx.db) };
  return (await repo.listVersionRows(ctx.db, id)).map((v) => presentVersion(report, v, actor, access));
}

/** Who read a report: for its author, their head, their leaders and assessors. */
export async function listReaders(ctx: AppContext, actor: Actor, id: string): Promise<TReportReader[]> {
  const report = await readable(ctx.db, actor, id);
  const tree = await loadTree(ctx.db);
  authorize(
    canSeeReaders(actor, { userId: report.user_id, departmentId: report.department_id }, tree),
    'Only the author, their head, their leaders and assessors see who read a report',
  );
  return (await repo.listReaders(ctx.db, id)).map((r) => ({
    userId: r.user_id,
    displayName: r.display_name,
    readAt: r.first_read_at,
    lastReadAt: r.last_read_at,
  }));
}

function decodeCursor(cursor: string): { week: string; id: string } {
  const [week, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!week || !id || !isValidWeekId(week))
    throw invalidInput('Invalid cursor', [{ path: 'querystring.cursor', message: 'invalid' }]);
  return { week, id };
}

/** Submitted reports of the organisation, newest week first, restricted items redacted per viewer. */
export async function listReports(ctx: AppContext, actor: Actor, query: TListReportsQuery) {
  const limit = query.limit ?? 50;
  const rows = await repo.listSubmitted(ctx.db, {
    week: query.week,
    departmentId: query.departmentId,
    userId: query.userId,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const items = await presentReports(ctx.db, page, actor, { tree: await loadTree(ctx.db) });
  const nextCursor = rows.length > limit && last ? Buffer.from(`${last.week}|${last.id}`).toString('base64url') : null;
  return { items, nextCursor };
}
