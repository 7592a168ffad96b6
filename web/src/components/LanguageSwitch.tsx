import { GlobalOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../features/auth/use-language';

/** Switches between Chinese and English; the label names the language it switches to. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  const next = language === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <Tooltip title={t('language.tooltip')}>
      <Button
        type="text"
        icon={<GlobalOutlined />}
        data-testid="lang-switch"
        data-language={language}
        aria-label={t('language.tooltip')}
        onClick={() => void setLanguage(next)}
      >
        {compact ? null : t('language.switchTo')}
      </Button>
    </Tooltip>
  );
}
