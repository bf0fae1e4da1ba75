// The public surface of the settings module's web code: what the app shell and other modules' pages may use.
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const settingsScreens = {
  SettingsPage: () => import('./settings-page').then((m) => m.SettingsPage),
};
