import { CheckCircleFilled, EditOutlined, StarOutlined } from '@ant-design/icons';
import type { TAssessmentCandidate, TScoreRow } from '@zhoubao/contracts';
import { Button, Card, Empty, Flex, Popconfirm, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { testId } from '../../lib/test-id';
import { ShowMoreButton, useShowMore } from './ShowMore';
import { byNumber, scoreFigureColumns } from './score-columns';

/** A frozen row with what the page knows about it as a candidate. */
export interface SnapshotRow extends TScoreRow {
  suggested: boolean;
  candidate: TAssessmentCandidate | null;
}

export interface SnapshotRowsProps {
  rows: SnapshotRow[];
  departmentName: (id: string | null) => string;
  /** False once the snapshot is locked: no marking. */
  editable: boolean;
  busyUserId: string | null;
  onMark: (row: SnapshotRow) => void;
  onUnmark: (row: SnapshotRow) => void;
}

const collator = new Intl.Collator('zh-CN');
/** The suggested and marked tags of a row; the note shows on hover and on phones under the tags. */
function CandidateTags({ row }: { row: SnapshotRow }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      {row.candidate && (
        <Tooltip title={row.candidate.note || undefined}>
          <Tag color="success" icon={<CheckCircleFilled />} data-testid="candidate-marked" style={{ marginInlineEnd: 0 }}>
            {t('assessment.snapshot.marked')}
          </Tag>
        </Tooltip>
      )}
      {row.suggested && (
        <Tag color="gold" data-testid="candidate-suggested" style={{ marginInlineEnd: 0 }}>
          {t('assessment.snapshot.suggested')}
        </Tag>
      )}
    </Flex>
  );
}

/** Mark (or edit the note) and unmark buttons for one row. */
function CandidateActions({
  row,
  busyUserId,
  onMark,
  onUnmark,
}: Omit<SnapshotRowsProps, 'rows' | 'departmentName' | 'editable'> & { row: SnapshotRow }) {
  const { t } = useTranslation();
  const busy = busyUserId === row.userId;
  if (!row.candidate) {
    return (
      <Button size="small" icon={<StarOutlined />} loading={busy} onClick={() => onMark(row)} data-testid="candidate-mark">
        {t('assessment.snapshot.mark')}
      </Button>
    );
  }
  return (
    <Flex gap={4}>
      <Button size="small" icon={<EditOutlined />} onClick={() => onMark(row)} data-testid="candidate-edit">
        {t('assessment.snapshot.editNote')}
      </Button>
      <Popconfirm
        title={t('assessment.snapshot.unmarkConfirm', { name: row.displayName })}
        okText={t('assessment.snapshot.unmark')}
        cancelText={t('common.cancel')}
        onConfirm={() => onUnmark(row)}
        okButtonProps={{ 'data-testid': 'candidate-unmark-confirm' }}
      >
        <Button size="small" danger loading={busy} data-testid="candidate-unmark">
          {t('assessment.snapshot.unmark')}
        </Button>
      </Popconfirm>
    </Flex>
  );
}

const rowAttrs = (r: SnapshotRow) =>
  testId('snapshot-score-row', {
    'user-id': r.userId,
    rank: String(r.rank),
    total: String(r.total),
    suggested: String(r.suggested),
    marked: String(r.candidate !== null),
  });

