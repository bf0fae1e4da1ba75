import { holdsRoleOver, reachOf, type Actor } from '../../shared/actor';
import { CREDIT_STAFF_ROLES, REWARD_ROLES, RULE_ROLES } from './credits.contract';

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
