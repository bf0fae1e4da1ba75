import { formatDateTime } from '../../shared/china-time';
import { pagedExport, type ListExport, type ListFilters } from '../../server/xlsx-export';
import type { Ctx } from '../../server/types';
import { EXPENSE_CATEGORY_LABELS, EXPENSE_STATUS_LABELS, type Expense, type ExpenseQuery } from './funding.contract';
import { findExpenses } from './expenses.service';

/** 经费台账: the expenses as the list shows them, with the same filters; amounts in yuan, two decimals. */
export function ledgerExport(ctx: Ctx, query: ListFilters<ExpenseQuery>): ListExport<Expense> {
  return pagedExport(ctx, findExpenses, query, {
    name: '经费台账',
    action: 'funding.export',
    entityType: 'funding_expense',
    nodeId: () => query.nodeId,
    columns: [
      { header: '支出日期', width: 12, value: (e) => e.spentOn },
      { header: '镇（街道）/学习中心', width: 20, value: (e) => e.nodeName },
      { header: '类别', width: 14, value: (e) => EXPENSE_CATEGORY_LABELS[e.category].zh },
      { header: '收款人', width: 14, value: (e) => e.payee },
      // A number cell (Excel sums the column), shown with two decimals; fen turned to yuan only here.
      { header: '金额（元）', width: 14, numFmt: '#,##0.00', value: (e) => e.amountFen / 100 },
      { header: '用途', width: 30, value: (e) => e.description },
      { header: '关联活动', width: 24, value: (e) => e.activityTitle },
      { header: '发票', width: 8, value: (e) => (e.hasInvoice ? '有' : '无') },
      { header: '状态', width: 8, value: (e) => EXPENSE_STATUS_LABELS[e.status].zh },
      { header: '登记人', width: 14, value: (e) => e.recordedByName },
      { header: '登记时间', width: 18, value: (e) => formatDateTime(e.recordedAt) },
      { header: '审核人', width: 14, value: (e) => e.reviewedByName },
      { header: '审核意见', width: 24, value: (e) => e.reviewNote },
    ],
  });
}
