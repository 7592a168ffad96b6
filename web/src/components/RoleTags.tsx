import type { TRole } from '@zhoubao/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const ROLE_COLORS: Record<TRole, string> = {
  member: 'default',
  head: 'blue',
  leader: 'geekblue',
  assessor: 'gold',
  admin: 'red',
  auditor: 'purple',
};

/** The user's roles as tags; "member" is shown only when there is no other role. */
export function RoleTags({ roles }: { roles: readonly TRole[] }) {
  const { t } = useTranslation();
  const extra = roles.filter((r) => r !== 'member');
  const shown: TRole[] = extra.length ? extra : ['member'];
  return (
    <>
      {shown.map((role) => (
        <Tag key={role} color={ROLE_COLORS[role]} style={{ marginInlineEnd: 4 }}>
          {t(`roles.${role}`)}
        </Tag>
      ))}
    </>
  );
}
