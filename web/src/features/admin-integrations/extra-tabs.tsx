import type { TabsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { SchedulesTab } from './SchedulesTab';

function SchedulesLabel() {
  const { t } = useTranslation();
  return <span data-testid="tab-schedules">{t('scheduler.tab')}</span>;
}

/**
 * Tabs other features add to the admin Integrations page (e-mail, schedules), after its own
 * webhook and delivery-log tabs.
 */
export const extraIntegrationTabs: NonNullable<TabsProps['items']> = [
  { key: 'schedules', label: <SchedulesLabel />, children: <SchedulesTab /> },
];
