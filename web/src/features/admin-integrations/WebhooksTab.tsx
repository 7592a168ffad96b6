import { DeleteOutlined, EditOutlined, PlusOutlined, SendOutlined, WarningOutlined } from '@ant-design/icons';
import type { TChannelResult, TWebhook } from '@zhoubao/contracts';
import { App, Button, Card, Empty, Flex, Grid, Modal, Skeleton, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadErrorResult } from '../../components/ResultPages';
import { departmentPath } from '../../lib/department-tree';
import { useErrorText, useNotifyError } from '../../lib/errors';
import { testId } from '../../lib/test-id';
import { useDepartments } from '../admin-departments/departments.api';
import { ChannelResultAlert } from './ChannelResultAlert';
import { useDeleteWebhook, useTestWebhook, useUpdateWebhook, useWebhooks } from './integrations.api';
import { eventKey, hostOf, KIND_COLORS } from './kinds';
import { WebhookFormDrawer } from './WebhookFormDrawer';

interface Handlers {
  onEdit(hook: TWebhook): void;
  onDelete(hook: TWebhook): void;
  onTest(hook: TWebhook): void;
  onToggle(hook: TWebhook, enabled: boolean): void;
  testing: string | null;
  scopeOf(hook: TWebhook): string;
}

function KindTag({ hook }: { hook: TWebhook }) {
  const { t } = useTranslation();
  return <Tag color={KIND_COLORS[hook.kind]}>{t(`integrations.kinds.${hook.kind}`)}</Tag>;
}

function Warnings({ hook }: { hook: TWebhook }) {
  const { t } = useTranslation();
  if (hook.warnings.length === 0) return null;
  return (
    <Tooltip title={hook.warnings.map((w) => t(`integrations.warnings.${w}`, { defaultValue: w })).join('\n')}>
      <WarningOutlined
        style={{ color: '#faad14' }}
        data-testid="webhook-warning"
        aria-label={t('integrations.webhooks.warnings')}
      />
    </Tooltip>
  );
}

function EventTags({ hook }: { hook: TWebhook }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={4}>
      {hook.events.map((e) => (
        <Tag key={e} style={{ marginInlineEnd: 0 }}>
          {t(`integrations.events.${eventKey(e)}`)}
        </Tag>
      ))}
    </Flex>
  );
}

function Actions({ hook, h }: { hook: TWebhook; h: Handlers }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      <Button
        size="small"
        icon={<SendOutlined />}
        loading={h.testing === hook.id}
        onClick={() => h.onTest(hook)}
        {...testId('webhook-test')}
      >
        {t('integrations.webhooks.test')}
      </Button>
      <Button size="small" icon={<EditOutlined />} onClick={() => h.onEdit(hook)} {...testId('webhook-edit')}>
        {t('common.edit')}
      </Button>
      <Button size="small" danger icon={<DeleteOutlined />} onClick={() => h.onDelete(hook)} {...testId('webhook-delete')}>
        {t('common.delete')}
      </Button>
    </Flex>
  );
}

