import type { TabsProps } from 'antd';

/**
 * Tabs other features add to the admin Integrations page (e-mail, schedules), after its own
 * webhook and delivery-log tabs.
 */
export const extraIntegrationTabs: NonNullable<TabsProps['items']> = [];
