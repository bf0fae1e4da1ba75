import { useState } from 'react';
import { Button, Card, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { NewButton } from '../../../web/components/page-header';
import { PageTable } from '../../../web/components/page-table';
import { useI18n } from '../../../web/i18n/i18n';
import type { Reward } from '../credits.contract';
import type { CreditsUrl } from './credits-page';
import { M } from './credits.messages';
import { useRewards } from './credits.queries';
import { RewardFormDrawer } from './reward-form-drawer';

/** The reward catalogue: rewards of the county and towns over the user's part of the tree. */
export function RewardsTab({ url, canAdd }: { url: CreditsUrl; canAdd: boolean }) {
  const { t } = useI18n();
  const list = useRewards({ page: url.page, pageSize: url.pageSize });
  const [editing, setEditing] = useState<Reward | 'new' | null>(null);
  const columns: ColumnsType<Reward> = [
    {
      title: t(M.rewardName),
      dataIndex: 'name',
      render: (v: string, r) => (
        <>
          <strong style={{ fontSize: 16 }}>{v}</strong>
          {r.description && <div style={{ color: '#666' }}>{r.description}</div>}
        </>
      ),
    },
    { title: t(M.offeredBy), dataIndex: 'nodeName' },
    { title: t(M.cost), dataIndex: 'cost', align: 'right' },
    {
      title: t(M.stock),
      dataIndex: 'stock',
      align: 'right',
      render: (v: number) => (v === 0 ? <Tag color="red">{t(M.outOfStock)}</Tag> : v),
    },
    {
      title: t(M.status),
      dataIndex: 'active',
      render: (v: boolean) => (v ? <Tag color="green">{t(M.onOffer)}</Tag> : <Tag>{t(M.offShelf)}</Tag>),
    },
    {
      title: '',
      key: 'act',
      render: (_: unknown, r) =>
        r.canEdit ? (
          <Button
            size="small"
            onClick={(e) => {
              e.stopPropagation();
              setEditing(r);
            }}
          >
            {t(M.editReward)}
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      {canAdd && (
        <Card styles={{ body: { paddingBottom: 16 } }} style={{ marginBottom: 16 }}>
          <NewButton size="large" onClick={() => setEditing('new')}>
            {t(M.newReward)}
          </NewButton>
        </Card>
      )}
      <PageTable<Reward>
        list={list}
        url={url}
        total={M.totalRecords}
        empty={M.noRewardList}
        onOpen={(r) => {
          if (r.canEdit) setEditing(r);
        }}
        columns={columns}
      />
      {editing && <RewardFormDrawer reward={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
