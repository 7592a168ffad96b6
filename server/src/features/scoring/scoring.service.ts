import {
  DEFAULT_SCORING_RULES,
  type TScoreRow,
  type TScoresQuery,
  type TScoringRules,
  type TScoringRulesState,
  type TUserScores,
  type TUserScoresQuery,
  ZScoringRules,
} from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { Executor } from '../../db/database';
import { type Actor, authorize } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { nowIso } from '../../lib/time';
import { buildXlsx } from '../../lib/xlsx';
import { auditBy } from '../audit/audit.service';
import { loadTree } from '../departments/departments.repository';
import { type PeriodScore, rankRows, scorePeriod, scoreTotals } from './scoring.compute';
import { canEditScoringRules, canSeeScoresOf } from './scoring.policy';
import * as repo from './scoring.repository';

/** The rules in force: the latest saved version, or the defaults (version 0). */
export async function getRules(ctx: AppContext, db: Executor = ctx.db): Promise<TScoringRulesState> {
  const row = await repo.latestRulesRow(db);
  if (!row) return { ...DEFAULT_SCORING_RULES, version: 0, createdAt: null, createdBy: null };
  const rules = ZScoringRules.parse(JSON.parse(row.rules));
  return { ...rules, version: row.version, createdAt: row.created_at, createdBy: row.created_by };
}

/** Saves a new version of the rules (assessors, admins); earlier versions stay; audited. */
export async function putRules(ctx: AppContext, actor: Actor, rules: TScoringRules): Promise<TScoringRulesState> {
  authorize(canEditScoringRules(actor), 'Only assessors and admins change the scoring rules');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getRules(ctx, trx);
    const version = before.version + 1;
    const createdAt = nowIso();
    await repo.insertRulesRow(trx, { version, rules: JSON.stringify(rules), created_at: createdAt, created_by: actor.id });
    const { version: _v, createdAt: _c, createdBy: _b, ...previous } = before;
    await auditBy(trx, actor, 'scoring.rules_updated', {
      targetType: 'scoring_rules',
      targetId: String(version),
      data: { before: { version: before.version, rules: previous }, after: { version, rules } },
    });
    return { ...rules, version, createdAt, createdBy: actor.id };
  });
}

/** Scores of the people the caller may assess, ranked in the organisation and in their department. */
export async function listScores(ctx: AppContext, actor: Actor, query: TScoresQuery): Promise<TScoreRow[]> {
  const tree = await loadTree(ctx.db);
  if (query.departmentId && !tree.has(query.departmentId)) throw notFound('Department');
  const { rules } = await rulesOnly(ctx);
  // Ranks are organisation-wide, so everyone is scored (totals only, no breakdowns); the caller then
  // sees only whom they may assess.
  const scores = await scoreTotals(ctx, rules, { from: query.from, to: query.to });
  const inScope = query.departmentId ? new Set(tree.subtree(query.departmentId)) : null;
  return rankRows(scores).filter(
    (row) =>
      canSeeScoresOf(actor, row, tree) && (inScope === null || (row.departmentId !== null && inScope.has(row.departmentId))),
  );
}

/** One person's scores week by week, each part naming its evidence; the person, or who may assess them. */
export async function getUserScores(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  query: TUserScoresQuery,
): Promise<TUserScores> {
  const tree = await loadTree(ctx.db);
  const { rules } = await rulesOnly(ctx);
  const [score]: PeriodScore[] = await scorePeriod(ctx, rules, { ...{ from: query.from, to: query.to }, userId });
  if (!score) throw notFound('User');
  authorize(canSeeScoresOf(actor, score, tree), 'You may not see this person’s scores');
  return { total: score.total, weeks: score.weeks.filter((w) => w.breakdown.length > 0) };
}

async function rulesOnly(ctx: AppContext): Promise<{ rules: TScoringRules }> {
  const { version: _v, createdAt: _c, createdBy: _b, ...rules } = await getRules(ctx);
  return { rules };
}

/** The columns of a score row in a spreadsheet, with their headers in both languages. */
export const EXPORT_COLUMNS: { key: keyof TScoreRow; en: string; zh: string }[] = [
  { key: 'rank', en: 'Rank', zh: '排名' },
  { key: 'displayName', en: 'Name', zh: '姓名' },
  { key: 'departmentId', en: 'Department', zh: '部门' },
  { key: 'departmentRank', en: 'Department rank', zh: '部门排名' },
  { key: 'departmentPercentile', en: 'Department percentile', zh: '部门百分位' },
  { key: 'total', en: 'Total', zh: '总分' },
  { key: 'weeksExpected', en: 'Weeks expected', zh: '应交周数' },
  { key: 'submitted', en: 'Submitted', zh: '已交' },
  { key: 'onTime', en: 'On time', zh: '按时' },
  { key: 'late', en: 'Late', zh: '迟交' },
  { key: 'missing', en: 'Missing', zh: '缺交' },
  { key: 'peerRating', en: 'Peer rating', zh: '同事评分' },
  { key: 'grade', en: 'Grade', zh: '领导评等' },
  { key: 'outcomePoints', en: 'Outcome points', zh: '成果分' },
];

/** Score rows as an .xlsx sheet: headers in the caller's language, department names, text escaped. */
export async function scoresWorkbook(ctx: AppContext, actor: Actor, rows: TScoreRow[]): Promise<Buffer> {
  const tree = await loadTree(ctx.db);
  const en = actor.locale === 'en';
  const header = EXPORT_COLUMNS.map((c) => (en ? c.en : c.zh));
  const body = rows.map((row) =>
    EXPORT_COLUMNS.map(({ key }) => {
      if (key === 'departmentId') return row.departmentId ? (tree.get(row.departmentId)?.name ?? row.departmentId) : '';
      const value = row[key];
      return value === null ? '' : value;
    }),
  );
  return buildXlsx(en ? 'Scores' : '得分', header, body);
}

/** `GET /scores/export`: the rows of `GET /scores` as an .xlsx file. */
export async function exportScores(
  ctx: AppContext,
  actor: Actor,
  query: TScoresQuery,
): Promise<{ filename: string; data: Buffer }> {
  const rows = await listScores(ctx, actor, query);
  return { filename: `scores-${query.from}-${query.to}.xlsx`, data: await scoresWorkbook(ctx, actor, rows) };
}
