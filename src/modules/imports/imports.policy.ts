import { holdsRoleOver, type Actor } from '../../shared/actor';
import { ID_REVEAL_ROLES, PHONE_REVEAL_ROLES, RESIDENT_ROLES, ROLES, SENSITIVE_ROLES } from '../../shared/roles';

type NodeRef = { path: string };

/** Anyone with a role over the node may know it exists (otherwise: not found). */
export const canSeeNode = (actor: Actor, node: NodeRef) => holdsRoleOver(actor, ROLES, node.path);

/** Those who keep the roster of a node import into it, read its import jobs and export it. */
export const canImportInto = (actor: Actor, node: NodeRef) => holdsRoleOver(actor, RESIDENT_ROLES, node.path);

/** Full ID numbers and phones in an export only for those who may reveal them there. */
export const canSeeFullId = (actor: Actor, node: NodeRef) => holdsRoleOver(actor, ID_REVEAL_ROLES, node.path);
export const canSeeFullPhone = (actor: Actor, node: NodeRef) => holdsRoleOver(actor, PHONE_REVEAL_ROLES, node.path);

/** Special-group tags and children under 14 only for those with the right over the node. */
export const canSeeSensitive = (actor: Actor, node: NodeRef) => holdsRoleOver(actor, SENSITIVE_ROLES, node.path);
