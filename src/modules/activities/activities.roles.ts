import { ROLES, type Role } from '../../shared/roles';

// Kept apart from the contract so the app shell (menu, router) can read them without zod.

/** Everyone with a role reads the activities of their subtree (teachers, inspectors, leaders too). */
export const ACTIVITY_READER_ROLES: readonly Role[] = ROLES;
/** Who creates and runs activities, books venues and equipment, keeps records and plans. */
export const ACTIVITY_KEEPER_ROLES: readonly Role[] = ['system_admin', 'county_admin', 'town_admin', 'centre_manager'];
/** Who sets a county's booking notice (days ahead). */
export const ACTIVITY_RULE_ROLES: readonly Role[] = ['system_admin', 'county_admin'];
