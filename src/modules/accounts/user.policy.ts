import { holdsRoleOver, hasAnyRole, type Actor } from '../../shared/actor';
import { ADMIN_ROLES, type Role } from '../../shared/roles';

/** Who keeps accounts and their roles: the admins, each over their own subtree. */
export const USER_ADMIN_ROLES: readonly Role[] = ADMIN_ROLES;

/** Admins see the accounts whose home node lies in their subtree. */
export const canReadUser = (actor: Actor, user: { homePath: string }) =>
  holdsRoleOver(actor, USER_ADMIN_ROLES, user.homePath);

/**
 * Managing an account (edit, disable, reset password) needs admin reach over its home node
 * and over every role it holds: a town admin cannot reset a county admin's password.
 */
export const canManageUser = (actor: Actor, user: { homePath: string; rolePaths: { role: Role; path: string }[] }) =>
  canReadUser(actor, user) &&
  user.rolePaths.every((r) =>
    r.role === 'system_admin' ? hasAnyRole(actor, ['system_admin']) : holdsRoleOver(actor, USER_ADMIN_ROLES, r.path),
  );

/** A role may be granted on a node the admin reaches; only system admins make system admins. */
export const canGrantRole = (actor: Actor, role: Role, nodePath: string) =>
  role === 'system_admin' ? hasAnyRole(actor, ['system_admin']) : holdsRoleOver(actor, USER_ADMIN_ROLES, nodePath);
