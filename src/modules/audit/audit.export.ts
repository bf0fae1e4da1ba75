import { formatDateTime } from '../../shared/china-time';
import type { ListExport, ListFilters } from '../../server/xlsx-export';
import type { Ctx } from '../../server/types';
import type { AuditEntryOut, AuditQuery } from './audit.contract';
import { findAudit } from './audit.query';

const OUTCOME: Record<AuditEntryOut['outcome'], string> = { ok: '成功', denied: '拒绝', failed: '失败' };
/** A cell holds at most 32,767 characters; a summary is cut well before. */
const SUMMARY_MAX = 2000;

/** 审计日志: the trail as the reader's list shows it; pinned to the newest row of the first page. */
export function auditExport(ctx: Ctx, query: ListFilters<AuditQuery>): ListExport<AuditEntryOut> {
  let throughId: number | undefined;
  return {
    name: '审计日志',
    action: 'audit.export',
    entityType: 'audit_log',
    filters: query,
    nodeId: () => query.nodeId,
    readPage: async (page, pageSize) => {
      const list = await findAudit({ ...ctx, query: { ...query, page, pageSize, throughId } });
      throughId ??= list.items[0]?.id;
      return list;
    },
    columns: [
      { header: '编号', width: 10, value: (a) => a.id },
      { header: '时间', width: 18, value: (a) => formatDateTime(a.at) },
      { header: '操作人', width: 20, value: (a) => a.actorName },
      { header: '所属节点', width: 20, value: (a) => a.nodeName },
      { header: '操作', width: 24, value: (a) => a.action },
      { header: '对象类型', width: 14, value: (a) => a.entityType },
      { header: '对象编号', width: 20, value: (a) => a.entityId },
      { header: '结果', width: 8, value: (a) => OUTCOME[a.outcome] },
      { header: 'IP', width: 16, value: (a) => a.ip },
      { header: '摘要', width: 60, value: (a) => (a.summary ? JSON.stringify(a.summary).slice(0, SUMMARY_MAX) : '') },
    ],
  };
}
