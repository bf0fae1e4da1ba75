// The public surface of the teachers module's web code: what the app shell and other modules' pages may use.
import type { Msg } from '../../../web/i18n/i18n';
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const teachersScreens = {
  TeachersPage: () => import('./teachers-page').then((m) => m.TeachersPage),
  VolunteerPage: () => import('./volunteer-page').then((m) => m.VolunteerPage),
  StaffingPage: () => import('./staffing-page').then((m) => m.StaffingPage),
  ServiceRecordPage: () => import('./service-record-page').then((m) => m.ServiceRecordPage),
};

/** The side menu's names for this module's pages (not its whole message table: the menu is on every page). */
export const teachersMenu = {
  menuTeachers: ['师资库', 'Teacher bank'],
  menuVolunteer: ['志愿服务', 'Volunteering'],
} satisfies Record<string, Msg>;
