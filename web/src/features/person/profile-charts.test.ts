import type { TTimelineStatus, TTimelineWeek } from '@zhoubao/contracts';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { shiftWeek } from '../wall/week-id';
import { defaultProfilePeriod, profilePeriodFrom } from './person-period';
import {
  categoryBars,
  HEAT_COLUMNS,
  heatCells,
  heatHeight,
  heatmapOption,
  heatRowLabels,
  MAX_CATEGORIES,
  qualityOption,
  STATUS_ORDER,
} from './profile-charts';

const t = ((key: string) => key) as unknown as TFunction;

const week = (w: string, status: TTimelineStatus, extra: Partial<TTimelineWeek> = {}): TTimelineWeek => ({
  week: w,
  status,
  reason: null,
  reportId: null,
  grade: null,
  peerRating: null,
  ratingCount: 0,
  items: 0,
  overdue: false,
  ...extra,
});

const year = Array.from({ length: 52 }, (_, i) => week(shiftWeek('2025-W49', i), i % 2 === 0 ? 'on_time' : 'missing'));

describe('the heat map', () => {
  it('lays a year out in four rows of 13, oldest first, labelled by each row’s first week', () => {
    const cells = heatCells(year);
    expect(HEAT_COLUMNS).toBe(13);
    expect(cells[0]).toMatchObject({ x: 0, y: 0 });
    expect(cells[12]).toMatchObject({ x: 12, y: 0 });
    expect(cells[13]).toMatchObject({ x: 0, y: 1 });
    expect(cells[51]).toMatchObject({ x: 12, y: 3 });
    expect(heatRowLabels(year)).toEqual(['2025-W49', '2026-W10', '2026-W23', '2026-W36']);
    expect(heatHeight(52)).toBe(24 + 4 * 30);
    expect(heatHeight(53)).toBe(24 + 5 * 30);
  });

  it('colours each cell by its status', () => {
    const option = heatmapOption(t, year, (w) => w, true) as { series: { data: number[][] }[] };
    const data = option.series[0]?.data ?? [];
    expect(data[0]).toEqual([0, 0, STATUS_ORDER.indexOf('on_time')]);
    expect(data[1]).toEqual([1, 0, STATUS_ORDER.indexOf('missing')]);
  });
});

describe('the category bars', () => {
  it('keeps the biggest categories and folds the tail into one bar', () => {
    const many = Array.from({ length: 14 }, (_, i) => ({ category: `类${i}`, count: 20 - i }));
    const bars = categoryBars([...many, { category: null, count: 1 }], '未分类', '其他');
    expect(bars).toHaveLength(MAX_CATEGORIES);
    expect(bars[0]).toEqual({ name: '类0', count: 20 });
    // 类9 … 类13 and the uncategorised one: 11 + 10 + 9 + 8 + 7 + 1.
    expect(bars.at(-1)).toEqual({ name: '其他', count: 46 });
    expect(categoryBars([{ category: null, count: 3 }], '未分类', '其他')).toEqual([{ name: '未分类', count: 3 }]);
  });
});

describe('the quality chart', () => {
  it('draws only the weeks with a grade or rating, and leaves out a series with no point', () => {
    const timeline = [
      week('2026-W01', 'on_time', { grade: 'A', peerRating: 4.5 }),
      week('2026-W02', 'missing'),
      week('2026-W03', 'late', { peerRating: 3 }),
    ];
    const option = qualityOption(t, timeline, (w) => w) as { series: { data: unknown[] }[]; xAxis: { data: string[] } };
    expect(option.xAxis.data).toEqual(['W01', 'W03']);
    expect(option.series.map((s) => s.data)).toEqual([
      [4, null],
      [4.5, 3],
    ]);
    const noGrades = qualityOption(t, [week('2026-W01', 'on_time', { peerRating: 4 })], (w) => w) as { series: unknown[] };
    expect(noGrades.series).toHaveLength(1);
  });
});

describe('the period of the address', () => {
  it('defaults to the 52 weeks up to the current one', () => {
    expect(defaultProfilePeriod('2026-W48')).toEqual({ from: '2025-W49', to: '2026-W48' });
    expect(profilePeriodFrom(new URLSearchParams(), '2026-W48')).toEqual({ from: '2025-W49', to: '2026-W48' });
  });

  it('takes a valid ordered period and refuses a reversed, malformed or too long one', () => {
    const of = (q: string) => profilePeriodFrom(new URLSearchParams(q), '2026-W48');
    expect(of('from=2026-W01&to=2026-W10')).toEqual({ from: '2026-W01', to: '2026-W10' });
    expect(of('from=2026-W10&to=2026-W01')).toEqual({ from: '2025-W49', to: '2026-W48' });
    expect(of('from=2026-W99')).toEqual({ from: '2025-W49', to: '2026-W48' });
    expect(of('from=2020-W01&to=2026-W10')).toEqual({ from: '2025-W49', to: '2026-W48' });
  });
});
