import type { TProfile } from '@zhoubao/contracts';
import { Card, Empty, Grid, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EChart } from '../../components/EChart';
import { useWeekLabel } from '../wall/WeekPicker';
import {
  categoriesHeight,
  categoriesOption,
  heatHeight,
  heatmapOption,
  qualityOption,
  ratedWeeks,
  scoreTrendOption,
} from './profile-charts';
import { StatusLegend } from './WeekStatus';

const usePhone = () => Grid.useBreakpoint().md === false;

/** The year by week: one cell per week coloured by status; a cell with a report opens it. */
export function HeatmapCard({ profile }: { profile: TProfile }) {
  const { t, i18n } = useTranslation();
  const phone = usePhone();
  const navigate = useNavigate();
  const weekLabel = useWeekLabel();
  const { timeline } = profile;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the labels follow the language.
  const option = useMemo(() => heatmapOption(t, timeline, weekLabel, phone), [timeline, phone, i18n.language]);
  return (
    <Card title={t('person.heatmap.title')} size="small" data-testid="profile-heatmap" style={{ height: '100%' }}>
      <EChart
        option={option}
        height={heatHeight(timeline.length)}
        ariaLabel={t('person.heatmap.aria', {
          onTime: profile.stats.onTime,
          late: profile.stats.late,
          missing: profile.stats.missing,
        })}
        onClick={(p) => {
          const id = p.dataIndex === undefined ? null : timeline[p.dataIndex]?.reportId;
          if (id) void navigate(`/reports/${encodeURIComponent(id)}`);
        }}
      />
      <StatusLegend />
    </Card>
  );
}

/** Weekly points by the scoring rules (only for those who may see the person's scores). */
export function ScoreTrendCard({ profile }: { profile: TProfile }) {
  const { t, i18n } = useTranslation();
  const weekLabel = useWeekLabel();
  const trend = profile.scoreTrend ?? [];
  // biome-ignore lint/correctness/useExhaustiveDependencies: the labels follow the language.
  const option = useMemo(() => scoreTrendOption(t, trend, weekLabel), [trend, i18n.language]);
  return (
    <Card
      title={t('person.charts.scoreTitle')}
      extra={
        profile.scoreTotal !== null && (
          <Typography.Text type="secondary" data-testid="profile-score-total">
            {t('person.charts.total', { total: profile.scoreTotal })}
          </Typography.Text>
        )
      }
      size="small"
      data-testid="profile-score-trend"
      style={{ height: '100%' }}
    >
      {trend.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('person.charts.noScores')} />
      ) : (
        <EChart option={option} height={220} ariaLabel={t('person.charts.scoreAria', { total: profile.scoreTotal ?? 0 })} />
      )}
    </Card>
  );
}

/** Work and study by category. */
export function CategoriesCard({ profile }: { profile: TProfile }) {
  const { t, i18n } = useTranslation();
  const phone = usePhone();
  const { categories } = profile;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the labels follow the language.
  const option = useMemo(() => categoriesOption(t, categories, phone), [categories, phone, i18n.language]);
  return (
    <Card title={t('person.charts.categoriesTitle')} size="small" data-testid="profile-categories" style={{ height: '100%' }}>
      {categories.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('person.charts.noCategories')} />
      ) : (
        <EChart
          option={option}
          height={categoriesHeight(categories.length)}
          ariaLabel={t('person.charts.categoriesAria', {
            list: categories
              .slice(0, 5)
              .map((c) => `${c.category ?? t('person.uncategorised')} ${c.count}`)
              .join(', '),
          })}
        />
      )}
    </Card>
  );
}

/** Grades and peer ratings over the weeks that have them. */
export function QualityCard({ profile }: { profile: TProfile }) {
  const { t, i18n } = useTranslation();
  const weekLabel = useWeekLabel();
  const { timeline } = profile;
  const rated = ratedWeeks(timeline);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the labels follow the language.
  const option = useMemo(() => qualityOption(t, timeline, weekLabel), [timeline, i18n.language]);
  return (
    <Card title={t('person.charts.qualityTitle')} size="small" data-testid="profile-quality" style={{ height: '100%' }}>
      {rated.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('person.charts.noQuality')} />
      ) : (
        <EChart option={option} height={220} ariaLabel={t('person.charts.qualityAria', { n: rated.length })} />
      )}
    </Card>
  );
}
