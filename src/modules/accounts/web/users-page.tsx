import { useState } from 'react';
import { Button, Tag } from 'antd';
import { UsergroupAddOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { usersApi, type User } from '../account.contract';
import { ROLE_LABELS, ROLES } from '../../../shared/roles';
import { formatDateTime } from '../../../shared/china-time';
import { ExportButton } from '../../../web/components/export-button';
import { NewButton, PageHeader } from '../../../web/components/page-header';
import { oneOf, YES_NO } from '../../../web/components/use-url-query';
import { useListPage } from '../../../web/components/list-page';
import { useI18n } from '../../../web/i18n/i18n';
import { BulkAccountsModal } from './bulk-accounts-modal';
import { UserDetailDrawer } from './user-detail-drawer';
import { UserFormDrawer } from './user-form-drawer';
import { UserStatusTag } from './user-status';
import { M } from './users.messages';
import { useUserList } from './users.queries';
import { PageTable } from '../../../web/components/page-table';
import { FilterCard, FilterNode, FilterSearch, FilterSelect } from '../../../web/components/filter-card';
import { openColumn, orDash } from '../../../web/components/table-columns';

const KEYS = ['q', 'nodeId', 'role', 'disabled', 'open'] as const;

/** 用户与权限: filters in the URL, a server-paged list, a drawer per account, one form. */
export function UsersPage() {
  const { t, label } = useI18n();
  const page = useListPage(KEYS);
  const [bulk, setBulk] = useState(false);
  const { url, f } = page;
  const role = oneOf(ROLES, f.role);
  const disabled = oneOf(YES_NO, f.disabled);
  const filters = { q: f.q, nodeId: f.nodeId, role, disabled };
  const list = useUserList({ ...filters, page: url.page, pageSize: url.pageSize });

  const columns: ColumnsType<User> = [
    openColumn<User>(t(M.displayName), 'displayName', page.openRow, { wrap: true }),
    { title: t(M.username), dataIndex: 'username' },
    { title: t(M.phone), dataIndex: 'phone', render: orDash },
    { title: t(M.homeNode), dataIndex: 'homeNodeName' },
    {
      title: t(M.roles),
      key: 'roles',
      render: (_: unknown, u) =>
        u.roles.length
          ? u.roles.map((r) => (
              <Tag key={r.id} style={{ marginBlock: 2 }}>
                {t(M.at, { role: label(ROLE_LABELS[r.role]), node: r.nodeName })}
              </Tag>
            ))
          : '—',
    },
    { title: t(M.status), key: 'status', render: (_: unknown, u) => <UserStatusTag user={u} /> },
    {
      title: t(M.lastLogin),
      dataIndex: 'lastLoginAt',
      render: (v: string | null) => (v ? formatDateTime(v) : t(M.never)),
    },
  ];
  return (
    <>
      <PageHeader
        title={t(M.title)}
        extra={
          <>
            <ExportButton endpoint={usersApi.export} input={{ query: filters }} fileName="users.xlsx" />
            <Button icon={<UsergroupAddOutlined />} onClick={() => setBulk(true)}>
              {t(M.bulk)}
            </Button>
            <NewButton onClick={page.create}>{t(M.newUser)}</NewButton>
          </>
        }
      />
      <FilterCard onReset={url.reset} resetSpan={{ xs: 24, sm: 8, lg: 2 }}>
        <FilterSearch url={url} span={{ xs: 24, sm: 12, lg: 7 }} placeholder={t(M.searchPlaceholder)} />
        <FilterNode
          span={{ xs: 24, sm: 12, lg: 6 }}
          value={f.nodeId}
          onChange={(v) => url.set({ nodeId: v })}
          placeholder={t(M.anyNode)}
          label={t(M.filterNode)}
        />
        <FilterSelect
          span={{ xs: 12, sm: 8, lg: 5 }}
          value={role}
          placeholder={t(M.anyRole)}
          label={t(M.filterRole)}
          onChange={(v) => url.set({ role: v })}
          options={ROLES.map((r) => ({ value: r, label: label(ROLE_LABELS[r]) }))}
        />
        <FilterSelect
          span={{ xs: 12, sm: 8, lg: 4 }}
          value={disabled}
          placeholder={t(M.anyStatus)}
          label={t(M.filterStatus)}
          onChange={(v) => url.set({ disabled: v })}
          options={[
            { value: 'false', label: t(M.enabledOnly) },
            { value: 'true', label: t(M.disabledOnly) },
          ]}
          popupMatchSelectWidth
        />
      </FilterCard>
      <PageTable<User> list={list} url={url} total={M.totalUsers} onOpen={page.openRow} columns={columns} />
      {f.open && <UserDetailDrawer id={f.open} onClose={page.close} />}
      {page.creating && <UserFormDrawer mode={{ kind: 'create' }} onClose={page.cancelCreate} onSaved={page.created} />}
      {bulk && <BulkAccountsModal onClose={() => setBulk(false)} />}
    </>
  );
}
