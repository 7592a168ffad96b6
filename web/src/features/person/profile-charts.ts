import type { TCategoryCount, TScorePoint, TTimelineStatus, TTimelineWeek } from '@zhoubao/contracts';
import type { TFunction } from 'i18next';
import type { EChartOption } from '../../components/EChart';
import { weekParts } from '../wall/week-id';

// The living file's charts as ECharts options: pure functions of the profile, so they are tested
// without a browser and the page only draws them.

/** The colour of each week status, shared by the heat map, its legend and the timeline tags. */
export const STATUS_COLORS: Record<TTimelineStatus, string> = {
  on_time: '#52c41a',
  late: '#faad14',
  missing: '#ff4d4f',
  draft: '#85a5ff',
  absent: '#d3adf7',
  not_due: '#f0f0f0',
};

/** The order of the statuses in the legend and the heat map's value scale. */
export const STATUS_ORDER: readonly TTimelineStatus[] = ['on_time', 'late', 'missing', 'draft', 'absent', 'not_due'];

/** Weeks per heat map row: a year is four rows of 13 (a quarter each), readable at 375 px. */
export const HEAT_COLUMNS = 13;

/** Tooltips are HTML: text a user typed (categories) is escaped. */
export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** `W49` (the year is in the row label and the tooltip). */
export const shortWeek = (week: string): string => `W${String(weekParts(week).n).padStart(2, '0')}`;

export interface HeatCell {
  /** Column (0–12) and row of the week. */
  x: number;
  y: number;
  week: TTimelineWeek;
}

/** The weeks laid out in rows of HEAT_COLUMNS, oldest first. */
export function heatCells(timeline: readonly TTimelineWeek[]): HeatCell[] {
  return timeline.map((week, i) => ({ x: i % HEAT_COLUMNS, y: Math.floor(i / HEAT_COLUMNS), week }));
}

/** The row labels: the first week of each row, with its year. */
export function heatRowLabels(timeline: readonly TTimelineWeek[]): string[] {
  const rows: string[] = [];
  for (let i = 0; i < timeline.length; i += HEAT_COLUMNS) {
    const { year, n } = weekParts((timeline[i] as TTimelineWeek).week);
    rows.push(`${year}-W${String(n).padStart(2, '0')}`);
  }
  return rows;
}

/** The CSS height that fits the heat map's rows. */
export const heatHeight = (weeks: number): number => 24 + Math.max(1, Math.ceil(weeks / HEAT_COLUMNS)) * 30;

/** The submission heat map: one cell a week, coloured by status, the week number inside. */
export function heatmapOption(
  t: TFunction,
  timeline: readonly TTimelineWeek[],
  weekLabel: (week: string) => string,
  phone: boolean,
): EChartOption {
  const cells = heatCells(timeline);
  const rows = heatRowLabels(timeline);
  return {
    grid: { left: phone ? 62 : 76, right: 4, top: 4, bottom: 20 },
    tooltip: {
      confine: true,
      formatter: (p: { dataIndex: number }) => {
        const w = cells[p.dataIndex]?.week;
        if (!w) return '';
        const parts = [`<b>${escapeHtml(weekLabel(w.week))}</b>`, t(`person.status.${w.status}`)];
        if (w.reason) parts.push(t(`person.reason.${w.reason}`));
        if (w.items > 0) parts.push(t('person.timeline.items', { n: w.items }));
        if (w.grade) parts.push(t('person.timeline.grade', { grade: w.grade }));
        if (w.peerRating !== null) parts.push(t('person.timeline.rating', { rating: w.peerRating }));
        return parts.join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: Array.from({ length: HEAT_COLUMNS }, (_, i) => String(i + 1)),
      splitArea: { show: false },
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { show: false },
    },
    yAxis: {
      type: 'category',
      data: rows,
      inverse: true,
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { fontSize: phone ? 10 : 11, color: '#8c8c8c' },
    },
    visualMap: {
      type: 'piecewise',
      show: false,
      dimension: 2,
      pieces: STATUS_ORDER.map((s, i) => ({ value: i, color: STATUS_COLORS[s] })),
    },
    series: [
      {
        type: 'heatmap',
        data: cells.map((c) => [c.x, c.y, STATUS_ORDER.indexOf(c.week.status)]),
        label: {
          show: true,
          fontSize: phone ? 9 : 10,
          color: '#262626',
          formatter: (p: { dataIndex: number }) => String(weekParts(cells[p.dataIndex]?.week.week ?? '').n),
        },
        itemStyle: { borderColor: '#fff', borderWidth: 2, borderRadius: 3 },
        emphasis: { itemStyle: { borderColor: '#1677ff', borderWidth: 2 } },
        cursor: 'pointer',
      },
    ],
  };
}

/** Weekly points by the scoring rules, with the period's average as a dashed line. */
export function scoreTrendOption(t: TFunction, trend: readonly TScorePoint[], weekLabel: (w: string) => string): EChartOption {
  return {
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: { dataIndex: number }[]) => {
        const p = trend[params[0]?.dataIndex ?? -1];
        return p ? `<b>${escapeHtml(weekLabel(p.week))}</b><br/>${t('person.charts.points', { points: p.points })}` : '';
      },
    },
    xAxis: { type: 'category', data: trend.map((p) => shortWeek(p.week)), boundaryGap: false, axisLabel: { fontSize: 11 } },
    yAxis: { type: 'value', splitLine: { lineStyle: { type: 'dashed' } } },
    series: [
      {
        type: 'line',
        name: t('person.charts.score'),
        data: trend.map((p) => p.points),
        // Straight segments: a smoothed curve would overshoot and show points no week had.
        smooth: false,
        symbolSize: 5,
        areaStyle: { opacity: 0.12 },
        lineStyle: { width: 2 },
        itemStyle: { color: '#1677ff' },
        markLine: {
          silent: true,
          symbol: 'none',
          data: [{ type: 'average', name: t('person.charts.average') }],
          lineStyle: { type: 'dashed', color: '#fa8c16' },
          label: {
            position: 'insideEndTop',
            fontSize: 11,
            formatter: (p: { value: number }) => t('person.charts.averageValue', { value: Math.round(p.value * 10) / 10 }),
          },
        },
      },
    ],
  };
}

