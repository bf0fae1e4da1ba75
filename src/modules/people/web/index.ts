// The public surface of the people module's web code: what the app shell and other modules' pages may use.
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const peopleScreens = {
  ResidentsPage: () => import('./residents-page').then((m) => m.ResidentsPage),
  HouseholdPage: () => import('./household-page').then((m) => m.HouseholdPage),
  ResidentTagsPage: () => import('./resident-tags-page').then((m) => m.ResidentTagsPage),
};

/** Its message table (the side menu names the module's pages with it). */
export { M as peopleMessages } from './people.messages';
