import { TEACHER_BANK_ROLES, type Role } from '../../shared/roles';

// Kept apart from the contract so the app shell (menu, router) can read them without zod.

/** Roles that may open the teacher bank at all (the bank read rule still decides per bank). */
export const TEACHER_READER_ROLES: readonly Role[] = [...TEACHER_BANK_ROLES, 'dept_coordinator', 'inspector', 'leader'];
/** Roles that see the staffing-norm page (each for the centres in their reach). */
export const STAFFING_READER_ROLES: readonly Role[] = [...TEACHER_BANK_ROLES, 'inspector', 'leader'];
/** Who sets a county's staffing norm. */
export const NORM_ROLES: readonly Role[] = ['system_admin', 'county_admin'];
