// The public surface of the people module's web code: what the app shell and other modules' pages may use.
import type { Msg } from '../../../web/i18n/i18n';
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const peopleScreens = {
  ResidentsPage: () => import('./residents-page').then((m) => m.ResidentsPage),
  HouseholdPage: () => import('./household-page').then((m) => m.HouseholdPage),
  ResidentTagsPage: () => import('./resident-tags-page').then((m) => m.ResidentTagsPage),
};

/** The side menu's names for this module's pages (not its whole message table: the menu is on every page). */
export const peopleMenu = { menu: ['居民', 'Residents'] } satisfies Record<string, Msg>;
