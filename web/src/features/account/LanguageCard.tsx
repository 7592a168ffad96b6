import { useQueryClient } from '@tanstack/react-query';
import { App, Card, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { forgetLanguage, isLanguage } from '../../i18n';
import { useNotifyError } from '../../lib/errors';
import { authKeys, useCurrentUser } from '../auth/auth.api';
import { saveLocale } from '../auth/locale';
import { useLanguage } from '../auth/use-language';
import { useSettings } from '../settings/settings.api';

const ORG_DEFAULT = 'org';

/** The account's language preference: Chinese, English, or the organisation's default. */
export function LanguageCard() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const orgLocale = useSettings().data?.locale;
  const { setLanguage } = useLanguage();
  const [saving, setSaving] = useState(false);

  const onChange = async (value: string) => {
    setSaving(true);
    try {
      if (isLanguage(value)) {
        await setLanguage(value);
      } else {
        queryClient.setQueryData(authKeys.session, await saveLocale(null));
        forgetLanguage();
        if (orgLocale) await i18n.changeLanguage(orgLocale);
      }
      void message.success(t('account.languageSaved'));
    } catch (e) {
      notifyError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('account.language')}>
      <Typography.Paragraph type="secondary">{t('account.languageHelp')}</Typography.Paragraph>
      <Radio.Group
        value={user.locale ?? ORG_DEFAULT}
        disabled={saving}
        onChange={(e) => void onChange(e.target.value as string)}
        data-testid="account-language"
        options={[
          { value: 'zh-CN', label: t('language.zhCN') },
          { value: 'en', label: t('language.en') },
          { value: ORG_DEFAULT, label: t('account.languageOrgDefault') },
        ]}
      />
    </Card>
  );
}
