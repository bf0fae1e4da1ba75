// The public surface of the awards module's web code: what the app shell may use.
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const awardsScreens = {
  SelectionsPage: () => import('./selections-page').then((m) => m.SelectionsPage),
  NominationsPage: () => import('./nominations-page').then((m) => m.NominationsPage),
  ResultsPrintPage: () => import('./results-print-page').then((m) => m.ResultsPrintPage),
  CertificatePrintPage: () => import('./certificate-print-page').then((m) => m.CertificatePrintPage),
  /** The residents' honour rolls, for the phone pages (/m/awards). */
  WinnersPage: () => import('./winners-page').then((m) => m.WinnersPage),
};

/** Its message table (the side menu names the module's pages with it). */
export { M as awardsMessages } from './awards.messages';
