import { holdsRoleOver, type Actor } from '../../shared/actor';
import { ROLES, type Role } from '../../shared/roles';

// The role lists of the module live here, beside the rules that use them; this file imports
// only src/shared, so the app shell (menu, router) and the contract read it without zod.

/** Everyone with a role reads the activities of their subtree (teachers, inspectors, leaders too). */
export const ACTIVITY_READER_ROLES: readonly Role[] = ROLES;
/** Who creates and runs activities, books venues and equipment, keeps records and plans. */
export const ACTIVITY_KEEPER_ROLES: readonly Role[] = ['system_admin', 'county_admin', 'town_admin', 'centre_manager'];
/** Who sets a county's booking notice (days ahead). */
export const ACTIVITY_RULE_ROLES: readonly Role[] = ['system_admin', 'county_admin'];

type NodeRef = { path: string };

/** An activity is read by anyone with a role over its centre. */
export const canReadActivity = (actor: Actor, centre: NodeRef) => holdsRoleOver(actor, ROLES, centre.path);

/** It is run (created, edited, opened, closed, cancelled, recorded) by the keepers over its centre. */
export const canKeepActivity = (actor: Actor, centre: NodeRef) =>
  holdsRoleOver(actor, ACTIVITY_KEEPER_ROLES, centre.path);

/** Venues and equipment of a town or centre are kept by the keepers over that node. */
export const canKeepVenue = (actor: Actor, node: NodeRef) => holdsRoleOver(actor, ACTIVITY_KEEPER_ROLES, node.path);

/** A centre books its own venues and equipment and those of the nodes above it (its town's). */
export const canBookAt = (centre: NodeRef, owner: NodeRef) => centre.path.startsWith(owner.path);

/** A county's booking notice is set by its county admins. */
export const canSetRules = (actor: Actor, county: NodeRef) => holdsRoleOver(actor, ACTIVITY_RULE_ROLES, county.path);
