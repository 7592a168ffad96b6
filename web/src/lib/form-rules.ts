import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

/** A rule for a "confirm password" field that must repeat the field `field`. */
export function matchesField(t: TFunction, field: string): FormRule {
  return ({ getFieldValue }) => ({
    validator: (_rule, value) =>
      !value || getFieldValue(field) === value ? Promise.resolve() : Promise.reject(new Error(t('validation.passwordMismatch'))),
  });
}
