import type {
  TMyObjectionsQuery,
  TObjection,
  TObjectionAnswer,
  TObjectionCreate,
  TObjectionScore,
  TObjectionsPage,
  TObjectionsQuery,
  TScoringRules,
} from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import { type Actor, authorize } from '../../lib/actor';
import { conflict, invalidInput, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { auditBy } from '../audit/audit.service';
import { loadTree } from '../departments/departments.repository';
import { MAX_SCORED_WEEKS, scorePeriod } from '../scoring/scoring.compute';
import { getRules } from '../scoring/scoring.service';
import { getSettings } from '../settings/settings.service';
import { findUser } from '../users/users.repository';
import { weekOfInstant, weeksBetween } from '../weeks/iso-week';
import { canAnswerObjection, canReadObjection, canReadObjections } from './objections.policy';
import { presentObjection } from './objections.presenter';
import * as repo from './objections.repository';

const DEFAULT_LIMIT = 20;

async function rulesInForce(ctx: AppContext): Promise<{ rules: TScoringRules; version: number }> {
  const { version, createdAt: _c, createdBy: _b, ...rules } = await getRules(ctx);
  return { rules, version };
}

/**
 * The current score of each objection's week, under the rules in force: one scoring pass per person
 * over the span of their weeks on the page (a week at a time if that span is too long).
 */
async function scoresNow(
  ctx: AppContext,
  rows: readonly repo.ObjectionRow[],
  now: Date,
): Promise<Map<string, TObjectionScore | null>> {
  const out = new Map<string, TObjectionScore | null>();
  if (rows.length === 0) return out;
  const { rules, version } = await rulesInForce(ctx);
  const weeksOf = new Map<string, Set<string>>();
  for (const r of rows) weeksOf.set(r.user_id, (weeksOf.get(r.user_id) ?? new Set()).add(r.week));
  const scored = new Map<string, TObjectionScore>();
  for (const [userId, set] of weeksOf) {
    const weeks = [...set].sort();
    const from = weeks[0] as string;
    const to = weeks.at(-1) as string;
    const spans = weeksBetween(from, to).length <= MAX_SCORED_WEEKS ? [[from, to]] : weeks.map((w) => [w, w]);
    for (const [f, t] of spans) {
      const [score] = await scorePeriod(ctx, rules, { from: f as string, to: t as string, userId }, now);
      for (const w of score?.weeks ?? []) {
        scored.set(`${userId}|${w.week}`, { points: w.points, breakdown: w.breakdown, rulesVersion: version });
      }
    }
  }
  for (const r of rows) out.set(r.id, scored.get(`${r.user_id}|${r.week}`) ?? null);
  return out;
}

async function presentAll(ctx: AppContext, rows: repo.ObjectionRecord[], now: Date): Promise<TObjection[]> {
  const current = await scoresNow(ctx, rows, now);
  return rows.map((r) => presentObjection(r, current.get(r.id) ?? null));
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at))) {
    throw invalidInput('Invalid cursor', [{ path: 'querystring.cursor', message: 'invalid' }]);
  }
  return { at, id };
}

async function page(
  ctx: AppContext,
  filter: Omit<repo.ObjectionFilter, 'limit' | 'before'>,
  query: { cursor?: string | undefined; limit?: number | undefined },
  now: Date,
): Promise<TObjectionsPage> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const before = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await repo.listObjections(ctx.db, { ...filter, before, limit: limit + 1 });
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  const nextCursor = rows.length > limit && last ? Buffer.from(`${last.created_at}|${last.id}`).toString('base64url') : null;
  return { items: await presentAll(ctx, shown, now), nextCursor };
}

/**
 * Raises the caller's objection to one of their weeks, storing the week's score as it stands now;
 * the week must lie between the week they joined and the current week, with no other open objection.
 * Audited.
 */
