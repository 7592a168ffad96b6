import type { TBulletin, TBulletinQuery, TDepartmentSummary, TSaveSummaryRequest, TWall } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import { type Actor, authorize } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { auditBy } from '../audit/audit.service';
import type { DepartmentTree } from '../departments/department-tree';
import { loadTree } from '../departments/departments.repository';
import { canManageBulletin } from '../reports/reports.policy';
import { presentSummaryItems } from '../reports/reports.presenter';
import { parseItems } from '../reports/reports.repository';
import { toStoredItems, writableWeekDeadline } from '../reports/reports.service';
import { indexSummary } from '../search/search.indexer';
import { compileBulletin, loadReferencedReports, loadWeekReports, publishedView } from './bulletins.compile';
import { presentBulletin } from './bulletins.presenter';
import * as repo from './bulletins.repository';

/** The department tree and the department itself; 404 when there is no such department. */
async function departmentOf(
  ctx: AppContext,
  id: string,
): Promise<{ tree: DepartmentTree; department: { id: string; name: string } }> {
  const tree = await loadTree(ctx.db);
  const node = tree.get(id);
  if (!node) throw notFound('Department');
  return { tree, department: { id: node.id, name: node.name } };
}

const MANAGERS_ONLY = "Only the department's head, its leaders and assessors may do this";

function presentSummary(row: repo.SummaryRow, actor: Actor, tree: DepartmentTree): TDepartmentSummary {
  return {
    departmentId: row.department_id,
    week: row.week,
    summary: row.summary,
    items: presentSummaryItems(row.department_id, parseItems(row.items), actor, { tree }),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** A department's summary of a week (its head, leaders and assessors); 404 when none was written. */
export async function getSummary(ctx: AppContext, actor: Actor, departmentId: string, week: string): Promise<TDepartmentSummary> {
  const { tree } = await departmentOf(ctx, departmentId);
  authorize(canManageBulletin(actor, departmentId, tree), MANAGERS_ONLY);
  const row = await repo.findSummary(ctx.db, departmentId, week);
  if (!row) throw notFound('Summary');
  return presentSummary(row, actor, tree);
}

/** Writes a department's summary of a week (its head, leaders and assessors); audited. */
export async function saveSummary(
  ctx: AppContext,
  actor: Actor,
  departmentId: string,
  week: string,
  input: TSaveSummaryRequest,
  now = new Date(),
): Promise<TDepartmentSummary> {
  const { tree } = await departmentOf(ctx, departmentId);
  authorize(canManageBulletin(actor, departmentId, tree), MANAGERS_ONLY);
  const row = await ctx.db.transaction().execute(async (trx) => {
    await writableWeekDeadline(ctx, trx, week, now);
    const current = await repo.findSummary(trx, departmentId, week);
    const known = new Set(current ? parseItems(current.items).map((i) => i.id) : []);
    const next: repo.SummaryRow = {
      department_id: departmentId,
      week,
      summary: input.summary ?? '',
      items: JSON.stringify(toStoredItems(input.items, known)),
      version: (current?.version ?? 0) + 1,
      updated_at: now.toISOString(),
      updated_by: actor.id,
    };
    await repo.upsertSummary(trx, next);
    await indexSummary(trx, departmentId, week);
    await auditBy(trx, actor, 'summary.saved', {
      targetType: 'department',
      targetId: departmentId,
      data: { week, version: next.version },
    });
    return next;
  });
  return presentSummary(row, actor, tree);
}

/**
 * Publishes a department's bulletin of a week: a snapshot of the summary and of the report versions
 * compiled now, so later edits do not change it. Publishing again adds a version; earlier ones stay.
 */
export async function publishBulletin(
  ctx: AppContext,
  actor: Actor,
  departmentId: string,
  week: string,
  now = new Date(),
): Promise<TBulletin> {
  const { tree, department } = await departmentOf(ctx, departmentId);
  authorize(canManageBulletin(actor, departmentId, tree), MANAGERS_ONLY);
  await writableWeekDeadline(ctx, ctx.db, week, now);
  const { snapshot } = await compileBulletin(ctx, department, week);
  const at = now.toISOString();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const next: repo.BulletinRow = {
      id: newId(now.getTime()),
      department_id: departmentId,
      week,
      version: (await repo.latestBulletinVersion(trx, departmentId, week)) + 1,
      published_at: at,
      published_by: actor.id,
      snapshot: JSON.stringify(snapshot),
    };
    await repo.insertBulletin(trx, next);
    // A published summary becomes searchable by all staff.
    await indexSummary(trx, departmentId, week);
    await auditBy(trx, actor, 'bulletin.published', {
      targetType: 'bulletin',
      targetId: next.id,
      data: { departmentId, week, version: next.version, reports: snapshot.reports.length },
    });
    return next;
  });
  ctx.events.emit('bulletin.published', { departmentId, week, version: row.version, publishedBy: actor.id, at });
  const view = publishedView(row, department, await loadReferencedReports(ctx.db, row));
  return presentBulletin(view, actor, { tree });
}

/**
 * A department's published bulletin of a week (the latest, or `?version=`); 404 when none.
 * `?preview=true` compiles it live instead, for the department's head, leaders and assessors.
 */
export async function getBulletin(
  ctx: AppContext,
  actor: Actor,
  departmentId: string,
  week: string,
  query: TBulletinQuery,
): Promise<TBulletin> {
  const { tree, department } = await departmentOf(ctx, departmentId);
  if (query.preview === 'true') {
    authorize(canManageBulletin(actor, departmentId, tree), MANAGERS_ONLY);
    return presentBulletin((await compileBulletin(ctx, department, week)).view, actor, { tree });
  }
  const row = await repo.findBulletin(ctx.db, departmentId, week, query.version);
  if (!row) throw notFound('Bulletin');
  return presentBulletin(publishedView(row, department, await loadReferencedReports(ctx.db, row)), actor, { tree });
}

/**
 * The wall of a week: every department with members (or a bulletin), in tree order, with its live
 * counts, and every published bulletin (latest versions). A fixed handful of queries in all.
 */
export async function getWall(ctx: AppContext, actor: Actor, week: string): Promise<TWall> {
  const tree = await loadTree(ctx.db);
  const [members, counts, published] = await Promise.all([
    repo.memberCounts(ctx.db),
    repo.submissionCounts(ctx.db, week),
    repo.latestBulletinsOfWeek(ctx.db, week),
  ]);
  const byDepartment = new Map(published.map((b) => [b.department_id, b]));
  const departments = tree.ordered().filter((d) => (members.get(d.id) ?? 0) > 0 || byDepartment.has(d.id));
  const loaded = published.length > 0 ? await loadWeekReports(ctx.db, week) : { reports: new Map(), versions: new Map() };
  const access = { tree };
  return {
    week,
    departments: departments.map((d) => ({
      id: d.id,
      name: d.name,
      members: members.get(d.id) ?? 0,
      submitted: counts.get(d.id)?.submitted ?? 0,
      late: counts.get(d.id)?.late ?? 0,
      published: byDepartment.has(d.id),
    })),
    bulletins: departments.flatMap((d) => {
      const row = byDepartment.get(d.id);
      return row ? [presentBulletin(publishedView(row, { id: d.id, name: d.name }, loaded), actor, access)] : [];
    }),
  };
}
