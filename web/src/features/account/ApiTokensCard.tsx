import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import type { TApiToken } from '@zhoubao/contracts';
import { App, Button, Card, Popconfirm, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useApiTokens, useRevokeApiToken } from './account.api';
import { CreateTokenModal } from './CreateTokenModal';

/** Personal API tokens for integrations: list, create (shown once), revoke. */
export function ApiTokensCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<TApiToken> = [
    {
      title: t('account.tokenName'),
      dataIndex: 'name',
      render: (name: string) => (
        <Typography.Text>
          <KeyOutlined style={{ marginInlineEnd: 8, color: '#8c8c8c' }} />
          {name}
        </Typography.Text>
      ),
    },
    { title: t('account.tokenCreatedAt'), dataIndex: 'createdAt', responsive: ['sm'], render: (v: string) => formatDateTime(v) },
    {
      title: t('account.tokenLastUsed'),
      dataIndex: 'lastUsedAt',
      responsive: ['md'],
      render: (v: string | null) =>
        v ? formatDateTime(v) : <Typography.Text type="secondary">{t('account.tokenNeverUsed')}</Typography.Text>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_: unknown, token) => (
        <Popconfirm
          title={t('account.revokeConfirm', { name: token.name })}
          okText={t('account.revoke')}
          okButtonProps={{ danger: true }}
          onConfirm={() => revoke.mutateAsync(token.id).then(() => void message.success(t('account.tokenRevoked')), notifyError)}
        >
          <Button type="link" danger size="small" data-testid="token-revoke">
            {t('account.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card
      title={t('account.apiTokens')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
          {t('account.createToken')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('account.apiTokensHelp')}</Typography.Paragraph>
      <Table<TApiToken>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={tokens.data?.items}
        loading={tokens.isPending}
        pagination={false}
        locale={{ emptyText: t('account.noTokens') }}
        onRow={(token) => ({ 'data-testid': 'token-row', 'data-token-name': token.name }) as object}
      />
      <CreateTokenModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
