import { holdsRoleOver, type Actor } from '../../shared/actor';
import { RESIDENT_ROLES, ROLES, type Role } from '../../shared/roles';

type NodeRef = { path: string };

/** Who imports and exports the roster: those who keep it (the page and its menu entry use this). */
export const IMPORT_ROLES: readonly Role[] = RESIDENT_ROLES;

/** Anyone with a role over the node may know it exists (otherwise: not found). */
export const canSeeNode = (actor: Actor, node: NodeRef) => holdsRoleOver(actor, ROLES, node.path);

/** Those who keep the roster of a node import into it, read its import jobs and export it. */
export const canImportInto = (actor: Actor, node: NodeRef) => holdsRoleOver(actor, IMPORT_ROLES, node.path);
