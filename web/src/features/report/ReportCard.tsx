import { CheckCircleOutlined, ClockCircleOutlined, CopyOutlined, EditOutlined, RightOutlined } from '@ant-design/icons';
import { SIMILARITY_FLAG, type TReport } from '@zhoubao/contracts';
import { Avatar, Card, Flex, Tag, Tooltip, Typography, theme } from 'antd';
import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../lib/format';
import { ItemList } from './ItemList';

const AVATAR_COLORS = ['#1677ff', '#13c2c2', '#52c41a', '#fa8c16', '#722ed1', '#eb2f96', '#2f54eb'];

/** A stable colour per person, so the same colleague always looks the same. */
export function avatarColor(id: string): string {
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return AVATAR_COLORS[hash % AVATAR_COLORS.length] ?? '#1677ff';
}

/** A round avatar holding the first character of the name. */
export function PersonAvatar({ id, name, size = 32 }: { id: string; name: string; size?: number }) {
  return (
    <Avatar size={size} style={{ backgroundColor: avatarColor(id), flex: 'none' }}>
      {Array.from(name)[0] ?? '?'}
    </Avatar>
  );
}

/** Draft, on time or late. */
export function ReportStatusTag({ report }: { report: Pick<TReport, 'status' | 'late'> }) {
  const { t } = useTranslation();
  if (report.status === 'draft') {
    return (
      <Tag icon={<EditOutlined />} style={{ marginInlineEnd: 0 }} data-testid="report-status" data-status="draft">
        {t('report.draft')}
      </Tag>
    );
  }
  return report.late ? (
    <Tag
      color="warning"
      icon={<ClockCircleOutlined />}
      style={{ marginInlineEnd: 0 }}
      data-testid="report-status"
      data-status="late"
    >
      {t('report.late')}
    </Tag>
  ) : (
    <Tag
      color="success"
      icon={<CheckCircleOutlined />}
      style={{ marginInlineEnd: 0 }}
      data-testid="report-status"
      data-status="on_time"
    >
      {t('report.onTime')}
    </Tag>
  );
}

/** The copy-paste warning: shown from SIMILARITY_FLAG up. */
export function SimilarFlag({ similarity }: { similarity: number | null }) {
  const { t } = useTranslation();
  if (similarity === null || similarity < SIMILARITY_FLAG) return null;
  return (
    <Tooltip title={t('report.similarHint', { percent: Math.round(similarity * 100) })}>
      <Tag color="orange" icon={<CopyOutlined />} style={{ marginInlineEnd: 0 }} data-testid="similar-flag">
        {t('report.similar')}
      </Tag>
    </Tooltip>
  );
}

/** True while the reader is selecting text: a click that ends a selection must not navigate. */
const selecting = () => (window.getSelection?.()?.toString() ?? '') !== '';

/**
 * One report as a card: author, status, copy-paste flag, summary and the items by kind. With `linked`,
 * the card opens the report page (the name is also a real link, for keyboards and new tabs).
 */
export function ReportCard({
  report,
  linked = false,
  extra,
  goalTitles,
}: {
  report: TReport;
  linked?: boolean;
  extra?: ReactNode;
  /** Titles of the author's goals, to name the goal an item is linked to. */
  goalTitles?: ReadonlyMap<string, string> | undefined;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const href = `/reports/${encodeURIComponent(report.id)}`;
  const open = (e: MouseEvent) => {
    if (!linked || selecting() || (e.target as HTMLElement).closest('a, button')) return;
    void navigate(href);
  };

  const title = (
    <Flex align="center" gap={8} style={{ minWidth: 0 }}>
      <PersonAvatar id={report.userId} name={report.displayName} size={28} />
      {linked ? (
        <Link to={href} style={{ color: token.colorText, minWidth: 0 }} data-testid="report-card-link">
          <Typography.Text strong ellipsis>
            {report.displayName}
          </Typography.Text>
        </Link>
      ) : (
        <Typography.Text strong ellipsis>
          {report.displayName}
        </Typography.Text>
      )}
    </Flex>
  );

  return (
    <Card
      size="small"
      hoverable={linked}
      onClick={open}
      data-testid="report-card"
      data-report-id={report.id}
      data-author={report.displayName}
      title={title}
      extra={
        <Flex gap={4} wrap justify="flex-end">
          <SimilarFlag similarity={report.similarToPrevious} />
          <ReportStatusTag report={report} />
        </Flex>
      }
      styles={{ header: { gap: 8 } }}
      style={{ cursor: linked ? 'pointer' : undefined }}
    >
      {report.summary && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="report-summary">
          {report.summary}
        </Typography.Paragraph>
      )}
      <ItemList items={report.items} goalTitles={goalTitles} />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 12 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {report.submittedAt ? t('report.submittedAt', { time: formatDateTime(report.submittedAt) }) : t('report.notSubmitted')}
          {report.version > 1 && ` · ${t('report.version', { version: report.version })}`}
        </Typography.Text>
        {extra}
        {linked && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('report.open')} <RightOutlined />
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
