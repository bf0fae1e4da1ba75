// The public surface of the indicators module's web code: what the app shell and other modules' pages may use.
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const indicatorsScreens = {
  IndicatorsPage: () => import('./indicators-page').then((m) => m.IndicatorsPage),
  RecordsPage: () => import('./records-page').then((m) => m.RecordsPage),
  DashboardsPage: () => import('./dashboards-page').then((m) => m.DashboardsPage),
};

/** Its message table (the side menu names the module's pages with it). */
export { M as indicatorsMessages } from './indicators.messages';