export async function raiseObjection(
  ctx: AppContext,
  actor: Actor,
  body: TObjectionCreate,
  now = new Date(),
): Promise<TObjection> {
  const user = await findUser(ctx.db, actor.id);
  if (!user) throw notFound('User');
  const { timezone } = await getSettings(ctx);
  if (body.week > weekOfInstant(now, timezone)) {
    throw invalidInput('A week in the future has no score to object to', [{ path: 'body.week', message: 'in the future' }]);
  }
  if (body.week < weekOfInstant(new Date(user.created_at), timezone)) {
    throw invalidInput('That week is before you joined', [{ path: 'body.week', message: 'before you joined' }]);
  }
  const { rules, version } = await rulesInForce(ctx);
  const [score] = await scorePeriod(ctx, rules, { from: body.week, to: body.week, userId: actor.id }, now);
  const week = score?.weeks[0] ?? { points: 0, breakdown: [] };
  const row: repo.ObjectionRow = {
    id: newId(now.getTime()),
    user_id: actor.id,
    department_id: user.department_id,
    week: body.week,
    reason: body.reason,
    status: 'open',
    points: week.points,
    breakdown: JSON.stringify(week.breakdown),
    rules_version: version,
    created_at: now.toISOString(),
    answer: null,
    outcome: null,
    answered_by: null,
    answered_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    // The partial unique index backs this check up when two requests race.
    if (await repo.findOpenObjection(trx, actor.id, body.week)) {
      throw conflict('You already have an open objection for this week');
    }
    await repo.insertObjection(trx, row);
    await auditBy(trx, actor, 'objection.raised', {
      targetType: 'objection',
      targetId: row.id,
      data: { week: row.week, points: row.points, rulesVersion: version },
    });
  });
  const stored = { points: week.points, breakdown: week.breakdown, rulesVersion: version };
  return presentObjection({ ...row, display_name: user.display_name, answered_by_name: null }, stored);
}

/** The caller's own objections, newest first, a page at a time. */
export async function listMyObjections(
  ctx: AppContext,
  actor: Actor,
  query: TMyObjectionsQuery,
  now = new Date(),
): Promise<TObjectionsPage> {
  return page(ctx, { userId: actor.id, from: query.from, to: query.to }, query, now);
}

/** Everyone's objections for the assessment office, newest first, by status and department subtree. */
export async function listObjections(
  ctx: AppContext,
  actor: Actor,
  query: TObjectionsQuery,
  now = new Date(),
): Promise<TObjectionsPage> {
  authorize(canReadObjections(actor), 'Only assessors read objections');
  let departmentIds: string[] | undefined;
  if (query.departmentId) {
    const tree = await loadTree(ctx.db);
    if (!tree.has(query.departmentId)) throw notFound('Department');
    departmentIds = tree.subtree(query.departmentId);
  }
  return page(ctx, { status: query.status, departmentIds }, query, now);
}

async function load(ctx: AppContext, actor: Actor, id: string): Promise<repo.ObjectionRecord> {
  const row = await repo.findObjection(ctx.db, id);
  // Someone else's objection does not exist for a member (404, not 403).
  if (!row || !canReadObjection(actor, { userId: row.user_id })) throw notFound('Objection');
  return row;
}

/** One objection: its author's or any for an assessor. */
export async function getObjection(ctx: AppContext, actor: Actor, id: string, now = new Date()): Promise<TObjection> {
  const [one] = await presentAll(ctx, [await load(ctx, actor, id)], now);
  return one as TObjection;
}

/** Answers an open objection (an assessor, not about their own score); audited; the person is notified. */
export async function answerObjection(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: TObjectionAnswer,
  now = new Date(),
): Promise<TObjection> {
  authorize(canReadObjections(actor), 'Only assessors answer objections');
  const row = await load(ctx, actor, id);
  authorize(canAnswerObjection(actor, { userId: row.user_id }), 'Nobody answers an objection to their own score');
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const answered = await repo.answerOpenObjection(trx, id, {
      answer: body.answer,
      outcome: body.outcome,
      answered_by: actor.id,
      answered_at: at,
    });
    if (!answered) throw conflict('This objection has already been answered');
    await auditBy(trx, actor, 'objection.answered', {
      targetType: 'objection',
      targetId: id,
      data: { userId: row.user_id, week: row.week, outcome: body.outcome },
    });
  });
  ctx.events.emit('objection.answered', {
    objectionId: id,
    userId: row.user_id,
    week: row.week,
    outcome: body.outcome,
    answeredBy: actor.id,
    answeredByName: actor.displayName,
    at,
  });
  return getObjection(ctx, actor, id, now);
}
