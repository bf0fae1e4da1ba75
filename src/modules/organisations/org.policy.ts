import { holdsRoleOver, hasAnyRole, type Actor } from '../../shared/actor';
import { ADMIN_ROLES, ROLES } from '../../shared/roles';

type NodeRef = { path: string };

/** Anyone with any role on the node or above it may read it. */
export const canReadNode = (actor: Actor, node: NodeRef) => holdsRoleOver(actor, ROLES, node.path);

/** Admins edit nodes in their subtree; a centre manager edits their own centre and its units. */
export const canUpdateNode = (actor: Actor, node: NodeRef) =>
  holdsRoleOver(actor, [...ADMIN_ROLES, 'centre_manager'], node.path);

/** Creating, deleting or moving a node is an admin's act over its parent. Counties: system admins. */
export const canManageChildrenOf = (actor: Actor, parent: NodeRef | null) =>
  parent === null ? hasAnyRole(actor, ['system_admin']) : holdsRoleOver(actor, ADMIN_ROLES, parent.path);

/** A move needs the right over both the old and the new parent. */
export const canMoveNode = (actor: Actor, oldParent: NodeRef | null, newParent: NodeRef) =>
  canManageChildrenOf(actor, oldParent) && canManageChildrenOf(actor, newParent);
