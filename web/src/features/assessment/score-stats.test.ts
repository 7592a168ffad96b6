import type { TScoreRow } from '@zhoubao/contracts';
import { describe, expect, it } from 'vitest';
import { chartedDepartments, countInto, departmentStats, histogramBins, niceStep, quantile } from './score-stats';

const row = (userId: string, departmentId: string | null, total: number): TScoreRow => ({
  userId,
  displayName: userId,
  departmentId,
  weeksExpected: 0,
  submitted: 0,
  onTime: 0,
  late: 0,
  missing: 0,
  peerRating: null,
  grade: null,
  outcomePoints: 0,
  total,
  rank: 1,
  departmentRank: 1,
  departmentPercentile: 100,
});

describe('quantile', () => {
  it('interpolates between neighbours', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([10], 0.75)).toBe(10);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('departmentStats', () => {
  it('gives count, mean, median, quartiles and extremes per department, highest median first', () => {
    const stats = departmentStats([
      row('a', 'x', 10),
      row('b', 'x', 20),
      row('c', 'x', 60),
      row('d', 'y', 100),
      row('e', 'y', 50),
      row('f', null, -5),
    ]);
    expect(stats.map((s) => s.departmentId)).toEqual(['y', 'x', null]);
    expect(stats[1]).toEqual({ departmentId: 'x', count: 3, mean: 30, median: 20, min: 10, q1: 15, q3: 40, max: 60 });
    expect(stats[0]).toMatchObject({ count: 2, median: 75, mean: 75, min: 50, max: 100 });
    expect(stats[2]).toMatchObject({ count: 1, median: -5, min: -5, max: -5 });
  });

  it('rounds the mean to hundredths', () => {
    const [s] = departmentStats([row('a', 'x', 1), row('b', 'x', 1), row('c', 'x', 2)]);
    expect(s?.mean).toBe(1.33);
  });
});

describe('niceStep', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(0.7)).toBe(1);
    expect(niceStep(13)).toBe(20);
    expect(niceStep(31)).toBe(50);
    expect(niceStep(70)).toBe(100);
    expect(niceStep(0)).toBe(1);
  });
});

describe('histogramBins', () => {
  it('covers every value with round bins and counts each value once', () => {
    const values = [-12, 0, 3, 48, 49.5, 120, 239];
    const bins = histogramBins(values, 12);
    expect(bins[0]?.from).toBeLessThanOrEqual(-12);
    expect(bins.at(-1)?.to).toBeGreaterThan(239);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(values.length);
    const width = (bins[0]?.to ?? 0) - (bins[0]?.from ?? 0);
    expect(width).toBe(50);
    expect(bins.every((b, i) => i === 0 || b.from === bins[i - 1]?.to)).toBe(true);
    // 48 and 49.5 share the bin from 0 to 50 with 0 and 3.
    expect(bins.find((b) => b.from === 0)?.count).toBe(4);
  });

  it('gives one bin for equal values and none for no values', () => {
    expect(histogramBins([7, 7, 7])).toEqual([{ from: 7, to: 8, count: 3 }]);
    expect(histogramBins([])).toEqual([]);
  });

  it('counts a subset into the same bins', () => {
    const bins = histogramBins([0, 10, 20, 30, 40], 4);
    expect(countInto(bins, [10, 40, 40])).toEqual(bins.map((b) => (b.from === 10 ? 1 : b.from === 40 ? 2 : 0)));
  });
});

describe('chartedDepartments', () => {
  it('keeps the highest and lowest halves beyond the limit', () => {
    const stats = departmentStats(Array.from({ length: 50 }, (_, i) => row(`u${i}`, `d${i}`, i)));
    const { shown, hidden } = chartedDepartments(stats, 10);
    expect(hidden).toBe(40);
    expect(shown.map((s) => s.median)).toEqual([49, 48, 47, 46, 45, 4, 3, 2, 1, 0]);
    expect(chartedDepartments(stats.slice(0, 5), 10)).toEqual({ shown: stats.slice(0, 5), hidden: 0 });
  });
});
