import type { TScoreRow } from '@zhoubao/contracts';
import { Card, Empty, Flex, Skeleton, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { testId } from '../../lib/test-id';
import { ShowMoreButton, useShowMore } from './ShowMore';
import { byNumber, formatRating, scoreFigureColumns } from './score-columns';

interface ListProps {
  rows: TScoreRow[];
  loading: boolean;
  departmentName: (id: string | null) => string;
  onOpen: (row: TScoreRow) => void;
}

const collator = new Intl.Collator('zh-CN');

/** The test attributes of a row: who, and the rank and total shown. */
const rowAttrs = (r: TScoreRow) => testId('score-row', { 'user-id': r.userId, rank: String(r.rank), total: String(r.total) });

/** The score rows as a sortable table (tablets and PCs). */
export function ScoresTable({ rows, loading, departmentName, onOpen }: ListProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<TScoreRow> = [
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
      render: (name: string) => <Typography.Link>{name}</Typography.Link>,
    },
    {
      key: 'department',
      title: t('assessment.col.department'),
      render: (_: unknown, r) => departmentName(r.departmentId),
      sorter: (a, b) => collator.compare(departmentName(a.departmentId), departmentName(b.departmentId)),
    },
    ...scoreFigureColumns<TScoreRow>(t),
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
  ];
  return (
    <Table<TScoreRow>
      rowKey="userId"
      columns={columns}
      dataSource={rows}
      loading={loading}
      size="middle"
      scroll={{ x: 'max-content' }}
      pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showSizeChanger: true }}
      locale={{ emptyText: <Empty description={t('assessment.empty')} /> }}
      onRow={(r) => ({ ...rowAttrs(r), onClick: () => onOpen(r), style: { cursor: 'pointer' } })}
      data-testid="scores-table"
    />
  );
}

/** The score rows on phones: one card per person, in rank order. */
export function ScoresCards({ rows, loading, departmentName, onOpen }: ListProps) {
  const { t } = useTranslation();
  const [limit, more] = useShowMore(rows);
  if (loading) return <Skeleton active style={{ padding: 16 }} />;
  if (rows.length === 0) return <Empty description={t('assessment.empty')} style={{ padding: 24 }} data-testid="scores-table" />;
  const sorted = [...rows].sort((a, b) => a.rank - b.rank);
  return (
    <Flex vertical data-testid="scores-table">
      {sorted.slice(0, limit).map((r) => (
        <Card
          key={r.userId}
          size="small"
          variant="borderless"
          hoverable
          onClick={() => onOpen(r)}
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
            {' · '}
            {t('assessment.cardQuality', { rating: formatRating(r.peerRating), grade: r.grade ?? '—', outcome: r.outcomePoints })}
          </Typography.Paragraph>
        </Card>
      ))}
      <ShowMoreButton shown={Math.min(limit, sorted.length)} total={sorted.length} onMore={more} />
    </Flex>
  );
}
