import type { TScoreRow } from '@zhoubao/contracts';

/** The spread of the totals of one department. */
export interface DepartmentStats {
  departmentId: string | null;
  count: number;
  mean: number;
  median: number;
  min: number;
  q1: number;
  q3: number;
  max: number;
}

/** One bar of a histogram: totals from `from` (included) to `to` (excluded; the last bin includes its end). */
export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** The `p` quantile (0..1) of ascending values, interpolating linearly between neighbours (as spreadsheets do). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (at - lo);
}

/** Count, mean, median, quartiles and extremes of the totals of each department, highest median first. */
export function departmentStats(rows: readonly TScoreRow[]): DepartmentStats[] {
  const byDept = new Map<string | null, number[]>();
  for (const r of rows) {
    const list = byDept.get(r.departmentId);
    if (list) list.push(r.total);
    else byDept.set(r.departmentId, [r.total]);
  }
  const stats = [...byDept].map(([departmentId, totals]): DepartmentStats => {
    const sorted = [...totals].sort((a, b) => a - b);
    return {
      departmentId,
      count: sorted.length,
      mean: round2(sorted.reduce((s, v) => s + v, 0) / sorted.length),
      median: round2(quantile(sorted, 0.5)),
      min: sorted[0] as number,
      q1: round2(quantile(sorted, 0.25)),
      q3: round2(quantile(sorted, 0.75)),
      max: sorted[sorted.length - 1] as number,
    };
  });
  return stats.sort((a, b) => b.median - a.median || b.mean - a.mean || b.count - a.count);
}

/** A round step (1, 2 or 5 times a power of ten) near `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * About `target` bins of a round width covering every value, starting at a multiple of the width.
 * Empty input gives no bins; equal values give one bin.
 */
export function histogramBins(values: readonly number[], target = 12): HistogramBin[] {
  if (values.length === 0) return [];
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const width = niceStep((max - min) / Math.max(1, target));
  const start = Math.floor(min / width) * width;
  const n = Math.max(1, Math.floor((max - start) / width) + 1);
  const bins: HistogramBin[] = Array.from({ length: n }, (_, i) => ({
    from: round2(start + i * width),
    to: round2(start + (i + 1) * width),
    count: 0,
  }));
  for (const v of values) {
    const i = Math.min(n - 1, Math.floor((v - start) / width));
    (bins[i] as HistogramBin).count++;
  }
  return bins;
}

/** Counts `values` into the given bins (same edges as `histogramBins`). */
export function countInto(bins: readonly HistogramBin[], values: readonly number[]): number[] {
  const counts = bins.map(() => 0);
  if (bins.length === 0) return counts;
  const start = (bins[0] as HistogramBin).from;
  const width = (bins[0] as HistogramBin).to - start;
  for (const v of values) {
    const i = Math.min(bins.length - 1, Math.max(0, Math.floor((v - start) / width)));
    counts[i] = (counts[i] as number) + 1;
  }
  return counts;
}

/**
 * The departments a chart shows: all when there are at most `limit`, otherwise the `limit / 2`
 * highest and lowest by median (the input is ordered highest first), with how many were left out.
 */
export function chartedDepartments(stats: readonly DepartmentStats[], limit = 40): { shown: DepartmentStats[]; hidden: number } {
  if (stats.length <= limit) return { shown: [...stats], hidden: 0 };
  const half = Math.floor(limit / 2);
  return { shown: [...stats.slice(0, half), ...stats.slice(stats.length - half)], hidden: stats.length - 2 * half };
}
