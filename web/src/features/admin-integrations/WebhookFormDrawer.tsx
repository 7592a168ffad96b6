import {
  type TCreateWebhookRequest,
  type TUpdateWebhookRequest,
  type TWebhook,
  type TWebhookEventName,
  type TWebhookKind,
  WEBHOOK_KINDS,
} from '@zhoubao/contracts';
import { Alert, App, Button, Checkbox, Drawer, Flex, Form, Grid, Input, Select, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, useNotifyError } from '../../lib/errors';
import { DepartmentSelect } from '../admin-departments/DepartmentSelect';
import { useCreateWebhook, useUpdateWebhook } from './integrations.api';
import { EVENT_ORDER, eventKey, KIND_INFO } from './kinds';

interface FormValues {
  kind: TWebhookKind;
  name: string;
  url: string;
  secret?: string;
  removeSecret?: boolean;
  departmentId?: string;
  events: TWebhookEventName[];
  enabled: boolean;
}

/** Only what changed, in PATCH form; an empty secret keeps the stored one. */
function toUpdate(v: FormValues, hook: TWebhook): TUpdateWebhookRequest {
  const out: TUpdateWebhookRequest = {};
  if (v.name.trim() !== hook.name) out.name = v.name.trim();
  if (v.url.trim() !== hook.url) out.url = v.url.trim();
  if (v.removeSecret) out.secret = null;
  else if (v.secret?.trim()) out.secret = v.secret.trim();
  if ((v.departmentId ?? null) !== hook.departmentId) out.departmentId = v.departmentId ?? null;
  const same = v.events.length === hook.events.length && v.events.every((e) => hook.events.includes(e));
  if (!same) out.events = v.events;
  if (v.enabled !== hook.enabled) out.enabled = v.enabled;
  return out;
}

/** How the chosen kind is set up: where its address comes from and how it is signed. */
function KindHelp({ kind }: { kind: TWebhookKind }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      data-testid="webhook-kind-help"
      style={{ marginBottom: 16 }}
      title={t(`integrations.kinds.${kind}`)}
      description={
        <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-line' }}>
          {t(`integrations.kindHelp.${kind}`)}
        </Typography.Paragraph>
      }
    />
  );
}

/** Adds a webhook (`hook` null) or edits one, in a side drawer (full width on phones). */
export function WebhookFormDrawer({ open, hook, onClose }: { open: boolean; hook: TWebhook | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const kind = Form.useWatch('kind', form) ?? hook?.kind ?? 'dingtalk';
  const removeSecret = Form.useWatch('removeSecret', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (hook) {
      form.setFieldsValue({
        kind: hook.kind,
        name: hook.name,
        url: hook.url,
        secret: '',
        removeSecret: false,
        departmentId: hook.departmentId ?? undefined,
        events: hook.events,
        enabled: hook.enabled,
      });
    }
  }, [open, hook, form]);

  const onError = (e: unknown) => {
    if (!applyFieldErrors(form, e)) notifyError(e);
  };
  const onSaved = () => {
    void message.success(t('common.saved'));
    onClose();
  };
  const onFinish = (v: FormValues) => {
    if (!hook) {
      const body: TCreateWebhookRequest = {
        kind: v.kind,
        name: v.name.trim() || undefined,
        url: v.url.trim(),
        secret: v.secret?.trim() || undefined,
        departmentId: v.departmentId ?? null,
        events: v.events,
        enabled: v.enabled,
      };
      create.mutate(body, { onSuccess: onSaved, onError });
      return;
    }
    const changes = toUpdate(v, hook);
    if (Object.keys(changes).length === 0) return onClose();
    update.mutate({ id: hook.id, ...changes }, { onSuccess: onSaved, onError });
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={hook ? t('integrations.webhooks.editTitle') : t('integrations.webhooks.createTitle')}
      size={screens.sm === false ? '100%' : 560}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => form.submit()}
            data-testid="webhook-form-submit"
          >
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ kind: 'dingtalk', name: '', url: '', events: ['bulletin.published'], enabled: true }}
        data-testid="webhook-form"
      >
        <Form.Item name="kind" label={t('integrations.webhooks.kind')} rules={[{ required: true }]}>
          <Select
            disabled={hook !== null}
            options={WEBHOOK_KINDS.map((k) => ({ value: k, label: t(`integrations.kinds.${k}`) }))}
            data-testid="webhook-kind"
          />
        </Form.Item>
        <KindHelp kind={kind} />
        <Form.Item name="name" label={t('integrations.webhooks.name')} extra={t('integrations.webhooks.nameHint')}>
          <Input maxLength={100} data-testid="webhook-name" />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('integrations.webhooks.url')}
          rules={[
            { required: true, message: t('integrations.webhooks.urlRequired') },
            { pattern: /^https?:\/\/\S+$/i, message: t('integrations.webhooks.urlInvalid') },
          ]}
        >
          <Input placeholder={KIND_INFO[kind].example} data-testid="webhook-url" />
        </Form.Item>
        {KIND_INFO[kind].signs && (
          <>
            <Form.Item name="secret" label={t('integrations.webhooks.secret')} extra={t(`integrations.secretHint.${kind}`)}>
              <Input.Password
                autoComplete="new-password"
                disabled={removeSecret === true}
                placeholder={hook?.hasSecret ? t('integrations.webhooks.secretKept') : t('integrations.webhooks.secretNone')}
                data-testid="webhook-secret"
              />
            </Form.Item>
            {hook?.hasSecret && (
              <Form.Item name="removeSecret" valuePropName="checked" style={{ marginTop: -12 }}>
                <Checkbox data-testid="webhook-remove-secret">{t('integrations.webhooks.removeSecret')}</Checkbox>
              </Form.Item>
            )}
          </>
        )}
        <Form.Item name="departmentId" label={t('integrations.webhooks.scope')} extra={t('integrations.webhooks.scopeHint')}>
          <DepartmentSelect allowClear placeholder={t('integrations.webhooks.orgWide')} data-testid="webhook-scope" />
        </Form.Item>
        <Form.Item
          name="events"
          label={t('integrations.webhooks.events')}
          rules={[{ required: true, type: 'array', min: 1, message: t('integrations.webhooks.eventsRequired') }]}
        >
          <Checkbox.Group data-testid="webhook-events">
            <Flex vertical gap={4}>
              {EVENT_ORDER.map((e) => (
                <Checkbox key={e} value={e}>
                  {t(`integrations.events.${eventKey(e)}`)}
                  <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                    {t(`integrations.eventHelp.${eventKey(e)}`)}
                  </Typography.Text>
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="enabled" label={t('integrations.webhooks.enabled')} valuePropName="checked">
          <Switch data-testid="webhook-enabled" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
