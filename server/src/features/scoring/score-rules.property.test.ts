import { GRADES, type TGradeValue, type TScoringRules, ZScoringRules } from '@zhoubao/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ItemFacts, type ReportFacts, round2, scoreWeek, type WeekFacts } from './score-rules';

// Properties of the pure scoring rules, for any valid rule set and any weeks. Two rule generators:
// "office" rules in whole hundredths (what people type), and rules drawn from the whole range the
// contract's `ZScoringRules` accepts, any double included.

const RUNS = Number(process.env.FC_RUNS ?? 1000);
const TAGS = ['国家级采用', '省级采用', '市级采用', '县级采用', '表扬'];

/** A number in [min, max]: in hundredths, or any double. */
const num = (min: number, max: number, anyDouble: boolean) =>
  anyDouble
    ? fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((n) => n + 0)
    : fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((n) => n / 100);

/** Rule sets valid by the contract (every one is checked against `ZScoringRules`). */
function rulesArb(anyDouble: boolean): fc.Arbitrary<TScoringRules> {
  const n = (min: number, max: number) => num(min, max, anyDouble);
  return fc
    .record({
      onTime: n(0, 1000),
      lateShare: fc.double({ min: 0, max: 1, noNaN: true }),
      missingShare: fc.double({ min: 0, max: 1, noNaN: true }),
      perItem: n(0, 100),
      itemCap: n(0, 1000),
      tags: fc.uniqueArray(fc.record({ tag: fc.constantFrom(...TAGS), points: n(0, 1000) }), {
        selector: (t) => t.tag,
        maxLength: TAGS.length,
      }),
      weight: n(0, 100),
      grades: fc.array(n(-100, 1000), { minLength: 4, maxLength: 4 }),
      threshold: fc.double({ min: 0.5, max: 1, noNaN: true }),
      repeat: n(-1000, 0),
      capExtra: n(0, 9000),
    })
    .map((g) => {
      // late ∈ [-1000, onTime] and missing ∈ [-1000, min(0, late)], as the contract requires.
      const late = round(anyDouble, -1000 + g.lateShare * (g.onTime + 1000));
      const missingTop = Math.min(0, late);
      const missing = round(anyDouble, -1000 + g.missingShare * (missingTop + 1000));
      const [a, b, c, d] = [...g.grades].sort((x, y) => y - x) as [number, number, number, number];
      return {
        points: { onTime: g.onTime, late: Math.min(late, g.onTime), missing: Math.min(missing, missingTop) },
        perWorkItem: { points: g.perItem, weeklyCap: g.itemCap },
        outcomeTags: g.tags,
        peerRatingWeight: g.weight,
        gradePoints: { A: a, B: b, C: c, D: d },
        repeatPenalty: { threshold: g.threshold, points: g.repeat },
        // Hundredths added in floating point are rounded back to hundredths; any double stays as it is.
        weeklyCap: Math.min(10000, anyDouble ? g.onTime + g.capExtra : round2(g.onTime + g.capExtra)),
      };
    })
    .map((rules) => ZScoringRules.parse(rules));
}

/** Hundredths stay hundredths; any double stays as it is. */
const round = (anyDouble: boolean, n: number) => (anyDouble ? n : Math.floor(n * 100) / 100);

const itemArb: fc.Arbitrary<Omit<ItemFacts, 'id'>> = fc.record({
  kind: fc.constantFrom('work', 'work', 'study', 'plan'),
  outcome: fc.option(fc.constantFrom(...TAGS.map((t) => `信息被${t}`), '完成'), { nil: null }),
  tags: fc.uniqueArray(fc.constantFrom(...TAGS, '调研'), { maxLength: 3 }),
});

const gradeArb = fc.constantFrom<TGradeValue>(...GRADES);

/** A submitted report: items, ratings (1–5 stars), a grade and its similarity to the previous week. */
const reportArb: fc.Arbitrary<ReportFacts> = fc
  .record({
    late: fc.boolean(),
    similarToPrevious: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    items: fc.array(itemArb, { maxLength: 12 }),
    ratings: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 7 }),
    grade: fc.option(gradeArb, { nil: null }),
  })
  .map((r) => ({
    id: 'r',
    late: r.late,
    similarToPrevious: r.similarToPrevious,
    items: r.items.map((i, n) => ({ ...i, id: `i${n}` })),
    rating:
      r.ratings.length > 0 ? { average: r.ratings.reduce((s, x) => s + x, 0) / r.ratings.length, count: r.ratings.length } : null,
    grade: r.grade ? { id: 'g', grade: r.grade } : null,
  }));

/** A week: owed or not, with or without a report. */
const weekArb = (week: string): fc.Arbitrary<WeekFacts> =>
  fc.record({ week: fc.constant(week), owed: fc.boolean(), report: fc.option(reportArb, { nil: null }) });

/** A period of one to eight consecutive weeks. */
const periodArb = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => weekArb(`2025-W${String(i + 10).padStart(2, '0')}`))));

const total = (rules: TScoringRules, weeks: readonly WeekFacts[]) =>
  round2(weeks.reduce((s, w) => s + scoreWeek(rules, w).points, 0));

