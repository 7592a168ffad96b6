import { ReloadOutlined } from '@ant-design/icons';
import { DELIVERY_STATUSES, type TDelivery, type TDeliveryStatus } from '@zhoubao/contracts';
import { App, Button, Card, Empty, Flex, Grid, Select, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadErrorResult } from '../../components/ResultPages';
import { useErrorText, useNotifyError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { useDeliveries, useRetryDelivery } from './integrations.api';
import { deliveryEventKey, KIND_COLORS } from './kinds';

const STATUS_COLORS: Record<TDeliveryStatus, string> = {
  pending: 'processing',
  sending: 'processing',
  sent: 'success',
  skipped: 'default',
  failed: 'error',
};

function StatusTag({ d }: { d: TDelivery }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[d.status]}>{t(`integrations.status.${d.status}`)}</Tag>;
}

function Target({ d }: { d: TDelivery }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} align="center" style={{ minWidth: 0 }}>
      <Tag color={KIND_COLORS[d.channel]} style={{ marginInlineEnd: 0 }}>
        {t(`integrations.kinds.${d.channel}`)}
      </Tag>
      <Typography.Text ellipsis>
        {d.recipient ?? d.webhookName ?? (d.webhookId ? '' : t('integrations.deliveries.deletedHook'))}
      </Typography.Text>
    </Flex>
  );
}

/** The event, translated when it is one of ours (webhook events, tests, e-mail). */
function useEventLabel() {
  const { t } = useTranslation();
  return (event: string) => {
    const key = deliveryEventKey(event);
    return key ? t(`integrations.events.${key}`) : event;
  };
}

/** When the next attempt is due, or what went wrong last. */
function StateLine({ d }: { d: TDelivery }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      {d.nextAttemptAt && d.attempts > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('integrations.deliveries.nextAttempt', { at: formatDateTime(d.nextAttemptAt) })}
        </Typography.Text>
      )}
      {d.lastError && (
        <Tooltip title={d.lastError}>
          <Typography.Text
            type={d.status === 'sent' ? 'secondary' : 'danger'}
            style={{ fontSize: 12, maxWidth: 320 }}
            ellipsis
            data-testid="delivery-error"
          >
            {d.lastError}
          </Typography.Text>
        </Tooltip>
      )}
    </Flex>
  );
}

function RetryButton({ d, onRetry, busy }: { d: TDelivery; onRetry: (d: TDelivery) => void; busy: boolean }) {
  const { t } = useTranslation();
  if (d.status !== 'failed' && d.status !== 'skipped') return null;
  return (
    <Button size="small" icon={<ReloadOutlined />} loading={busy} onClick={() => onRetry(d)} {...testId('delivery-retry')}>
      {t('common.retry')}
    </Button>
  );
}

/** The delivery log: every webhook call and e-mail with its state, error and a retry for failures. */
export function DeliveriesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const eventLabel = useEventLabel();
  const phone = Grid.useBreakpoint().md === false;
  const [status, setStatus] = useState<TDeliveryStatus | undefined>(undefined);
  const deliveries = useDeliveries(status);
  const retry = useRetryDelivery();
  const rows = deliveries.data?.pages.flatMap((p) => p.items) ?? [];
  const busyId = retry.isPending ? retry.variables : null;
  const onRetry = (d: TDelivery) =>
    retry.mutate(d.id, { onSuccess: () => void message.success(t('integrations.deliveries.retried')), onError: notifyError });

  const columns: ColumnsType<TDelivery> = [
    { title: t('integrations.deliveries.createdAt'), key: 'at', width: 150, render: (_, d) => formatDateTime(d.createdAt) },
    { title: t('integrations.deliveries.target'), key: 'target', width: 250, render: (_, d) => <Target d={d} /> },
    {
      title: t('integrations.deliveries.message'),
      key: 'message',
      render: (_, d) => (
        <Flex vertical gap={2}>
          <Typography.Text ellipsis={{ tooltip: d.title }}>{d.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {eventLabel(d.event)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('integrations.deliveries.status'),
      key: 'status',
      width: 220,
      render: (_, d) => (
        <Flex vertical gap={2}>
          <Flex gap={4} align="center">
            <StatusTag d={d} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('integrations.deliveries.attempts', { n: d.attempts })}
              {d.responseCode !== null ? ` · ${d.responseCode}` : ''}
            </Typography.Text>
          </Flex>
          <StateLine d={d} />
        </Flex>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, d) => <RetryButton d={d} onRetry={onRetry} busy={busyId === d.id} />,
    },
  ];

  let body: ReactNode;
  if (deliveries.isError)
    body = <LoadErrorResult message={errorText(deliveries.error)} onRetry={() => void deliveries.refetch()} />;
  else if (deliveries.isPending) body = <Skeleton active style={{ padding: 16 }} />;
  else if (rows.length === 0)
    body = <Empty description={t('integrations.deliveries.empty')} style={{ padding: 24 }} data-testid="deliveries-empty" />;
  else if (phone)
    body = (
      <Flex vertical>
        {rows.map((d) => (
          <Card
            key={d.id}
            size="small"
            variant="borderless"
            style={{ borderRadius: 0, borderBottom: '1px solid #f0f0f0' }}
            {...testId('delivery-row', { status: d.status })}
          >
            <Flex justify="space-between" align="center" gap={8}>
              <Target d={d} />
              <StatusTag d={d} />
            </Flex>
            <Typography.Text style={{ display: 'block', margin: '4px 0 2px' }} ellipsis>
              {d.title}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {formatDateTime(d.createdAt)} · {eventLabel(d.event)} · {t('integrations.deliveries.attempts', { n: d.attempts })}
            </Typography.Text>
            <Flex justify="space-between" align="flex-end" gap={8}>
              <StateLine d={d} />
              <RetryButton d={d} onRetry={onRetry} busy={busyId === d.id} />
            </Flex>
          </Card>
        ))}
      </Flex>
    );
  else
    body = (
      <Table<TDelivery>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        pagination={false}
        tableLayout="fixed"
        onRow={(d) => testId('delivery-row', { status: d.status }) as never}
      />
    );

  return (
    <Card
      title={t('integrations.deliveries.title')}
      extra={
        <Select<TDeliveryStatus | 'all'>
          value={status ?? 'all'}
          onChange={(v) => setStatus(v === 'all' ? undefined : v)}
          style={{ width: phone ? 110 : 150 }}
          aria-label={t('integrations.deliveries.status')}
          options={[
            { value: 'all', label: t('integrations.deliveries.allStatuses') },
            ...DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`integrations.status.${s}`) })),
          ]}
          data-testid="deliveries-status-filter"
        />
      }
      styles={{ body: { padding: 0 } }}
      data-testid="deliveries-card"
    >
      {body}
      {deliveries.hasNextPage && (
        <Flex justify="center" style={{ padding: 12 }}>
          <Button
            onClick={() => void deliveries.fetchNextPage()}
            loading={deliveries.isFetchingNextPage}
            data-testid="deliveries-load-more"
          >
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
