import type { Actor } from '../../shared/actor';
import type { Role } from '../../shared/roles';

/** Paths of the nodes strictly above the actor's scopes with one of `roles` (the county over a centre…). */
export function ancestorsOf(actor: Actor, roles: readonly Role[]): string[] {
  const out = new Set<string>();
  for (const s of actor.scopes) {
    if (!roles.includes(s.role)) continue;
    const parts = s.path.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) out.add(`/${parts.slice(0, i).join('/')}/`);
  }
  return [...out];
}
