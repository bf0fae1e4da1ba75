import { holdsRoleOver, type Actor } from '../../shared/actor';
import { ADMIN_ROLES, ROLES, type Role } from '../../shared/roles';

// The role lists of the module live here, beside the rules that use them; this file imports
// only src/shared, so the app shell (menu, router) and the contract read it without zod.

/** Everyone with a role reads the plans of their subtree (and the 配档表 of the town they work in). */
export const PLAN_READER_ROLES: readonly Role[] = ROLES;
/** A centre's annual plan is kept by its centre manager and the admins above it. */
export const PLAN_KEEPER_ROLES: readonly Role[] = ['system_admin', 'county_admin', 'town_admin', 'centre_manager'];
/** A town's 配档表 is kept by the town office and the admins above it. */
export const SCHEDULE_KEEPER_ROLES: readonly Role[] = ADMIN_ROLES;

type NodeRef = { path: string };

/** A centre's plan is read by anyone with a role over the centre. */
export const canReadPlan = (actor: Actor, centre: NodeRef) => holdsRoleOver(actor, ROLES, centre.path);
export const canKeepPlan = (actor: Actor, centre: NodeRef) => holdsRoleOver(actor, PLAN_KEEPER_ROLES, centre.path);

/** A town's 配档表 is read over the town, and by everyone working under it (centres follow it). */
export const canReadSchedule = (actor: Actor, town: NodeRef) =>
  holdsRoleOver(actor, ROLES, town.path) || actor.scopes.some((s) => s.path.startsWith(town.path));
export const canKeepSchedule = (actor: Actor, town: NodeRef) => holdsRoleOver(actor, SCHEDULE_KEEPER_ROLES, town.path);
