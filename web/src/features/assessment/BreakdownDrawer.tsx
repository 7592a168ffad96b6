import type { TScoreRow } from '@zhoubao/contracts';
import { Descriptions, Drawer, Grid, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadErrorResult } from '../../components/ResultPages';
import { useErrorText } from '../../lib/errors';
import { ScoreBreakdown } from './ScoreBreakdown';
import { useUserScores } from './scoring.api';

/** One person's period, week by week, beside the score table. */
export function BreakdownDrawer({
  row,
  from,
  to,
  onClose,
}: {
  row: TScoreRow | null;
  from: string;
  to: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const phone = Grid.useBreakpoint().md === false;
  const scores = useUserScores(row?.userId, from, to);
  return (
    <Drawer
      open={row !== null}
      onClose={onClose}
      title={row ? t('assessment.breakdownTitle', { name: row.displayName }) : ''}
      size={phone ? '100%' : 520}
      destroyOnHidden
      data-testid="score-breakdown-drawer"
    >
      {row && (
        <Descriptions
          size="small"
          column={2}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'total', label: t('assessment.col.total'), children: row.total },
            { key: 'rank', label: t('assessment.col.rank'), children: row.rank },
            { key: 'departmentRank', label: t('assessment.col.departmentRank'), children: row.departmentRank },
            {
              key: 'percentile',
              label: t('assessment.col.percentile'),
              children: Math.round(row.departmentPercentile),
            },
          ]}
        />
      )}
      {scores.isError ? (
        <LoadErrorResult message={errorText(scores.error)} onRetry={() => void scores.refetch()} />
      ) : scores.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <ScoreBreakdown weeks={scores.data.weeks} />
      )}
    </Drawer>
  );
}
