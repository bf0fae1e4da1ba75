// The public surface of the audit module: checking the trail (the writer every module calls,
// recordAudit, is infrastructure in src/server/audit.ts).
export { auditHistory, verifyAuditChain } from './audit.query';

// Its routes, registered by src/server/modules.ts.
export { auditRoutes } from './audit.routes';
