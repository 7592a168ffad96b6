import 'i18next';
import type { zhCN } from './catalogues';

// Type-checks every t('key') against the Chinese catalogue (the English one has the same keys).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
