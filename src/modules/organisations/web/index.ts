// The public surface of the organisations module's web code: what the app shell and other modules' pages may use.
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const organisationsScreens = {
  OrgPage: () => import('./org-page').then((m) => m.OrgPage),
};