function WebhookTable({ hooks, h }: { hooks: TWebhook[]; h: Handlers }) {
  const { t } = useTranslation();
  const columns: ColumnsType<TWebhook> = [
    {
      title: t('integrations.webhooks.name'),
      key: 'name',
      render: (_, hook) => (
        <Flex vertical gap={2}>
          <Flex gap={6} align="center">
            <KindTag hook={hook} />
            <Typography.Text strong>{hook.name || hostOf(hook.url)}</Typography.Text>
            <Warnings hook={hook} />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: hook.url }}>
            {hostOf(hook.url)}
            {hook.hasSecret ? ` · ${t('integrations.webhooks.signed')}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('integrations.webhooks.scope'), key: 'scope', render: (_, hook) => h.scopeOf(hook) },
    { title: t('integrations.webhooks.events'), key: 'events', render: (_, hook) => <EventTags hook={hook} /> },
    {
      title: t('integrations.webhooks.enabled'),
      key: 'enabled',
      width: 90,
      render: (_, hook) => (
        <Switch size="small" checked={hook.enabled} onChange={(v) => h.onToggle(hook, v)} {...testId('webhook-toggle')} />
      ),
    },
    { title: t('common.actions'), key: 'actions', width: 250, render: (_, hook) => <Actions hook={hook} h={h} /> },
  ];
  return (
    <Table<TWebhook>
      rowKey="id"
      columns={columns}
      dataSource={hooks}
      pagination={false}
      onRow={(hook) => testId('webhook-row', { kind: hook.kind, enabled: String(hook.enabled) }) as never}
    />
  );
}

function WebhookCards({ hooks, h }: { hooks: TWebhook[]; h: Handlers }) {
  const { t } = useTranslation();
  return (
    <Flex vertical>
      {hooks.map((hook) => (
        <Card
          key={hook.id}
          size="small"
          variant="borderless"
          style={{ borderRadius: 0, borderBottom: '1px solid #f0f0f0', opacity: hook.enabled ? 1 : 0.65 }}
          {...testId('webhook-row', { kind: hook.kind, enabled: String(hook.enabled) })}
        >
          <Flex justify="space-between" align="center" gap={8}>
            <Flex gap={6} align="center" style={{ minWidth: 0 }}>
              <KindTag hook={hook} />
              <Typography.Text strong ellipsis>
                {hook.name || hostOf(hook.url)}
              </Typography.Text>
              <Warnings hook={hook} />
            </Flex>
            <Switch
              size="small"
              checked={hook.enabled}
              onChange={(v) => h.onToggle(hook, v)}
              aria-label={t('integrations.webhooks.enabled')}
            />
          </Flex>
          <Typography.Text type="secondary" style={{ display: 'block', margin: '4px 0', fontSize: 12 }} ellipsis>
            {hostOf(hook.url)} · {h.scopeOf(hook)}
            {hook.hasSecret ? ` · ${t('integrations.webhooks.signed')}` : ''}
          </Typography.Text>
          <div style={{ marginBottom: 8 }}>
            <EventTags hook={hook} />
          </div>
          <Actions hook={hook} h={h} />
        </Card>
      ))}
    </Flex>
  );
}

/** The webhooks: list, add, edit, switch on and off, send a test, delete. */
export function WebhooksTab() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const phone = Grid.useBreakpoint().md === false;
  const hooks = useWebhooks();
  const departments = useDepartments();
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const test = useTestWebhook();
  const [editing, setEditing] = useState<{ hook: TWebhook | null } | null>(null);
  const [result, setResult] = useState<{ hook: TWebhook; result: TChannelResult } | null>(null);

  const byId = departments.data?.byId;
  const handlers: Handlers = {
    testing: test.isPending ? (test.variables ?? null) : null,
    scopeOf: (hook) =>
      hook.departmentId ? (byId ? departmentPath(hook.departmentId, byId).join(' / ') : '…') : t('integrations.webhooks.orgWide'),
    onEdit: (hook) => setEditing({ hook }),
    onToggle: (hook, enabled) => update.mutate({ id: hook.id, enabled }, { onError: notifyError }),
    onTest: (hook) => test.mutate(hook.id, { onSuccess: (r) => setResult({ hook, result: r }), onError: notifyError }),
    onDelete: (hook) =>
      modal.confirm({
        title: t('integrations.webhooks.deleteTitle', { name: hook.name || hostOf(hook.url) }),
        content: t('integrations.webhooks.deleteConfirm'),
        okText: t('common.delete'),
        okButtonProps: { danger: true, 'data-testid': 'webhook-delete-confirm' } as never,
        onOk: () => remove.mutateAsync(hook.id).then(() => void message.success(t('common.deleted')), notifyError),
      }),
  };

  const list = hooks.data?.items ?? [];
  let body: ReactNode;
  if (hooks.isError) body = <LoadErrorResult message={errorText(hooks.error)} onRetry={() => void hooks.refetch()} />;
  else if (hooks.isPending) body = <Skeleton active style={{ padding: 16 }} />;
  else if (list.length === 0)
    body = (
      <Empty description={t('integrations.webhooks.empty')} style={{ padding: 24 }} data-testid="webhooks-empty">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ hook: null })}>
          {t('integrations.webhooks.create')}
        </Button>
      </Empty>
    );
  else body = phone ? <WebhookCards hooks={list} h={handlers} /> : <WebhookTable hooks={list} h={handlers} />;

  return (
    <>
      <Card
        title={t('integrations.webhooks.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ hook: null })} data-testid="webhook-create">
            {phone ? t('common.create') : t('integrations.webhooks.create')}
          </Button>
        }
        styles={{ body: { padding: 0 } }}
        data-testid="webhooks-card"
      >
        {body}
      </Card>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        {t('integrations.webhooks.footnote')}
      </Typography.Paragraph>
      <WebhookFormDrawer open={editing !== null} hook={editing?.hook ?? null} onClose={() => setEditing(null)} />
      <Modal
        open={result !== null}
        title={t('integrations.webhooks.testTitle', { name: result ? result.hook.name || hostOf(result.hook.url) : '' })}
        onCancel={() => setResult(null)}
        footer={<Button onClick={() => setResult(null)}>{t('common.done')}</Button>}
      >
        {result && <ChannelResultAlert result={result.result} testId="webhook-test-result" />}
      </Modal>
    </>
  );
}
