import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The product mark: a blue tile with report lines, optionally followed by the product name. */
export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" style={{ flex: 'none' }}>
      <rect width="64" height="64" rx="14" fill="#1677ff" />
      <path d="M18 18h28v6H18zm0 11h28v6H18zm0 11h18v6H18z" fill="#fff" />
    </svg>
  );
}

export function BrandLogo({ size = 32, showName = true }: { size?: number; showName?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={10}>
      <BrandMark size={size} />
      {showName && (
        <Typography.Text strong style={{ fontSize: size * 0.56, whiteSpace: 'nowrap' }}>
          {t('app.productName')}
        </Typography.Text>
      )}
    </Flex>
  );
}
