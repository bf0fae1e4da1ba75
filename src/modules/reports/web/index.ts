// The public surface of the reports module's web code: what the app shell and other modules' pages may use.
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const reportsScreens = {
  ReportsPage: () => import('./reports-page').then((m) => m.ReportsPage),
};

/** Its message table (the side menu names the module's pages with it). */
export { M as reportsMessages } from './reports.messages';
