import { DEFAULT_SCORING_RULES, GRADES, type TScoringRules, ZScoringRules } from '@zhoubao/contracts';
import { describe, expect, it } from 'vitest';
import { type ReportFacts, round2, scoreWeek, type WeekFacts } from './score-rules';

const rules = DEFAULT_SCORING_RULES;

const report = (extra: Partial<ReportFacts> = {}): ReportFacts => ({
  id: 'r1',
  late: false,
  similarToPrevious: null,
  items: [],
  rating: null,
  grade: null,
  ...extra,
});

const work = (id: string, extra: { outcome?: string; tags?: string[]; kind?: string } = {}) => ({
  id,
  kind: extra.kind ?? 'work',
  outcome: extra.outcome ?? null,
  tags: extra.tags ?? [],
});

/** A small deterministic generator (mulberry32), so the property loops are reproducible. */
function prng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T;
  return { next, int, pick };
}

type Rand = ReturnType<typeof prng>;

function randomRules(r: Rand): TScoringRules {
  const onTime = r.int(0, 20);
  const late = r.int(-5, onTime);
  const grades = [r.int(-5, 20), r.int(-5, 20), r.int(-5, 20), r.int(-5, 20)].sort((a, b) => b - a) as number[];
  return ZScoringRules.parse({
    points: { onTime, late, missing: r.int(-20, Math.min(0, late)) },
    perWorkItem: { points: r.int(0, 30) / 10, weeklyCap: r.int(0, 10) },
    outcomeTags: [
      { tag: '国家级采用', points: r.int(0, 20) },
      { tag: '省级采用', points: r.int(0, 10) },
    ],
    peerRatingWeight: r.int(0, 30) / 10,
    gradePoints: { A: grades[0], B: grades[1], C: grades[2], D: grades[3] },
    repeatPenalty: { threshold: r.pick([0.5, 0.8, 1]), points: r.int(-10, 0) },
    weeklyCap: onTime + r.int(0, 60),
  });
}

function randomReport(r: Rand): ReportFacts {
  const items = Array.from({ length: r.int(0, 8) }, (_, i) =>
    work(`i${i}`, {
      kind: r.pick(['work', 'work', 'study', 'plan']),
      tags: r.next() < 0.3 ? [r.pick(['国家级采用', '省级采用', '其他'])] : [],
      outcome: r.next() < 0.2 ? '被省级采用' : undefined,
    }),
  );
  return report({
    late: r.next() < 0.4,
    similarToPrevious: r.next() < 0.5 ? r.next() : null,
    items,
    rating: r.next() < 0.5 ? { average: r.int(10, 50) / 10, count: r.int(1, 5) } : null,
    grade: r.next() < 0.5 ? { id: 'g1', grade: r.pick(GRADES) } : null,
  });
}

const total = (parts: { points: number }[]) => round2(parts.reduce((s, p) => s + p.points, 0));

