import type { TUser } from '@zhoubao/contracts';
import { Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RoleTags } from '../../components/RoleTags';
import { testId } from '../../lib/test-id';
import { type UserActionHandlers, UserActions, UserStatus } from './UserBits';

/** The admin's user table for wide screens; scrolls sideways when the columns do not fit. */
export function UsersTable({
  users,
  loading,
  pathOf,
  handlers,
}: {
  users: TUser[];
  loading: boolean;
  pathOf: (departmentId: string | null) => string;
  handlers: UserActionHandlers;
}) {
  const { t } = useTranslation();

  const columns: TableColumnsType<TUser> = [
    {
      title: t('users.user'),
      dataIndex: 'displayName',
      width: 170,
      render: (_: unknown, u) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text strong ellipsis>
            {u.displayName}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
            {u.username}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('users.department'), dataIndex: 'departmentId', render: (id: string | null) => pathOf(id) || '—' },
    { title: t('users.jobTitle'), dataIndex: 'title', width: 110, ellipsis: true, render: (v: string | null) => v || '—' },
    { title: t('users.roles'), dataIndex: 'roles', width: 180, render: (_: unknown, u) => <RoleTags roles={u.roles} /> },
    { title: t('users.status'), key: 'status', width: 180, render: (_: unknown, u) => <UserStatus user={u} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 170,
      render: (_: unknown, u) => <UserActions user={u} handlers={handlers} />,
    },
  ];

  return (
    <Table<TUser>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={users}
      loading={loading}
      pagination={false}
      scroll={{ x: 960 }}
      locale={{ emptyText: t('users.empty') }}
      onRow={(u) => ({
        ...testId('user-row', { username: u.username, active: String(u.active) }),
        style: u.active ? undefined : { opacity: 0.6 },
      })}
    />
  );
}
