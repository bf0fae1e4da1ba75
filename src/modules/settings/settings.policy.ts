import type { Actor } from '../../shared/actor';
import { hasAnyRole } from '../../shared/actor';
import type { Role } from '../../shared/roles';

/** Who reads and changes the system-wide settings. */
export const SETTINGS_ROLES: readonly Role[] = ['system_admin'];

/** Only system admins change system-wide settings. */
export const canChangeSettings = (actor: Actor) => hasAnyRole(actor, SETTINGS_ROLES);
