// The public surface of the funding module's web code: what the app shell may use.
import type { Msg } from '../../../web/i18n/i18n';
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const fundingScreens = {
  FundingPage: () => import('./funding-page').then((m) => m.FundingPage),
  ExpensesPage: () => import('./expenses-page').then((m) => m.ExpensesPage),
};

/** The side menu's names for this module's pages (not its whole message table: the menu is on every page). */
export const fundingMenu = { menu: ['经费管理', 'Funding'] } satisfies Record<string, Msg>;
