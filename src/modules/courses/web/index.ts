// The public surface of the courses module's web code: what the app shell and other modules' pages may use.
import type { Msg } from '../../../web/i18n/i18n';
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const coursesScreens = {
  CoursesPage: () => import('./courses-page').then((m) => m.CoursesPage),
  ThemesPage: () => import('./themes-page').then((m) => m.ThemesPage),
};

/** The side menu's names for this module's pages (not its whole message table: the menu is on every page). */
export const coursesMenu = { menu: ['课程', 'Courses'] } satisfies Record<string, Msg>;

// The rich-text box and the attachments list, shared with the awards' nomination form.
export { MaterialUpload } from './material-upload';
export { RichTextEditor } from './rich-text-editor';
