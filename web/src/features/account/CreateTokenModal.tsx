import type { TCreatedApiToken } from '@zhoubao/contracts';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, useNotifyError } from '../../lib/errors';
import { useCreateApiToken } from './account.api';

/** Asks for a token name, then shows the new token once with a copy button. */
export function CreateTokenModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<{ name: string }>();
  const create = useCreateApiToken();
  const [created, setCreated] = useState<TCreatedApiToken | null>(null);

  const close = () => {
    setCreated(null);
    form.resetFields();
    onClose();
  };

  const onFinish = ({ name }: { name: string }) => {
    create.mutate(name.trim(), {
      onSuccess: setCreated,
      onError: (e) => applyFieldErrors(form, e) || notifyError(e),
    });
  };

  return (
    <Modal
      open={open}
      title={created ? t('account.tokenCreatedTitle') : t('account.createToken')}
      onCancel={close}
      onOk={created ? close : () => form.submit()}
      okText={created ? t('common.done') : t('common.create')}
      okButtonProps={{ loading: create.isPending, 'data-testid': created ? 'token-done' : 'token-create-submit' }}
      cancelButtonProps={{ style: created ? { display: 'none' } : undefined }}
      destroyOnHidden
      mask={{ closable: !created }}
    >
      {created ? (
        <>
          <Alert type="warning" showIcon title={t('account.tokenOnce')} style={{ marginBottom: 16 }} />
          <Typography.Paragraph
            copyable={{ text: created.token, tooltips: [t('common.copy'), t('common.copied')] }}
            style={{
              fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
              background: '#f5f5f5',
              border: '1px solid #f0f0f0',
              borderRadius: 6,
              padding: '8px 12px',
              wordBreak: 'break-all',
            }}
            data-testid="token-value"
          >
            {created.token}
          </Typography.Paragraph>
        </>
      ) : (
        <Form form={form} layout="vertical" onFinish={onFinish}>
          <Form.Item
            name="name"
            label={t('account.tokenName')}
            extra={t('account.tokenNameHelp')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100 }]}
          >
            <Input autoFocus maxLength={100} data-testid="token-name" onPressEnter={() => form.submit()} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
