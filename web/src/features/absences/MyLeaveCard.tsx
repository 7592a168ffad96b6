import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/auth.api';
import { AbsencesPanel } from './AbsencesPanel';

/** The signed-in person's own leave, on the account page. */
export function MyLeaveCard() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Card title={t('absences.myLeave')} data-testid="my-leave">
      <Typography.Paragraph type="secondary">{t('absences.myLeaveHelp')}</Typography.Paragraph>
      <AbsencesPanel userId={user.id} canRecord />
    </Card>
  );
}
