// The public surface of the imports module's web code: what the app shell and other modules' pages may use.
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const importsScreens = {
  ImportPage: () => import('./import-page').then((m) => m.ImportPage),
};

/** Its message table (the side menu names the module's pages with it). */
export { M as importsMessages } from './imports.messages';
