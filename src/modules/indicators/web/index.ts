// The public surface of the indicators module's web code: what the app shell and other modules' pages may use.
import type { Msg } from '../../../web/i18n/i18n';
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const indicatorsScreens = {
  IndicatorsPage: () => import('./indicators-page').then((m) => m.IndicatorsPage),
  RecordsPage: () => import('./records-page').then((m) => m.RecordsPage),
  DashboardsPage: () => import('./dashboards-page').then((m) => m.DashboardsPage),
};

/** The side menu's names for this module's pages (not its whole message table: the menu is on every page). */
export const indicatorsMenu = {
  menu: ['指标统计', 'Indicators'],
  dashMenu: ['数据看板', 'Dashboards'],
} satisfies Record<string, Msg>;
