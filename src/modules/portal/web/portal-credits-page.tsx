import { useState } from 'react';
import { App, Button, Card, Col, Empty, List, Popconfirm, Row, Statistic, Tag, Typography } from 'antd';
import { ErrorState } from '../../../web/components/error-state';
import { PageLoading } from '../../../web/components/page-loading';
import { useI18n } from '../../../web/i18n/i18n';
import type { Reward } from '../../credits/credits.contract';
import { portalApi } from '../portal.contract';
import { useApiMutation } from '../../../web/api/hooks';
import { meCall } from './portal-api';
import { M } from './portal.messages';
import { useMyCredits, useMyRedemptions, useMyRewards, useResidentRefresh } from './portal.queries';
import { formatDate } from '../../../shared/china-time';

/** 学分: my balance (from the ledger), rewards I can redeem, my redemptions and the history. */
export function PortalCreditsPage() {
  const { t } = useI18n();
  const [size, setSize] = useState(10);
  const credits = useMyCredits(size);
  const rewards = useMyRewards();
  const redemptions = useMyRedemptions();
  if (credits.isPending) return <PageLoading />;
  if (credits.error) return <ErrorState error={credits.error} onRetry={() => void credits.refetch()} />;
  const c = credits.data;
  return (
    <>
      <Card size="small">
        <Row gutter={8}>
          <Col span={10}>
            <Statistic
              title={t(M.balance)}
              value={c.balance}
              styles={{ content: { color: '#0b6e4f', fontSize: '2em' } }}
            />
          </Col>
          <Col span={7}>
            <Statistic title={t(M.earned)} value={c.earned} />
          </Col>
          <Col span={7}>
            <Statistic title={t(M.spent)} value={c.spent} />
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t(M.rewards)}>
        {rewards.error ? (
          <ErrorState error={rewards.error} />
        ) : (rewards.data?.items.length ?? 0) === 0 ? (
          <Empty description={t(M.noRewards)} />
        ) : (
          rewards.data!.items.map((r) => <RewardRow key={r.id} r={r} balance={c.balance} />)
        )}
      </Card>
      {(redemptions.data?.items.length ?? 0) > 0 && (
        <Card size="small" title={t(M.redemptions)} styles={{ body: { padding: '0 12px' } }}>
          <List
            dataSource={redemptions.data!.items}
            renderItem={(r) => (
              <List.Item>
                <List.Item.Meta title={r.rewardName} description={formatDate(r.createdAt)} />
                <Tag>{t(M.cost, { n: r.cost })}</Tag>
              </List.Item>
            )}
          />
        </Card>
      )}
      <Card size="small" title={t(M.entries)} styles={{ body: { padding: '0 12px' } }}>
        {c.items.length === 0 ? (
          <Empty description={t(M.noEntries)} />
        ) : (
          <List
            dataSource={c.items}
            renderItem={(e) => (
              <List.Item>
                <List.Item.Meta title={e.note ?? ''} description={formatDate(e.createdAt)} />
                <Typography.Text strong style={{ color: e.amount > 0 ? '#0b6e4f' : '#b3261e' }}>
                  {e.amount > 0 ? `+${e.amount}` : e.amount}
                </Typography.Text>
              </List.Item>
            )}
          />
        )}
      </Card>
      {c.total > c.items.length && (
        <Button block onClick={() => setSize(size + 20)}>
          {t(M.more)}
        </Button>
      )}
    </>
  );
}

function RewardRow({ r, balance }: { r: Reward; balance: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useResidentRefresh();
  const mutation = useApiMutation(portalApi.redeem, {
    send: meCall,
    onSuccess: async () => {
      void message.success(t(M.redeemed));
      await refresh();
    },
  });
  const busy = mutation.busy;
  const redeem = () => mutation.run({ body: { rewardId: r.id } });
  const short = balance < r.cost;
  return (
    <div
      style={{ display: 'flex', gap: 12, alignItems: 'center', padding: '10px 0', borderBottom: '1px solid #eef1ef' }}
    >
      <div style={{ flex: 1, minWidth: 0 }}>
        <div style={{ fontWeight: 600 }}>{r.name}</div>
        <Typography.Text type="secondary">
          {t(M.cost, { n: r.cost })} · {t(M.stock, { n: r.stock })}
        </Typography.Text>
      </div>
      <Popconfirm
        title={t(M.redeemConfirm, { cost: r.cost, name: r.name })}
        okText={t(M.yes)}
        cancelText={t(M.no)}
        onConfirm={redeem}
        disabled={short || r.stock <= 0}
      >
        <Button type="primary" loading={busy} disabled={short || r.stock <= 0}>
          {short ? t(M.notEnough) : t(M.redeem)}
        </Button>
      </Popconfirm>
    </div>
  );
}
