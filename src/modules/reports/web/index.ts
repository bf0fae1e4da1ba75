// The public surface of the reports module's web code: what the app shell and other modules' pages may use.
import type { Msg } from '../../../web/i18n/i18n';
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const reportsScreens = {
  ReportsPage: () => import('./reports-page').then((m) => m.ReportsPage),
};

/** The side menu's names for this module's pages (not its whole message table: the menu is on every page). */
export const reportsMenu = { menu: ['月报', 'Monthly reports'] } satisfies Record<string, Msg>;
