// The public surface of the portal module's web code: what the app shell and other modules' pages may use.
// The resident's phone pages (/m) are not here: they are their own entry, phone.html (phone-main.tsx).
/** This module's staff screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const portalScreens = {
  ResidentAccountsPage: () => import('./resident-accounts-page').then((m) => m.ResidentAccountsPage),
};
