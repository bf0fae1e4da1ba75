import { holdsRoleOver, type Actor } from '../../shared/actor';
import type { Role } from '../../shared/roles';

// The role lists of 评选表彰 and the rules that use them; this file imports only src/shared,
// so the menu, the router and the contract read it without zod.

/** Who keeps selections (configure, publish): the county or town office over the owner node. */
export const SELECTION_KEEPER_ROLES: readonly Role[] = ['system_admin', 'county_admin', 'town_admin'];
/** Who nominates: the centre manager (and the offices above, for their centres). */
export const NOMINATOR_ROLES: readonly Role[] = ['system_admin', 'county_admin', 'town_admin', 'centre_manager'];
/** Who reviews nominations: the town office. */
export const REVIEWER_ROLES: readonly Role[] = ['town_admin'];
/** Who approves or rejects: the leadership group (领导小组). */
export const APPROVER_ROLES: readonly Role[] = ['leader'];
/** Who opens the awards pages at all (each row still decided by the tree). */
export const AWARD_READER_ROLES: readonly Role[] = [...NOMINATOR_ROLES, 'leader'];

type Node = { path: string };

/** A selection is read by staff over its owner node and by staff below it (who nominate to it). */
export const canReadSelection = (actor: Actor, owner: Node) =>
  holdsRoleOver(actor, AWARD_READER_ROLES, owner.path) ||
  actor.scopes.some((s) => AWARD_READER_ROLES.includes(s.role) && s.path.startsWith(owner.path));

/** A selection is configured and published by the county or town office that owns it. */
export const canKeepSelection = (actor: Actor, owner: Node) => holdsRoleOver(actor, SELECTION_KEEPER_ROLES, owner.path);

/** A nomination is read by award staff over the nominating centre. */
export const canReadNomination = (actor: Actor, centre: Node) => holdsRoleOver(actor, AWARD_READER_ROLES, centre.path);

/** A centre's nominations are written by those who nominate over that centre. */
export const canNominate = (actor: Actor, centre: Node) => holdsRoleOver(actor, NOMINATOR_ROLES, centre.path);

/** The town office over the centre reviews, never a nomination it made itself. */
export const canReview = (actor: Actor, centre: Node, createdBy: string | null) =>
  holdsRoleOver(actor, REVIEWER_ROLES, centre.path) && createdBy !== actor.userId;

/** The leadership group over the centre approves or rejects, never a nomination it made itself. */
export const canDecide = (actor: Actor, centre: Node, createdBy: string | null) =>
  holdsRoleOver(actor, APPROVER_ROLES, centre.path) && createdBy !== actor.userId;
