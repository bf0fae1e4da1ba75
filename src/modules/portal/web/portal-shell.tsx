import { ConfigProvider } from 'antd';
import { CalendarOutlined, GiftOutlined, ReadOutlined, UserOutlined } from '@ant-design/icons';
import { NavLink, Outlet } from 'react-router';
import { ErrorState } from '../../../web/components/error-state';
import { PageLoading } from '../../../web/components/page-loading';
import { useI18n } from '../../../web/i18n/i18n';
import { portalTheme, useElderMode } from './elder-mode';
import { PortalLoginPage } from './portal-login-page';
import { M } from './portal.messages';
import { useResidentMe } from './portal.queries';

const TABS = [
  { to: '/m', end: true, label: M.tabActivities, icon: <CalendarOutlined /> },
  { to: '/m/record', end: false, label: M.tabRecord, icon: <ReadOutlined /> },
  { to: '/m/credits', end: false, label: M.tabCredits, icon: <GiftOutlined /> },
  { to: '/m/me', end: false, label: M.tabMe, icon: <UserOutlined /> },
] as const;

const CSS = `
.portal { max-width: 560px; margin: 0 auto; min-height: 100vh; background: #f5f7f6; padding-bottom: 84px; }
.portal-head { background: #0b6e4f; color: #fff; padding: 14px 16px; font-size: 1.15em; font-weight: 600; }
.portal-body { padding: 12px; }
.portal-tabs { position: fixed; bottom: 0; left: 0; right: 0; display: flex; background: #fff; border-top: 1px solid #dfe6e2; z-index: 10; }
.portal-tabs a { flex: 1; display: flex; flex-direction: column; align-items: center; justify-content: center; min-height: 60px; color: #50635a; text-decoration: none; font-size: 14px; gap: 2px; }
.portal-tabs a .anticon { font-size: 22px; }
.portal-tabs a.active { color: #0b6e4f; font-weight: 600; }
html.elder .portal-tabs a { font-size: 18px; min-height: 68px; }
.portal .ant-card { margin-bottom: 12px; }
`;

/** The resident's phone pages: a light shell of their own (not the staff layout), signed in as a resident. */
export function PortalShell() {
  const { t } = useI18n();
  const [elder] = useElderMode();
  const me = useResidentMe();
  return (
    <ConfigProvider theme={portalTheme(elder)}>
      <style>{CSS}</style>
      <div className="portal">
        <div className="portal-head">{me.data ? t(M.hello, { name: me.data.resident.name }) : t(M.appName)}</div>
        <div className="portal-body">
          {me.isPending ? (
            <PageLoading />
          ) : me.error ? (
            <ErrorState error={me.error} onRetry={() => void me.refetch()} />
          ) : me.data ? (
            <Outlet />
          ) : (
            <PortalLoginPage />
          )}
        </div>
        {me.data && (
          <nav className="portal-tabs" aria-label={t(M.appName)}>
            {TABS.map((tab) => (
              <NavLink key={tab.to} to={tab.to} end={tab.end}>
                {tab.icon}
                <span>{t(tab.label)}</span>
              </NavLink>
            ))}
          </nav>
        )}
      </div>
    </ConfigProvider>
  );
}
