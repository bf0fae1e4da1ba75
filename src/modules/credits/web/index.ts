// The public surface of the credits module's web code: what the app shell and other modules' pages may use.
import type { Msg } from '../../../web/i18n/i18n';
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const creditsScreens = {
  CreditsPage: () => import('./credits-page').then((m) => m.CreditsPage),
  LearningRecordPage: () => import('./learning-record-page').then((m) => m.LearningRecordPage),
};

/** The side menu's names for this module's pages (not its whole message table: the menu is on every page). */
export const creditsMenu = { menu: ['学分银行', 'Credit bank'] } satisfies Record<string, Msg>;
