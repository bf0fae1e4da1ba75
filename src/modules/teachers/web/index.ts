// The public surface of the teachers module's web code: what the app shell and other modules' pages may use.
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const teachersScreens = {
  TeachersPage: () => import('./teachers-page').then((m) => m.TeachersPage),
  VolunteerPage: () => import('./volunteer-page').then((m) => m.VolunteerPage),
  StaffingPage: () => import('./staffing-page').then((m) => m.StaffingPage),
  ServiceRecordPage: () => import('./service-record-page').then((m) => m.ServiceRecordPage),
};

/** Its message table (the side menu names the module's pages with it). */
export { M as teachersMessages } from './teachers.messages';
