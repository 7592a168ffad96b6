import { Tabs, type TabsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { DeliveriesTab } from './DeliveriesTab';
import { EmailTab } from './EmailTab';
import { extraIntegrationTabs } from './extra-tabs';
import { WebhooksTab } from './WebhooksTab';

/** Admin: outbound channels: chat webhooks, the delivery log, the SMTP server, then other features' tabs. */
export default function IntegrationsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const items: NonNullable<TabsProps['items']> = [
    { key: 'webhooks', label: t('integrations.tabs.webhooks'), children: <WebhooksTab /> },
    { key: 'deliveries', label: t('integrations.tabs.deliveries'), children: <DeliveriesTab /> },
    { key: 'email', label: t('integrations.tabs.email'), children: <EmailTab /> },
    ...extraIntegrationTabs,
  ];
  const requested = search.get('tab');
  const active = items.some((i) => i.key === requested) ? (requested as string) : 'webhooks';
  return (
    <>
      <PageHeader title={t('integrations.title')} description={t('integrations.description')} />
      <Tabs
        activeKey={active}
        onChange={(key) =>
          setSearch(
            (s) => {
              const next = new URLSearchParams(s);
              next.set('tab', key);
              return next;
            },
            { replace: true },
          )
        }
        items={items}
        destroyOnHidden
        data-testid="integrations-tabs"
      />
    </>
  );
}
