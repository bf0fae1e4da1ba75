// The public surface of the signin module's web code: what the app shell and other modules' pages may use.
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const signinScreens = {
  SignInDeskPage: () => import('./sign-in-desk-page').then((m) => m.SignInDeskPage),
  AttendancePage: () => import('./attendance-page').then((m) => m.AttendancePage),
  QrScreenPage: () => import('./qr-screen-page').then((m) => m.QrScreenPage),
  SheetPrintPage: () => import('./sheet-print-page').then((m) => m.SheetPrintPage),
};

/** Its message table (the side menu names the module's pages with it). */
export { M as signinMessages } from './signin.messages';
