import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { MyLeaveCard } from '../absences/MyLeaveCard';
import { ApiTokensCard } from './ApiTokensCard';
import { LanguageCard } from './LanguageCard';
import { NotificationPreferencesCard } from './NotificationPreferencesCard';
import { PasswordCard } from './PasswordCard';
import { ProfileCard } from './ProfileCard';

/** The signed-in user's own settings. */
export default function AccountPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('account.title')} description={t('account.description')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <ProfileCard />
            </Col>
            <Col span={24}>
              <LanguageCard />
            </Col>
            <Col span={24}>
              <NotificationPreferencesCard />
            </Col>
          </Row>
        </Col>
        <Col xs={24} xl={12}>
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <PasswordCard />
            </Col>
            <Col span={24}>
              <MyLeaveCard />
            </Col>
          </Row>
        </Col>
        <Col span={24}>
          <ApiTokensCard />
        </Col>
      </Row>
    </>
  );
}
