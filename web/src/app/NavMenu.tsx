import type { MenuProps } from 'antd';
import { Menu } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useCurrentUser } from '../features/auth/auth.api';
import { activeNav, type NavItem, visibleNav } from './nav';

type MenuItem = Required<MenuProps>['items'][number];

/** The role-filtered navigation menu of the app frame (in the Sider or the phone Drawer). */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const nav = useMemo(() => visibleNav(user), [user]);
  const active = activeNav(pathname, nav);

  const toMenuItem = (item: NavItem): MenuItem => {
    const label = t(`nav.${item.label}`);
    if (item.children) {
      return {
        key: item.key,
        icon: item.icon,
        label: <span data-testid={`nav-${item.key}`}>{label}</span>,
        children: item.children.map(toMenuItem),
      };
    }
    return {
      key: item.key,
      icon: item.icon,
      label: (
        <Link to={item.path ?? '/'} data-testid={`nav-${item.key}`} onClick={onNavigate}>
          {label}
        </Link>
      ),
    };
  };

  return (
    <Menu
      mode="inline"
      items={nav.map(toMenuItem)}
      selectedKeys={active.key ? [active.key] : []}
      defaultOpenKeys={active.parent ? [active.parent] : []}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
