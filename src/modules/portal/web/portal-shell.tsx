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
.portal { max-width: 560px; margin: 0 auto; min-height: 100vh; background: #f5f7f6; padding-bottom: 84px; font-size: 17px; }
.portal-head { background: #0b6e4f; color: #fff; padding: 14px 16px; font-size: 1.15em; font-weight: 600; margin: 0; line-height: 1.4; }
.portal-body { padding: 12px; }
.portal-tabs { position: fixed; bottom: 0; left: 0; right: 0; display: flex; background: #fff; border-top: 1px solid #dfe6e2; z-index: 10; }
.portal-tabs a { flex: 1; display: flex; flex-direction: column; align-items: center; justify-content: center; min-height: 60px; color: #50635a; text-decoration: none; font-size: 14px; gap: 2px; }
.portal-tabs a .anticon { font-size: 22px; }
.portal-tabs a.active { color: #0b6e4f; font-weight: 600; }
html.elder .portal { padding-bottom: 96px; font-size: 20px; line-height: 1.5; }
html.elder .portal-tabs a { font-size: 18px; min-height: 72px; line-height: 1.4; }
html.elder .portal .ant-btn { line-height: 1.4; }
html.elder .portal .ant-checkbox-wrapper { min-height: 60px; align-items: center; }
.portal .ant-card { margin-bottom: 12px; }
.elder-switch { display: flex; width: 100%; align-items: center; justify-content: space-between; gap: 12px; min-height: 64px; padding: 10px 16px; margin-bottom: 12px; background: #fff; border: 2px solid #0b6e4f; border-radius: 12px; color: #1f2d27; font: inherit; line-height: 1.4; text-align: left; cursor: pointer; }
.elder-switch-text { display: flex; flex-direction: column; }
.elder-switch-text b { font-size: 1.1em; }
.elder-switch-text span { color: #50635a; }
.elder-switch-track { flex: none; position: relative; width: 64px; height: 36px; border-radius: 18px; background: #7a8781; transition: background .2s; }
.elder-switch-knob { position: absolute; top: 4px; left: 4px; width: 28px; height: 28px; border-radius: 50%; background: #fff; transition: left .2s; }
.elder-switch[aria-checked=true] .elder-switch-track { background: #0b6e4f; }
.elder-switch[aria-checked=true] .elder-switch-knob { left: 32px; }
.elder-switch:focus-visible { outline: 3px solid #1d6fb8; outline-offset: 2px; }
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
        <h1 className="portal-head">{me.data ? t(M.hello, { name: me.data.resident.name }) : t(M.appName)}</h1>
        <main className="portal-body">
          {me.isPending ? (
            <PageLoading />
          ) : me.error ? (
            <ErrorState error={me.error} onRetry={() => void me.refetch()} />
          ) : me.data ? (
            <Outlet />
          ) : (
            <PortalLoginPage />
          )}
        </main>
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
