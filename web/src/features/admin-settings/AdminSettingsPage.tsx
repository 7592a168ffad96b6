import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { LoadErrorResult } from '../../components/ResultPages';
import { useErrorText } from '../../lib/errors';
import { useSettings } from '../settings/settings.api';
import { CalendarOverridesCard } from './CalendarOverridesCard';
import { DeadlinePreview } from './DeadlinePreview';
import { HolidayNoticeCard } from './HolidayNoticeCard';
import { SettingsCard } from './SettingsCard';

/** Admin: the organisation's settings, the deadline they produce, and the calendar's own exceptions. */
export default function AdminSettingsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const settings = useSettings();

  if (settings.isError) {
    return <LoadErrorResult message={errorText(settings.error)} onRetry={() => void settings.refetch()} />;
  }
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <SettingsCard settings={settings.data} />
        </Col>
        <Col xs={24} xl={12}>
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <DeadlinePreview settings={settings.data} />
            </Col>
            <Col span={24}>
              <CalendarOverridesCard />
            </Col>
            <Col span={24}>
              <HolidayNoticeCard />
            </Col>
          </Row>
        </Col>
      </Row>
    </>
  );
}
