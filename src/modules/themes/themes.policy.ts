import { holdsRoleOver, type Actor } from '../../shared/actor';
import { ROLES, type Role } from '../../shared/roles';

// The role lists of the module live here, beside the rules that use them; this file imports
// only src/shared, so the app shell and the contract read it without zod.

/** Who edits a county's theme list (and, in courses, its review lead days). */
export const THEME_EDITOR_ROLES: readonly Role[] = ['system_admin', 'county_admin'];

type NodeRef = { path: string };

/** Everyone working in a county reads its theme list. */
export const canReadThemes = (actor: Actor, county: NodeRef) =>
  holdsRoleOver(actor, ROLES, county.path) || actor.scopes.some((s) => s.path.startsWith(county.path));

/** County admins edit the theme list of their county. */
export const canEditThemes = (actor: Actor, county: NodeRef) => holdsRoleOver(actor, THEME_EDITOR_ROLES, county.path);