/** At most this many categories are drawn; the rest are summed into one bar. */
export const MAX_CATEGORIES = 10;

/** The categories to draw, biggest first, the tail folded into "other". */
export function categoryBars(categories: readonly TCategoryCount[], uncategorised: string, other: string) {
  const named = categories.map((c) => ({ name: c.category ?? uncategorised, count: c.count }));
  if (named.length <= MAX_CATEGORIES) return named;
  const head = named.slice(0, MAX_CATEGORIES - 1);
  const rest = named.slice(MAX_CATEGORIES - 1).reduce((n, c) => n + c.count, 0);
  return [...head, { name: other, count: rest }];
}

/** Work and study items by category, as horizontal bars (the biggest on top). */
export function categoriesOption(t: TFunction, categories: readonly TCategoryCount[], phone: boolean): EChartOption {
  const bars = categoryBars(categories, t('person.uncategorised'), t('person.otherCategories')).reverse();
  return {
    grid: { left: 8, right: 36, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: {
      type: 'category',
      data: bars.map((b) => b.name),
      axisTick: { show: false },
      axisLabel: { width: phone ? 84 : 140, overflow: 'truncate', fontSize: 12 },
    },
    series: [
      {
        type: 'bar',
        name: t('person.charts.items'),
        data: bars.map((b) => b.count),
        barMaxWidth: 22,
        itemStyle: { color: '#13c2c2', borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', fontSize: 11, color: '#595959' },
      },
    ],
  };
}

export const categoriesHeight = (n: number): number => 32 + Math.min(n, MAX_CATEGORIES) * 30;

const GRADE_VALUE = { A: 4, B: 3, C: 2, D: 1 } as const;
const GRADE_OF = ['', 'D', 'C', 'B', 'A'] as const;

/** The weeks that carry a grade or a peer rating (only those draw on the quality chart). */
export const ratedWeeks = (timeline: readonly TTimelineWeek[]) =>
  timeline.filter((w) => w.grade !== null || w.peerRating !== null);

/**
 * Grades (A = 4 … D = 1, left axis) and mean peer ratings (1–5, right axis) over the weeks that have
 * either; a series with no point at all (grades for a colleague who may not see them) is left out.
 */
export function qualityOption(t: TFunction, timeline: readonly TTimelineWeek[], weekLabel: (w: string) => string): EChartOption {
  const weeks = ratedWeeks(timeline);
  const grades = weeks.map((w) => (w.grade ? GRADE_VALUE[w.grade] : null));
  const ratings = weeks.map((w) => w.peerRating);
  const series: object[] = [];
  if (grades.some((g) => g !== null)) {
    series.push({
      type: 'line',
      name: t('person.charts.grade'),
      data: grades,
      connectNulls: true,
      step: 'middle',
      symbolSize: 8,
      itemStyle: { color: '#722ed1' },
      label: { show: true, fontSize: 10, formatter: (p: { value: number }) => GRADE_OF[p.value] ?? '' },
    });
  }
  if (ratings.some((r) => r !== null)) {
    series.push({
      type: 'line',
      name: t('person.charts.rating'),
      data: ratings,
      yAxisIndex: 1,
      connectNulls: true,
      symbol: 'diamond',
      symbolSize: 8,
      itemStyle: { color: '#fa8c16' },
    });
  }
  return {
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12 } },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: { dataIndex: number }[]) => {
        const w = weeks[params[0]?.dataIndex ?? -1];
        if (!w) return '';
        const parts = [`<b>${escapeHtml(weekLabel(w.week))}</b>`];
        if (w.grade) parts.push(t('person.timeline.grade', { grade: w.grade }));
        if (w.peerRating !== null) parts.push(t('person.timeline.rating', { rating: w.peerRating }));
        return parts.join('<br/>');
      },
    },
    xAxis: { type: 'category', data: weeks.map((w) => shortWeek(w.week)), axisLabel: { fontSize: 11 } },
    yAxis: [
      {
        type: 'value',
        min: 1,
        max: 4,
        interval: 1,
        axisLabel: { formatter: (v: number) => GRADE_OF[v] ?? '' },
        splitLine: { lineStyle: { type: 'dashed' } },
      },
      { type: 'value', min: 1, max: 5, interval: 1, splitLine: { show: false } },
    ],
    series,
  };
}
