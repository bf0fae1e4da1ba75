import { Suspense, useState } from 'react';
import { App as AntApp, Avatar, Button, Drawer, Dropdown, Grid, Layout, Menu, Typography } from 'antd';
import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth, useMe } from '../auth/auth-context';
import { PageLoading } from '../components/page-loading';
import { useFocusableScrollRegions } from '../components/scroll-regions';
import { useI18n } from '../i18n/i18n';
import { M } from '../i18n/messages';
import { LanguageSwitch } from './language-switch';
import { visibleMenu } from './menu-items';

const { Header, Sider, Content } = Layout;

/** The frame of every signed-in page: side menu (a drawer on a phone), header, content. */
export function AppLayout() {
  const { t } = useI18n();
  const { hasRole, logout } = useAuth();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const wide = screens.md ?? true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  useFocusableScrollRegions(t(M.scrollTable));

  const entries = visibleMenu(hasRole);
  const selected = entries.find((e) => pathname === e.path || pathname.startsWith(`${e.path}/`))?.key;
  const items = entries.map((e) => ({ key: e.key, icon: e.icon, label: t(e.label) }));
  const go = (key: string) => {
    const entry = entries.find((e) => e.key === key);
    if (entry) navigate(entry.path);
    setDrawerOpen(false);
  };
  const signOut = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  const brand = (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 10,
        padding: wide && collapsed ? '0 21px' : '0 16px',
        height: 56,
        fontWeight: 600,
        color: '#0b6e4f',
        whiteSpace: 'nowrap',
        overflow: 'hidden',
      }}
    >
      <span
        aria-hidden
        style={{
          display: 'inline-flex',
          width: 30,
          height: 30,
          borderRadius: 6,
          background: '#0b6e4f',
          color: '#fff',
          alignItems: 'center',
          justifyContent: 'center',
          fontSize: 17,
        }}
      >
        学
      </span>
      {!(wide && collapsed) && <span style={{ fontSize: 17 }}>{t(M.appShort)}</span>}
    </div>
  );
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      items={items}
      onClick={({ key }) => go(key)}
      style={{ borderInlineEnd: 0 }}
    />
  );

  // antd's App (message, modal, notification) lives here, not in the entry: the sign-in page does not need it.
  return (
    <AntApp>
      <Layout style={{ minHeight: '100vh' }}>
        {wide && (
          <Sider
            width={220}
            theme="light"
            breakpoint="lg"
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            collapsedWidth={72}
            style={{ borderInlineEnd: '1px solid #e6ece9', position: 'sticky', top: 0, height: '100vh' }}
          >
            {/* Scrolls above the collapse button (48 px), which would otherwise cover the last entries. */}
            <nav aria-label={t(M.menu)} style={{ height: 'calc(100vh - 48px)', overflow: 'auto' }}>
              {brand}
              {menu}
            </nav>
          </Sider>
        )}
        <Layout>
          <Header
            style={{
              display: 'flex',
              alignItems: 'center',
              gap: 8,
              borderBottom: '1px solid #e6ece9',
              position: 'sticky',
              top: 0,
              zIndex: 10,
            }}
          >
            {!wide && (
              <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} aria-label={t(M.menu)} />
            )}
            {!wide && (
              <Typography.Text strong style={{ color: '#0b6e4f', fontSize: 17, whiteSpace: 'nowrap' }}>
                {t(M.appShort)}
              </Typography.Text>
            )}
            <div style={{ flex: 1 }} />
            <LanguageSwitch />
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  {
                    key: 'account',
                    icon: <UserOutlined />,
                    label: t(M.menuAccount),
                    onClick: () => navigate('/account'),
                  },
                  { type: 'divider' },
                  { key: 'logout', icon: <LogoutOutlined />, label: t(M.logout), onClick: () => void signOut() },
                ],
              }}
            >
              <Button
                type="text"
                style={{ maxWidth: wide ? 320 : 48, overflow: 'hidden' }}
                aria-label={me.user.displayName}
              >
                <Avatar size={28} icon={<UserOutlined />} style={{ background: '#0b6e4f', flex: 'none' }} />
                {wide && <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{me.user.displayName}</span>}
              </Button>
            </Dropdown>
          </Header>
          <Content style={{ padding: wide ? 24 : 12, minWidth: 0 }}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </Content>
        </Layout>
        {!wide && (
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="left"
            size={260}
            title={t(M.appShort)}
            styles={{ body: { padding: 0 } }}
          >
            <div style={{ padding: '12px 16px', color: '#50635a' }}>{me.user.displayName}</div>
            {menu}
            <div style={{ padding: 16 }}>
              <Button block icon={<LogoutOutlined />} onClick={() => void signOut()}>
                {t(M.logout)}
              </Button>
            </div>
          </Drawer>
        )}
      </Layout>
    </AntApp>
  );
}