/** The frozen rows as a sortable table (tablets and PCs). */
export function SnapshotTable({ rows, departmentName, editable, ...actions }: SnapshotRowsProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<SnapshotRow> = [
    {
      key: 'rank',
      title: t('assessment.col.rank'),
      dataIndex: 'rank',
      width: 72,
      sorter: byNumber((r) => r.rank),
      defaultSortOrder: 'ascend',
    },
    {
      key: 'name',
      title: t('assessment.col.name'),
      dataIndex: 'displayName',
      sorter: (a, b) => collator.compare(a.displayName, b.displayName),
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      key: 'department',
      title: t('assessment.col.department'),
      render: (_: unknown, r) => departmentName(r.departmentId),
      sorter: (a, b) => collator.compare(departmentName(a.departmentId), departmentName(b.departmentId)),
    },
    {
      key: 'total',
      title: t('assessment.col.total'),
      dataIndex: 'total',
      render: (n: number) => <Typography.Text strong>{n}</Typography.Text>,
      sorter: byNumber((r) => r.total),
    },
    {
      key: 'departmentRank',
      title: t('assessment.col.departmentRank'),
      dataIndex: 'departmentRank',
      sorter: byNumber((r) => r.departmentRank),
    },
    {
      key: 'percentile',
      title: t('assessment.col.percentile'),
      dataIndex: 'departmentPercentile',
      render: (p: number) => Math.round(p),
      sorter: byNumber((r) => r.departmentPercentile),
    },
    {
      key: 'candidate',
      title: t('assessment.snapshot.candidate'),
      render: (_: unknown, r) => <CandidateTags row={r} />,
      sorter: byNumber((r) => (r.candidate ? 2 : 0) + (r.suggested ? 1 : 0)),
    },
    ...scoreFigureColumns<SnapshotRow>(t),
    {
      key: 'note',
      title: t('assessment.snapshot.note'),
      render: (_: unknown, r) => (
        <Typography.Text type="secondary" ellipsis={{ tooltip: r.candidate?.note }} style={{ maxWidth: 200 }}>
          {r.candidate?.note ?? ''}
        </Typography.Text>
      ),
    },
    ...(editable
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            fixed: 'right' as const,
            render: (_: unknown, r: SnapshotRow) => <CandidateActions row={r} {...actions} />,
          },
        ]
      : []),
  ];
  return (
    <Table<SnapshotRow>
      rowKey="userId"
      columns={columns}
      dataSource={rows}
      size="middle"
      scroll={{ x: 'max-content' }}
      pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showSizeChanger: true }}
      locale={{ emptyText: <Empty description={t('assessment.snapshot.noRows')} /> }}
      onRow={rowAttrs}
      data-testid="snapshot-table"
    />
  );
}

/** The frozen rows on phones: one card per person, in the order given. */
export function SnapshotCards({ rows, departmentName, editable, ...actions }: SnapshotRowsProps) {
  const { t } = useTranslation();
  const [limit, more] = useShowMore(rows);
  if (rows.length === 0) return <Empty description={t('assessment.snapshot.noRows')} style={{ padding: 24 }} />;
  return (
    <Flex vertical data-testid="snapshot-table">
      {rows.slice(0, limit).map((r) => (
        <Card
          key={r.userId}
          size="small"
          variant="borderless"
          {...rowAttrs(r)}
          style={{ borderRadius: 0, borderBottom: '1px solid #f0f0f0' }}
        >
          <Flex justify="space-between" align="center" gap={8}>
            <Flex align="center" gap={8} style={{ minWidth: 0 }}>
              <Tag color="gold" style={{ marginInlineEnd: 0 }}>
                #{r.rank}
              </Tag>
              <Typography.Text strong ellipsis>
                {r.displayName}
              </Typography.Text>
            </Flex>
            <Typography.Text strong style={{ fontSize: 18, whiteSpace: 'nowrap' }}>
              {r.total}
            </Typography.Text>
          </Flex>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
            {departmentName(r.departmentId)}
            {' · '}
            {t('assessment.cardDepartmentRank', { rank: r.departmentRank, percentile: Math.round(r.departmentPercentile) })}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0', fontSize: 12 }}>
            {t('assessment.cardWeeks', { expected: r.weeksExpected, onTime: r.onTime, late: r.late, missing: r.missing })}
          </Typography.Paragraph>
          {(r.candidate || r.suggested || editable) && (
            <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 6 }}>
              <CandidateTags row={r} />
              {editable && <CandidateActions row={r} {...actions} />}
            </Flex>
          )}
          {r.candidate?.note && (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
              {t('assessment.snapshot.noteShown', { note: r.candidate.note })}
            </Typography.Paragraph>
          )}
        </Card>
      ))}
      <ShowMoreButton shown={Math.min(limit, rows.length)} total={rows.length} onMore={more} />
    </Flex>
  );
}
