import { useState } from 'react';
import { Alert, App, Modal, Radio, Space, Typography } from 'antd';
import { errorText } from '../../../web/api/api-error';
import { useApiMutation } from '../../../web/api/hooks';
import { PageLoading } from '../../../web/components/page-loading';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { M } from './credits.messages';
import { creditsApi } from '../credits.contract';
import { CREDITS_TAGS, useRewards } from './credits.queries';

/** At the centre counter: pick a reward offered to this resident; balance and stock are checked by the server. */
export function RedeemModal({
  residentId,
  name,
  balance,
  onClose,
}: {
  residentId: string;
  name: string;
  balance: number;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const rewards = useRewards({ forResidentId: residentId, page: 1, pageSize: 100 });
  const [rewardId, setRewardId] = useState<string | null>(null);
  const redeem = useApiMutation(creditsApi.redeemAtCounter, {
    invalidates: CREDITS_TAGS,
    onSuccess: (r) => {
      void message.success(t(M.redeemed, { n: r.balance }));
      onClose();
    },
  });
  const submit = () => rewardId && redeem.run({ params: { residentId }, body: { rewardId } });
  const items = rewards.data?.items ?? [];
  return (
    <Modal
      open
      title={t(M.redeemTitle, { name, n: balance })}
      onCancel={onClose}
      okText={t(M.redeem)}
      okButtonProps={{ disabled: !rewardId }}
      cancelText={t(APP.cancel)}
      confirmLoading={redeem.busy}
      onOk={() => void submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t(M.redeemHelp)}</Typography.Paragraph>
      {rewards.isPending && <PageLoading />}
      {rewards.error && <Alert type="error" title={errorText(rewards.error, locale)} />}
      {rewards.data && items.length === 0 && <Alert type="info" title={t(M.noRewards)} />}
      <Radio.Group value={rewardId} onChange={(e) => setRewardId(e.target.value as string)} style={{ width: '100%' }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {items.map((r) => (
            <Radio
              key={r.id}
              value={r.id}
              disabled={r.stock === 0 || r.cost > balance}
              style={{ fontSize: 16, padding: '6px 0' }}
            >
              {t(M.rewardOption, { name: r.name, cost: r.cost, stock: r.stock })}
              {r.stock === 0 ? `（${t(M.outOfStock)}）` : r.cost > balance ? `（${t(M.notEnough)}）` : ''}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    </Modal>
  );
}
