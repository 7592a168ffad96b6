import type { TLocale, TSessionResponse } from '@zhoubao/contracts';
import type { Language } from '../../i18n';
import { api } from '../../lib/api';

/** PATCH /me {locale}: the language preference saved on the account. */
export function saveLocale(locale: TLocale | null): Promise<TSessionResponse> {
  return api.patch<TSessionResponse>('/me', { locale });
}

// A language picked on the login or set-up page, saved to the account once signed in.
let pickedWhileSignedOut: Language | null = null;

export function pickLanguageWhileSignedOut(lng: Language): void {
  pickedWhileSignedOut = lng;
}

/**
 * Saves the language picked before signing in (if any) on the fresh session's account; returns the
 * session as PATCH /me updated it, or unchanged when nothing was picked or saving failed.
 */
export async function adoptPickedLanguage(session: TSessionResponse): Promise<TSessionResponse> {
  const picked = pickedWhileSignedOut;
  pickedWhileSignedOut = null;
  if (!picked || picked === session.user.locale) return session;
  try {
    return await saveLocale(picked);
  } catch {
    return session; // the local choice still applies in this browser
  }
}
