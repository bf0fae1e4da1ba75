import type { Actor } from '../../shared/actor';
import { hasAnyRole } from '../../shared/actor';

/** Only system admins change system-wide settings. */
export const canChangeSettings = (actor: Actor) => hasAnyRole(actor, ['system_admin']);
