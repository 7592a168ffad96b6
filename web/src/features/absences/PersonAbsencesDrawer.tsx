import type { TUser } from '@zhoubao/contracts';
import { Drawer, Grid, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AbsencesPanel } from './AbsencesPanel';

/** A colleague's leave, for their department's head or an admin to record and withdraw. */
export function PersonAbsencesDrawer({ user, open, onClose }: { user: TUser | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const isPhone = Grid.useBreakpoint().sm === false;
  return (
    <Drawer
      open={open && user !== null}
      onClose={onClose}
      title={user ? t('absences.personTitle', { name: user.displayName }) : undefined}
      size={isPhone ? '100%' : 520}
      destroyOnHidden
      data-testid="person-absences-drawer"
    >
      {user && (
        <>
          <Typography.Paragraph type="secondary">{t('absences.personHelp', { name: user.displayName })}</Typography.Paragraph>
          <AbsencesPanel userId={user.id} canRecord />
        </>
      )}
    </Drawer>
  );
}
