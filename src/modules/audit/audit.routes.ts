import { route, staffCtx, type RouteApp } from '../../server/route';
import { sendListExport } from '../../server/xlsx-export';
import { auditApi } from './audit.contract';
import { auditExport } from './audit.export';
import { assertCanVerify, findAudit, verifyAuditChain } from './audit.query';

export const auditRoutes = async (app: RouteApp) => {
  const ctx = staffCtx(app);
  route(app, auditApi.list, (req) => findAudit({ db: app.database.db, actor: req.actor!, query: req.query }));
  route(app, auditApi.export, (req, reply) => sendListExport(reply, ctx(req), auditExport(ctx(req), req.query)));
  route(app, auditApi.verify, (req) => {
    assertCanVerify(req.actor!);
    return verifyAuditChain((sql) => app.database.query(sql));
  });
};
