import { type TObjection, type TObjectionScore, ZObjectionOutcome, ZObjectionStatus, ZScorePart } from '@zhoubao/contracts';
import type { ObjectionRecord } from './objections.repository';

/**
 * An objection as it leaves the server, field by field. It is shown only to the person who raised
 * it and to assessors; the breakdown carries ids of reports and items, never their text.
 */
export function presentObjection(row: ObjectionRecord, scoreNow: TObjectionScore | null): TObjection {
  return {
    id: row.id,
    userId: row.user_id,
    displayName: row.display_name,
    departmentId: row.department_id,
    week: row.week,
    reason: row.reason,
    status: ZObjectionStatus.parse(row.status),
    createdAt: row.created_at,
    scoreAtRaise: {
      points: Number(row.points),
      breakdown: ZScorePart.array().parse(JSON.parse(row.breakdown)),
      rulesVersion: Number(row.rules_version),
    },
    scoreNow,
    answer: row.answer,
    outcome: row.outcome === null ? null : ZObjectionOutcome.parse(row.outcome),
    answeredAt: row.answered_at,
    answeredBy: row.answered_by,
    answeredByName: row.answered_by_name,
  };
}
