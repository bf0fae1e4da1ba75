import { holdsRoleOver, type Actor } from '../../shared/actor';
import { RESIDENT_ROLES, ROLES } from '../../shared/roles';

type NodeRef = { path: string };

/** Anyone with a role over the node may know it exists (otherwise: not found). */
export const canSeeNode = (actor: Actor, node: NodeRef) => holdsRoleOver(actor, ROLES, node.path);

/** Those who keep the roster of a node import into it, read its import jobs and export it. */
export const canImportInto = (actor: Actor, node: NodeRef) => holdsRoleOver(actor, RESIDENT_ROLES, node.path);

/**
 * Full ID numbers and phones in an export only for those who may reveal them there; special
 * groups and children under 14 only with the sensitive right: the residents' own rules.
 */
export {
  canRevealId as canSeeFullId,
  canRevealPhone as canSeeFullPhone,
  canSeeSensitive,
} from '../people/people.policy';
