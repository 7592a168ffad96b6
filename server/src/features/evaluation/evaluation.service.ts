import type { TEvaluation, TGradeEntry, TGradeRequest, TGradeValue, TRateRequest, TToReadItem } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { Executor } from '../../db/database';
import { type Actor, authorize } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { auditBy } from '../audit/audit.service';
import { loadTree } from '../departments/departments.repository';
import { canReadReport } from '../reports/reports.policy';
import { findReport, type ReportRecord } from '../reports/reports.repository';
import { getSettings } from '../settings/settings.service';
import { weekOfInstant } from '../weeks/iso-week';
import { canGrade, canRate, canSeeGrade, canSeeGradeHistory, canSeeRaters, toReadDepartments } from './evaluation.policy';
import * as repo from './evaluation.repository';

/** A report the actor may open: drafts are their author's alone (others get 404, not 403). */
export async function readableReport(db: Executor, actor: Actor, id: string): Promise<ReportRecord> {
  const report = await findReport(db, id);
  if (!report || !canReadReport(actor, { userId: report.user_id, status: report.status })) throw notFound('Report');
  return report;
}

/**
 * A submitted report the actor may evaluate: likes, ratings and grades are for submitted reports
 * only (an author's own draft is 404 here too).
 */
export async function submittedReport(db: Executor, actor: Actor, id: string): Promise<ReportRecord> {
  const report = await readableReport(db, actor, id);
  if (report.status !== 'submitted') throw notFound('Report');
  return report;
}

const subjectOf = (r: ReportRecord) => ({ userId: r.user_id, departmentId: r.department_id });

/** Likes a report (idempotent). */
export async function likeReport(ctx: AppContext, actor: Actor, id: string, now = new Date()): Promise<void> {
  await submittedReport(ctx.db, actor, id);
  await repo.insertLike(ctx.db, id, actor.id, now.toISOString());
}

/** Takes back a like (idempotent). */
export async function unlikeReport(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await submittedReport(ctx.db, actor, id);
  await repo.deleteLike(ctx.db, id, actor.id);
}

/** Rates someone else's report 1–5; a later rating by the same person replaces it. Audited. */
export async function rateReport(ctx: AppContext, actor: Actor, id: string, input: TRateRequest, now = new Date()) {
  const report = await submittedReport(ctx.db, actor, id);
  authorize(canRate(actor, subjectOf(report)), 'Nobody rates their own report');
  await ctx.db.transaction().execute(async (trx) => {
    const reason = input.reason || null;
    await repo.upsertRating(trx, { reportId: id, raterId: actor.id, score: input.score, reason, at: now.toISOString() });
    await auditBy(trx, actor, 'report.rated', { targetType: 'report', targetId: id, data: { score: input.score } });
  });
}

/** Grades a report A–D (head, leaders, assessors); every grade is kept and audited, the latest counts. */
export async function gradeReport(ctx: AppContext, actor: Actor, id: string, input: TGradeRequest, now = new Date()) {
  const report = await submittedReport(ctx.db, actor, id);
  authorize(canGrade(actor, subjectOf(report), await loadTree(ctx.db)), "Only the author's head, leaders and assessors grade");
  const at = now.toISOString();
  const note = input.note || null;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertGrade(trx, { id: newId(now.getTime()), reportId: id, grade: input.grade, note, by: actor.id, at });
    await auditBy(trx, actor, 'report.graded', {
      targetType: 'report',
      targetId: id,
      data: { week: report.week, grade: input.grade, note },
    });
  });
  ctx.events.emit('report.graded', {
    reportId: id,
    reportOwnerId: report.user_id,
    week: report.week,
    grade: input.grade,
    gradedBy: actor.id,
    gradedByName: actor.displayName,
    at,
  });
}

/** Likes, ratings and grades of a report, shaped by who asks (see `ZEvaluation`). */
export async function getEvaluation(ctx: AppContext, actor: Actor, id: string): Promise<TEvaluation> {
  const report = await readableReport(ctx.db, actor, id);
  const subject = subjectOf(report);
  const tree = await loadTree(ctx.db);
  const [likes, ratings, settings] = await Promise.all([
    repo.likesOf(ctx.db, id, actor.id),
    repo.listRatings(ctx.db, id),
    getSettings(ctx),
  ]);
  const mine = ratings.find((r) => r.rater_id === actor.id);
  const out: TEvaluation = {
    ...likes,
    ratingAverage:
      ratings.length > 0 ? Math.round((ratings.reduce((s, r) => s + r.score, 0) / ratings.length) * 100) / 100 : null,
    ratingCount: ratings.length,
    myRating: mine ? { score: mine.score, reason: mine.reason } : null,
  };
  if (canSeeRaters(actor, subject, settings.ratingsVisibility)) {
    out.raters = ratings.map((r) => ({ userId: r.rater_id, displayName: r.display_name, score: r.score, reason: r.reason }));
  }
  if (canSeeGrade(actor, subject, tree)) {
    const grades: TGradeEntry[] = (await repo.listGrades(ctx.db, id)).map((g) => ({
      grade: g.grade as TGradeValue,
      note: g.note,
      by: g.graded_by,
      byName: g.display_name,
      at: g.graded_at,
    }));
    out.grade = grades.at(-1) ?? null;
    if (canSeeGradeHistory(actor, subject, tree)) out.grades = grades;
  }
  return out;
}

/** The submitted reports of a week from the actor's people (as head or leader) they have not opened. */
export async function listToRead(
  ctx: AppContext,
  actor: Actor,
  week: string | undefined,
  now = new Date(),
): Promise<TToReadItem[]> {
  const tree = await loadTree(ctx.db);
  const departments = toReadDepartments(actor, tree);
  if (departments.length === 0) return [];
  const forWeek = week ?? weekOfInstant(now, (await getSettings(ctx)).timezone);
  const rows = await repo.listUnread(ctx.db, actor.id, forWeek, departments);
  return rows.map((r) => ({
    reportId: r.id,
    userId: r.user_id,
    displayName: r.display_name,
    departmentId: r.department_id,
    submittedAt: r.submitted_at,
  }));
}
