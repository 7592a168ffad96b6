import type { TAuditEntry } from '@zhoubao/contracts';
import { Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';

/** The audit log on phones: one compact card per entry instead of a wide table. */
export function AuditCardList({
  entries,
  loading,
  onFilterActor,
  onFilterAction,
}: {
  entries: TAuditEntry[];
  loading: boolean;
  onFilterActor: (entry: TAuditEntry) => void;
  onFilterAction: (action: string) => void;
}) {
  const { t } = useTranslation();
  if (loading) return <Skeleton active style={{ padding: 16 }} />;
  if (entries.length === 0) return <Empty description={t('audit.empty')} style={{ padding: 24 }} />;
  return (
    <Flex vertical>
      {entries.map((e) => (
        <Card
          key={e.id}
          size="small"
          variant="borderless"
          data-testid="audit-row"
          data-action={e.action}
          style={{ borderRadius: 0, borderBottom: '1px solid #f0f0f0' }}
        >
          <Flex justify="space-between" align="center" gap={8}>
            <Tag color="blue" style={{ fontFamily: 'monospace', cursor: 'pointer' }} onClick={() => onFilterAction(e.action)}>
              {e.action}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              {formatDateTime(e.at, true)}
            </Typography.Text>
          </Flex>
          <Typography.Paragraph type="secondary" ellipsis style={{ margin: '6px 0 0', fontSize: 13 }}>
            {e.actorId ? (
              <Typography.Link onClick={() => onFilterActor(e)}>{e.actorName ?? e.actorId}</Typography.Link>
            ) : (
              t('audit.system')
            )}
            {e.targetType && ` · ${e.targetType}`}
            {e.ip && ` · ${e.ip}`}
          </Typography.Paragraph>
          {e.data && Object.keys(e.data).length > 0 && (
            <details style={{ marginTop: 4 }}>
              <summary style={{ cursor: 'pointer', color: '#1677ff', fontSize: 13 }}>{t('audit.details')}</summary>
              <pre style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
                {JSON.stringify(e.data, null, 2)}
              </pre>
            </details>
          )}
        </Card>
      ))}
    </Flex>
  );
}
