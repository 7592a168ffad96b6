import { PASSWORD_MIN, type TChangePasswordRequest } from '@zhoubao/contracts';
import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, useNotifyError } from '../../lib/errors';
import { matchesField } from '../../lib/form-rules';
import { useChangePassword } from './account.api';

type PasswordForm = TChangePasswordRequest & { confirm: string };

/** Change one's own password (the current one is required). */
export function PasswordCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<PasswordForm>();
  const change = useChangePassword();

  const onFinish = ({ currentPassword, newPassword }: PasswordForm) => {
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('account.passwordChanged'));
        },
        onError: (e) => {
          // The server reports a wrong current password as invalid_input on that field.
          if (!applyFieldErrors(form, e, { currentPassword: t('account.wrongCurrentPassword') })) notifyError(e);
        },
      },
    );
  };

  const required = { required: true, message: t('validation.required') };
  return (
    <Card title={t('account.changePassword')}>
      <Form<PasswordForm> form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 420 }}>
        <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[required]}>
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('account.newPassword')}
          rules={[required, { min: PASSWORD_MIN, message: t('validation.passwordMin', { min: PASSWORD_MIN }) }]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('account.confirmPassword')}
          dependencies={['newPassword']}
          rules={[required, matchesField(t, 'newPassword')]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
          {t('account.updatePassword')}
        </Button>
      </Form>
    </Card>
  );
}
