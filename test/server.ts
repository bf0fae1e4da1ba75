import crypto from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/server/app';
import { readConfig } from '../src/server/config';
import type { Database } from '../src/server/db/client';
import { createTestDatabase } from './db';

export type TestServer = { app: FastifyInstance; database: Database; close(): Promise<void> };

/** The real app on a fresh database, driven through app.inject (no port). */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const app = await buildApp({ database, config: readConfig({ ...env }), logger: false, secretKey: crypto.randomBytes(32) });
  await app.ready();
  return { app, database, async close() { await app.close(); await database.close(); } };
}

/** A signed-in client: carries the session cookie and CSRF token like the web app does. */
export type Client = {
  cookie: string;
  csrf: string;
  req(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
};

export async function signIn(app: FastifyInstance, login: string, password: string, ip = '127.0.0.1'): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password }, remoteAddress: ip });
  if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'cedu_session')!;
  const csrf = res.json().csrfToken as string;
  return clientFor(app, `cedu_session=${cookie.value}`, csrf);
}

export function clientFor(app: FastifyInstance, cookie: string, csrf: string): Client {
  return {
    cookie,
    csrf,
    req: (method, url, body, headers = {}) =>
      app.inject({
        method: method as never,
        url,
        headers: { cookie, 'x-csrf-token': csrf, ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}
