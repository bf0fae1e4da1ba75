// The public surface of the credits module's web code: what the app shell and other modules' pages may use.
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const creditsScreens = {
  CreditsPage: () => import('./credits-page').then((m) => m.CreditsPage),
  LearningRecordPage: () => import('./learning-record-page').then((m) => m.LearningRecordPage),
};

/** Its message table (the side menu names the module's pages with it). */
export { M as creditsMessages } from './credits.messages';
