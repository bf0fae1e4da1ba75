// The public surface of the plans module's web code: what the app shell and other modules' pages may use.
import type { Msg } from '../../../web/i18n/i18n';
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const plansScreens = {
  PlansPage: () => import('./plans-page').then((m) => m.PlansPage),
  SchedulePrintPage: () => import('./schedule-print-page').then((m) => m.SchedulePrintPage),
};

/** The side menu's names for this module's pages (not its whole message table: the menu is on every page). */
export const plansMenu = { menu: ['计划与配档', 'Plans'] } satisfies Record<string, Msg>;
