import { holdsRoleOver, type Actor } from '../../shared/actor';
import { ROLES, type Role } from '../../shared/roles';

// The role lists of the module live here, beside the rules that use them; this file imports
// only src/shared, so the app shell (menu, router) and the contract read it without zod.

/** Everyone with a role reads the indicators of the nodes in their subtree (a leader: numbers only). */
export const INDICATOR_READER_ROLES: readonly Role[] = ROLES;
/** The county sets its targets (thresholds) per year. */
export const TARGET_KEEPER_ROLES: readonly Role[] = ['system_admin', 'county_admin'];

type NodeRef = { path: string };

export const canReadIndicators = (actor: Actor, node: NodeRef) =>
  holdsRoleOver(actor, INDICATOR_READER_ROLES, node.path);
/** A county's targets are read by everyone working in the county (their nodes are judged by them). */
export const canReadTargets = (actor: Actor, county: NodeRef) =>
  holdsRoleOver(actor, INDICATOR_READER_ROLES, county.path) || actor.scopes.some((s) => s.path.startsWith(county.path));
export const canSetTargets = (actor: Actor, county: NodeRef) => holdsRoleOver(actor, TARGET_KEEPER_ROLES, county.path);
