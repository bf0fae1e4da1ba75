import { reachOf, type Actor, type Scope } from '../../shared/actor';
import { ROLES, type Role } from '../../shared/roles';
import { ACTIVITY_KEEPER_ROLES } from '../activities/activities.policy';
import { PLAN_READER_ROLES } from '../plans/plans.policy';
import { ATTENDANCE_READER_ROLES } from '../signin/signin.policy';

// The role lists of the module live here, beside the rules that use them; this file imports
// only src/shared and other policies, so the app shell (menu, router) reads it without zod.

/** Everyone with a role has a workbench (a leader: the numbers only). */
export const WORKBENCH_ROLES: readonly Role[] = ROLES;

/** The quick actions of the workbench, each with the roles that may take it (the page it opens checks the same). */
export const QUICK_ACTIONS = {
  new_activity: ACTIVITY_KEEPER_ROLES,
  sign_in_desk: ATTENDANCE_READER_ROLES.filter((r) => r !== 'leader'),
  plan_versus: PLAN_READER_ROLES.filter((r) => r !== 'leader'),
} as const satisfies Record<string, readonly Role[]>;
export type QuickAction = keyof typeof QUICK_ACTIONS;

type NodeRef = { path: string };

/** The actor's scopes that cover the node (held on it or above it). */
export const scopesOver = (actor: Actor, node: NodeRef): Scope[] =>
  actor.scopes.filter((s) => node.path.startsWith(reachOf(s)));

/** A leader over the node, and nothing else there: the numbers, no waiting list, no actions. */
export const numbersOnly = (actor: Actor, node: NodeRef) => scopesOver(actor, node).every((s) => s.role === 'leader');

/** The quick actions the actor's roles over the node allow, in the order the page shows them. */
export const quickActionsAt = (actor: Actor, node: NodeRef): QuickAction[] => {
  const roles = scopesOver(actor, node).map((s) => s.role);
  return (Object.keys(QUICK_ACTIONS) as QuickAction[]).filter((a) =>
    roles.some((r) => (QUICK_ACTIONS[a] as readonly Role[]).includes(r)),
  );
};
