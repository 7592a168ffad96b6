import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandMark } from '../../components/BrandLogo';
import { LanguageSwitch } from '../../components/LanguageSwitch';

/** The signed-out page frame: a centred card under the product name, language switch at the top right. */
export function AuthShell({
  title,
  subtitle,
  width = 400,
  children,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Flex
      vertical
      style={{
        minHeight: '100vh',
        background: 'linear-gradient(160deg, #e6f4ff 0%, #f5f7fa 45%, #f0f2f5 100%)',
      }}
    >
      <Flex justify="flex-end" style={{ padding: '12px 16px' }}>
        <LanguageSwitch />
      </Flex>
      <Flex vertical align="center" justify="center" style={{ flex: 1, padding: '0 16px 48px' }}>
        <Flex vertical align="center" gap={8} style={{ marginBottom: 24, textAlign: 'center' }}>
          <BrandMark size={52} />
          <Typography.Title level={2} style={{ margin: '8px 0 0', letterSpacing: 1 }} data-testid="product-name">
            {t('app.productName')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </Flex>
        <Card style={{ width: '100%', maxWidth: width, boxShadow: '0 6px 24px rgba(0, 40, 100, 0.08)' }}>
          <Typography.Title level={4} style={{ marginTop: 0, marginBottom: subtitle ? 4 : 20 }}>
            {title}
          </Typography.Title>
          {subtitle && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 20 }}>
              {subtitle}
            </Typography.Paragraph>
          )}
          {children}
        </Card>
        <Typography.Text type="secondary" style={{ marginTop: 24, fontSize: 12 }}>
          {t('app.footer')}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
