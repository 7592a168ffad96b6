import type { TAuditEntry } from '@zhoubao/contracts';
import { Button, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { testId } from '../../lib/test-id';

/** Audit entries; a row expands to the entry's data as JSON. */
export function AuditTable({
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
  const columns: TableColumnsType<TAuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 180, render: (v: string) => formatDateTime(v, true) },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 140,
      render: (name: string | null, entry) =>
        entry.actorId ? (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onFilterActor(entry)}>
            {name ?? entry.actorId}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
        ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 200,
      render: (action: string) => (
        <Tag color="blue" style={{ cursor: 'pointer', fontFamily: 'monospace' }} onClick={() => onFilterAction(action)}>
          {action}
        </Tag>
      ),
    },
    {
      title: t('audit.target'),
      key: 'target',
      width: 220,
      render: (_: unknown, e) =>
        e.targetType ? (
          <Typography.Text ellipsis={{ tooltip: e.targetId }} style={{ maxWidth: 220 }}>
            {e.targetType}
            {e.targetId && <Typography.Text type="secondary"> · {e.targetId}</Typography.Text>}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 140, render: (ip: string | null) => ip ?? '—' },
  ];

  return (
    <Table<TAuditEntry>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={entries}
      loading={loading}
      pagination={false}
      scroll={{ x: 880 }}
      locale={{ emptyText: t('audit.empty') }}
      onRow={(e) => testId('audit-row', { action: e.action })}
      expandable={{
        rowExpandable: (e) => e.data !== null && Object.keys(e.data).length > 0,
        expandedRowRender: (e) => (
          <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
            {JSON.stringify(e.data, null, 2)}
          </pre>
        ),
      }}
    />
  );
}
