import type { TGradeValue, TScorePart, TScoringRules, TWeekScore } from '@zhoubao/contracts';

/** One item of a submitted report, as scoring sees it. */
export interface ItemFacts {
  id: string;
  kind: string;
  outcome: string | null;
  tags: readonly string[];
}

/** A submitted report and what others said of it. */
export interface ReportFacts {
  id: string;
  late: boolean;
  similarToPrevious: number | null;
  items: readonly ItemFacts[];
  /** Mean and count of the peer ratings, or null when nobody rated it. */
  rating: { average: number; count: number } | null;
  /** The latest grade, or null when ungraded. */
  grade: { id: string; grade: TGradeValue } | null;
}

/** A week of one person: whether a missing report costs points, and the report if submitted. */
export interface WeekFacts {
  week: string;
  /** Owed (joined, due, not on leave) and the deadline has passed: no report means `missing`. */
  owed: boolean;
  report: ReportFacts | null;
}

/** Rounds to hundredths, so parts add up exactly as shown. */
export const round2 = (n: number): number => Math.round(n * 100) / 100 + 0;

const sum = (parts: readonly TScorePart[]): number => round2(parts.reduce((s, p) => s + p.points, 0));

/** The highest outcome rule an item matches (by tag, or by its outcome text mentioning the tag). */
export function outcomePointsOf(rules: TScoringRules, item: ItemFacts): number {
  let best = 0;
  for (const r of rules.outcomeTags) {
    if (item.tags.includes(r.tag) || (item.outcome ?? '').includes(r.tag)) best = Math.max(best, r.points);
  }
  return best;
}

function reportParts(rules: TScoringRules, report: ReportFacts): TScorePart[] {
  const ev = (kind: TScorePart['evidence']['kind'], id: string) => ({ kind, id, reportId: report.id });
  const parts: TScorePart[] = [
    report.late
      ? { rule: 'late', points: rules.points.late, evidence: ev('report', report.id) }
      : { rule: 'on_time', points: rules.points.onTime, evidence: ev('report', report.id) },
  ];
  // Work items earn points in order until the weekly item cap is reached.
  let itemRoom = rules.perWorkItem.weeklyCap;
  for (const item of report.items) {
    if (item.kind !== 'work') continue;
    const p = round2(Math.min(rules.perWorkItem.points, itemRoom));
    itemRoom = round2(itemRoom - p);
    if (p > 0) parts.push({ rule: 'work_item', points: p, evidence: ev('item', item.id) });
  }
  for (const item of report.items) {
    const p = outcomePointsOf(rules, item);
    if (p !== 0) parts.push({ rule: 'outcome', points: p, evidence: ev('item', item.id) });
  }
  if (report.rating) {
    const p = round2(rules.peerRatingWeight * (report.rating.average - 3));
    if (p !== 0) parts.push({ rule: 'peer_rating', points: p, evidence: ev('rating', report.id) });
  }
  if (report.grade) {
    const p = rules.gradePoints[report.grade.grade];
    if (p !== 0) parts.push({ rule: 'grade', points: p, evidence: ev('grade', report.grade.id) });
  }
  if (report.similarToPrevious !== null && report.similarToPrevious >= rules.repeatPenalty.threshold) {
    if (rules.repeatPenalty.points !== 0) {
      parts.push({ rule: 'repeat', points: rules.repeatPenalty.points, evidence: ev('report', report.id) });
    }
  }
  // A week with a report scores between 0 and the weekly cap, so sending one never costs points.
  const raw = sum(parts);
  if (raw > rules.weeklyCap) {
    parts.push({ rule: 'weekly_cap', points: round2(rules.weeklyCap - raw), evidence: ev('report', report.id) });
  } else if (raw < 0) {
    parts.push({ rule: 'floor', points: round2(-raw), evidence: ev('report', report.id) });
  }
  return parts;
}

/** A week's points and the breakdown they come from; the parts always sum to the points. */
export function scoreWeek(rules: TScoringRules, facts: WeekFacts): TWeekScore {
  let breakdown: TScorePart[] = [];
  if (facts.report) breakdown = reportParts(rules, facts.report);
  else if (facts.owed && rules.points.missing !== 0) {
    breakdown = [{ rule: 'missing', points: rules.points.missing, evidence: { kind: 'week', id: facts.week, reportId: null } }];
  }
  return { week: facts.week, points: sum(breakdown), breakdown };
}
