import type { Role } from './roles';

/** One role held on one node; `path` is that node's path, so it covers every path under it. */
export type Scope = { role: Role; nodeId: string; nodeName: string; path: string };

/** Who is acting: the signed-in user, their scopes and where the request came from. */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  scopes: Scope[];
  ip?: string;
  sessionId?: string;
};

/** The path that covers every node: a system admin's reach. */
export const ROOT_PATH = '/';

/** Effective path of a scope: system admins reach the whole tree. */
export function reachOf(scope: Scope): string {
  return scope.role === 'system_admin' ? ROOT_PATH : scope.path;
}

/** True when the actor holds one of `roles` on `path` or on one of its ancestors. */
export function holdsRoleOver(actor: Actor, roles: readonly Role[], path: string): boolean {
  return actor.scopes.some((s) => roles.includes(s.role) && path.startsWith(reachOf(s)));
}

/** The smallest set of path prefixes under which the actor holds one of `roles`. */
export function reachPaths(actor: Actor, roles: readonly Role[]): string[] {
  const paths = actor.scopes
    .filter((s) => roles.includes(s.role))
    .map(reachOf)
    .sort((a, b) => a.length - b.length);
  const out: string[] = [];
  for (const p of paths) if (!out.some((q) => p.startsWith(q))) out.push(p);
  return out;
}

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.scopes.some((s) => roles.includes(s.role));
}
