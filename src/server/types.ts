import type { Actor } from '../shared/actor';
import type { ResidentPrincipal } from '../modules/signin/resident-session.service';
import type { Role } from '../shared/roles';
import type { Config } from './config';
import type { Database } from './db/client';
import type { Protector } from './protect';

/**
 * What a route must declare: who may call it at all. Fine-grained checks over the tree
 * happen in the service through the module's policy; this is the coarse, deny-by-default gate.
 */
export type RoutePolicy =
  | { public: true }
  | { authenticated: true; allowWhilePasswordDue?: boolean }
  | { roles: readonly Role[]; allowWhilePasswordDue?: boolean }
  /** A signed-in resident (phone pages): sets `req.resident`; staff sessions do not count. */
  | { resident: true };

/** One served API route and its declared policy (the table the access tests walk). */
export type RouteEntry = { method: string; url: string; policy: RoutePolicy };

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
    sessionState: 'none' | 'expired' | 'valid';
    passwordDue: boolean;
    resident: ResidentPrincipal | null;
  }
  interface FastifyInstance {
    database: Database;
    config: Config;
    routeTable: RouteEntry[];
    /** Encrypts and digests personal data at rest (src/server/protect.ts). */
    protector: Protector;
  }
}
