import { EyeOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { PersonAvatar } from './ReportCard';
import { useReportReaders } from './report.api';

/** Who read the report (read receipts); hidden for viewers the server does not tell (403). */
export function ReadersCard({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const readers = useReportReaders(reportId);
  if (readers.data === null) return null;

  let body: React.ReactNode;
  if (readers.isPending) body = <Skeleton active avatar paragraph={{ rows: 2 }} />;
  else if (readers.isError) body = <Typography.Text type="danger">{errorText(readers.error)}</Typography.Text>;
  else if (readers.data.items.length === 0)
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.noReaders')} />;
  else {
    body = (
      <Flex vertical gap={10}>
        {readers.data.items.map((r) => (
          <Flex key={r.userId} align="center" gap={10} data-testid="reader" data-user-id={r.userId}>
            <PersonAvatar id={r.userId} name={r.displayName} size={28} />
            <div style={{ minWidth: 0, flex: 1 }}>
              <Typography.Text ellipsis style={{ display: 'block' }}>
                {r.displayName}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('report.readAt', { time: formatDateTime(r.readAt) })}
                {r.lastReadAt !== r.readAt && ` · ${t('report.lastReadAt', { time: formatDateTime(r.lastReadAt) })}`}
              </Typography.Text>
            </div>
          </Flex>
        ))}
      </Flex>
    );
  }

  return (
    <Card
      size="small"
      title={
        <span>
          <EyeOutlined style={{ marginInlineEnd: 6 }} />
          {t('report.readers')}
        </span>
      }
      extra={
        readers.data && (
          <Typography.Text type="secondary" data-testid="readers-count">
            {t('report.readersCount', { n: readers.data.items.length })}
          </Typography.Text>
        )
      }
      data-testid="readers-list"
    >
      {body}
    </Card>
  );
}
