import { hasAnyRole, reachPaths, type Actor } from '../../shared/actor';
import type { Role } from '../../shared/roles';

/** Who reads the audit trail (each of their own subtree). */
export const AUDIT_READER_ROLES: readonly Role[] = ['system_admin', 'county_admin', 'town_admin'];
/** Who checks the hash chain of the whole trail. */
export const AUDIT_VERIFIER_ROLES: readonly Role[] = ['system_admin'];

/** Admins read what happened in their subtree; system admins also what belongs to no node (sign-ins). */
export const auditReach = (actor: Actor) => reachPaths(actor, AUDIT_READER_ROLES);
export const canReadUnscopedAudit = (actor: Actor) => hasAnyRole(actor, ['system_admin']);
export const canVerifyAudit = (actor: Actor) => hasAnyRole(actor, AUDIT_VERIFIER_ROLES);
