// The public surface of the activities module's web code: what the app shell and other modules' pages may use.
import type { Msg } from '../../../web/i18n/i18n';
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const activitiesScreens = {
  ActivitiesPage: () => import('./activities-page').then((m) => m.ActivitiesPage),
  VenuesPage: () => import('./venues-page').then((m) => m.VenuesPage),
};

/** The side menu's names for this module's pages (not its whole message table: the menu is on every page). */
export const activitiesMenu = { menu: ['活动', 'Activities'] } satisfies Record<string, Msg>;
