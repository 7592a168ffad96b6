import type { TAuditEntry } from '@zhoubao/contracts';
import { Button, Card, Col, Flex, Grid, Input, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { LoadErrorResult } from '../../components/ResultPages';
import { useErrorText } from '../../lib/errors';
import { AuditCardList } from './AuditCardList';
import { AuditDateFilter, type DateRange } from './AuditDateFilter';
import { AuditTable } from './AuditTable';
import { type AuditFilters, useAuditLog } from './audit.api';

/** The audit log with date, action and actor filters (auditors and admins). */
export default function AuditPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [range, setRange] = useState<DateRange>(null);
  const [action, setAction] = useState('');
  const [actor, setActor] = useState<{ id: string; name: string } | null>(null);

  const filters: AuditFilters = {
    from: range?.[0]?.startOf('day').toISOString(),
    to: range?.[1]?.endOf('day').toISOString(),
    action: action.trim() || undefined,
    actorId: actor?.id,
  };
  const log = useAuditLog(filters);
  const AuditList = Grid.useBreakpoint().md === false ? AuditCardList : AuditTable;
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];

  const filterActor = (e: TAuditEntry) => e.actorId && setActor({ id: e.actorId, name: e.actorName ?? e.actorId });

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]} align="middle">
          <Col xs={24} md={10} data-testid="audit-range">
            <AuditDateFilter value={range} onChange={setRange} />
          </Col>
          <Col xs={24} md={8}>
            <Input.Search
              allowClear
              placeholder={t('audit.actionPlaceholder')}
              defaultValue={action}
              key={action}
              onSearch={setAction}
              data-testid="audit-action"
            />
          </Col>
          <Col xs={24} md={6}>
            {actor && (
              <Tag closable onClose={() => setActor(null)} color="geekblue" data-testid="audit-actor-filter">
                {t('audit.actorFilter', { name: actor.name })}
              </Tag>
            )}
          </Col>
        </Row>
      </Card>
      <Card styles={{ body: { padding: 0 } }}>
        {log.isError ? (
          <LoadErrorResult message={errorText(log.error)} onRetry={() => void log.refetch()} />
        ) : (
          <AuditList entries={entries} loading={log.isPending} onFilterActor={filterActor} onFilterAction={setAction} />
        )}
        <Flex justify="space-between" align="center" wrap gap={8} style={{ padding: '12px 16px' }}>
          <Typography.Text type="secondary">{t('audit.loadedCount', { n: entries.length })}</Typography.Text>
          {log.hasNextPage && (
            <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage} data-testid="audit-load-more">
              {t('common.loadMore')}
            </Button>
          )}
        </Flex>
      </Card>
    </>
  );
}
