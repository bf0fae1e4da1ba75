// The public surface of the signin module's web code: what the app shell and other modules' pages may use.
import type { Msg } from '../../../web/i18n/i18n';
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const signinScreens = {
  SignInDeskPage: () => import('./sign-in-desk-page').then((m) => m.SignInDeskPage),
  AttendancePage: () => import('./attendance-page').then((m) => m.AttendancePage),
  QrScreenPage: () => import('./qr-screen-page').then((m) => m.QrScreenPage),
  SheetPrintPage: () => import('./sheet-print-page').then((m) => m.SheetPrintPage),
};

/** The side menu's names for this module's pages (not its whole message table: the menu is on every page). */
export const signinMenu = { menu: ['签到', 'Sign-in'] } satisfies Record<string, Msg>;
