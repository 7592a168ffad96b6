import type { TBulletin, TUser } from '@zhoubao/contracts';
import { Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format';
import { PersonAvatar } from '../report/ReportCard';
import { countByStatus, type MemberStatus, memberRows } from './member-status';

export const STATUS_COLORS: Record<MemberStatus, string> = {
  submitted: 'success',
  late: 'warning',
  missing: 'error',
  absent: 'default',
  not_owed: 'default',
};

const SUMMARY_ORDER: MemberStatus[] = ['submitted', 'late', 'missing', 'absent'];

/** Who has submitted the week's report, who is late, who has not, who is on leave. */
export function MemberStatusCard({
  bulletin,
  members,
  loading,
}: {
  bulletin: TBulletin | null | undefined;
  members: readonly TUser[];
  loading: boolean;
}) {
  const { t } = useTranslation();
  const rows = bulletin ? memberRows(bulletin, members) : [];
  const counts = countByStatus(rows);

  let body: React.ReactNode;
  if (loading) body = <Skeleton active avatar paragraph={{ rows: 4 }} />;
  else if (!bulletin) body = <Typography.Text type="secondary">{t('department.noStatus')}</Typography.Text>;
  else if (rows.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('department.noMembers')} />;
  else {
    body = (
      <Flex vertical>
        <Flex gap={4} wrap style={{ marginBottom: 4 }} data-testid="member-status-counts">
          {SUMMARY_ORDER.filter((s) => counts[s] > 0).map((s) => (
            <Tag key={s} color={STATUS_COLORS[s]} style={{ marginInlineEnd: 0 }}>
              {t(`department.status.${s}`)} {counts[s]}
            </Tag>
          ))}
        </Flex>
        {rows.map((row) => (
          <Flex
            key={row.userId}
            align="center"
            gap={10}
            data-testid="member-status"
            data-user-id={row.userId}
            data-status={row.status}
            style={{ padding: '8px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}
          >
            <PersonAvatar id={row.userId} name={row.displayName} size={30} />
            <div style={{ minWidth: 0, flex: 1 }}>
              <Typography.Text ellipsis style={{ display: 'block' }}>
                {row.reportId ? (
                  <Link to={`/reports/${encodeURIComponent(row.reportId)}`}>{row.displayName}</Link>
                ) : (
                  row.displayName
                )}
                {row.title && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                    {row.title}
                  </Typography.Text>
                )}
              </Typography.Text>
              {row.submittedAt && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('report.submittedAt', { time: formatDateTime(row.submittedAt) })}
                </Typography.Text>
              )}
            </div>
            <Tag color={STATUS_COLORS[row.status]} style={{ marginInlineEnd: 0, flex: 'none' }}>
              {t(`department.status.${row.status}`)}
            </Tag>
          </Flex>
        ))}
        <Typography.Text type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
          {t('department.draftHint')}
        </Typography.Text>
      </Flex>
    );
  }

  return <Card title={t('department.members')}>{body}</Card>;
}
