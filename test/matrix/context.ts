import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { orgNodes } from '../../src/server/db/tree.table';
import type { Role } from '../../src/shared/roles';
import type { RouteEntry } from '../../src/server/types';
import type { World } from '../factories';
import type { Client, TestResponse, TestServer } from '../server';

/** What each matrix check gets: a signed-in actor of county A, the world, and helpers. */
export type MatrixCtx = {
  /** A client whose every request must reach a registered route (req() throws otherwise). */
  c: Client;
  role: Role;
  /** Key of the actor's home node in world.nodes (e.g. "A1" for town 1 of county A). */
  home: string;
  userId: string;
  s: TestServer;
  w: World;
};

/** One entry per route ("METHOD /url" as registered): public, self-only, or a check. */
export type MatrixEntry = 'public' | 'self' | ((x: MatrixCtx) => Promise<unknown>);
export type Matrix = Record<string, MatrixEntry>;

const CODE: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };

/**
 * The one answer a refused request must get, from the route's declared policy and the
 * client's role: 401 for a resident-only route (a staff session is no resident), 403 when the
 * policy does not admit the role (the guard), else 404 — the service's hidden(): the target
 * exists but lies outside the actor's reach.
 */
export function deniedStatus(route: RouteEntry, role: Role | undefined): 401 | 403 | 404 {
  const p = route.policy;
  if ('resident' in p) return 401;
  if ('roles' in p && !(role && p.roles.includes(role))) return 403;
  return 404;
}

/**
 * Asserts a refusal: exactly `status` (default: deniedStatus for the route and role) with its
 * error code. The request reached a real route (the matrix client throws otherwise), so a 404
 * here is the app's own "hidden" answer, never the router's; a 400 or a 500 never passes.
 */
export async function expectDenied(
  p: TestResponse | Promise<TestResponse>,
  status?: 401 | 403 | 404,
): Promise<TestResponse> {
  const r = await p;
  if (!r.route) throw new Error(`no API route matches ${r.request.method} ${r.request.url}`);
  const want = status ?? deniedStatus(r.route, r.role);
  const what = `${r.request.method} ${r.request.url} → ${r.statusCode} ${r.body.slice(0, 300)}`;
  expect(r.statusCode, what).toBe(want);
  expect(r.json().error?.code, what).toBe(CODE[want]);
  return r;
}

/** True when the route's policy admits the role at all (the list rows then read, the others expect 403). */
export function admits(x: Pick<MatrixCtx, 's' | 'role'>, key: string): boolean {
  const [method, url] = key.split(' ');
  const route = x.s.app.routeTable.find((r) => r.method === method && r.url === url);
  if (!route) throw new Error(`no route ${key}`);
  return deniedStatus(route, x.role) === 404;
}

/** Asserts a 200 answer (a 500 or a denial never passes) and returns its JSON. */
export async function expectOk<T = any>(p: Promise<TestResponse>): Promise<T> {
  const r = await p;
  expect(r.statusCode, `${r.request.method} ${r.request.url} → ${r.statusCode} ${r.body.slice(0, 300)}`).toBe(200);
  return r.json() as T;
}

/** Asserts that a list holds exactly the expected ids (order ignored; duplicates count). */
export function expectSameIds(got: unknown[], want: unknown[], what: string): void {
  const norm = (a: unknown[]) => a.map(String).sort();
  expect(norm(got), what).toEqual(norm(want));
}

/** Ids of a plain SQL query's `id` column (for the expected set of a list, computed apart from the service). */
export async function sqlIds(x: Pick<MatrixCtx, 's'>, sql: string, params: unknown[] = []): Promise<string[]> {
  return (await x.s.database.query<{ id: string }>(sql, params)).map((r) => String(r.id));
}

/** Nodes outside the actor's home subtree (ancestors, siblings, the other county). */
export function foreignNodes(x: Pick<MatrixCtx, 'w' | 'home'>) {
  const homePath = x.w.nodes[x.home].path;
  return Object.entries(x.w.nodes)
    .filter(([, n]) => !n.path.startsWith(homePath))
    .map(([key, n]) => ({ key, ...n }));
}

/** The path prefix of the actor's own subtree. */
export const ownPath = (x: Pick<MatrixCtx, 'w' | 'home'>) => x.w.nodes[x.home].path;

/** A LIKE pattern for the actor's own subtree (every county-A actor holds one role, on its home node). */
export const under = (x: Pick<MatrixCtx, 'w' | 'home'>) => `${ownPath(x)}%`;

export async function nodeRow(s: TestServer, id: string) {
  const [row] = await s.database.db
    .select({ name: orgNodes.name, parentId: orgNodes.parentId })
    .from(orgNodes)
    .where(eq(orgNodes.id, id));
  return row;
}
