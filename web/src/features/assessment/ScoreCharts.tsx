import type { TScoreRow } from '@zhoubao/contracts';
import { Card, Col, Empty, Flex, Grid, Row, Select, Skeleton, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type EChartOption } from '../../components/EChart';
import {
  chartedDepartments,
  countInto,
  type DepartmentStats,
  departmentStats,
  type HistogramBin,
  histogramBins,
  quantile,
} from './score-stats';

const BLUE = '#1677ff';
const LIGHT_BLUE = '#91caff';
const ORANGE = '#fa8c16';
const ORANGE_LIGHT = '#ffd591';
const ORANGE_DARK = '#d46b08';
const GREY = '#d9d9d9';
/** Height of one department's row in the comparison chart, in pixels. */
const ROW_HEIGHT = 30;
const PHONE_ROW_HEIGHT = 40;
const MAX_DEPARTMENTS = 40;

/** Tooltips are HTML: whatever a user typed (department names) is escaped. */
const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** A department key for maps and selects: people without a department are grouped under ''. */
const keyOf = (id: string | null): string => id ?? '';

interface ChartsProps {
  rows: TScoreRow[];
  loading: boolean;
  departmentName: (id: string | null) => string;
}

function comparisonOption(
  t: TFunction,
  shown: DepartmentStats[],
  name: (id: string | null) => string,
  highlight: string | null,
  phone: boolean,
): EChartOption {
  // ECharts draws the first category at the bottom: reverse so the highest median is on top.
  const list = [...shown].reverse();
  // Rich-text labels: braces in a name would open a style block, so they become full-width.
  const plain = (text: string) => text.replace(/\{/g, '｛').replace(/\}/g, '｝');
  const label = (s: DepartmentStats) =>
    phone
      ? `{name|${plain(name(s.departmentId))}}\n{count|${t('assessment.charts.peopleShort', { n: s.count })}}`
      : plain(t('assessment.charts.departmentLabel', { name: name(s.departmentId), n: s.count }));
  const highlighted = (s: DepartmentStats) => highlight !== null && keyOf(s.departmentId) === highlight;
  const colour = (s: DepartmentStats) => (highlighted(s) ? ORANGE_LIGHT : LIGHT_BLUE);
  return {
    grid: { left: 8, right: 40, top: 36, bottom: 8 },
    legend: {
      top: 0,
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { fontSize: 12 },
      data: [t('assessment.charts.spread'), t('assessment.charts.mean')],
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: { dataIndex: number }[]) => {
        const s = list[params[0]?.dataIndex ?? -1];
        if (!s) return '';
        return [
          `<b>${escapeHtml(name(s.departmentId))}</b>`,
          t('assessment.charts.tipPeople', { n: s.count }),
          t('assessment.charts.tipMedian', { value: s.median }),
          t('assessment.charts.tipMean', { value: s.mean }),
          t('assessment.charts.tipQuartiles', { q1: s.q1, q3: s.q3 }),
          t('assessment.charts.tipRange', { min: s.min, max: s.max }),
        ].join('<br/>');
      },
    },
    xAxis: { type: 'value', scale: true, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: {
      type: 'category',
      data: list.map(label),
      axisTick: { show: false },
      axisLabel: {
        width: phone ? 96 : 180,
        overflow: 'truncate',
        fontSize: 12,
        rich: {
          name: { fontSize: 12, width: 96, overflow: 'truncate', align: 'right' },
          count: { fontSize: 10, color: '#8c8c8c', align: 'right', padding: [2, 0, 0, 0] },
        },
      },
    },
    series: [
      {
        // The box runs from the lower to the upper quartile with the median across it; the whiskers reach the extremes.
        type: 'boxplot',
        name: t('assessment.charts.spread'),
        data: list.map((s) => ({
          value: [s.min, s.q1, s.median, s.q3, s.max],
          itemStyle: { color: colour(s), borderColor: highlighted(s) ? ORANGE_DARK : BLUE },
        })),
        boxWidth: [8, 18],
        itemStyle: { borderWidth: 1.5 },
        emphasis: { disabled: true },
      },
      {
        type: 'scatter',
        name: t('assessment.charts.mean'),
        data: list.map((s, i) => [s.mean, i]),
        symbol: 'diamond',
        symbolSize: 9,
        itemStyle: { color: '#262626' },
        z: 3,
      },
      {
        // The median as a number right of each row's highest score.
        type: 'scatter',
        name: t('assessment.charts.median'),
        data: list.map((s, i) => ({ value: [s.max, i], label: { formatter: String(s.median) } })),
        symbolSize: 0,
        silent: true,
        label: { show: true, position: 'right', fontSize: 11, color: '#595959', distance: 6 },
        legendHoverLink: false,
      },
    ],
  };
}

