import { holdsRoleOver, type Actor } from '../../shared/actor';
import { RESIDENT_ROLES, ROLES, type Role } from '../../shared/roles';
import { ATTENDANCE_READER_ROLES, SIGNIN_STAFF_ROLES } from './signin.contract';

export { ATTENDANCE_READER_ROLES, SIGNIN_STAFF_ROLES };

type NodeRef = { path: string };

/** Staff over the activity's centre show its QR code, sign people in, confirm and reject. */
export const canRunSignIn = (actor: Actor, centre: NodeRef) => holdsRoleOver(actor, SIGNIN_STAFF_ROLES, centre.path);
export const canReadAttendance = (actor: Actor, centre: NodeRef) =>
  holdsRoleOver(actor, ATTENDANCE_READER_ROLES, centre.path);

/** Staff over the resident's village or community issue the resident's activation code. */
export const canManageResidentAccount = (actor: Actor, residentNode: NodeRef) =>
  holdsRoleOver(actor, RESIDENT_ROLES, residentNode.path);

/** County admins set their county's sign-in window. */
export const SIGNIN_RULE_EDITOR_ROLES: readonly Role[] = ['system_admin', 'county_admin'];
/** Everyone working in a county reads its sign-in window (the QR screen and the desk show it). */
export const canReadSignInRules = (actor: Actor, county: NodeRef) =>
  holdsRoleOver(actor, ROLES, county.path) || actor.scopes.some((s) => s.path.startsWith(county.path));
export const canEditSignInRules = (actor: Actor, county: NodeRef) =>
  holdsRoleOver(actor, SIGNIN_RULE_EDITOR_ROLES, county.path);
