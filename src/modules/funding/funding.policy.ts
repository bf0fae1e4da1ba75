import { holdsRoleOver, type Actor } from '../../shared/actor';
import type { Role } from '../../shared/roles';

// The module's role lists, beside the rules that use them; this file imports only src/shared, so
// the app shell (menu, router) and the contract read it without zod.

/** Who opens the funding pages (each for the towns and centres in their reach). */
export const FUNDING_READER_ROLES: readonly Role[] = [
  'system_admin',
  'county_admin',
  'town_admin',
  'centre_manager',
  'inspector',
  'leader',
];
/** Who sets a county's standard per resident. */
export const STANDARD_ROLES: readonly Role[] = ['system_admin', 'county_admin'];
/** The town office: keeps the town's budget and allocations, and approves expenses. */
export const BUDGET_ROLES: readonly Role[] = ['town_admin'];
/** Who records expenses: a centre manager for the centre, the town office for the town and its centres. */
export const EXPENSE_ROLES: readonly Role[] = ['town_admin', 'centre_manager'];

type NodeRef = { path: string };

/** Funding of a node is read by the reader roles over it (the county reads all its towns). */
export const canReadFunding = (actor: Actor, node: NodeRef) => holdsRoleOver(actor, FUNDING_READER_ROLES, node.path);

/** A county's standard is set by its county admins. */
export const canSetStandard = (actor: Actor, county: NodeRef) => holdsRoleOver(actor, STANDARD_ROLES, county.path);

/** A town's budget and allocations are kept by its town office. */
export const canKeepBudget = (actor: Actor, town: NodeRef) => holdsRoleOver(actor, BUDGET_ROLES, town.path);

/** An expense of a town or centre is recorded by its centre manager or the town office over it. */
export const canRecordExpense = (actor: Actor, node: NodeRef) => holdsRoleOver(actor, EXPENSE_ROLES, node.path);

/** The town office over the expense approves or rejects it — never the one who recorded it. */
export const canReviewExpense = (actor: Actor, node: NodeRef, recordedBy: string | null) =>
  holdsRoleOver(actor, BUDGET_ROLES, node.path) && recordedBy !== actor.userId;
