import { MenuOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Drawer, Flex, Grid, Layout, type ThemeConfig, Typography, theme } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { BrandLogo, BrandMark } from '../components/BrandLogo';
import { FullPageSpin } from '../components/FullPageSpin';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useCurrentUser } from '../features/auth/auth.api';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { HeaderSearch } from '../features/search/HeaderSearch';
import { useSettings } from '../features/settings/settings.api';
import { rememberLanguage, storedLanguage } from '../i18n';
import { NavMenu } from './NavMenu';
import { UserMenu } from './UserMenu';

const HEADER_HEIGHT = 56;

// Tighter cards on phones, where every pixel of width counts.
const PHONE_THEME: ThemeConfig = { components: { Card: { bodyPadding: 16, headerPadding: 16 } } };

/** Applies the account's language (or else the organisation's default) once signed in. */
function useAccountLanguage() {
  const { i18n } = useTranslation();
  const user = useCurrentUser();
  const orgLocale = useSettings().data?.locale;
  useEffect(() => {
    const preferred = user.locale ?? (storedLanguage() ? null : orgLocale);
    if (!preferred || preferred === i18n.language) return;
    if (user.locale) rememberLanguage(user.locale);
    void i18n.changeLanguage(preferred);
  }, [user.locale, orgLocale, i18n]);
}

/** The signed-in frame: Sider (Drawer on phones), header with org name, language and user menu. */
export function AppLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  const isPhone = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const settings = useSettings();
  useAccountLanguage();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isPhone && (
        <Layout.Sider
          theme="light"
          width={224}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          style={{
            position: 'sticky',
            top: 0,
            height: '100vh',
            overflow: 'auto',
            borderInlineEnd: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Flex align="center" justify={collapsed ? 'center' : 'flex-start'} style={{ height: HEADER_HEIGHT, paddingInline: 20 }}>
            <BrandLogo size={28} showName={!collapsed} />
          </Flex>
          <NavMenu />
        </Layout.Sider>
      )}
      {isPhone && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={264}
          title={<BrandLogo size={26} />}
          styles={{ body: { padding: 0 } }}
          data-testid="nav-drawer"
        >
          <NavMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            height: HEADER_HEIGHT,
            lineHeight: `${HEADER_HEIGHT}px`,
            paddingInline: isPhone ? 8 : 24,
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            display: 'flex',
            alignItems: 'center',
            gap: 8,
          }}
        >
          {isPhone && (
            <>
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('app.openMenu')}
                data-testid="nav-toggle"
                onClick={() => setDrawerOpen(true)}
              />
              <BrandMark size={24} />
            </>
          )}
          <Typography.Text strong ellipsis data-testid="org-name" style={{ flex: 1, minWidth: 0, fontSize: isPhone ? 15 : 16 }}>
            {settings.data?.orgName || t('app.productName')}
          </Typography.Text>
          <HeaderSearch compact={isPhone} />
          <NotificationBell />
          <LanguageSwitch compact={isPhone} />
          <UserMenu compact={isPhone} />
        </Layout.Header>
        <Layout.Content style={{ padding: isPhone ? 12 : 24, minWidth: 0 }}>
          <ConfigProvider theme={isPhone ? PHONE_THEME : undefined}>
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </ConfigProvider>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
