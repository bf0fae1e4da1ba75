// The public surface of the plans module's web code: what the app shell and other modules' pages may use.
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const plansScreens = {
  PlansPage: () => import('./plans-page').then((m) => m.PlansPage),
  SchedulePrintPage: () => import('./schedule-print-page').then((m) => m.SchedulePrintPage),
};

/** Its message table (the side menu names the module's pages with it). */
export { M as plansMessages } from './plans.messages';
