import { Tabs } from 'antd';
import { ADMIN_ROLES } from '../../../shared/roles';
import { useAuth } from '../../../web/auth/auth-context';
import { PageHeader } from '../../../web/components/page-header';
import { useUrlQuery } from '../../../web/components/use-url-query';
import { useI18n } from '../../../web/i18n/i18n';
import { AccountsTab } from './accounts-tab';
import { M } from './credits.messages';
import { RedemptionsTab } from './redemptions-tab';
import { RewardsTab } from './rewards-tab';
import { RulesTab } from './rules-tab';

export const CREDIT_PAGE_KEYS = ['tab', 'q', 'nodeId', 'status', 'open'] as const;
const TABS = ['accounts', 'redemptions', 'rewards', 'rules'] as const;

/** 学分银行: residents' accounts, redemptions at the counter, the reward catalogue and the county's rules. */
export function CreditsPage() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const url = useUrlQuery(CREDIT_PAGE_KEYS);
  const tab = TABS.find((k) => k === url.values.tab) ?? 'accounts';
  const items = [
    { key: 'accounts', label: t(M.tabAccounts), children: <AccountsTab url={url} /> },
    { key: 'redemptions', label: t(M.tabRedemptions), children: <RedemptionsTab url={url} /> },
    { key: 'rewards', label: t(M.tabRewards), children: <RewardsTab url={url} canAdd={hasRole(ADMIN_ROLES)} /> },
    { key: 'rules', label: t(M.tabRules), children: <RulesTab /> },
  ];
  return (
    <>
      <PageHeader title={t(M.title)} />
      <Tabs
        activeKey={tab}
        onChange={(k) => url.set({ tab: k, q: null, nodeId: null, status: null, open: null })}
        items={items}
        destroyOnHidden
        size="large"
      />
    </>
  );
}

export type CreditsUrl = ReturnType<typeof useUrlQuery<(typeof CREDIT_PAGE_KEYS)[number]>>;
