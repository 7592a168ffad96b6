import type { TGradeValue, TProfileMedian, TProfileStats, TTimelineWeek } from '@zhoubao/contracts';

// Pure rules of the living file: the figures of a period and the status of each week. Which weeks
// are owed comes from the absences feature and the calendar (the caller reads them); the counting
// follows the scoring feature's `scorePeriod` exactly, so the file and the scores never disagree.

/** What the calendar says about a week of the period. */
export interface WeekFacts {
  week: string;
  /** The week has a working day (a report is due at all). */
  due: boolean;
  /** Its deadline has passed. */
  passed: boolean;
}

/** One person's facts for the figures. */
export interface PersonFacts {
  /** The week the person joined (their account's creation, in the organisation's time zone). */
  joined: string;
  /** The due weeks their absences do not cover, from the week they joined. */
  owed: ReadonlySet<string>;
  /** Their submitted reports by week: true when late. */
  submitted: ReadonlyMap<string, boolean>;
}

/** A week is owed and overdue: due, not covered by leave, joined, and its deadline passed. */
const overdue = (w: WeekFacts, p: PersonFacts) => p.owed.has(w.week) && w.passed;

/** The figures of a period by the scoring rules, plus the on-time streak. */
export function periodStats(weeks: readonly WeekFacts[], p: PersonFacts): TProfileStats {
  const s: TProfileStats = { weeksExpected: 0, submitted: 0, onTime: 0, late: 0, missing: 0, streak: 0 };
  for (const w of weeks) {
    const late = p.submitted.get(w.week);
    if (p.owed.has(w.week) && (w.passed || late !== undefined)) s.weeksExpected++;
    if (late !== undefined) {
      s.submitted++;
      if (late) s.late++;
      else s.onTime++;
    } else if (overdue(w, p)) s.missing++;
  }
  s.streak = streakOf(weeks, p);
  return s;
}

/**
 * On-time weeks in a row, counted back from the end of the period: a late or missing week ends the
 * run; leave, weeks not due and a week whose deadline is still ahead are stepped over.
 */
export function streakOf(weeks: readonly WeekFacts[], p: PersonFacts): number {
  let streak = 0;
  for (let i = weeks.length - 1; i >= 0; i--) {
    const w = weeks[i] as WeekFacts;
    const late = p.submitted.get(w.week);
    if (late === false) streak++;
    else if (late === true || overdue(w, p)) break;
  }
  return streak;
}

/** The median of a list (the mean of the middle two for an even count); 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The median of each figure over a department's members. */
export function medianStats(all: readonly TProfileStats[]): TProfileMedian {
  const of = (k: keyof TProfileStats) => median(all.map((s) => s[k]));
  return {
    members: all.length,
    weeksExpected: of('weeksExpected'),
    submitted: of('submitted'),
    onTime: of('onTime'),
    late: of('late'),
    missing: of('missing'),
    streak: of('streak'),
  };
}

/** The person's report of a week, as the timeline needs it (grade already filtered for the viewer). */
export interface WeekReport {
  id: string;
  status: 'draft' | 'submitted';
  late: boolean;
  items: number;
  grade: TGradeValue | null;
  rating: { average: number; count: number } | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The status of each week. A submitted report is on time or late; a draft shows as `draft` to its
 * author only (to anyone else the week is as if nothing were written); otherwise the week is not due
 * (before joining, no working day, deadline ahead), absent (leave covers it) or missing.
 */
export function timelineOf(
  weeks: readonly WeekFacts[],
  p: PersonFacts,
  reports: ReadonlyMap<string, WeekReport>,
  showDrafts: boolean,
): TTimelineWeek[] {
  return weeks.map((w) => {
    const base: TTimelineWeek = {
      week: w.week,
      status: 'missing',
      reason: null,
      reportId: null,
      grade: null,
      peerRating: null,
      ratingCount: 0,
      items: 0,
      overdue: false,
    };
    const r = reports.get(w.week);
    if (r?.status === 'submitted') {
      return {
        ...base,
        status: r.late ? 'late' : 'on_time',
        reportId: r.id,
        grade: r.grade,
        peerRating: r.rating ? round2(r.rating.average) : null,
        ratingCount: r.rating?.count ?? 0,
        items: r.items,
      };
    }
    if (r && showDrafts) return { ...base, status: 'draft', reportId: r.id, items: r.items, overdue: overdue(w, p) };
    if (w.week < p.joined) return { ...base, status: 'not_due', reason: 'before_joining' };
    if (!w.due) return { ...base, status: 'not_due', reason: 'no_workday' };
    if (!p.owed.has(w.week)) return { ...base, status: 'absent' };
    if (!w.passed) return { ...base, status: 'not_due', reason: 'deadline_ahead' };
    return base;
  });
}
