import { SendOutlined } from '@ant-design/icons';
import { SMTP_SECURITY, type TChannelResult, type TSmtpSettings } from '@zhoubao/contracts';
import { App, Button, Card, Col, Flex, Form, Input, InputNumber, Radio, Row, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadErrorResult } from '../../components/ResultPages';
import { applyFieldErrors, useErrorText, useNotifyError } from '../../lib/errors';
import { ChannelResultAlert } from './ChannelResultAlert';
import { useSaveSmtp, useSmtp, useTestSmtp } from './integrations.api';

type Security = (typeof SMTP_SECURITY)[number];
const DEFAULT_PORT: Record<Security, number> = { tls: 465, starttls: 587, none: 25 };

interface SmtpValues {
  host: string;
  port: number;
  security: Security;
  user: string;
  password?: string;
  from: string;
}

/** The SMTP server form; the password is write-only (shown as "set", left empty to keep it). */
function SmtpForm({ smtp }: { smtp: TSmtpSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<SmtpValues>();
  const save = useSaveSmtp();

  useEffect(() => {
    form.setFieldsValue({
      host: smtp.host,
      port: smtp.port,
      security: smtp.security,
      user: smtp.user,
      password: '',
      from: smtp.from,
    });
  }, [smtp, form]);

  const onFinish = (v: SmtpValues) =>
    save.mutate(
      {
        host: v.host.trim(),
        port: v.port,
        security: v.security,
        user: v.user?.trim() ?? '',
        from: v.from.trim(),
        ...(v.password ? { password: v.password } : {}),
      },
      {
        onSuccess: () => {
          form.setFieldValue('password', '');
          void message.success(t('common.saved'));
        },
        onError: (e) => {
          if (!applyFieldErrors(form, e)) notifyError(e);
        },
      },
    );

  return (
    <Card
      title={t('integrations.smtp.title')}
      extra={
        <Tag color={smtp.configured ? 'success' : 'default'} data-testid="smtp-state">
          {smtp.configured ? t('integrations.smtp.configured') : t('integrations.smtp.notConfigured')}
        </Tag>
      }
    >
      <Form<SmtpValues> form={form} layout="vertical" onFinish={onFinish} data-testid="smtp-form">
        <Row gutter={12}>
          <Col xs={24} sm={16}>
            <Form.Item
              name="host"
              label={t('integrations.smtp.host')}
              rules={[{ required: true, message: t('integrations.smtp.hostRequired') }]}
            >
              <Input placeholder="smtp.example.org" data-testid="smtp-host" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="port" label={t('integrations.smtp.port')} rules={[{ required: true }]}>
              <InputNumber min={1} max={65535} style={{ width: '100%' }} data-testid="smtp-port" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="security" label={t('integrations.smtp.security')} extra={t('integrations.smtp.securityHint')}>
          <Radio.Group
            onChange={(e) => form.setFieldValue('port', DEFAULT_PORT[e.target.value as Security])}
            options={SMTP_SECURITY.map((s) => ({ value: s, label: t(`integrations.smtp.securities.${s}`) }))}
            data-testid="smtp-security"
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="user" label={t('integrations.smtp.user')}>
              <Input autoComplete="off" data-testid="smtp-user" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="password"
              label={t('integrations.smtp.password')}
              extra={smtp.passwordSet ? t('integrations.smtp.passwordKeep') : undefined}
            >
              <Input.Password
                autoComplete="new-password"
                placeholder={smtp.passwordSet ? t('integrations.smtp.passwordSet') : t('common.notSet')}
                data-testid="smtp-password"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="from"
          label={t('integrations.smtp.from')}
          extra={t('integrations.smtp.fromHint')}
          rules={[{ required: true, message: t('integrations.smtp.fromRequired') }]}
        >
          <Input placeholder="周报系统 <zhoubao@example.org>" data-testid="smtp-from" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="smtp-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

/** Sends a test e-mail with the saved settings and shows what the server answered. */
function SmtpTest({ configured }: { configured: boolean }) {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<{ to: string }>();
  const test = useTestSmtp();
  const [result, setResult] = useState<TChannelResult | null>(null);
  return (
    <Card title={t('integrations.smtp.testTitle')}>
      <Typography.Paragraph type="secondary">{t('integrations.smtp.testHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => test.mutate(v.to.trim(), { onSuccess: setResult, onError: notifyError })}
      >
        <Form.Item
          name="to"
          label={t('integrations.smtp.to')}
          rules={[{ required: true, type: 'email', message: t('integrations.smtp.toInvalid') }]}
        >
          <Input type="email" placeholder="name@example.org" data-testid="smtp-test-to" />
        </Form.Item>
        <Button
          htmlType="submit"
          icon={<SendOutlined />}
          loading={test.isPending}
          disabled={!configured}
          data-testid="smtp-test-send"
        >
          {t('integrations.smtp.sendTest')}
        </Button>
      </Form>
      {result && (
        <div style={{ marginTop: 16 }}>
          <ChannelResultAlert result={result} testId="smtp-test-result" />
        </div>
      )}
    </Card>
  );
}

/** E-mail: the SMTP server (host, port, TLS, account, sender) and a test send. */
export function EmailTab() {
  const errorText = useErrorText();
  const smtp = useSmtp();
  if (smtp.isError) return <LoadErrorResult message={errorText(smtp.error)} onRetry={() => void smtp.refetch()} />;
  if (smtp.isPending) return <Skeleton active />;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <SmtpForm smtp={smtp.data} />
      </Col>
      <Col xs={24} xl={10}>
        <Flex vertical gap={16}>
          <SmtpTest configured={smtp.data.configured} />
        </Flex>
      </Col>
    </Row>
  );
}
