import { useState } from 'react';
import { Button, Card, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useApiMutation } from '../../../web/api/hooks';
import { formatDateTime } from '../../../shared/china-time';
import { ExportButton } from '../../../web/components/export-button';
import { PageTable } from '../../../web/components/page-table';
import { orDash } from '../../../web/components/table-columns';
import { useI18n } from '../../../web/i18n/i18n';
import { creditsApi, REDEMPTION_STATUSES, REDEMPTION_STATUS_LABELS, type Redemption } from '../credits.contract';
import type { CreditsUrl } from './credits-page';
import { M } from './credits.messages';
import { CREDITS_TAGS, useRedemptions } from './credits.queries';
import { ReasonModal } from './reason-modal';

type Status = (typeof REDEMPTION_STATUSES)[number];

/** Redemptions of the residents the user keeps, with cancel (credits and stock go back). */
export function RedemptionsTab({ url }: { url: CreditsUrl }) {
  const { t, label } = useI18n();
  const status = REDEMPTION_STATUSES.find((s) => s === url.values.status);
  const list = useRedemptions({ status, page: url.page, pageSize: url.pageSize });
  const cancel = useApiMutation(creditsApi.cancelRedemption, { invalidates: CREDITS_TAGS });
  const [cancelling, setCancelling] = useState<Redemption | null>(null);
  const columns: ColumnsType<Redemption> = [
    { title: t(M.when), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    {
      title: t(M.name),
      dataIndex: 'residentName',
      render: (v: string, r) => (
        <>
          {v}
          <Typography.Text type="secondary"> · {r.nodeName}</Typography.Text>
        </>
      ),
    },
    { title: t(M.reward), dataIndex: 'rewardName' },
    { title: t(M.cost), dataIndex: 'cost', align: 'right' },
    {
      title: t(M.channel),
      dataIndex: 'channel',
      render: (v: Redemption['channel']) => t(v === 'counter' ? M.channelCounter : M.channelSelf),
    },
    { title: t(M.by), dataIndex: 'handledByName', render: orDash },
    {
      title: t(M.status),
      dataIndex: 'status',
      render: (v: Status, r) =>
        v === 'done' ? (
          <Tag color="green">{label(REDEMPTION_STATUS_LABELS.done)}</Tag>
        ) : (
          <>
            <Tag>{label(REDEMPTION_STATUS_LABELS.cancelled)}</Tag>
            {r.cancelReason && <Typography.Text type="secondary">{r.cancelReason}</Typography.Text>}
          </>
        ),
    },
    {
      title: '',
      key: 'act',
      render: (_: unknown, r) =>
        r.canCancel ? (
          <Button size="small" danger onClick={() => setCancelling(r)}>
            {t(M.cancel)}
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <Card styles={{ body: { paddingBottom: 16 } }} style={{ marginBottom: 16 }}>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Select
            allowClear
            style={{ minWidth: 160 }}
            value={status}
            placeholder={t(M.anyStatus)}
            aria-label={t(M.status)}
            onChange={(v) => url.set({ status: v })}
            options={REDEMPTION_STATUSES.map((s) => ({ value: s, label: label(REDEMPTION_STATUS_LABELS[s]) }))}
          />
          <ExportButton
            endpoint={creditsApi.redemptionsExport}
            input={{ query: { status } }}
            fileName="credit-redemptions.xlsx"
          />
        </Space>
      </Card>
      <PageTable<Redemption> list={list} url={url} total={M.totalRecords} empty={M.noRedemptions} columns={columns} />
      {cancelling && (
        <ReasonModal
          title={t(M.cancelTitle, { name: cancelling.residentName, reward: cancelling.rewardName })}
          help={t(M.cancelHelp)}
          okText={t(M.cancel)}
          busy={cancel.busy}
          onSubmit={(reason) => cancel.run({ params: { id: cancelling.id }, body: { reason } })}
          onClose={() => setCancelling(null)}
        />
      )}
    </>
  );
}
