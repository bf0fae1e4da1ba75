import { route, type RouteApp } from '../../server/route';
import { auditApi } from './audit.contract';
import { assertCanVerify, findAudit, verifyAuditChain } from './audit.query';

export const auditRoutes = async (app: RouteApp) => {
  route(app, auditApi.list, (req) => findAudit({ db: app.database.db, actor: req.actor!, query: req.query }));
  route(app, auditApi.verify, (req) => {
    assertCanVerify(req.actor!);
    return verifyAuditChain((sql) => app.database.query(sql));
  });
};
