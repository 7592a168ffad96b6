import { Divider, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AbsenceForm } from './AbsenceForm';
import { AbsenceList } from './AbsenceList';

/** One person's leave: record new leave (when allowed) above the list of what is recorded. */
export function AbsencesPanel({ userId, canRecord }: { userId: string; canRecord: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {canRecord && (
        <>
          <AbsenceForm userId={userId} />
          <Divider style={{ margin: '16px 0 8px' }} />
        </>
      )}
      <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
        {t('absences.listTitle')}
      </Typography.Text>
      <AbsenceList userId={userId} canWithdraw={canRecord} />
    </>
  );
}
