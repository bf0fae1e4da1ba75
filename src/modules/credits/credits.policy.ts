import { holdsRoleOver, reachOf, type Actor } from '../../shared/actor';
import { ADMIN_ROLES, RESIDENT_ROLES, type Role } from '../../shared/roles';

// The role lists of the module live here, beside the rules that use them; this file imports
// only src/shared, so the app shell (menu, router) and the contract read it without zod.

/** Who keeps residents' credit accounts (awards, reversals, counter redemptions): the resident keepers. */
export const CREDIT_STAFF_ROLES: readonly Role[] = RESIDENT_ROLES;
/** Who sets a county's credit rules. */
export const RULE_ROLES: readonly Role[] = ['system_admin', 'county_admin'];
/** Who keeps a reward catalogue: county admins for county rewards, town admins for their town's. */
export const REWARD_ROLES: readonly Role[] = ADMIN_ROLES;

type NodeRef = { path: string };

/** A resident's credit account is kept (read, award, reverse, redeem at the counter) by the keepers of their village. */
export const canKeepAccount = (actor: Actor, residentNode: NodeRef) =>
  holdsRoleOver(actor, CREDIT_STAFF_ROLES, residentNode.path);

/** A county's credit rules are read by anyone who works in the county, and set by its county admins. */
export const canReadRules = (actor: Actor, county: NodeRef) =>
  actor.scopes.some((s) => reachOf(s).startsWith(county.path) || county.path.startsWith(reachOf(s)));
export const canSetRules = (actor: Actor, county: NodeRef) => holdsRoleOver(actor, RULE_ROLES, county.path);

/** A reward is kept by the admins over the county or town that offers it. */
export const canKeepReward = (actor: Actor, offeredBy: NodeRef) => holdsRoleOver(actor, REWARD_ROLES, offeredBy.path);

/** Account keepers see the rewards offered over their part of the tree (to redeem them at the counter). */
export const canSeeReward = (actor: Actor, offeredBy: NodeRef) =>
  canKeepReward(actor, offeredBy) ||
  actor.scopes.some(
    (s) =>
      CREDIT_STAFF_ROLES.includes(s.role) &&
      (reachOf(s).startsWith(offeredBy.path) || offeredBy.path.startsWith(reachOf(s))),
  );

/** A reward is offered to the residents living under the node that offers it. */
export const isOfferedTo = (offeredBy: NodeRef, residentNode: NodeRef) => residentNode.path.startsWith(offeredBy.path);
