import type { TTimelineStatus, TTimelineWeek } from '@zhoubao/contracts';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATUS_COLORS, STATUS_ORDER } from './profile-charts';

const TAG_COLORS: Record<TTimelineStatus, string> = {
  on_time: 'success',
  late: 'warning',
  missing: 'error',
  draft: 'processing',
  absent: 'purple',
  not_due: 'default',
};

/** A week's status as a tag; a draft past its deadline says so, a week not due says why. */
export function WeekStatusTag({ week }: { week: Pick<TTimelineWeek, 'status' | 'reason' | 'overdue'> }) {
  const { t } = useTranslation();
  const label =
    week.status === 'not_due' && week.reason
      ? t(`person.reason.${week.reason}`)
      : week.status === 'draft' && week.overdue
        ? t('person.status.draftOverdue')
        : t(`person.status.${week.status}`);
  return (
    <Tag
      color={week.status === 'draft' && week.overdue ? 'error' : TAG_COLORS[week.status]}
      style={{ marginInlineEnd: 0 }}
      data-testid="week-status"
      data-status={week.status}
    >
      {label}
    </Tag>
  );
}

/** The heat map's key: a swatch and a name per status. */
export function StatusLegend() {
  const { t } = useTranslation();
  return (
    <Flex wrap gap="4px 12px" style={{ marginTop: 4 }} data-testid="heatmap-legend">
      {STATUS_ORDER.map((s) => (
        <Flex key={s} align="center" gap={4}>
          <span
            aria-hidden
            style={{
              display: 'inline-block',
              width: 12,
              height: 12,
              borderRadius: 3,
              background: STATUS_COLORS[s],
              border: s === 'not_due' ? '1px solid #d9d9d9' : undefined,
            }}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`person.status.${s}`)}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
