import { holdsRoleOver, reachOf, type Actor } from '../../shared/actor';
import { ID_REVEAL_ROLES, PHONE_REVEAL_ROLES, RESIDENT_ROLES, SENSITIVE_ROLES, type Role } from '../../shared/roles';

type NodeRef = { path: string };

// The role lists of the module live here, beside the rules that use them; this file imports
// only src/shared, so the app shell (menu, router) and the contract read it without zod.

/** Who reads the resident counts and the tag list (never names): resident keepers and leaders. */
export const RESIDENT_STATS_ROLES: readonly Role[] = [...RESIDENT_ROLES, 'leader'];
/** Who keeps a county's tag list. */
export const TAG_ADMIN_ROLES: readonly Role[] = ['system_admin', 'county_admin'];

/** Resident keepers read and edit the residents of their subtree. */
export const canReadResident = (actor: Actor, node: NodeRef) => holdsRoleOver(actor, RESIDENT_ROLES, node.path);
export const canUpdateResident = canReadResident;

/** Special-group membership and children under 14 are shown only with the sensitive right. */
export const canSeeSensitive = (actor: Actor, node: NodeRef) => holdsRoleOver(actor, SENSITIVE_ROLES, node.path);

export const canRevealId = (actor: Actor, node: NodeRef) => holdsRoleOver(actor, ID_REVEAL_ROLES, node.path);
export const canRevealPhone = (actor: Actor, node: NodeRef) => holdsRoleOver(actor, PHONE_REVEAL_ROLES, node.path);

/** Statistics of a node: counts for resident keepers and leaders over it. */
export const canReadStats = (actor: Actor, node: NodeRef) => holdsRoleOver(actor, RESIDENT_STATS_ROLES, node.path);

/** A county's tag list is read by anyone who keeps or counts residents somewhere in it. */
export const canReadTagDefs = (actor: Actor, county: NodeRef) =>
  actor.scopes.some(
    (s) =>
      RESIDENT_STATS_ROLES.includes(s.role) &&
      (reachOf(s).startsWith(county.path) || county.path.startsWith(reachOf(s))),
  );

/** Only county admins (and system admins) change the tag list. */
export const canManageTagDefs = (actor: Actor, county: NodeRef) => holdsRoleOver(actor, TAG_ADMIN_ROLES, county.path);