function distributionOption(
  t: TFunction,
  bins: HistogramBin[],
  selectedCounts: number[] | null,
  selectedName: string,
  overallMedian: number,
): EChartOption {
  const labels = bins.map((b) => String(b.from));
  const total = bins.map((b) => b.count);
  const rest = selectedCounts ? total.map((n, i) => n - (selectedCounts[i] as number)) : total;
  const medianBin = bins.findIndex((b, i) => overallMedian >= b.from && (overallMedian < b.to || i === bins.length - 1));
  return {
    grid: { left: 8, right: 16, top: 36, bottom: 8 },
    legend: selectedCounts ? { top: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12 } } : undefined,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: { dataIndex: number }[]) => {
        const i = params[0]?.dataIndex ?? -1;
        const b = bins[i];
        if (!b) return '';
        const lines = [
          `<b>${t('assessment.charts.binRange', { from: b.from, to: b.to })}</b>`,
          t('assessment.charts.tipPeople', { n: b.count }),
        ];
        if (selectedCounts)
          lines.push(`${escapeHtml(selectedName)}: ${t('assessment.charts.peopleShort', { n: selectedCounts[i] })}`);
        return lines.join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: labels,
      name: t('assessment.charts.totalAxis'),
      nameLocation: 'middle',
      nameGap: 24,
      axisLabel: { hideOverlap: true, fontSize: 11 },
    },
    yAxis: { type: 'value', minInterval: 1, name: t('assessment.charts.peopleAxis'), nameTextStyle: { align: 'left' } },
    series: [
      {
        type: 'bar',
        name: selectedCounts ? t('assessment.charts.others') : t('assessment.charts.everyone'),
        stack: 'people',
        data: rest,
        itemStyle: { color: selectedCounts ? GREY : LIGHT_BLUE },
        barCategoryGap: '8%',
        markLine:
          medianBin >= 0
            ? {
                symbol: 'none',
                silent: true,
                label: { formatter: t('assessment.charts.medianLine', { value: overallMedian }), fontSize: 11 },
                lineStyle: { color: BLUE, type: 'dashed' },
                data: [{ xAxis: medianBin }],
              }
            : undefined,
      },
      ...(selectedCounts
        ? [{ type: 'bar', name: selectedName, stack: 'people', data: selectedCounts, itemStyle: { color: ORANGE } }]
        : []),
    ],
  };
}

/**
 * The department comparison (median bar, quartile box with min–max whiskers, mean diamond, people
 * count) and the distribution of totals, with one department highlighted — computed from the loaded rows.
 */
export function ScoreCharts({ rows, loading, departmentName }: ChartsProps) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const [highlight, setHighlight] = useState<string | null>(null);

  const stats = useMemo(() => departmentStats(rows), [rows]);
  const { shown, hidden } = useMemo(() => chartedDepartments(stats, MAX_DEPARTMENTS), [stats]);
  const totals = useMemo(() => rows.map((r) => r.total), [rows]);
  const bins = useMemo(() => histogramBins(totals, phone ? 10 : 16), [totals, phone]);
  const overallMedian = useMemo(
    () =>
      Math.round(
        quantile(
          [...totals].sort((a, b) => a - b),
          0.5,
        ) * 100,
      ) / 100,
    [totals],
  );
  // A highlight kept from an earlier filter that no longer has anyone is ignored.
  const active = highlight !== null && stats.some((s) => keyOf(s.departmentId) === highlight) ? highlight : null;
  const selectedCounts = useMemo(
    () =>
      active === null
        ? null
        : countInto(
            bins,
            rows.filter((r) => keyOf(r.departmentId) === active).map((r) => r.total),
          ),
    [active, bins, rows],
  );
  const nameOf = useCallback(
    (id: string | null) => (id === null ? t('assessment.charts.noDepartment') : departmentName(id)),
    [t, departmentName],
  );
  const selectedName = active === null ? '' : nameOf(active === '' ? null : active);

  const comparison = useMemo(() => comparisonOption(t, shown, nameOf, active, phone), [t, shown, nameOf, active, phone]);
  const distribution = useMemo(
    () => distributionOption(t, bins, selectedCounts, selectedName, overallMedian),
    [t, bins, selectedCounts, selectedName, overallMedian],
  );

  if (loading) {
    return (
      <Card style={{ marginBottom: 16 }}>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (rows.length === 0) return null;

  const pickDepartment = (params: { dataIndex?: number }) => {
    const s = [...shown].reverse()[params.dataIndex ?? -1];
    if (s) setHighlight((h) => (h === keyOf(s.departmentId) ? null : keyOf(s.departmentId)));
  };
  const options = stats.map((s) => ({ value: keyOf(s.departmentId), label: nameOf(s.departmentId) }));

  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="score-charts">
      <Col xs={24} xl={12}>
        <Card
          title={t('assessment.charts.comparisonTitle')}
          size="small"
          extra={
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('assessment.charts.departments', { n: stats.length })}
            </Typography.Text>
          }
        >
          <EChart
            option={comparison}
            height={Math.max(180, shown.length * (phone ? PHONE_ROW_HEIGHT : ROW_HEIGHT) + 60)}
            ariaLabel={t('assessment.charts.comparisonAria', { n: stats.length })}
            testId="chart-departments"
            onClick={pickDepartment}
          />
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
            {hidden > 0
              ? t('assessment.charts.hiddenDepartments', { half: shown.length / 2, hidden })
              : t('assessment.charts.comparisonHint')}
          </Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card
          title={t('assessment.charts.distributionTitle')}
          size="small"
          extra={
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('assessment.charts.summary', { n: rows.length, median: overallMedian })}
            </Typography.Text>
          }
        >
          <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={active ?? undefined}
              onChange={(v) => setHighlight(v ?? null)}
              options={options}
              placeholder={t('assessment.charts.highlight')}
              aria-label={t('assessment.charts.highlight')}
              popupMatchSelectWidth={false}
              style={{ width: phone ? '100%' : 240 }}
              data-testid="chart-highlight"
            />
          </Flex>
          {bins.length === 0 ? (
            <Empty />
          ) : (
            <EChart
              option={distribution}
              height={300}
              ariaLabel={t('assessment.charts.distributionAria', { n: rows.length, median: overallMedian })}
              testId="chart-distribution"
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
