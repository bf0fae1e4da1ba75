// The public surface of the imports module's web code: what the app shell and other modules' pages may use.
import type { Msg } from '../../../web/i18n/i18n';
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const importsScreens = {
  ImportPage: () => import('./import-page').then((m) => m.ImportPage),
};

/** The side menu's names for this module's pages (not its whole message table: the menu is on every page). */
export const importsMenu = { menu: ['名册导入导出', 'Roster import/export'] } satisfies Record<string, Msg>;
