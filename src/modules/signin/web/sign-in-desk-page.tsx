import { Button, Tabs, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { KeyOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useAuth } from '../../../web/auth/auth-context';
import { PageHeader } from '../../../web/components/page-header';
import { PageTable } from '../../../web/components/page-table';
import { useUrlQuery } from '../../../web/components/use-url-query';
import { formatDateTime } from '../../../shared/china-time';
import { useI18n } from '../../../web/i18n/i18n';
import type { SignInActivityItem } from '../signin.contract';
import { SIGNIN_STAFF_ROLES } from '../signin.policy';
import { M } from './signin.messages';
import { useSignInActivities } from './signin.queries';
import { SignInWindowCard } from './sign-in-window-card';

const KEYS = ['when'] as const;
const WHENS = ['today', 'upcoming', 'past'] as const;
type When = (typeof WHENS)[number];

/** 活动签到: today's, coming and past activities of my part of the tree, with who has signed in. */
export function SignInDeskPage() {
  const { t } = useI18n();
  const { hasRole, me } = useAuth();
  // The county of the first place the user works in (a system admin's root has none).
  const countyId = me?.scopes.map((s) => s.path.split('/')[1]).find(Boolean);
  const url = useUrlQuery(KEYS);
  const when: When = WHENS.includes(url.values.when as When) ? (url.values.when as When) : 'today';
  const list = useSignInActivities({ when, page: url.page, pageSize: url.pageSize });
  const columns: ColumnsType<SignInActivityItem> = [
    {
      title: t(M.activity),
      dataIndex: 'title',
      render: (v: string, r) => <Link to={`/sign-in/${r.id}`}>{v}</Link>,
    },
    { title: t(M.time), dataIndex: 'startsAt', render: (v: string) => formatDateTime(v) },
    { title: t(M.centre), dataIndex: 'centreName' },
    { title: t(M.signedIn), dataIndex: 'confirmed', align: 'right' },
    {
      title: t(M.pending),
      dataIndex: 'pending',
      align: 'right',
      render: (n: number) => (n > 0 ? <Tag color="orange">{n}</Tag> : 0),
    },
    {
      title: t(M.actions),
      key: 'go',
      render: (_, r) => (
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <Link to={`/sign-in/${r.id}`}>
            <Button size="small">{t(M.open)}</Button>
          </Link>
          {r.canRun && (
            <Link to={`/sign-in/${r.id}/qr`}>
              <Button size="small" type="primary">
                {t(M.showQr)}
              </Button>
            </Link>
          )}
        </div>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t(M.deskTitle)}
        extra={
          hasRole(SIGNIN_STAFF_ROLES) && (
            <Link to="/resident-accounts">
              <Button icon={<KeyOutlined />}>{t(M.menuAccounts)}</Button>
            </Link>
          )
        }
      />
      {countyId && <SignInWindowCard countyId={countyId} />}
      <Tabs
        activeKey={when}
        onChange={(k) => url.set({ when: k === 'today' ? null : k })}
        items={WHENS.map((w) => ({ key: w, label: t(M[w]) }))}
      />
      <PageTable<SignInActivityItem> list={list} url={url} total={M.total} empty={M.none} columns={columns} />
    </>
  );
}
