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

/**
 * The largest hundredth not above `n`: a cap in hundredths, so a total rounded to hundredths never
 * passes the cap the rules set (rules may hold any number, `0.005` included).
 */
export const floor2 = (n: number): number => {
  const r = round2(n);
  return r > n ? round2(r - 0.01) : r;
};

const sum = (parts: readonly TScorePart[]): number => round2(parts.reduce((s, p) => s + p.points, 0));

/** The highest outcome rule an item matches (by tag, or by its outcome text mentioning the tag), in hundredths. */
export function outcomePointsOf(rules: TScoringRules, item: ItemFacts): number {
  let best = 0;
  for (const r of rules.outcomeTags) {
    if (item.tags.includes(r.tag) || (item.outcome ?? '').includes(r.tag)) best = Math.max(best, r.points);
  }
  return round2(best);
}

function reportParts(rules: TScoringRules, report: ReportFacts): TScorePart[] {
  const ev = (kind: TScorePart['evidence']['kind'], id: string) => ({ kind, id, reportId: report.id });
  // Every part is in hundredths, so the parts add up exactly to the points shown.
  const parts: TScorePart[] = [
    report.late
      ? { rule: 'late', points: round2(rules.points.late), evidence: ev('report', report.id) }
      : { rule: 'on_time', points: round2(rules.points.onTime), evidence: ev('report', report.id) },
  ];
  // Work items earn points in order until the weekly item cap is reached.
  let itemRoom = floor2(rules.perWorkItem.weeklyCap);
  for (const item of report.items) {
    if (item.kind !== 'work') continue;
    const p = round2(Math.min(round2(rules.perWorkItem.points), itemRoom));
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
    const p = round2(rules.gradePoints[report.grade.grade]);
    if (p !== 0) parts.push({ rule: 'grade', points: p, evidence: ev('grade', report.grade.id) });
  }
  if (report.similarToPrevious !== null && report.similarToPrevious >= rules.repeatPenalty.threshold) {
    const p = round2(rules.repeatPenalty.points);
    if (p !== 0) parts.push({ rule: 'repeat', points: p, evidence: ev('report', report.id) });
  }
  // A week with a report scores between 0 and the weekly cap, so sending one never costs points.
  const raw = sum(parts);
  const cap = floor2(rules.weeklyCap);
  if (raw > cap) {
    parts.push({ rule: 'weekly_cap', points: round2(cap - raw), evidence: ev('report', report.id) });
  } else if (raw < 0) {
    parts.push({ rule: 'floor', points: round2(-raw), evidence: ev('report', report.id) });
  }
  return parts;
}

/** A week's points and the breakdown they come from; the parts always sum to the points. */
export function scoreWeek(rules: TScoringRules, facts: WeekFacts): TWeekScore {
  let breakdown: TScorePart[] = [];
  if (facts.report) breakdown = reportParts(rules, facts.report);
  else if (facts.owed && round2(rules.points.missing) !== 0) {
    const points = round2(rules.points.missing);
    breakdown = [{ rule: 'missing', points, evidence: { kind: 'week', id: facts.week, reportId: null } }];
  }
  return { week: facts.week, points: sum(breakdown), breakdown };
}
