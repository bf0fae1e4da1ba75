import { useEffect, type ComponentType } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../web/i18n/i18n';
import { PortalActivitiesPage } from './portal-activities-page';
import { PortalAwardsPage } from './portal-awards-page';
import { PortalCreditsPage } from './portal-credits-page';
import { PortalLoginPage } from './portal-login-page';
import { PortalMePage } from './portal-me-page';
import { PortalRecordPage } from './portal-record-page';
import { M } from './portal.messages';
import { prefetchPage, rememberSignedIn, useResidentMe } from './portal.queries';
import { followLink, usePhonePath, type PhonePath } from './phone-router';
import { Icon, LoadFailed, Loading, Toast } from './phone-ui';

const TABS = [
  { to: '/m', label: M.tabActivities, icon: 'calendar' },
  { to: '/m/record', label: M.tabRecord, icon: 'book' },
  { to: '/m/credits', label: M.tabCredits, icon: 'gift' },
  { to: '/m/me', label: M.tabMe, icon: 'user' },
] as const;

const PAGES: Record<PhonePath, ComponentType> = {
  '/m': PortalActivitiesPage,
  '/m/record': PortalRecordPage,
  '/m/credits': PortalCreditsPage,
  '/m/me': PortalMePage,
  '/m/awards': PortalAwardsPage,
};

/**
 * The resident's phone pages: a light shell of their own (not the staff app: no antd, no staff
 * session), signed in as a resident. On a phone that was signed in, the page's answers are asked
 * for beside the session check, not after it (a round trip less on a slow connection); signed
 * out, the sign-in form shows.
 */
export function PortalShell() {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const path = usePhonePath();
  const me = useResidentMe();
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t(M.appName);
  }, [locale, t]);
  useEffect(() => prefetchPage(qc, path), [qc, path]);
  useEffect(() => {
    if (me.data !== undefined) rememberSignedIn(me.data !== null);
  }, [me.data]);
  const Page = PAGES[path];
  return (
    <div className="portal">
      <h1 className="portal-head">{me.data ? t(M.hello, { name: me.data.resident.name }) : t(M.appName)}</h1>
      <main className="portal-body">
        {me.isPending ? (
          <Loading />
        ) : me.error ? (
          <LoadFailed error={me.error} onRetry={() => void me.refetch()} />
        ) : me.data ? (
          <Page />
        ) : (
          <PortalLoginPage />
        )}
      </main>
      {me.data && (
        <nav className="portal-tabs" aria-label={t(M.appName)}>
          {TABS.map((tab) => (
            <a
              key={tab.to}
              href={tab.to}
              aria-current={tab.to === path || (tab.to === '/m/me' && path === '/m/awards') ? 'page' : undefined}
              onClick={(e) => followLink(e, tab.to)}
            >
              <Icon name={tab.icon} />
              <span>{t(tab.label)}</span>
            </a>
          ))}
        </nav>
      )}
      <Toast />
    </div>
  );
}
