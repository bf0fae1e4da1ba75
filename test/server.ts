import crypto from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/server/app';
import { readConfig } from '../src/server/config';
import type { Database } from '../src/server/db/client';
import type { RouteEntry } from '../src/server/types';
import type { Role } from '../src/shared/roles';
import { createTestDatabase } from './db';

export type TestServer = { app: FastifyInstance; database: Database; close(): Promise<void> };

/** The real app on a fresh database, driven through app.inject (no port). */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const app = await buildApp({
    database,
    config: readConfig({ ...env }),
    logger: false,
    secretKey: crypto.randomBytes(32),
  });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** An answer, with the request that got it and the API route the app's router matched (null: none, the router's 404). */
export type TestResponse = LightMyRequestResponse & {
  request: { method: string; url: string };
  route: RouteEntry | null;
  role?: Role;
};

/** A signed-in client: carries the session cookie and CSRF token like the web app does. */
export type Client = {
  cookie: string;
  csrf: string;
  /** Set by the access matrix: the one role this client's user holds (decides which denial is expected). */
  role?: Role;
  /**
   * Set by the access matrix: every request must reach a registered API route, or req() throws
   * (a mistyped URL would otherwise get the router's 404 and look like a denial).
   */
  strictRoutes?: boolean;
  /** The route of each request made since the caller last emptied it. */
  hits: { method: string; url: string; route: string | null; status: number }[];
  req(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
};

export async function signIn(app: FastifyInstance, login: string, password: string, ip = '127.0.0.1'): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login, password },
    remoteAddress: ip,
  });
  if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'cedu_session')!;
  const csrf = res.json().csrfToken as string;
  return clientFor(app, `cedu_session=${cookie.value}`, csrf);
}

/**
 * The API route the app's own router (find-my-way, through app.findRoute) picks for a concrete
 * URL, named as registered ("GET /api/residents/:id"); null when no route matches.
 */
export function routeOf(app: FastifyInstance, method: string, url: string): RouteEntry | null {
  const path = url.split('?')[0];
  const found = app.findRoute({ method: method as never, url: path });
  if (!found) return null;
  const params = found.params as Record<string, string>;
  const segments = path.split('/');
  return (
    app.routeTable.find((r) => {
      if (r.method !== method) return false;
      const pattern = r.url.split('/');
      return (
        pattern.length === segments.length &&
        pattern.every((p, i) =>
          p.startsWith(':') ? params[p.slice(1)] === decodeURIComponent(segments[i]) : p === segments[i],
        )
      );
    }) ?? null
  );
}

export function clientFor(app: FastifyInstance, cookie: string, csrf: string): Client {
  const client: Client = {
    cookie,
    csrf,
    hits: [],
    async req(method, url, body, headers = {}) {
      const route = routeOf(app, method, url);
      if (!route && client.strictRoutes)
        throw new Error(`no API route matches ${method} ${url} (the router would answer 404)`);
      const res = await app.inject({
        method: method as never,
        url,
        headers: { cookie, 'x-csrf-token': csrf, ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      client.hits.push({ method, url, route: route && `${route.method} ${route.url}`, status: res.statusCode });
      return Object.assign(res, { request: { method, url }, route, role: client.role });
    },
  };
  return client;
}
