import { expect } from 'vitest';
import { residents } from '../src/modules/people/people.table';
import type { Database } from '../src/server/db/client';
import { countyOf } from './activity-factories';
import type { Client, TestServer } from './server';

type NodeRef = { id: string; path: string };

/** Inserts one resident with a phone at `node` directly (no audit). */
export async function buildResidentWithPhone(
  database: Database,
  node: NodeRef,
  v: { name: string; phone: string },
): Promise<string> {
  const [row] = await database.db
    .insert(residents)
    .values({ countyId: countyOf(node), nodeId: node.id, name: v.name, phone: v.phone })
    .returning({ id: residents.id });
  return row.id;
}

/** The token part of a sign-in URL (…/m/s/<token>). */
export const tokenOf = (url: string) => url.split('/m/s/')[1];

let phones = 0;

/**
 * A phone: carries its device cookie (and a resident cookie once signed in) between requests.
 * Each phone has its own browser string (`userAgent`) and, unless given, the test address
 * 127.0.0.1 (`ip`): phones in one hall share an address, not a browser string.
 */
export function phoneClient(
  app: {
    inject: (o: object) => Promise<{
      cookies: { name: string; value: string }[];
      statusCode: number;
      json(): any;
      body: string;
      headers: Record<string, unknown>;
    }>;
  },
  v: { userAgent?: string; ip?: string } = {},
) {
  const jar = new Map<string, string>();
  let csrf = '';
  const userAgent = v.userAgent ?? `Mozilla/5.0 (Linux; Android 12; test-phone-${++phones}) MicroMessenger/8.0`;
  const req = async (method: string, url: string, payload?: unknown) => {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await app.inject({
      method,
      url,
      remoteAddress: v.ip,
      headers: { 'user-agent': userAgent, ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      ...(payload === undefined ? {} : { payload }),
    });
    for (const c of res.cookies) jar.set(c.name, c.value);
    return res;
  };
  return { req, jar, userAgent, setCsrf: (t: string) => (csrf = t), dropCookies: () => jar.clear() };
}

/**
 * A resident with a phone at `node` whose account is activated: `staff` issue the one-time code,
 * a new phone sets `password` with it and comes back signed in (its CSRF token not yet set).
 */
export async function activatedResident(
  s: TestServer,
  staff: Client,
  node: NodeRef,
  v: { name: string; phone: string; password: string },
) {
  const rid = await buildResidentWithPhone(s.database, node, { name: v.name, phone: v.phone });
  const { code } = (await staff.req('POST', `/api/resident-accounts/${rid}/activation`)).json();
  const phone = phoneClient(s.app);
  const r = await phone.req('POST', '/api/resident/activate', {
    phone: v.phone,
    name: v.name,
    code,
    password: v.password,
  });
  expect(r.statusCode, r.body).toBe(200);
  return { rid, phone, csrfToken: r.json().csrfToken as string };
}
