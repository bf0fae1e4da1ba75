// The public surface of the courses module's web code: what the app shell and other modules' pages may use.
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const coursesScreens = {
  CoursesPage: () => import('./courses-page').then((m) => m.CoursesPage),
  ThemesPage: () => import('./themes-page').then((m) => m.ThemesPage),
};

/** Its message table (the side menu names the module's pages with it). */
export { M as coursesMessages } from './courses.messages';

// The rich-text box and the attachments list, shared with the awards' nomination form.
export { MaterialUpload } from './material-upload';
export { RichTextEditor } from './rich-text-editor';
