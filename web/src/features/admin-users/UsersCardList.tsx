import type { TUser } from '@zhoubao/contracts';
import { Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RoleTags } from '../../components/RoleTags';
import { type UserActionHandlers, UserActions, UserStatus } from './UserBits';

/** The user list on phones: one compact card per user instead of a wide table. */
export function UsersCardList({
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
  if (loading) return <Skeleton active style={{ padding: 16 }} />;
  if (users.length === 0) return <Empty description={t('users.empty')} style={{ padding: 24 }} />;
  return (
    <Flex vertical>
      {users.map((u) => (
        <Card
          key={u.id}
          size="small"
          variant="borderless"
          data-testid="user-row"
          data-username={u.username}
          data-active={String(u.active)}
          style={{ borderRadius: 0, borderBottom: '1px solid #f0f0f0', opacity: u.active ? 1 : 0.6 }}
        >
          <Flex justify="space-between" align="baseline" gap={8}>
            <Typography.Text strong ellipsis>
              {u.displayName} <Typography.Text type="secondary">@{u.username}</Typography.Text>
            </Typography.Text>
            <UserStatus user={u} />
          </Flex>
          <Typography.Text type="secondary" style={{ display: 'block', margin: '4px 0 6px' }}>
            {[pathOf(u.departmentId), u.title].filter(Boolean).join(' · ') || '—'}
          </Typography.Text>
          <Flex justify="space-between" align="center" wrap gap={4}>
            <div>
              <RoleTags roles={u.roles} />
            </div>
            <UserActions user={u} handlers={handlers} />
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
