// The public surface of the funding module's web code: what the app shell may use.
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const fundingScreens = {
  FundingPage: () => import('./funding-page').then((m) => m.FundingPage),
  ExpensesPage: () => import('./expenses-page').then((m) => m.ExpensesPage),
};

/** Its message table (the side menu names the module's pages with it). */
export { M as fundingMessages } from './funding.messages';
