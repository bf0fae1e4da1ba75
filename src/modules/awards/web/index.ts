// The public surface of the awards module's web code: what the app shell may use.
import type { Msg } from '../../../web/i18n/i18n';
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const awardsScreens = {
  SelectionsPage: () => import('./selections-page').then((m) => m.SelectionsPage),
  NominationsPage: () => import('./nominations-page').then((m) => m.NominationsPage),
  ResultsPrintPage: () => import('./results-print-page').then((m) => m.ResultsPrintPage),
  CertificatePrintPage: () => import('./certificate-print-page').then((m) => m.CertificatePrintPage),
};

/** The side menu's names for this module's pages (not its whole message table: the menu is on every page). */
export const awardsMenu = { menu: ['评选表彰', 'Awards'] } satisfies Record<string, Msg>;
