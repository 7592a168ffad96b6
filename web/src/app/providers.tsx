import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import i18n from '../i18n';
import { queryClient } from './query-client';

const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif";

/** Ant Design follows the UI language (component texts, date pickers). */
function AntdProvider({ children }: { children: ReactNode }) {
  const { i18n: instance } = useTranslation();
  return (
    <ConfigProvider
      locale={instance.language === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6, fontFamily: FONT_FAMILY } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** Everything the pages rely on: translations, data fetching, Ant Design configuration. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <AntdProvider>{children}</AntdProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
