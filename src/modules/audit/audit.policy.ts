import { hasAnyRole, reachPaths, type Actor } from '../../shared/actor';
import { AUDIT_READER_ROLES } from '../../shared/roles';

/** Admins read what happened in their subtree; system admins also what belongs to no node (sign-ins). */
export const auditReach = (actor: Actor) => reachPaths(actor, AUDIT_READER_ROLES);
export const canReadUnscopedAudit = (actor: Actor) => hasAnyRole(actor, ['system_admin']);
export const canVerifyAudit = (actor: Actor) => hasAnyRole(actor, ['system_admin']);
