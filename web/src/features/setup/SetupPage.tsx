import { PASSWORD_MIN, type TSetupRequest, USERNAME_PATTERN } from '@zhoubao/contracts';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin';
import { isApiError } from '../../lib/api';
import { applyFieldErrors, useErrorText } from '../../lib/errors';
import { matchesField } from '../../lib/form-rules';
import { AuthShell } from '../auth/AuthShell';
import { useSession } from '../auth/auth.api';
import { useSetup, useSetupStatus } from './setup.api';

type SetupForm = TSetupRequest & { confirm: string };

/** First run: names the organisation and creates the first administrator. */
export default function SetupPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<SetupForm>();
  const status = useSetupStatus();
  const session = useSession();
  const setup = useSetup();

  if (session.data) return <Navigate to="/" replace />;
  if (status.isPending || session.isPending) return <FullPageSpin minHeight="100vh" />;
  if (status.data && !status.data.needsSetup) return <Navigate to="/login" replace />;

  const onFinish = ({ confirm: _confirm, orgName, ...values }: SetupForm) => {
    const body: TSetupRequest = { ...values, ...(orgName?.trim() ? { orgName: orgName.trim() } : {}) };
    setup.mutate(body, { onError: (e) => applyFieldErrors(form, e) });
  };

  const error = setup.error;
  const alreadyDone = isApiError(error) && error.code === 'conflict';

  return (
    <AuthShell title={t('setup.title')} subtitle={t('setup.subtitle')} width={460}>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="setup-error"
          title={alreadyDone ? t('setup.alreadyDone') : errorText(error)}
          action={alreadyDone ? <Link to="/login">{t('auth.signIn')}</Link> : undefined}
        />
      )}
      <Form<SetupForm> form={form} layout="vertical" onFinish={onFinish} requiredMark="optional">
        <Form.Item name="orgName" label={t('setup.orgName')} extra={t('setup.orgNameHelp')} rules={[{ max: 100 }]}>
          <Input placeholder={t('setup.orgNamePlaceholder')} data-testid="setup-org-name" />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('setup.username')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { pattern: USERNAME_PATTERN, message: t('validation.username') },
            { max: 64 },
          ]}
        >
          <Input
            autoComplete="username"
            autoCapitalize="off"
            placeholder={t('setup.usernamePlaceholder')}
            data-testid="setup-username"
          />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('setup.displayName')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 64 }]}
        >
          <Input data-testid="setup-display-name" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('setup.password')}
          rules={[
            { required: true, message: t('validation.required') },
            { min: PASSWORD_MIN, message: t('validation.passwordMin', { min: PASSWORD_MIN }) },
          ]}
          hasFeedback
        >
          <Input.Password autoComplete="new-password" data-testid="setup-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('setup.confirmPassword')}
          dependencies={['password']}
          hasFeedback
          rules={[{ required: true, message: t('validation.required') }, matchesField(t, 'password')]}
        >
          <Input.Password autoComplete="new-password" data-testid="setup-confirm" />
        </Form.Item>
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" size="large" block loading={setup.isPending} data-testid="setup-submit">
            {t('setup.submit')}
          </Button>
        </Form.Item>
      </Form>
    </AuthShell>
  );
}
