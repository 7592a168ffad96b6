import type {
  TAlbum,
  TAlbumFeedback,
  TAlbumGrade,
  TAlbumMonth,
  TAlbumWeek,
  TGradeValue,
  TPresentedItem,
  TReportItem,
} from '@zhoubao/contracts';
import type { Actor } from '../../lib/actor';
import { presentReport, type ReportAccess } from '../reports/reports.presenter';
import type { ReportRecord, StoredItem } from '../reports/reports.repository';
import { addDays, weekEnd, weekStart } from '../weeks/iso-week';
import { canSeeAlbumGrade } from './album.policy';
import type { AlbumCommentRow, AlbumGradeRow } from './album.repository';

/** One report of the album with what was loaded for it. */
export interface AlbumSource {
  report: ReportRecord;
  items: StoredItem[];
  comments: AlbumCommentRow[];
  /** The latest grade, if any. */
  grade: AlbumGradeRow | undefined;
}

/** A full item, as opposed to the placeholder of a restricted item the viewer may not read. */
const isFullItem = (i: TPresentedItem): i is TReportItem => !('redacted' in i);

/** The month a week belongs to: the month of its Thursday, as ISO weeks belong to the year of theirs. */
export const monthOfWeek = (week: string): string => addDays(weekStart(week), 3).slice(0, 7);

const presentFeedback = (c: AlbumCommentRow): TAlbumFeedback => ({
  id: c.id,
  kind: c.kind === 'feedback' ? 'feedback' : 'comment',
  authorId: c.author_id,
  authorName: c.author_name,
  body: c.body,
  createdAt: c.created_at,
});

const presentGrade = (g: AlbumGradeRow): TAlbumGrade => ({
  grade: g.grade as TGradeValue,
  note: g.note,
  byName: g.grader_name,
  at: g.graded_at,
});

/**
 * One week as `viewer` may see it. Items go through the report presenter, the one place restricted
 * items are redacted; the album then leaves redacted items out altogether. The grade is given only to
 * those who may see it (the key is absent for others).
 */
export function presentAlbumWeek(source: AlbumSource, viewer: Actor, access: ReportAccess): TAlbumWeek {
  const { report } = source;
  const presented = presentReport(report, source.items, viewer, access);
  const items = presented.items.filter(isFullItem);
  const week: TAlbumWeek = {
    week: report.week,
    start: weekStart(report.week),
    end: weekEnd(report.week),
    reportId: report.id,
    status: report.late === 1 ? 'late' : 'on_time',
    submittedAt: report.submitted_at,
    summary: presented.summary,
    items,
    feedback: source.comments.map(presentFeedback),
  };
  if (canSeeAlbumGrade(viewer, { userId: report.user_id, departmentId: report.department_id }, access.tree)) {
    week.grade = source.grade ? presentGrade(source.grade) : null;
  }
  return week;
}

/** Weeks (oldest first) grouped into months, in order. */
export function groupByMonth(weeks: TAlbumWeek[]): TAlbumMonth[] {
  const months: TAlbumMonth[] = [];
  for (const w of weeks) {
    const month = monthOfWeek(w.week);
    const last = months.at(-1);
    if (last?.month === month) last.weeks.push(w);
    else months.push({ month, weeks: [w] });
  }
  return months;
}

/** The album's figures: weeks, on time, late, the items shown and the feedback received. */
export function albumStats(weeks: TAlbumWeek[]): TAlbum['stats'] {
  return {
    weeks: weeks.length,
    onTime: weeks.filter((w) => w.status === 'on_time').length,
    late: weeks.filter((w) => w.status === 'late').length,
    items: weeks.reduce((n, w) => n + w.items.length, 0),
    feedback: weeks.reduce((n, w) => n + w.feedback.length, 0),
  };
}
