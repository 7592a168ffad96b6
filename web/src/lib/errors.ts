import type { FormInstance } from 'antd';
import { App } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api';

/** The error codes the catalogues translate (`errors.<code>`). */
const KNOWN_CODES = [
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'too_large',
  'unsupported_media_type',
  'rate_limited',
  'csrf_failed',
  'internal',
  'unavailable',
  'network',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];

const isKnownCode = (code: string): code is KnownCode => (KNOWN_CODES as readonly string[]).includes(code);

/** A translated, user-facing sentence for any error thrown by an API call. */
export function errorText(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.internal');
  if (error.code === 'rate_limited' && error.retryAfter) {
    return t('errors.rate_limited_retry', { minutes: Math.max(1, Math.ceil(error.retryAfter / 60)) });
  }
  return isKnownCode(error.code) ? t(`errors.${error.code}`) : t('errors.unknown', { code: error.code });
}

/** Returns `errorText` bound to the current language. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback((error: unknown) => errorText(t, error), [t]);
}

/** Returns a function that shows an API error as an antd message toast. */
export function useNotifyError(): (error: unknown) => void {
  const { message } = App.useApp();
  const text = useErrorText();
  return useCallback((error: unknown) => void message.error(text(error)), [message, text]);
}

/** Turns a server field path (`body.username`, `/items/0/content`, `username`) into a form name path. */
function toNamePath(path: string): (string | number)[] {
  return path
    .split(/[./]/)
    .filter((part) => part !== '' && part !== 'body')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the field details of an `invalid_input` error on the matching form fields; `messages` replaces
 * the server's (English) text for the fields the page can explain better in the UI language.
 * Returns true when at least one field received a message.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, messages: Record<string, string> = {}): boolean {
  if (!isApiError(error) || error.code !== 'invalid_input') return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of error.fieldIssues) {
    const name = toNamePath(issue.path);
    if (name.length === 0 || !known.has(String(name[0]))) continue;
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    const message = messages[key] ?? issue.message;
    if (!entry.errors.includes(message)) entry.errors.push(message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return byField.size > 0;
}
