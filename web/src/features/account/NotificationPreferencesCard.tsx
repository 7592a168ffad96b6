import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TNotificationPreferences, TNotificationType, TUpdateNotificationPreferencesRequest } from '@zhoubao/contracts';
import { Alert, App, Card, Switch, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useErrorText, useNotifyError } from '../../lib/errors';

type Row = TNotificationPreferences['items'][number];

const KEY = ['me', 'notification-preferences'] as const;

type TypeKey = TNotificationType extends infer T ? (T extends `${infer A}.${infer B}` ? `${A}_${B}` : T) : never;

/** i18next reads dots as nesting, so `bulletin.published` is looked up as `bulletin_published`. */
const typeKey = (type: TNotificationType) => type.replace('.', '_') as TypeKey;

/** GET /me/notification-preferences. */
function usePreferences() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<TNotificationPreferences>('/me/notification-preferences', undefined, signal),
  });
}

/** PUT /me/notification-preferences, shown at once and rolled back when the server refuses. */
function useSavePreference() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateNotificationPreferencesRequest) =>
      api.put<TNotificationPreferences>('/me/notification-preferences', body),
    onMutate: async (body) => {
      await queryClient.cancelQueries({ queryKey: KEY });
      const before = queryClient.getQueryData<TNotificationPreferences>(KEY);
      if (before) {
        const changed = new Map(body.items.map((i) => [i.type, i]));
        queryClient.setQueryData<TNotificationPreferences>(KEY, {
          ...before,
          items: before.items.map((i) => ({ ...i, ...changed.get(i.type) })),
        });
      }
      return { before };
    },
    onError: (_e, _body, context) => {
      if (context?.before) queryClient.setQueryData(KEY, context.before);
    },
    onSuccess: (saved) => queryClient.setQueryData(KEY, saved),
  });
}

/** The signed-in person's channels per notification type: a switch for the inbox and one for e-mail. */
export function NotificationPreferencesCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const prefs = usePreferences();
  const save = useSavePreference();

  const toggle = (row: Row, channel: 'inApp' | 'email', on: boolean) =>
    save.mutate(
      { items: [{ type: row.type, inApp: channel === 'inApp' ? on : row.inApp, email: channel === 'email' ? on : row.email }] },
      { onSuccess: () => void message.success(t('common.saved')), onError: notifyError },
    );

  const channel = (name: 'inApp' | 'email') => (on: boolean, row: Row) => (
    <Switch
      size="small"
      checked={on}
      onChange={(v) => toggle(row, name, v)}
      aria-label={`${t(`preferences.type.${typeKey(row.type)}`)} · ${t(`preferences.${name}`)}`}
      data-testid={`pref-${name}`}
    />
  );

  const columns: TableColumnsType<Row> = [
    {
      title: t('preferences.typeTitle'),
      dataIndex: 'type',
      render: (type: TNotificationType) => (
        <>
          <Typography.Text>{t(`preferences.type.${typeKey(type)}`)}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {t(`preferences.typeHelp.${typeKey(type)}`)}
          </Typography.Text>
        </>
      ),
    },
    { title: t('preferences.inApp'), dataIndex: 'inApp', width: 72, align: 'center', render: channel('inApp') },
    { title: t('preferences.email'), dataIndex: 'email', width: 72, align: 'center', render: channel('email') },
  ];

  const data = prefs.data;
  return (
    <Card title={t('preferences.title')} data-testid="notification-preferences">
      <Typography.Paragraph type="secondary">{t('preferences.help')}</Typography.Paragraph>
      {prefs.isError && <Alert type="error" showIcon message={errorText(prefs.error)} />}
      {data && !data.email && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('preferences.noEmail')} data-testid="pref-no-email" />
      )}
      {data?.email && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('preferences.emailTo', { email: data.email })}
        </Typography.Paragraph>
      )}
      {!prefs.isError && (
        <Table<Row>
          rowKey="type"
          size="small"
          columns={columns}
          dataSource={data?.items.filter((i) => i.applies)}
          loading={prefs.isPending}
          pagination={false}
          onRow={(r) => ({ 'data-testid': 'pref-row', 'data-type': r.type }) as object}
        />
      )}
    </Card>
  );
}
