import {
  PROFILE_FEEDBACK_LIMIT,
  type TAchievement,
  type TCategoryCount,
  type TCommentKind,
  type TFeedbackEntry,
  type TItemKind,
  type TPersonRef,
  type TVisibility,
} from '@zhoubao/contracts';
import type { Actor } from '../../lib/actor';
import type { DepartmentTree } from '../departments/department-tree';
import { canSeeRestricted } from '../reports/reports.policy';
import type { ProfileItemRow, ReceivedCommentRow } from './profile.repository';

/** What the presenter needs of a report: its status, week and the department it was submitted in. */
interface ReportFacts {
  status: string;
  week: string;
  department_id: string | null;
}

function parseTags(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Work by category and achievements, from the items of submitted reports the viewer may read: a
 * restricted item counts and shows only for those who may see the restricted items of its report
 * (the author, their head, leaders and assessors) — for anyone else it is left out entirely, so
 * neither its text nor its category leaks. Categories count work and study items (what was done; a
 * plan would count twice: it comes back as next week's work); achievements are the items with an outcome, newest week first.
 */
export function presentContent(
  items: readonly ProfileItemRow[],
  reports: ReadonlyMap<string, ReportFacts>,
  ownerId: string,
  viewer: Actor,
  tree: DepartmentTree,
): { categories: TCategoryCount[]; achievements: TAchievement[] } {
  const mayRead = new Map<string, boolean>();
  const readable = (reportId: string, report: ReportFacts) => {
    let may = mayRead.get(reportId);
    if (may === undefined) {
      may = canSeeRestricted(viewer, { userId: ownerId, departmentId: report.department_id }, tree);
      mayRead.set(reportId, may);
    }
    return may;
  };
  const counts = new Map<string | null, number>();
  const achievements: TAchievement[] = [];
  for (const i of items) {
    const report = reports.get(i.report_id);
    if (report?.status !== 'submitted') continue;
    if (i.visibility === 'restricted' && !readable(i.report_id, report)) continue;
    if (i.kind !== 'plan') counts.set(i.category, (counts.get(i.category) ?? 0) + 1);
    if (i.outcome?.trim()) {
      achievements.push({
        id: i.id,
        kind: i.kind as TItemKind,
        category: i.category,
        content: i.content,
        outcome: i.outcome,
        visibility: i.visibility as TVisibility,
        tags: parseTags(i.tags),
        goalId: i.goal_id,
        reportId: i.report_id,
        week: report.week,
      });
    }
  }
  const categories = [...counts]
    .map(([category, count]) => ({ category, count }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        (a.category === null ? 1 : 0) - (b.category === null ? 1 : 0) ||
        (a.category ?? '').localeCompare(b.category ?? '', 'zh-CN'),
    );
  return { categories, achievements };
}

/**
 * Comments received, feedback first (a head's, leader's or assessor's), then plain comments from
 * colleagues, newest first within each; at most PROFILE_FEEDBACK_LIMIT listed, all counted.
 */
export function presentFeedback(
  rows: readonly ReceivedCommentRow[],
  mentions: ReadonlyMap<string, TPersonRef[]>,
): { feedback: TFeedbackEntry[]; feedbackCounts: { feedback: number; comment: number } } {
  const feedbackCount = rows.filter((r) => r.kind === 'feedback').length;
  return {
    feedback: rows.slice(0, PROFILE_FEEDBACK_LIMIT).map((r) => ({
      id: r.id,
      authorId: r.author_id,
      authorName: r.author_name,
      body: r.body,
      kind: r.kind as TCommentKind,
      mentions: mentions.get(r.id) ?? [],
      createdAt: r.created_at,
      editedAt: r.edited_at,
      reportId: r.report_id,
      week: r.week,
    })),
    feedbackCounts: { feedback: feedbackCount, comment: rows.length - feedbackCount },
  };
}
