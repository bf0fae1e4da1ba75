import { useState } from 'react';
import { useI18n } from '../../../web/i18n/i18n';
import type { Reward } from '../../credits/credits.contract';
import { portalApi } from '../portal.contract';
import { M } from './portal.messages';
import { FIRST, useMyChange, useMyCredits, useMyRedemptions, useMyRewards } from './portal.queries';
import { formatDate } from '../../../shared/china-time';
import { Button, Card, ConfirmButton, Empty, LoadFailed, Loading, Stat, Tag } from './phone-ui';

/** 学分: my balance (from the ledger), rewards I can redeem, my redemptions and the history. */
export function PortalCreditsPage() {
  const { t } = useI18n();
  const [size, setSize] = useState<number>(FIRST.credits);
  const credits = useMyCredits(size);
  const rewards = useMyRewards();
  const redemptions = useMyRedemptions();
  if (credits.isPending) return <Loading />;
  if (credits.error) return <LoadFailed error={credits.error} onRetry={() => void credits.refetch()} />;
  const c = credits.data;
  return (
    <>
      <Card title={t(M.myCredits)}>
        <div className="stats">
          <Stat big label={t(M.balance)} value={c.balance} />
          <Stat label={t(M.earned)} value={c.earned} />
          <Stat label={t(M.spent)} value={c.spent} />
        </div>
      </Card>
      <Card title={t(M.rewards)}>
        {rewards.error ? (
          <LoadFailed error={rewards.error} onRetry={() => void rewards.refetch()} />
        ) : rewards.isPending ? (
          <Loading />
        ) : rewards.data.items.length === 0 ? (
          <Empty text={t(M.noRewards)} />
        ) : (
          <ul className="rows">
            {rewards.data.items.map((r) => (
              <RewardRow key={r.id} r={r} balance={c.balance} />
            ))}
          </ul>
        )}
      </Card>
      {(redemptions.data?.items.length ?? 0) > 0 && (
        <Card title={t(M.redemptions)}>
          <ul className="rows">
            {redemptions.data!.items.map((r) => (
              <li key={r.id} className="row">
                <div className="row-main">
                  <div className="row-title">{r.rewardName}</div>
                  <div className="muted">{formatDate(r.createdAt)}</div>
                </div>
                <Tag tone="grey">{t(M.cost, { n: r.cost })}</Tag>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card title={t(M.entries)}>
        {c.items.length === 0 ? (
          <Empty text={t(M.noEntries)} />
        ) : (
          <ul className="rows">
            {c.items.map((e) => (
              <li key={e.id} className="row">
                <div className="row-main">
                  <div className="row-title">{e.note ?? ''}</div>
                  <div className="muted">{formatDate(e.createdAt)}</div>
                </div>
                <div className={e.amount > 0 ? 'amount ok-text' : 'amount bad-text'}>
                  {e.amount > 0 ? `+${e.amount}` : e.amount}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {c.total > c.items.length && (
        <Button busy={credits.isPlaceholderData} onClick={() => setSize(size + 20)}>
          {t(M.more)}
        </Button>
      )}
    </>
  );
}

function RewardRow({ r, balance }: { r: Reward; balance: number }) {
  const { t } = useI18n();
  const redeem = useMyChange(portalApi.redeem, () => t(M.redeemed));
  const short = balance < r.cost;
  return (
    <li className="row reward">
      <div className="row-main">
        <div className="row-title">{r.name}</div>
        <div className="muted">
          {t(M.cost, { n: r.cost })} · {t(M.stock, { n: r.stock })}
        </div>
      </div>
      {short || r.stock <= 0 ? (
        <Button disabled>{short ? t(M.notEnough) : t(M.soldOut)}</Button>
      ) : (
        <ConfirmButton
          kind="primary"
          question={t(M.redeemConfirm, { cost: r.cost, name: r.name })}
          busy={redeem.busy}
          onConfirm={() => redeem.run({ body: { rewardId: r.id } })}
        >
          {t(M.redeem)}
        </ConfirmButton>
      )}
    </li>
  );
}
