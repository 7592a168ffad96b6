import {
  ApartmentOutlined,
  ApiOutlined,
  AppstoreOutlined,
  AuditOutlined,
  ControlOutlined,
  EditOutlined,
  ExclamationCircleOutlined,
  EyeOutlined,
  FundOutlined,
  IdcardOutlined,
  ImportOutlined,
  SearchOutlined,
  SettingOutlined,
  TeamOutlined,
  TrophyOutlined,
  UsergroupAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { TUser } from '@zhoubao/contracts';
import type { ReactNode } from 'react';
import { canHandleObjections } from '../features/objections/objections.api';
import { type AccessRule, access, hasRole } from '../lib/roles';

/** Heads and leaders have a reading list of their people's reports. */
export const canReadTo: AccessRule = (u) => hasRole(u, 'head', 'leader');

/** The navigation labels, as keys of the `nav` section of the catalogues. */
export type NavLabel =
  | 'myWeek'
  | 'wall'
  | 'department'
  | 'toRead'
  | 'people'
  | 'assessment'
  | 'myScore'
  | 'objections'
  | 'myFile'
  | 'search'
  | 'admin'
  | 'adminDepartments'
  | 'adminUsers'
  | 'adminImport'
  | 'adminSettings'
  | 'adminIntegrations'
  | 'audit';

export interface NavItem {
  /** Also the test id suffix: `nav-<key>`. */
  key: string;
  label: NavLabel;
  icon: ReactNode;
  allow: AccessRule;
  path?: string;
  children?: NavItem[];
}

/** The app's navigation; each item is shown only to the roles it allows. */
export const NAV_ITEMS: NavItem[] = [
  { key: 'my-week', label: 'myWeek', path: '/my-week', icon: <EditOutlined />, allow: access.staff },
  { key: 'wall', label: 'wall', path: '/wall', icon: <AppstoreOutlined />, allow: access.staff },
  { key: 'department', label: 'department', path: '/department', icon: <TeamOutlined />, allow: access.department },
  { key: 'to-read', label: 'toRead', path: '/to-read', icon: <EyeOutlined />, allow: canReadTo },
  { key: 'people', label: 'people', path: '/people', icon: <UserOutlined />, allow: access.staff },
  { key: 'search', label: 'search', path: '/search', icon: <SearchOutlined />, allow: access.staff },
  { key: 'my-score', label: 'myScore', path: '/my-score', icon: <FundOutlined />, allow: access.staff },
  // One's own living file; `/people/me` resolves to the signed-in person.
  { key: 'my-file', label: 'myFile', path: '/people/me', icon: <IdcardOutlined />, allow: access.staff },
  { key: 'assessment', label: 'assessment', path: '/assessment', icon: <TrophyOutlined />, allow: access.assessment },
  {
    key: 'objections',
    label: 'objections',
    path: '/objections',
    icon: <ExclamationCircleOutlined />,
    allow: canHandleObjections,
  },
  {
    key: 'admin',
    label: 'admin',
    icon: <SettingOutlined />,
    allow: access.admin,
    children: [
      {
        key: 'admin-departments',
        label: 'adminDepartments',
        path: '/admin/departments',
        icon: <ApartmentOutlined />,
        allow: access.admin,
      },
      { key: 'admin-users', label: 'adminUsers', path: '/admin/users', icon: <UsergroupAddOutlined />, allow: access.admin },
      { key: 'admin-import', label: 'adminImport', path: '/admin/import', icon: <ImportOutlined />, allow: access.admin },
      { key: 'admin-settings', label: 'adminSettings', path: '/admin/settings', icon: <ControlOutlined />, allow: access.admin },
      {
        key: 'admin-integrations',
        label: 'adminIntegrations',
        path: '/admin/integrations',
        icon: <ApiOutlined />,
        allow: access.admin,
      },
    ],
  },
  { key: 'audit', label: 'audit', path: '/audit', icon: <AuditOutlined />, allow: access.audit },
];

/** The items the user may see, children filtered too; groups left empty disappear. */
export function visibleNav(user: TUser, items: NavItem[] = NAV_ITEMS): NavItem[] {
  return items.flatMap((item) => {
    if (!item.allow(user)) return [];
    if (!item.children) return [item];
    const children = visibleNav(user, item.children);
    return children.length ? [{ ...item, children }] : [];
  });
}

/** The first page the user may open: where `/` leads. */
export function homePath(user: TUser): string {
  const first = visibleNav(user)[0];
  return first?.path ?? first?.children?.[0]?.path ?? '/account';
}

/** The key of the item whose path is the longest prefix of `pathname`, and its parent's key. */
export function activeNav(pathname: string, items: NavItem[] = NAV_ITEMS): { key?: string; parent?: string } {
  let best: { key?: string; parent?: string; length: number } = { length: 0 };
  const visit = (list: NavItem[], parent?: string) => {
    for (const item of list) {
      const p = item.path;
      if (p && (pathname === p || pathname.startsWith(`${p}/`)) && p.length > best.length) {
        best = { key: item.key, parent, length: p.length };
      }
      if (item.children) visit(item.children, item.key);
    }
  };
  visit(items);
  return { key: best.key, parent: best.parent };
}
