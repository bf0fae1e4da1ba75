import { Card, Col, Row, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ExportButton } from '../../../web/components/export-button';
import { ListSearch } from '../../../web/components/list-search';
import { PageTable } from '../../../web/components/page-table';
import { useI18n } from '../../../web/i18n/i18n';
import { NodeTreeSelect } from '../../../web/org-tree/node-tree-select';
import { creditsApi, type Account } from '../credits.contract';
import { AccountDrawer } from './account-drawer';
import type { CreditsUrl } from './credits-page';
import { M } from './credits.messages';
import { useAccounts } from './credits.queries';
import { useKeeperReach } from './use-keeper-reach';

/** Residents with their balance; a click opens the account. */
export function AccountsTab({ url }: { url: CreditsUrl }) {
  const { t } = useI18n();
  const keeps = useKeeperReach();
  const list = useAccounts({ q: url.values.q, nodeId: url.values.nodeId, page: url.page, pageSize: url.pageSize });
  const columns: ColumnsType<Account> = [
    {
      title: t(M.name),
      dataIndex: 'name',
      render: (v: string) => <Typography.Link style={{ fontSize: 16 }}>{v}</Typography.Link>,
    },
    { title: t(M.village), dataIndex: 'nodeName', responsive: ['sm'] },
    {
      title: t(M.balance),
      dataIndex: 'balance',
      align: 'right',
      render: (v: number) => <strong style={{ fontSize: 16 }}>{v}</strong>,
    },
  ];
  return (
    <>
      <Card styles={{ body: { paddingBottom: 16 } }} style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} sm={12} lg={8}>
            <ListSearch value={url.values.q} onChange={(q) => url.set({ q })} placeholder={t(M.searchPlaceholder)} />
          </Col>
          <Col xs={24} sm={12} lg={8}>
            <NodeTreeSelect
              value={url.values.nodeId}
              onChange={(v) => url.set({ nodeId: v })}
              allowClear
              placeholder={t(M.anyPlace)}
              aria-label={t(M.village)}
              selectable={keeps}
            />
          </Col>
          <Col xs={24} lg={8} style={{ textAlign: 'right' }}>
            <ExportButton
              endpoint={creditsApi.accountsExport}
              input={{ query: { q: url.values.q, nodeId: url.values.nodeId } }}
              fileName="credit-accounts.xlsx"
            />
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          {t(M.listHint)}
        </Typography.Paragraph>
      </Card>
      <PageTable<Account>
        list={list}
        url={url}
        total={M.totalPeople}
        onOpen={(r) => url.set({ open: r.id })}
        columns={columns}
      />
      {url.values.open && <AccountDrawer residentId={url.values.open} onClose={() => url.set({ open: null })} />}
    </>
  );
}
