// The public surface of the workbench module's web code: what the app shell and other modules' pages may use.
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const workbenchScreens = {
  WorkbenchPage: () => import('./workbench-page').then((m) => m.WorkbenchPage),
};

/** Its message table (the side menu names the module's pages with it). */
export { M as workbenchMessages } from './workbench.messages';
