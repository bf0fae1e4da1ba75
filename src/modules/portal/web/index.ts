// The public surface of the portal module's web code: what the app shell and other modules' pages may use.
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const portalScreens = {
  ResidentAccountsPage: () => import('./resident-accounts-page').then((m) => m.ResidentAccountsPage),
  PortalShell: () => import('./portal-shell').then((m) => m.PortalShell),
  PortalActivitiesPage: () => import('./portal-activities-page').then((m) => m.PortalActivitiesPage),
  PortalRecordPage: () => import('./portal-record-page').then((m) => m.PortalRecordPage),
  PortalCreditsPage: () => import('./portal-credits-page').then((m) => m.PortalCreditsPage),
  PortalMePage: () => import('./portal-me-page').then((m) => m.PortalMePage),
};
