import {
  type TAssessment,
  type TAssessmentCandidate,
  type TAssessmentCreate,
  type TAssessmentQuery,
  type TAssessmentSummary,
  type TCandidateBody,
  type TScoreRow,
  ZScoreRow,
} from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { Executor } from '../../db/database';
import { type Actor, authorize, hasRole } from '../../lib/actor';
import { conflict, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { auditBy } from '../audit/audit.service';
import { loadTree } from '../departments/departments.repository';
import { rankRows, scoreTotals } from '../scoring/scoring.compute';
import { getRules } from '../scoring/scoring.service';
import { assessmentWorkbook, exportDisposition } from './assessments.export';
import * as repo from './assessments.repository';

/** Who may take, read and mark assessments: assessors. */
export const canAssess = (actor: Actor): boolean => hasRole(actor, 'assessor');
const DENIED = 'Only assessors work with assessments';

function summaryOf(row: Omit<repo.AssessmentRow, 'rules' | 'items'>): TAssessmentSummary {
  return {
    id: row.id,
    name: row.name,
    from: row.from_week,
    to: row.to_week,
    rulesVersion: Number(row.rules_version),
    createdAt: row.created_at,
    createdBy: row.created_by,
    lockedAt: row.locked_at,
  };
}

const candidateOf = (row: repo.CandidateRow): TAssessmentCandidate => ({
  userId: row.user_id,
  note: row.note,
  markedBy: row.marked_by,
  markedAt: row.marked_at,
});

/**
 * The people in the top `share` of their department: with n people, those whose department rank is at
 * most ⌈share × n⌉ (ties included); nobody when the share is 0.
 */
export function suggestCandidates(rows: readonly TScoreRow[], share: number): string[] {
  const sizes = new Map<string | null, number>();
  for (const row of rows) sizes.set(row.departmentId, (sizes.get(row.departmentId) ?? 0) + 1);
  return rows
    .filter((row) => row.departmentRank <= Math.ceil(share * (sizes.get(row.departmentId) ?? 0)))
    .map((row) => row.userId);
}

async function full(db: Executor, row: repo.AssessmentRow, share: number): Promise<TAssessment> {
  const items = ZScoreRow.array().parse(JSON.parse(row.items));
  const candidates = await repo.listCandidates(db, row.id);
  return { ...summaryOf(row), items, suggested: suggestCandidates(items, share), candidates: candidates.map(candidateOf) };
}

/** Takes a frozen snapshot of everyone's scores for the period under the rules in force; audited. */
export async function createAssessment(
  ctx: AppContext,
  actor: Actor,
  body: TAssessmentCreate,
  query: TAssessmentQuery,
): Promise<TAssessment> {
  authorize(canAssess(actor), DENIED);
  const { version, createdAt: _c, createdBy: _b, ...rules } = await getRules(ctx);
  const items = rankRows(await scoreTotals(ctx, rules, { from: body.from, to: body.to }));
  const row: repo.AssessmentRow = {
    id: newId(),
    name: body.name,
    from_week: body.from,
    to_week: body.to,
    rules_version: version,
    rules: JSON.stringify(rules),
    items: JSON.stringify(items),
    created_at: nowIso(),
    created_by: actor.id,
    locked_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertAssessment(trx, row);
    await auditBy(trx, actor, 'assessment.created', {
      targetType: 'assessment',
      targetId: row.id,
      data: { name: body.name, from: body.from, to: body.to, rulesVersion: version, people: items.length },
    });
  });
  return full(ctx.db, row, query.share);
}

export async function listAssessments(ctx: AppContext, actor: Actor): Promise<TAssessmentSummary[]> {
  authorize(canAssess(actor), DENIED);
  return (await repo.listAssessments(ctx.db)).map(summaryOf);
}

async function load(db: Executor, id: string): Promise<repo.AssessmentRow> {
  const row = await repo.findAssessment(db, id);
  if (!row) throw notFound('Assessment');
  return row;
}

export async function getAssessment(ctx: AppContext, actor: Actor, id: string, query: TAssessmentQuery): Promise<TAssessment> {
  authorize(canAssess(actor), DENIED);
  return full(ctx.db, await load(ctx.db, id), query.share);
}

async function loadOpen(db: Executor, id: string): Promise<repo.AssessmentRow> {
  const row = await load(db, id);
  if (row.locked_at) throw conflict('The assessment is locked');
  return row;
}

/** Marks a person of the snapshot as a candidate, with an optional note; audited. */
export async function markCandidate(
  ctx: AppContext,
  actor: Actor,
  id: string,
  userId: string,
  body: TCandidateBody,
): Promise<TAssessmentCandidate> {
  authorize(canAssess(actor), DENIED);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadOpen(trx, id);
    const items = ZScoreRow.array().parse(JSON.parse(row.items));
    if (!items.some((r) => r.userId === userId)) throw notFound('Person in this assessment');
    const before = await repo.findCandidate(trx, id, userId);
    const candidate: repo.CandidateRow = {
      assessment_id: id,
      user_id: userId,
      note: body.note ?? null,
      marked_by: actor.id,
      marked_at: nowIso(),
    };
    await repo.upsertCandidate(trx, candidate);
    await auditBy(trx, actor, 'assessment.candidate_marked', {
      targetType: 'assessment',
      targetId: id,
      data: { userId, before: before ? { note: before.note } : null, after: { note: candidate.note } },
    });
    return candidateOf(candidate);
  });
}

/** Removes a candidate mark; audited. */
export async function unmarkCandidate(ctx: AppContext, actor: Actor, id: string, userId: string): Promise<void> {
  authorize(canAssess(actor), DENIED);
  await ctx.db.transaction().execute(async (trx) => {
    await loadOpen(trx, id);
    if ((await repo.deleteCandidate(trx, id, userId)) === 0) throw notFound('Candidate');
    await auditBy(trx, actor, 'assessment.candidate_unmarked', { targetType: 'assessment', targetId: id, data: { userId } });
  });
}

/** Locks an assessment: its candidates no longer change; audited. */
export async function lockAssessment(ctx: AppContext, actor: Actor, id: string, query: TAssessmentQuery): Promise<TAssessment> {
  authorize(canAssess(actor), DENIED);
  const lockedAt = nowIso();
  await ctx.db.transaction().execute(async (trx) => {
    await loadOpen(trx, id);
    await repo.setLocked(trx, id, lockedAt);
    await auditBy(trx, actor, 'assessment.locked', { targetType: 'assessment', targetId: id });
  });
  return getAssessment(ctx, actor, id, query);
}

/** `GET /assessments/:id/export`: the frozen snapshot and its candidates as an .xlsx workbook (assessors). */
export async function exportAssessment(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ disposition: string; data: Buffer }> {
  authorize(canAssess(actor), DENIED);
  const assessment = await full(ctx.db, await load(ctx.db, id), 0);
  const markers = [...new Set(assessment.candidates.flatMap((c) => (c.markedBy ? [c.markedBy] : [])))];
  const [tree, users] = await Promise.all([loadTree(ctx.db), repo.userNames(ctx.db, markers)]);
  const data = await assessmentWorkbook(assessment, { tree, users, en: actor.locale === 'en' });
  return { disposition: exportDisposition(assessment), data };
}
