// The public surface of the activities module's web code: what the app shell and other modules' pages may use.
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const activitiesScreens = {
  ActivitiesPage: () => import('./activities-page').then((m) => m.ActivitiesPage),
  VenuesPage: () => import('./venues-page').then((m) => m.VenuesPage),
};

/** Its message table (the side menu names the module's pages with it). */
export { M as activitiesMessages } from './activities.messages';
