import { holdsRoleOver, type Actor } from '../../shared/actor';
import { ROLES, type Role } from '../../shared/roles';
import { canKeepActivity } from '../activities/activities.policy';
import { ACTIVITY_KEEPER_ROLES } from '../activities/activities.policy';
import { COURSE_EDITOR_ROLES } from '../courses/courses.roles';
import { canRunSignIn, SIGNIN_STAFF_ROLES } from '../signin/signin.policy';
import type { FilePurpose } from './files.contract';

type NodeRef = { path: string };

/** A file is read by anyone with a role over the node it belongs to. */
export const canReadFile = (actor: Actor, node: NodeRef) => holdsRoleOver(actor, ROLES, node.path);

/**
 * A file is uploaded only by someone who may write the thing it is for, at that node — the
 * owning module's rule; read-only roles (leader, inspector) and teachers never upload.
 */
const UPLOAD_RULES: Record<FilePurpose, (actor: Actor, node: NodeRef) => boolean> = {
  course_material: (actor, node) => holdsRoleOver(actor, COURSE_EDITOR_ROLES, node.path),
  activity_photo: canKeepActivity,
  signin_sheet: canRunSignIn,
};

export const canUploadFor = (actor: Actor, purpose: FilePurpose, node: NodeRef) => UPLOAD_RULES[purpose](actor, node);

/** Everyone who may upload something somewhere: the upload route's coarse gate. */
export const UPLOADER_ROLES: readonly Role[] = [
  ...new Set([...COURSE_EDITOR_ROLES, ...ACTIVITY_KEEPER_ROLES, ...SIGNIN_STAFF_ROLES]),
];
