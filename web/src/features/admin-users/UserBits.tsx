import { CheckCircleOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import type { TUser } from '@zhoubao/contracts';
import { Badge, Button, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Active / disabled, plus a warning tag when the account has no password yet. */
export function UserStatus({ user }: { user: TUser }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {user.active ? <Badge status="success" text={t('users.active')} /> : <Badge status="default" text={t('users.disabled')} />}
      {!user.hasPassword && (
        <Tag color="orange" data-testid="user-no-password" style={{ marginInlineEnd: 0 }}>
          {t('users.noPassword')}
        </Tag>
      )}
    </Space>
  );
}

export interface UserActionHandlers {
  currentUserId: string;
  onEdit: (user: TUser) => void;
  onToggleActive: (user: TUser) => void;
}

/** Edit, and disable / enable (never on one's own account). */
export function UserActions({ user, handlers }: { user: TUser; handlers: UserActionHandlers }) {
  const { t } = useTranslation();
  return (
    <Space size={0}>
      <Button type="link" size="small" icon={<EditOutlined />} onClick={() => handlers.onEdit(user)} data-testid="user-edit">
        {t('common.edit')}
      </Button>
      {user.id !== handlers.currentUserId && (
        <Button
          type="link"
          size="small"
          danger={user.active}
          icon={user.active ? <StopOutlined /> : <CheckCircleOutlined />}
          onClick={() => handlers.onToggleActive(user)}
          data-testid="user-toggle-active"
        >
          {user.active ? t('users.disable') : t('users.enable')}
        </Button>
      )}
    </Space>
  );
}
