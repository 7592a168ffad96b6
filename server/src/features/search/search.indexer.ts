// Keeps the search index in step with what people write. Writers call these inside their own
// transaction, so an entry never outlives (or predates) the text it was made from.
import type { Executor } from '../../db/database';
import { itemsOf, parseItems, type StoredItem } from '../reports/reports.repository';
import { type NewEntry, providerOf } from './search.provider';
import {
  type CommentSource,
  findCommentSource,
  findReportSources,
  findSummarySource,
  type ReportSource,
  type SummarySource,
} from './search.repository';
import { indexTokens } from './search.tokens';

export const reportSource = (reportId: string): string => `report:${reportId}`;
export const commentSource = (commentId: string): string => `comment:${commentId}`;
export const summarySource = (departmentId: string, week: string): string => `summary:${departmentId}:${week}`;

/**
 * What an item's entry shows and is found by: its content, its outcome and its tags (as `#tag`,
 * so a hit by tag shows why). The category is left out: it is a coarse label every item of a line
 * of work shares, and matching it would bury the texts that use the word.
 */
function itemText(i: StoredItem): { text: string; tokens: string[] } {
  const lines = [i.content, i.outcome ?? '', i.tags.map((t) => `#${t}`).join(' ')].filter(Boolean);
  const text = lines.join('\n');
  return { text, tokens: indexTokens(text) };
}

/** The entries of a report: its own summary line (when written) and each item. */
export function reportEntries(report: ReportSource, items: readonly StoredItem[]): NewEntry[] {
  const common = {
    source: reportSource(report.id),
    report_id: report.id,
    comment_id: null,
    owner_id: report.user_id,
    author_id: report.user_id,
    department_id: report.department_id,
    week: report.week,
    status: report.status,
  };
  const out: NewEntry[] = [];
  if (report.summary.trim()) {
    out.push({
      ...common,
      kind: 'report',
      item_id: null,
      restricted: 0,
      text: report.summary,
      tokens: indexTokens(report.summary),
    });
  }
  for (const i of items) {
    out.push({ ...common, kind: 'item', item_id: i.id, restricted: i.visibility === 'restricted' ? 1 : 0, ...itemText(i) });
  }
  return out;
}

/** The entry of a live comment on a live report; null otherwise. */
export function commentEntry(c: CommentSource): NewEntry | null {
  if (c.deleted_at !== null || c.report_deleted_at !== null) return null;
  return {
    source: commentSource(c.id),
    kind: 'comment',
    report_id: c.report_id,
    item_id: null,
    comment_id: c.id,
    owner_id: c.owner_id,
    author_id: c.author_id,
    department_id: c.department_id,
    week: c.week,
    restricted: 0,
    status: c.status,
    text: c.body,
    tokens: indexTokens(c.body),
  };
}

/**
 * The entries of a department summary: `published` (open to all staff) when its department's
 * latest bulletin of the week was published after the summary's last save, else `draft` (for
 * those who oversee the department only) — so text saved after publishing stays unpublished.
 */
export function summaryEntries(s: SummarySource): NewEntry[] {
  const published = s.published_at !== null && Date.parse(s.published_at) >= Date.parse(s.updated_at);
  const common = {
    source: summarySource(s.department_id, s.week),
    kind: 'summary',
    report_id: null,
    comment_id: null,
    owner_id: null,
    author_id: s.updated_by,
    department_id: s.department_id,
    week: s.week,
    status: published ? 'published' : 'draft',
  };
  const out: NewEntry[] = [];
  if (s.summary.trim()) {
    out.push({ ...common, item_id: null, restricted: 0, text: s.summary, tokens: indexTokens(s.summary) });
  }
  for (const i of parseItems(s.items)) {
    out.push({ ...common, item_id: i.id, restricted: i.visibility === 'restricted' ? 1 : 0, ...itemText(i) });
  }
  return out;
}

/** Re-indexes reports (live ones from their rows and items; deleted or missing ones leave the index with their comments). */
export async function indexReports(db: Executor, reportIds: readonly string[]): Promise<void> {
  if (reportIds.length === 0) return;
  const provider = providerOf(db);
  const reports = await findReportSources(db, reportIds);
  const live = reports.filter((r) => r.deleted_at === null);
  const liveIds = new Set(live.map((r) => r.id));
  for (const id of reportIds) if (!liveIds.has(id)) await provider.remove(db, { reportId: id });
  await provider.remove(db, { sources: live.map((r) => reportSource(r.id)) });
  const items = await itemsOf(
    db,
    live.map((r) => r.id),
  );
  await provider.insert(
    db,
    live.flatMap((r) => reportEntries(r, items.get(r.id) ?? [])),
  );
}

/** Re-indexes one report after a draft save, a submission or a revision (or its deletion). */
export async function indexReport(db: Executor, reportId: string): Promise<void> {
  await indexReports(db, [reportId]);
}

/** Removes a report's entries and its comments' entries: for deleting a report. */
export async function removeReport(db: Executor, reportId: string): Promise<void> {
  await providerOf(db).remove(db, { reportId });
}

/** Re-indexes one comment after it was written, edited or deleted. */
export async function indexComment(db: Executor, commentId: string): Promise<void> {
  const provider = providerOf(db);
  await provider.remove(db, { sources: [commentSource(commentId)] });
  const source = await findCommentSource(db, commentId);
  const entry = source && commentEntry(source);
  if (entry) await provider.insert(db, [entry]);
}

/** Re-indexes a department's summary of a week after a save or a publication. */
export async function indexSummary(db: Executor, departmentId: string, week: string): Promise<void> {
  const provider = providerOf(db);
  await provider.remove(db, { sources: [summarySource(departmentId, week)] });
  const source = await findSummarySource(db, departmentId, week);
  if (source) await provider.insert(db, summaryEntries(source));
}
