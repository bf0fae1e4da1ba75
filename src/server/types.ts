import type { Actor } from '../shared/actor';
export type { RoutePolicy } from '../shared/endpoint';
import type { ResidentPrincipal } from '../modules/portal';
import type { RoutePolicy } from '../shared/endpoint';
import type { Config } from './config';
import type { Database, Db } from './db/client';
import type { Protector } from './protect';

/**
 * What a staff service function is called with, before its own values:
 * `updateThing({ db, actor, id, input }: Ctx & { id: string; input: ThingUpdate })`.
 */
export type Ctx = { db: Db; actor: Actor };

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
