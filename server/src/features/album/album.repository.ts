import type { Executor } from '../../db/database';
import type { ReportRecord } from '../reports/reports.repository';

/** SQLite limits bound parameters per statement, so long id lists go in chunks. */
const CHUNK = 500;

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/** A person's live submitted reports from week `from` to week `to` (both included), oldest first. */
export async function listSubmittedInRange(db: Executor, userId: string, from: string, to: string): Promise<ReportRecord[]> {
  // Week ids are fixed-width `YYYY-Www`, so text order is week order.
  return db
    .selectFrom('reports as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .selectAll('r')
    .select('u.display_name')
    .where('r.user_id', '=', userId)
    .where('r.status', '=', 'submitted')
    .where('r.deleted_at', 'is', null)
    .where('r.week', '>=', from)
    .where('r.week', '<=', to)
    .orderBy('r.week')
    .execute();
}

export interface AlbumCommentRow {
  id: string;
  report_id: string;
  author_id: string;
  author_name: string;
  body: string;
  kind: string;
  created_at: string;
}

/** The live comments of many reports with their authors' names, oldest first, one query per chunk. */
export async function commentsOf(db: Executor, reportIds: readonly string[]): Promise<AlbumCommentRow[]> {
  const out: AlbumCommentRow[] = [];
  for (const chunk of chunks(reportIds)) {
    const rows = await db
      .selectFrom('comments as c')
      .innerJoin('users as u', 'u.id', 'c.author_id')
      .select(['c.id', 'c.report_id', 'c.author_id', 'u.display_name as author_name', 'c.body', 'c.kind', 'c.created_at'])
      .where('c.report_id', 'in', chunk)
      .where('c.deleted_at', 'is', null)
      .orderBy('c.created_at')
      .orderBy('c.id')
      .execute();
    out.push(...rows);
  }
  return out;
}

export interface AlbumGradeRow {
  report_id: string;
  grade: string;
  note: string | null;
  grader_name: string;
  graded_at: string;
}

/** Every grade of many reports with the grader's name, oldest first (the last one counts), per chunk. */
export async function gradesOf(db: Executor, reportIds: readonly string[]): Promise<AlbumGradeRow[]> {
  const out: AlbumGradeRow[] = [];
  for (const chunk of chunks(reportIds)) {
    const rows = await db
      .selectFrom('report_grades as g')
      .innerJoin('users as u', 'u.id', 'g.graded_by')
      .select(['g.report_id', 'g.grade', 'g.note', 'u.display_name as grader_name', 'g.graded_at'])
      .where('g.report_id', 'in', chunk)
      .orderBy('g.graded_at')
      .orderBy('g.id')
      .execute();
    out.push(...rows);
  }
  return out;
}
