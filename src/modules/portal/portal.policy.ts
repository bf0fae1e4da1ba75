import { holdsRoleOver, type Actor } from '../../shared/actor';
import { RESIDENT_ROLES, type Role } from '../../shared/roles';

// The role lists of the module live here, beside the rules that use them; this file imports
// only src/shared, so the app shell (menu, router) and the contract read it without zod.

/** Who issues residents' activation codes and sees their phone accounts: the resident keepers. */
export const RESIDENT_ACCOUNT_ROLES: readonly Role[] = RESIDENT_ROLES;

/** Staff over the resident's village or community issue the resident's activation code. */
export const canManageResidentAccount = (actor: Actor, residentNode: { path: string }) =>
  holdsRoleOver(actor, RESIDENT_ACCOUNT_ROLES, residentNode.path);
