import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUDIT_READER_ROLES } from '../../shared/roles';
import { ZAuditPage, ZAuditQuery, ZAuditVerify } from './audit.contract';
import { assertCanVerify, findAudit, verifyAuditChain } from './audit.query';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['audit'];
  app.get(
    '/api/audit',
    {
      config: { policy: { roles: AUDIT_READER_ROLES } },
      schema: {
        tags,
        summary: 'The audit trail of my subtree, newest first',
        querystring: ZAuditQuery,
        response: { 200: ZAuditPage },
      },
    },
    async (req) => findAudit({ db: app.database.db, actor: req.actor!, query: req.query }),
  );

  app.get(
    '/api/audit/verify',
    {
      config: { policy: { roles: ['system_admin'] } },
      schema: { tags, summary: 'Check the hash chain of the whole trail', response: { 200: ZAuditVerify } },
    },
    async (req) => {
      assertCanVerify(req.actor!);
      return verifyAuditChain((sql) => app.database.query(sql));
    },
  );
};
