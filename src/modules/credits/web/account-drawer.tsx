import { useState } from 'react';
import { Alert, Button, Col, Drawer, Grid, List, Row, Statistic, Table, Typography } from 'antd';
import { GiftOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useApiMutation } from '../../../web/api/hooks';
import { ErrorState } from '../../../web/components/error-state';
import { formatDateTime } from '../../../shared/china-time';
import { PageLoading } from '../../../web/components/page-loading';
import { useDrawerWidth } from '../../../web/components/use-drawer-width';
import { orDash } from '../../../web/components/table-columns';
import { useI18n } from '../../../web/i18n/i18n';
import { creditsApi, ENTRY_KIND_LABELS, type Entry, type EntryKindKey } from '../credits.contract';
import { AwardModal } from './award-modal';
import { M } from './credits.messages';
import { CREDITS_TAGS, useAccount, useEntries } from './credits.queries';
import { Amount, EntryKindTag } from './entry-kind-tag';
import { ReasonModal } from './reason-modal';
import { RedeemModal } from './redeem-modal';

/** One resident's account: balance, award, redeem at the counter, print the record, and the ledger with reversals. */
export function AccountDrawer({ residentId, onClose }: { residentId: string; onClose: () => void }) {
  const { t, label } = useI18n();
  const size = useDrawerWidth(880);
  const account = useAccount(residentId);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const entries = useEntries(residentId, page.page, page.pageSize);
  const reverse = useApiMutation(creditsApi.reverse, { invalidates: CREDITS_TAGS });
  const [modal, setModal] = useState<'award' | 'redeem' | null>(null);
  const [reversing, setReversing] = useState<Entry | null>(null);
  const phone = Grid.useBreakpoint().sm === false;
  const a = account.data;
  const act = (e: Entry) =>
    e.reversedById !== null ? (
      <Typography.Text type="secondary">{t(M.reversedBy)}</Typography.Text>
    ) : e.canReverse ? (
      <Button size="small" danger onClick={() => setReversing(e)}>
        {e.kind === 'redeem' ? t(M.cancel) : t(M.reverse)}
      </Button>
    ) : null;
  const note = (e: Entry) => (
    <>
      {e.note ?? ''}
      {e.reversesId !== null && (
        <Typography.Text type="secondary"> {t(M.reversalOf, { id: e.reversesId })}</Typography.Text>
      )}
    </>
  );
  const pagination = {
    current: page.page,
    pageSize: page.pageSize,
    total: entries.data?.total ?? 0,
    onChange: (p: number, s: number) => setPage({ page: p, pageSize: s }),
    showTotal: (n: number) => t(M.totalRecords, { n }),
  };

  return (
    <Drawer
      open
      size={size}
      title={a ? t(M.accountTitle, { name: a.resident.name }) : ''}
      onClose={onClose}
      destroyOnHidden
    >
      {account.isPending && <PageLoading />}
      {account.error && <ErrorState error={account.error} onRetry={() => void account.refetch()} />}
      {a && (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 15 }}>
            {a.resident.nodeName}
          </Typography.Paragraph>
          {a.resident.anonymized && (
            <Alert type="warning" showIcon title={t(M.anonymized)} style={{ marginBottom: 12 }} />
          )}
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            <Col xs={8}>
              <Statistic
                title={t(M.balance)}
                value={a.balance}
                styles={{ content: { fontSize: 28, fontWeight: 600 } }}
              />
            </Col>
            <Col xs={8}>
              <Statistic title={t(M.earned)} value={a.earned} />
            </Col>
            <Col xs={8}>
              <Statistic title={t(M.spent)} value={a.spent} />
            </Col>
          </Row>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 16 }}>
            {a.canAward && (
              <Button size="large" type="primary" icon={<GiftOutlined />} onClick={() => setModal('redeem')}>
                {t(M.redeem)}
              </Button>
            )}
            {a.canAward && (
              <Button size="large" icon={<PlusOutlined />} onClick={() => setModal('award')}>
                {t(M.award)}
              </Button>
            )}
            <Button
              size="large"
              icon={<PrinterOutlined />}
              onClick={() => window.open(`/print/learning-record/${residentId}`, '_blank', 'noopener')}
            >
              {t(M.printRecord)}
            </Button>
          </div>
          <Typography.Title level={5}>{t(M.entries)}</Typography.Title>
          {entries.error && <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />}
          {!entries.error && phone && (
            <List<Entry>
              loading={entries.isFetching}
              dataSource={entries.data?.items ?? []}
              locale={{ emptyText: t(M.noEntries) }}
              pagination={{ ...pagination, size: 'small', showSizeChanger: false, align: 'center' }}
              renderItem={(e) => (
                <List.Item key={e.id}>
                  <div style={{ width: '100%' }}>
                    <div style={{ display: 'flex', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
                      <span>
                        <EntryKindTag kind={e.kind} />
                        <Amount n={e.amount} />
                      </span>
                      {act(e)}
                    </div>
                    <div style={{ fontSize: 15, marginTop: 4 }}>{note(e)}</div>
                    <Typography.Text type="secondary">
                      {formatDateTime(e.createdAt)}
                      {e.createdByName ? ` · ${e.createdByName}` : ''}
                    </Typography.Text>
                  </div>
                </List.Item>
              )}
            />
          )}
          {!entries.error && !phone && (
            <Table<Entry>
              rowKey="id"
              size="middle"
              loading={entries.isFetching}
              dataSource={entries.data?.items ?? []}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t(M.noEntries) }}
              pagination={pagination}
              columns={[
                { title: t(M.when), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
                { title: t(M.kind), dataIndex: 'kind', render: (v: EntryKindKey) => <EntryKindTag kind={v} /> },
                {
                  title: t(M.creditsCol),
                  dataIndex: 'amount',
                  align: 'right',
                  render: (v: number) => <Amount n={v} />,
                },
                { title: t(M.note), key: 'note', width: 200, render: (_: unknown, e) => note(e) },
                { title: t(M.by), dataIndex: 'createdByName', width: 120, render: orDash },
                { title: '', key: 'act', render: (_: unknown, e) => act(e) },
              ]}
            />
          )}
          {modal === 'award' && (
            <AwardModal residentId={residentId} name={a.resident.name} onClose={() => setModal(null)} />
          )}
          {modal === 'redeem' && (
            <RedeemModal
              residentId={residentId}
              name={a.resident.name}
              balance={a.balance}
              onClose={() => setModal(null)}
            />
          )}
          {reversing && (
            <ReasonModal
              title={t(M.reverseTitle, { kind: label(ENTRY_KIND_LABELS[reversing.kind]), amount: reversing.amount })}
              help={t(M.reverseHelp)}
              okText={reversing.kind === 'redeem' ? t(M.cancel) : t(M.reverse)}
              busy={reverse.busy}
              onSubmit={(reason) => reverse.run({ params: { id: reversing.id }, body: { reason } })}
              onClose={() => setReversing(null)}
            />
          )}
        </>
      )}
    </Drawer>
  );
}
