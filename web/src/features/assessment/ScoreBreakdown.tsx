import type { TScorePart, TWeekScore } from '@zhoubao/contracts';
import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWeekLabel } from '../wall/WeekPicker';

/** `+10` / `-5` / `0`. */
export const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

const pointsColor = (n: number) => (n > 0 ? 'green' : n < 0 ? 'red' : 'default');

function PartLine({ part }: { part: TScorePart }) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" gap={8} wrap data-testid="breakdown-part" data-rule={part.rule}>
      <Flex align="center" gap={6} wrap style={{ minWidth: 0 }}>
        <Typography.Text>{t(`assessment.rule.${part.rule}`)}</Typography.Text>
        {part.evidence.reportId ? (
          <Link to={`/reports/${part.evidence.reportId}`} data-testid="breakdown-evidence">
            {t(`assessment.evidence.${part.evidence.kind}`)}
          </Link>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`assessment.evidence.${part.evidence.kind}`)}
          </Typography.Text>
        )}
      </Flex>
      <Tag color={pointsColor(part.points)} style={{ marginInlineEnd: 0 }}>
        {signed(part.points)}
      </Tag>
    </Flex>
  );
}

/** Every week of a period, newest first: its points and each rule's part with a link to its evidence. */
export function ScoreBreakdown({ weeks }: { weeks: TWeekScore[] }) {
  const { t } = useTranslation();
  const label = useWeekLabel();
  const ordered = [...weeks].sort((a, b) => (a.week < b.week ? 1 : a.week > b.week ? -1 : 0));
  return (
    <Flex vertical gap={8} data-testid="score-breakdown">
      {ordered.length === 0 ? (
        <Empty description={t('assessment.noWeeks')} />
      ) : (
        ordered.map((w) => (
          <Card
            key={w.week}
            size="small"
            data-testid="breakdown-week"
            data-week={w.week}
            title={label(w.week)}
            extra={
              <Typography.Text strong style={{ color: w.points < 0 ? '#cf1322' : undefined }}>
                {t('assessment.points', { n: w.points })}
              </Typography.Text>
            }
          >
            {w.breakdown.length === 0 ? (
              <Typography.Text type="secondary">{t('assessment.nothingCounted')}</Typography.Text>
            ) : (
              <Flex vertical gap={6}>
                {w.breakdown.map((part, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: parts have no id of their own and keep their order
                  <PartLine key={i} part={part} />
                ))}
              </Flex>
            )}
          </Card>
        ))
      )}
    </Flex>
  );
}
