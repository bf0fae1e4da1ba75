import { holdsRoleOver, type Actor } from '../../shared/actor';
import { ROLES } from '../../shared/roles';
import { ACTIVITY_KEEPER_ROLES, ACTIVITY_RULE_ROLES } from './activities.roles';

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
