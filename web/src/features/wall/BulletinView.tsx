import { CoffeeOutlined, EyeOutlined, FileTextOutlined, UserDeleteOutlined } from '@ant-design/icons';
import type { TBulletin, TPersonRef } from '@zhoubao/contracts';
import { Card, Empty, Flex, Tag, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { ItemList } from '../report/ItemList';
import { ReportCard } from '../report/ReportCard';
import { useWeekLabel } from './WeekPicker';

function Figure({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <div style={{ minWidth: 56 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {label}
      </Typography.Text>
      <Typography.Text strong style={{ fontSize: 20, color }}>
        {value}
      </Typography.Text>
    </div>
  );
}

/** The people of a bulletin who did not submit (or were on leave), as a row of names. */
function PeopleList({
  people,
  testId,
  icon,
  title,
  empty,
}: {
  people: TPersonRef[];
  testId: string;
  icon: ReactNode;
  title: string;
  empty?: string;
}) {
  return (
    <Card
      size="small"
      data-testid={testId}
      data-count={people.length}
      title={
        <span>
          {icon} {title}
        </span>
      }
    >
      {people.length === 0 ? (
        <Typography.Text type="secondary">{empty}</Typography.Text>
      ) : (
        <Flex wrap gap={6}>
          {people.map((p) => (
            <Tag key={p.userId} data-user-id={p.userId} style={{ marginInlineEnd: 0 }}>
              {p.displayName}
            </Tag>
          ))}
        </Flex>
      )}
    </Card>
  );
}

/**
 * A compiled bulletin as everyone reads it: its heading and figures, the department summary first,
 * then each member's report in department order (cards open the report page), then who is missing
 * and who is on leave.
 */
export function BulletinView({ bulletin: b, linked = true }: { bulletin: TBulletin; linked?: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const weekLabel = useWeekLabel();
  const hasSummary = b.summary.summary.trim() !== '' || b.summary.items.length > 0;
  return (
    <Flex vertical gap={12} data-testid="bulletin" data-version={b.version ?? 'preview'} data-dept-id={b.department.id}>
      <Card size="small" style={{ borderTop: `3px solid ${token.colorPrimary}` }}>
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('wall.bulletinTitle', { name: b.department.name, week: weekLabel(b.week) })}
            </Typography.Title>
            <Flex wrap gap={6} align="center" style={{ marginTop: 4 }}>
              {b.version === null ? (
                <Tag color="processing" icon={<EyeOutlined />} style={{ marginInlineEnd: 0 }}>
                  {t('wall.preview')}
                </Tag>
              ) : (
                <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                  {t('report.version', { version: b.version })}
                </Tag>
              )}
              {b.publishedAt && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('wall.publishedAt', { time: formatDateTime(b.publishedAt) })}
                </Typography.Text>
              )}
            </Flex>
          </div>
          <Flex gap={16}>
            <Figure label={t('wall.members')} value={b.stats.members} />
            <Figure label={t('wall.submitted')} value={b.stats.submitted} color={token.colorSuccess} />
            <Figure label={t('wall.late')} value={b.stats.late} color={b.stats.late ? token.colorWarning : undefined} />
          </Flex>
        </Flex>
      </Card>

      <Card
        size="small"
        data-testid="bulletin-summary"
        title={
          <span>
            <FileTextOutlined style={{ color: token.colorPrimary }} /> {t('wall.summary')}
          </span>
        }
        styles={{ header: { background: token.colorPrimaryBg } }}
        style={{ borderColor: token.colorPrimaryBorder, borderInlineStart: `3px solid ${token.colorPrimary}` }}
      >
        {hasSummary ? (
          <>
            {b.summary.summary && (
              <Typography.Paragraph
                style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
                data-testid="bulletin-summary-text"
              >
                {b.summary.summary}
              </Typography.Paragraph>
            )}
            {b.summary.items.length > 0 && <ItemList items={b.summary.items} />}
          </>
        ) : (
          <Typography.Text type="secondary">{t('wall.noSummary')}</Typography.Text>
        )}
      </Card>

      <Typography.Text strong style={{ marginTop: 4 }}>
        {t('wall.reports', { n: b.reports.length })}
      </Typography.Text>
      {b.reports.length === 0 ? (
        <Card size="small">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wall.noReports')} />
        </Card>
      ) : (
        b.reports.map((r) => <ReportCard key={r.id} report={r} linked={linked} />)
      )}

      <PeopleList
        people={b.missing}
        testId="missing-list"
        icon={<UserDeleteOutlined />}
        title={t('wall.missing', { n: b.missing.length })}
        empty={t('wall.noneMissing')}
      />
      {b.absent.length > 0 && (
        <PeopleList
          people={b.absent}
          testId="absent-list"
          icon={<CoffeeOutlined />}
          title={t('wall.absent', { n: b.absent.length })}
        />
      )}
    </Flex>
  );
}