describe('scoreWeek', () => {
  it('scores an on-time report with items, an outcome, a rating and a grade', () => {
    const s = scoreWeek(rules, {
      week: '2026-W10',
      owed: true,
      report: report({
        items: [work('a', { tags: ['省级采用'] }), work('b', { outcome: '信息被国家级采用' }), work('c', { kind: 'plan' })],
        rating: { average: 4.5, count: 2 },
        grade: { id: 'g', grade: 'A' },
      }),
    });
    // 10 on time + 2 items + 5 + 10 outcomes + 2 × 1.5 rating + 8 grade = 38
    expect(s.points).toBe(38);
    expect(s.breakdown.map((p) => p.rule)).toEqual([
      'on_time',
      'work_item',
      'work_item',
      'outcome',
      'outcome',
      'peer_rating',
      'grade',
    ]);
    expect(s.breakdown.find((p) => p.rule === 'grade')?.evidence).toEqual({ kind: 'grade', id: 'g', reportId: 'r1' });
  });

  it('caps work items and the week, and names the cap in the breakdown', () => {
    const items = Array.from({ length: 9 }, (_, i) => work(`i${i}`, { tags: ['国家级采用'] }));
    const s = scoreWeek(rules, { week: '2026-W10', owed: true, report: report({ items }) });
    expect(s.breakdown.filter((p) => p.rule === 'work_item')).toHaveLength(5);
    expect(s.points).toBe(40);
    expect(s.breakdown.at(-1)).toMatchObject({ rule: 'weekly_cap', points: 40 - (10 + 5 + 90) });
  });

  it('charges a missing owed week, and nothing for a week not owed', () => {
    expect(scoreWeek(rules, { week: '2026-W10', owed: true, report: null })).toEqual({
      week: '2026-W10',
      points: -10,
      breakdown: [{ rule: 'missing', points: -10, evidence: { kind: 'week', id: '2026-W10', reportId: null } }],
    });
    expect(scoreWeek(rules, { week: '2026-W10', owed: false, report: null }).points).toBe(0);
  });

  it('penalises a report that repeats last week, but never below zero', () => {
    const s = scoreWeek(rules, { week: '2026-W10', owed: true, report: report({ late: true, similarToPrevious: 0.85 }) });
    expect(s.breakdown.map((p) => [p.rule, p.points])).toEqual([
      ['late', 5],
      ['repeat', -5],
    ]);
    const low = scoreWeek(rules, {
      week: '2026-W10',
      owed: true,
      report: report({ late: true, similarToPrevious: 0.9, rating: { average: 1, count: 1 } }),
    });
    expect(low.points).toBe(0);
    expect(low.breakdown.at(-1)).toMatchObject({ rule: 'floor', points: 4 });
  });

  it('property: the breakdown always sums to the week points', () => {
    const r = prng(1);
    for (let i = 0; i < 2000; i++) {
      const rs = randomRules(r);
      const facts: WeekFacts = { week: '2026-W10', owed: r.next() < 0.8, report: r.next() < 0.8 ? randomReport(r) : null };
      const s = scoreWeek(rs, facts);
      expect(total(s.breakdown)).toBe(s.points);
      if (facts.report) expect(s.points).toBeLessThanOrEqual(rs.weeklyCap);
    }
  });

  it('property: an extra on-time report never lowers a score', () => {
    const r = prng(2);
    for (let i = 0; i < 2000; i++) {
      const rs = randomRules(r);
      const owed = r.next() < 0.5;
      const without = scoreWeek(rs, { week: '2026-W10', owed, report: null });
      const withReport = scoreWeek(rs, { week: '2026-W10', owed, report: { ...randomReport(r), late: false } });
      expect(withReport.points).toBeGreaterThanOrEqual(without.points);
    }
  });

  it('property: grade A never scores below B, B below C, C below D', () => {
    const r = prng(3);
    for (let i = 0; i < 2000; i++) {
      const rs = randomRules(r);
      const base = randomReport(r);
      const at = (g: (typeof GRADES)[number]) =>
        scoreWeek(rs, { week: '2026-W10', owed: true, report: { ...base, grade: { id: 'g', grade: g } } }).points;
      expect(at('A')).toBeGreaterThanOrEqual(at('B'));
      expect(at('B')).toBeGreaterThanOrEqual(at('C'));
      expect(at('C')).toBeGreaterThanOrEqual(at('D'));
    }
  });
});

describe('ZScoringRules', () => {
  it('accepts the defaults', () => {
    expect(ZScoringRules.safeParse(DEFAULT_SCORING_RULES).success).toBe(true);
  });

  it.each([
    ['a negative item cap', { perWorkItem: { points: 1, weeklyCap: -1 } }, 'must be at least 0'],
    ['a positive missing', { points: { onTime: 10, late: 5, missing: 3 } }, 'must be at most 0'],
    [
      'late above on time',
      { points: { onTime: 3, late: 5, missing: -1 } },
      'on-time must be worth at least late, and late at least missing',
    ],
    ['grades out of order', { gradePoints: { A: 1, B: 5, C: 2, D: 0 } }, 'grade points must not rise from A to D'],
    [
      'a duplicate tag',
      {
        outcomeTags: [
          { tag: 'x', points: 1 },
          { tag: 'x', points: 2 },
        ],
      },
      'each tag may appear once',
    ],
    ['a weekly cap under on time', { weeklyCap: 5 }, 'the weekly cap must allow the on-time points'],
  ])('rejects %s with a clear message', (_name, patch, message) => {
    const res = ZScoringRules.safeParse({ ...DEFAULT_SCORING_RULES, ...patch });
    expect(res.success).toBe(false);
    expect(res.error?.issues.map((i) => i.message)).toContain(message);
  });
});
