import { ADMIN_ROLES, ROLES, type Role } from '../../shared/roles';

// Kept apart from the contract so the app shell (menu, router) can read them without zod.

/** Everyone with a role reads the plans of their subtree (and the 配档表 of the town they work in). */
export const PLAN_READER_ROLES: readonly Role[] = ROLES;
/** A centre's annual plan is kept by its centre manager and the admins above it. */
export const PLAN_KEEPER_ROLES: readonly Role[] = ['system_admin', 'county_admin', 'town_admin', 'centre_manager'];
/** A town's 配档表 is kept by the town office and the admins above it. */
export const SCHEDULE_KEEPER_ROLES: readonly Role[] = ADMIN_ROLES;
