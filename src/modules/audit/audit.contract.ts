import { z } from 'zod';
import { defineEndpoints, WITHOUT_PAGING, XLSX } from '../../shared/endpoint';
import { ZPageQuery, zPage } from '../../shared/pagination';
import { zId, zSearch } from '../../shared/schemas';
import { AUDIT_READER_ROLES, AUDIT_VERIFIER_ROLES } from './audit.policy';

export const ZAuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  nodeId: z.string().nullable(),
  nodeName: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()).nullable(),
  outcome: z.enum(['ok', 'denied', 'failed']),
  ip: z.string().nullable(),
});
export type AuditEntryOut = z.infer<typeof ZAuditEntry>;
export const ZAuditPage = zPage(ZAuditEntry);

export const ZAuditQuery = ZPageQuery.extend({
  nodeId: zId.optional().describe('Only what happened in this node’s subtree'),
  actorId: zId.optional(),
  action: zSearch(64).describe('Action prefix, e.g. "org." or "auth.login"'),
  outcome: z.enum(['ok', 'denied', 'failed']).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type AuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditVerify = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  brokenAt: z.number().int().nullable(),
});
export type AuditVerify = z.infer<typeof ZAuditVerify>;

export const auditApi = defineEndpoints('audit', {
  list: {
    method: 'GET',
    path: '/api/audit',
    summary: 'The audit trail of my subtree, newest first',
    policy: { roles: AUDIT_READER_ROLES },
    query: ZAuditQuery,
    responses: { 200: ZAuditPage },
  },
  export: {
    method: 'GET',
    path: '/api/audit/export.xlsx',
    summary: 'The audit trail as .xlsx with the list’s filters, newest first (streamed); audited itself',
    policy: { roles: AUDIT_READER_ROLES },
    query: ZAuditQuery.omit(WITHOUT_PAGING),
    produces: XLSX,
  },
  verify: {
    method: 'GET',
    path: '/api/audit/verify',
    summary: 'Check the hash chain of the whole trail',
    policy: { roles: AUDIT_VERIFIER_ROLES },
    responses: { 200: ZAuditVerify },
  },
});
