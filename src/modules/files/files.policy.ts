import { holdsRoleOver, type Actor } from '../../shared/actor';
import { ROLES } from '../../shared/roles';

type NodeRef = { path: string };

/** A file is read by anyone with a role over the node it belongs to. */
export const canReadFile = (actor: Actor, node: NodeRef) => holdsRoleOver(actor, ROLES, node.path);

/** Anyone working over a node may attach files to it (the thing they attach to checks more). */
export const canUploadTo = (actor: Actor, node: NodeRef) => holdsRoleOver(actor, ROLES, node.path);
