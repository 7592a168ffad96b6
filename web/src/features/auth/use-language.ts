import { useQueryClient } from '@tanstack/react-query';
import type { TSessionResponse } from '@zhoubao/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage, type Language, rememberLanguage } from '../../i18n';
import { useNotifyError } from '../../lib/errors';
import { authKeys } from './auth.api';
import { pickLanguageWhileSignedOut, saveLocale } from './locale';

/** The UI language and a setter that remembers it locally and, when signed in, on the account. */
export function useLanguage() {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const notifyError = useNotifyError();

  const setLanguage = useCallback(
    async (lng: Language) => {
      rememberLanguage(lng);
      await i18n.changeLanguage(lng);
      const session = queryClient.getQueryData<TSessionResponse | null>(authKeys.session);
      if (!session) {
        pickLanguageWhileSignedOut(lng);
        return;
      }
      try {
        queryClient.setQueryData(authKeys.session, await saveLocale(lng));
      } catch (e) {
        notifyError(e);
      }
    },
    [i18n, queryClient, notifyError],
  );

  const language: Language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  return { language, setLanguage };
}
