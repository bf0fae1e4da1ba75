import { holdsRoleOver, type Actor } from '../../shared/actor';
import { RESIDENT_ROLES, type Role } from '../../shared/roles';

type NodeRef = { path: string };

/** Who runs sign-in at a centre: the keepers of its residents (they match people to the roster). */
export const SIGNIN_STAFF_ROLES: readonly Role[] = RESIDENT_ROLES;
/** Who reads an activity's attendance: the staff above, and inspectors and leaders over it. */
export const ATTENDANCE_READER_ROLES: readonly Role[] = [...RESIDENT_ROLES, 'inspector', 'leader'];

/** Staff over the activity's centre show its QR code, sign people in, confirm and reject. */
export const canRunSignIn = (actor: Actor, centre: NodeRef) => holdsRoleOver(actor, SIGNIN_STAFF_ROLES, centre.path);
export const canReadAttendance = (actor: Actor, centre: NodeRef) => holdsRoleOver(actor, ATTENDANCE_READER_ROLES, centre.path);

/** Staff over the resident's village or community issue the resident's activation code. */
export const canManageResidentAccount = (actor: Actor, residentNode: NodeRef) => holdsRoleOver(actor, RESIDENT_ROLES, residentNode.path);
