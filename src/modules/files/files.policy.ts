import { holdsRoleOver, type Actor } from '../../shared/actor';
import { ROLES, type Role } from '../../shared/roles';
import type { FilePurpose } from './files.contract';

type NodeRef = { path: string };

/** A file is read by anyone with a role over the node it belongs to. */
export const canReadFile = (actor: Actor, node: NodeRef) => holdsRoleOver(actor, ROLES, node.path);

/**
 * Who may upload for one purpose: the module that owns the thing the file is for says so (its
 * own rule, registered from its `index.ts`), since files sits below courses, activities and
 * sign-in and may not ask them. `roles`: everyone who may upload for it somewhere (the upload
 * route's coarse gate); `canUpload`: whether the actor may at this node.
 */
export type UploadRule = {
  roles: readonly Role[];
  canUpload: (actor: Actor, node: NodeRef) => boolean;
};

const uploadRules = new Map<FilePurpose, UploadRule>();
const uploaderRoles: Role[] = [];

/**
 * Everyone who may upload something somewhere: the union of the registered purposes' roles
 * (filled as they register, before the app serves anything). Read-only roles (leader,
 * inspector) and teachers never upload.
 */
export const UPLOADER_ROLES: readonly Role[] = uploaderRoles;

/** Declares who may upload for `purpose` (once per purpose, from the owning module's index.ts). */
export function registerUploadPurpose(purpose: FilePurpose, rule: UploadRule): void {
  uploadRules.set(purpose, rule);
  for (const role of rule.roles) if (!uploaderRoles.includes(role)) uploaderRoles.push(role);
}

/** Whether the actor may upload a file for `purpose` at the node; an unregistered purpose: nobody. */
export const canUploadFor = (actor: Actor, purpose: FilePurpose, node: NodeRef) =>
  uploadRules.get(purpose)?.canUpload(actor, node) ?? false;