for (const anyDouble of [false, true]) {
  describe(`score rules, for any ${anyDouble ? 'rules within the contract’s limits' : 'rules in hundredths'}`, () => {
    const rules = rulesArb(anyDouble);

    it('(a) the parts of a week, each in hundredths as shown, sum to its points', () => {
      fc.assert(
        fc.property(rules, weekArb('2025-W10'), (r, week) => {
          const { points, breakdown } = scoreWeek(r, week);
          for (const part of breakdown) expect(round2(part.points), `${part.rule} ${part.points}`).toBe(part.points);
          expect(round2(breakdown.reduce((s, p) => s + p.points, 0))).toBe(points);
          // The same parts added in the reverse order give the same points.
          expect(round2([...breakdown].reverse().reduce((s, p) => s + p.points, 0))).toBe(points);
        }),
        { numRuns: RUNS },
      );
    });

    it('(b) sending an on-time report for a missing week never lowers the period total', () => {
      fc.assert(
        fc.property(rules, periodArb, fc.nat(), reportArb, (r, weeks, pick, report) => {
          const i = pick % weeks.length;
          const before = weeks.map((w, n) => (n === i ? { ...w, owed: true, report: null } : w));
          const after = weeks.map((w, n) => (n === i ? { ...w, owed: true, report: { ...report, late: false } } : w));
          expect(total(r, after)).toBeGreaterThanOrEqual(total(r, before));
        }),
        { numRuns: RUNS },
      );
    });

    it('(c) grade A never scores below grade B, all else equal', () => {
      fc.assert(
        fc.property(rules, reportArb, fc.boolean(), (r, report, owed) => {
          const with_ = (grade: TGradeValue) =>
            scoreWeek(r, { week: '2025-W10', owed, report: { ...report, grade: { id: 'g', grade } } });
          expect(with_('A').points).toBeGreaterThanOrEqual(with_('B').points);
          expect(with_('B').points).toBeGreaterThanOrEqual(with_('C').points);
          expect(with_('C').points).toBeGreaterThanOrEqual(with_('D').points);
        }),
        { numRuns: RUNS },
      );
    });

    it('(d) a week with a report scores between 0 and the weekly cap; without one, at most 0', () => {
      fc.assert(
        fc.property(rules, weekArb('2025-W10'), (r, week) => {
          const { points, breakdown } = scoreWeek(r, week);
          if (week.report) {
            expect(points).toBeGreaterThanOrEqual(0);
            expect(points).toBeLessThanOrEqual(r.weeklyCap);
          } else {
            expect(points).toBeLessThanOrEqual(0);
            expect(breakdown.length).toBeLessThanOrEqual(1);
          }
          // The work-item parts of a week never exceed the item cap.
          const items = breakdown.filter((p) => p.rule === 'work_item').reduce((s, p) => s + p.points, 0);
          expect(round2(items)).toBeLessThanOrEqual(r.perWorkItem.weeklyCap);
        }),
        { numRuns: RUNS },
      );
    });
  });
}

describe('cases the properties found (rule values below a hundredth)', () => {
  const base = ZScoringRules.parse({
    points: { onTime: 0, late: -1000, missing: -1000 },
    perWorkItem: { points: 0, weeklyCap: 0 },
    outcomeTags: [],
    peerRatingWeight: 0,
    gradePoints: { A: 0, B: 0, C: 0, D: 0 },
    repeatPenalty: { threshold: 0.5, points: 0 },
    weeklyCap: 0,
  });
  const bare: ReportFacts = { id: 'r', late: false, similarToPrevious: null, items: [], rating: null, grade: null };

  it('keeps a week under a cap of 0.005 (the cap counts as its hundredth below)', () => {
    const rules = { ...base, points: { ...base.points, onTime: 0.005 }, weeklyCap: 0.005 };
    const week = scoreWeek(rules, { week: '2025-W10', owed: true, report: bare });
    expect(week.points).toBe(0);
    expect(week.breakdown.map((p) => [p.rule, p.points])).toEqual([
      ['on_time', 0.01],
      ['weekly_cap', -0.01],
    ]);
  });

  it('leaves out a grade worth less than a hundredth', () => {
    const rules = { ...base, gradePoints: { A: 0, B: 0, C: -5e-324, D: -5e-324 } };
    const week = scoreWeek(rules, { week: '2025-W10', owed: true, report: { ...bare, grade: { id: 'g', grade: 'C' } } });
    expect(week.breakdown.map((p) => p.rule)).toEqual(['on_time']);
  });

  it('never lets a rounded total pass a cap just below a hundredth', () => {
    const rules = { ...base, points: { ...base.points, onTime: 100.96 }, gradePoints: { A: 294.19, B: 294.19, C: 0, D: 0 } };
    const week = scoreWeek(
      { ...rules, weeklyCap: 101.00999999999999 },
      { week: '2025-W10', owed: true, report: { ...bare, grade: { id: 'g', grade: 'A' } } },
    );
    expect(week.points).toBe(101);
  });
});
