// The public surface of the workbench module's web code: what the app shell and other modules' pages may use.
import type { Msg } from '../../../web/i18n/i18n';
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const workbenchScreens = {
  WorkbenchPage: () => import('./workbench-page').then((m) => m.WorkbenchPage),
};

/** The side menu's names for this module's pages (not its whole message table: the menu is on every page). */
export const workbenchMenu = { menu: ['工作台', 'Workbench'] } satisfies Record<string, Msg>;
