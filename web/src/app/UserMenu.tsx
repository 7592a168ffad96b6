import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { Avatar, Button, Dropdown, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser, useLogout } from '../features/auth/auth.api';

/** The avatar button in the header with the account link and sign-out. */
export function UserMenu({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const logout = useLogout();

  const items: MenuProps['items'] = [
    {
      key: 'account',
      icon: <UserOutlined />,
      label: <span data-testid="user-menu-account">{t('userMenu.account')}</span>,
      onClick: () => navigate('/account'),
    },
    { type: 'divider' },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      danger: true,
      label: <span data-testid="user-menu-logout">{t('userMenu.logout')}</span>,
      onClick: () => logout.mutate(),
    },
  ];

  return (
    <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
      <Button type="text" data-testid="user-menu" style={{ height: 40, paddingInline: 6 }} aria-label={user.displayName}>
        <Avatar size={28} style={{ backgroundColor: '#1677ff', flex: 'none' }}>
          {Array.from(user.displayName)[0] ?? '?'}
        </Avatar>
        {!compact && (
          <Typography.Text ellipsis style={{ maxWidth: 140 }}>
            {user.displayName}
          </Typography.Text>
        )}
      </Button>
    </Dropdown>
  );
}
