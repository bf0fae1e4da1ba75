import { ADMIN_ROLES, type Role } from '../../shared/roles';

// Kept apart from the contract so the app shell (menu, router) can read them without zod.

/** Who edits a county's theme list and its review lead days. */
export const THEME_EDITOR_ROLES: readonly Role[] = ['system_admin', 'county_admin'];
/** Who creates, edits and submits courses of a node (the owning node's staff). */
export const COURSE_EDITOR_ROLES: readonly Role[] = [...ADMIN_ROLES, 'centre_manager', 'dept_coordinator'];
/** Who reviews the courses of a town (the town school / office) and flags featured courses. */
export const COURSE_REVIEWER_ROLES: readonly Role[] = ADMIN_ROLES;
