// The public surface of the audit module's web code: what the app shell and other modules' pages may use.
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const auditScreens = {
  AuditPage: () => import('./audit-page').then((m) => m.AuditPage),
};
