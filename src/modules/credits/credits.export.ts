import { formatDateTime } from '../../shared/china-time';
import { pagedExport, type ListExport, type ListFilters } from '../../server/xlsx-export';
import type { Ctx } from '../../server/types';
import { findAccounts } from './credit-accounts.service';
import {
  REDEMPTION_STATUS_LABELS,
  type Account,
  type AccountQuery,
  type Redemption,
  type RedemptionQuery,
} from './credits.contract';
import { findRedemptions } from './redemption.service';

/** 积分账户: the residents the reader keeps, with their balance, as the list shows them. */
export function accountsExport(ctx: Ctx, query: ListFilters<AccountQuery>): ListExport<Account> {
  return pagedExport(ctx, findAccounts, query, {
    name: '积分账户',
    action: 'credits.accounts_export',
    entityType: 'credit_account',
    nodeId: () => query.nodeId,
    columns: [
      { header: '姓名', width: 12, value: (a) => a.name },
      { header: '所在村（社区）', width: 20, value: (a) => a.nodeName },
      { header: '积分余额', width: 10, value: (a) => a.balance },
    ],
  });
}

/** 兑换记录: the redemptions of the residents the reader keeps, newest first. */
export function redemptionsExport(ctx: Ctx, query: ListFilters<RedemptionQuery>): ListExport<Redemption> {
  return pagedExport(ctx, findRedemptions, query, {
    name: '积分兑换记录',
    action: 'credits.redemptions_export',
    entityType: 'credit_redemption',
    columns: [
      { header: '兑换时间', width: 18, value: (r) => formatDateTime(r.createdAt) },
      { header: '姓名', width: 12, value: (r) => r.residentName },
      { header: '所在村（社区）', width: 20, value: (r) => r.nodeName },
      { header: '奖品', width: 20, value: (r) => r.rewardName },
      { header: '积分', width: 8, value: (r) => r.cost },
      { header: '方式', width: 8, value: (r) => (r.channel === 'counter' ? '服务台代兑' : '本人手机兑换') },
      { header: '状态', width: 8, value: (r) => REDEMPTION_STATUS_LABELS[r.status].zh },
      { header: '经办人', width: 12, value: (r) => r.handledByName },
      { header: '撤销时间', width: 18, value: (r) => formatDateTime(r.cancelledAt) },
      { header: '撤销原因', width: 20, value: (r) => r.cancelReason },
    ],
  });
}
