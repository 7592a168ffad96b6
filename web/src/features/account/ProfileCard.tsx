import { Card, Descriptions, type DescriptionsProps, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { RoleTags } from '../../components/RoleTags';
import { departmentPath } from '../../lib/department-tree';
import { useDepartments } from '../admin-departments/departments.api';
import { useCurrentUser } from '../auth/auth.api';

/** The signed-in user's own record, read-only (an admin edits it). */
export function ProfileCard() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const departments = useDepartments().data;
  const path = departments ? departmentPath(user.departmentId, departments.byId).join(' / ') : '';
  const empty = <Tag variant="filled">{t('common.notSet')}</Tag>;

  const items: DescriptionsProps['items'] = [
    { key: 'username', label: t('users.username'), children: user.username },
    { key: 'displayName', label: t('users.displayName'), children: user.displayName },
    { key: 'department', label: t('users.department'), children: path || empty },
    { key: 'title', label: t('users.jobTitle'), children: user.title || empty },
    { key: 'email', label: t('users.email'), children: user.email || empty },
    { key: 'roles', label: t('users.roles'), children: <RoleTags roles={user.roles} /> },
  ];

  return (
    <Card title={t('account.profile')} data-testid="account-profile">
      <Descriptions column={1} size="small" items={items} styles={{ label: { width: 96 } }} />
    </Card>
  );
}
