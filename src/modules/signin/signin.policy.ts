import { holdsRoleOver, type Actor } from '../../shared/actor';
import { RESIDENT_ROLES, ROLES, type Role } from '../../shared/roles';

// The role lists of the module live here, beside the rules that use them; this file imports
// only src/shared, so the app shell (menu, router) and the contract read it without zod.

/** Who runs sign-in at a centre: the keepers of its residents (they match people to the roster). */
export const SIGNIN_STAFF_ROLES: readonly Role[] = RESIDENT_ROLES;
/** Who reads an activity's attendance: the staff above, and inspectors and leaders over it. */
export const ATTENDANCE_READER_ROLES: readonly Role[] = [...RESIDENT_ROLES, 'inspector', 'leader'];

type NodeRef = { path: string };

/** Staff over the activity's centre show its QR code, sign people in, confirm and reject. */
export const canRunSignIn = (actor: Actor, centre: NodeRef) => holdsRoleOver(actor, SIGNIN_STAFF_ROLES, centre.path);
export const canReadAttendance = (actor: Actor, centre: NodeRef) =>
  holdsRoleOver(actor, ATTENDANCE_READER_ROLES, centre.path);

/** County admins set their county's sign-in window. */
export const SIGNIN_RULE_EDITOR_ROLES: readonly Role[] = ['system_admin', 'county_admin'];
/** Everyone working in a county reads its sign-in window (the QR screen and the desk show it). */
export const canReadSignInRules = (actor: Actor, county: NodeRef) =>
  holdsRoleOver(actor, ROLES, county.path) || actor.scopes.some((s) => s.path.startsWith(county.path));
export const canEditSignInRules = (actor: Actor, county: NodeRef) =>
  holdsRoleOver(actor, SIGNIN_RULE_EDITOR_ROLES, county.path);
