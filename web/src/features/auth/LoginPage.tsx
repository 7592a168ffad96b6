import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { TLoginRequest } from '@zhoubao/contracts';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { safeNextPath } from '../../app/guards';
import { FullPageSpin } from '../../components/FullPageSpin';
import { isApiError } from '../../lib/api';
import { useErrorText } from '../../lib/errors';
import { useSetupStatus } from '../setup/setup.api';
import { AuthShell } from './AuthShell';
import { useLogin, useSession } from './auth.api';

/** Sign-in: username and password; sends a first-run instance to /setup. */
export default function LoginPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const session = useSession();
  const setup = useSetupStatus();
  const login = useLogin();

  if (session.isPending) return <FullPageSpin minHeight="100vh" />;
  // Also what happens right after a successful login, which fills the session.
  if (session.data) return <Navigate to={next} replace />;
  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;

  const onFinish = (values: TLoginRequest) => {
    login.mutate(values);
  };

  const error = login.error;
  const errorMessage = isApiError(error) && error.status === 401 ? t('auth.invalidCredentials') : error ? errorText(error) : null;

  return (
    <AuthShell title={t('auth.signInTitle')}>
      {errorMessage && (
        <Alert type="error" showIcon title={errorMessage} style={{ marginBottom: 16 }} data-testid="login-error" />
      )}
      <Form<TLoginRequest> layout="vertical" size="large" onFinish={onFinish} requiredMark={false} autoComplete="on">
        <Form.Item
          name="username"
          label={t('auth.username')}
          rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
        >
          <Input
            prefix={<UserOutlined />}
            autoComplete="username"
            autoCapitalize="off"
            placeholder={t('auth.usernamePlaceholder')}
            data-testid="login-username"
          />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="current-password"
            placeholder={t('auth.passwordPlaceholder')}
            data-testid="login-password"
          />
        </Form.Item>
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('auth.signIn')}
          </Button>
        </Form.Item>
      </Form>
    </AuthShell>
  );
}
