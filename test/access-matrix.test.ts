import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { orgNodes } from '../src/modules/organisations/org.table';
import type { Role } from '../src/shared/roles';
import { buildWorld, TEST_PASSWORD, type World } from './factories';
import { signIn, startTestServer, type Client, type TestServer } from './server';

/**
 * Deny by default, checked two ways:
 * 1. every route the app serves declares a policy, and appears in MATRIX below;
 * 2. for every role held in county A, every route gives nothing from outside the holder's
 *    subtree: 403/404 for foreign targets, no foreign rows in lists, nothing changed.
 */
let s: TestServer;
let w: World;

beforeAll(async () => {
  s = await startTestServer();
  // Collect the route table as the app registers it.
  w = await buildWorld(s.database);
  // Some activity in county B, so the audit trail has foreign rows to leak.
  const bAdmin = await signIn(s.app, 'b_county_admin', TEST_PASSWORD);
  await bAdmin.req('PUT', `/api/org/nodes/${w.nodes.B1.id}/populations/2026`, { population: 1234 });
  await bAdmin.req('POST', '/api/org/nodes', { parentId: w.nodes.B1.id, level: 'unit', unitKind: 'school', name: 'B镇1学校' });
});
afterAll(() => s.close());

type Ctx = { c: Client; role: Role; home: string; userId: string };
const DENIED = [403, 404];

/** Nodes outside the actor's home subtree (ancestors, siblings, the other county). */
function foreignNodes(home: string) {
  const homePath = w.nodes[home].path;
  return Object.entries(w.nodes).filter(([, n]) => !n.path.startsWith(homePath)).map(([k, n]) => ({ key: k, ...n }));
}
/** Nodes inside the actor's subtree. */
function ownPaths(home: string) {
  return w.nodes[home].path;
}
async function expectDenied(p: Promise<{ statusCode: number; body: string }>) {
  const r = await p;
  expect(DENIED, `${r.statusCode} ${r.body}`).toContain(r.statusCode);
}
async function nameOf(id: string) {
  const [row] = await s.database.db.select({ name: orgNodes.name, parentId: orgNodes.parentId }).from(orgNodes).where(eq(orgNodes.id, id));
  return row;
}

/** One entry per route: how to aim it at something outside the actor's subtree. */
const MATRIX: Record<string, 'public' | 'self' | ((x: Ctx) => Promise<void>)> = {
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'self',
  'GET /api/auth/me': 'self',
  'POST /api/auth/password': 'self',

  'GET /api/org/tree': async ({ c, home }) => {
    const r = await c.req('GET', '/api/org/tree');
    expect(r.statusCode).toBe(200);
    const ids = new Set(r.json().nodes.map((n: { id: string }) => n.id));
    for (const f of foreignNodes(home)) expect(ids.has(f.id), `${f.key} leaked`).toBe(false);
    expect(ids.has(w.nodes[home].id)).toBe(true);
  },
  'GET /api/org/nodes/:id': async ({ c, home }) => {
    for (const f of foreignNodes(home)) await expectDenied(c.req('GET', `/api/org/nodes/${f.id}`));
  },
  'POST /api/org/nodes': async ({ c, home }) => {
    for (const f of foreignNodes(home).filter((n) => ['A2', 'B1', 'B'].includes(n.key))) {
      await expectDenied(c.req('POST', '/api/org/nodes', { parentId: f.id, level: 'unit', unitKind: 'other', name: '越权新增' }));
    }
  },
  'PUT /api/org/nodes/:id': async ({ c, home }) => {
    for (const f of foreignNodes(home).filter((n) => ['A', 'A2', 'B1', 'B1a'].includes(n.key))) {
      const before = await nameOf(f.id);
      await expectDenied(c.req('PUT', `/api/org/nodes/${f.id}`, { name: '被改名' }));
      expect(await nameOf(f.id)).toEqual(before);
    }
  },
  'POST /api/org/nodes/:id/move': async ({ c, home }) => {
    const own = w.nodes[home];
    // Foreign node into my tree, and my node out to a foreign parent.
    await expectDenied(c.req('POST', `/api/org/nodes/${w.nodes.B1a.id}/move`, { newParentId: own.id }));
    await expectDenied(c.req('POST', `/api/org/nodes/${w.nodes.A1a.id}/move`, { newParentId: w.nodes.B1.id }));
    expect((await nameOf(w.nodes.B1a.id)).parentId).toBe(w.nodes.B1.id);
    expect((await nameOf(w.nodes.A1a.id)).parentId).toBe(w.nodes.A1.id);
  },
  'DELETE /api/org/nodes/:id': async ({ c }) => {
    await expectDenied(c.req('DELETE', `/api/org/nodes/${w.nodes.B2b.id}`));
    expect(await nameOf(w.nodes.B2b.id)).toBeTruthy();
  },
  'PUT /api/org/nodes/:id/populations/:year': async ({ c, home }) => {
    for (const f of foreignNodes(home).slice(0, 4)) await expectDenied(c.req('PUT', `/api/org/nodes/${f.id}/populations/2026`, { population: 1 }));
  },
  'DELETE /api/org/nodes/:id/populations/:year': async ({ c }) => {
    await expectDenied(c.req('DELETE', `/api/org/nodes/${w.nodes.B1.id}/populations/2026`));
  },
  'PUT /api/org/nodes/:id/leaders': async ({ c }) => {
    await expectDenied(c.req('PUT', `/api/org/nodes/${w.nodes.B1.id}/leaders`, { leaders: [] }));
  },

  'GET /api/users': async ({ c, role, home }) => {
    const r = await c.req('GET', '/api/users?pageSize=200');
    if (!['county_admin', 'town_admin'].includes(role)) return expect(DENIED).toContain(r.statusCode);
    expect(r.statusCode).toBe(200);
    const prefix = ownPaths(home);
    const own = (await s.database.query<{ id: string }>(
      `select u.id from users u join org_nodes n on n.id = u.home_node_id where n.path like $1`, [`${prefix}%`])).map((x) => x.id);
    const ids = r.json().items.map((u: { id: string }) => u.id).sort();
    expect(ids).toEqual([...own].sort());
    expect(r.json().total).toBe(own.length);
    await expectDenied(c.req('GET', `/api/users?nodeId=${w.nodes.B.id}`));
  },
  'GET /api/users/:id': async ({ c }) => {
    await expectDenied(c.req('GET', `/api/users/${w.users['B:teacher'].id}`));
    await expectDenied(c.req('GET', `/api/users/${w.users['B:county_admin'].id}`));
  },
  'POST /api/users': async ({ c }) => {
    await expectDenied(c.req('POST', '/api/users', { username: 'intruder1', displayName: '外人', homeNodeId: w.nodes.B1.id, password: 'Xy-long-pass-1' }));
    await expectDenied(c.req('POST', '/api/users', { username: 'intruder2', displayName: '外人', homeNodeId: w.nodes.A1a.id, password: 'Xy-long-pass-1', roles: [{ role: 'town_admin', nodeId: w.nodes.B1.id }] }));
  },
  'PUT /api/users/:id': async ({ c }) => {
    const t = w.users['B:teacher'];
    await expectDenied(c.req('PUT', `/api/users/${t.id}`, { displayName: '改', phone: null, homeNodeId: w.nodes.B1a.id, disabled: true }));
  },
  'POST /api/users/:id/password': async ({ c }) => {
    await expectDenied(c.req('POST', `/api/users/${w.users['B:teacher'].id}/password`, { password: 'Another-pass-9' }));
  },
  'POST /api/users/:id/roles': async ({ c }) => {
    await expectDenied(c.req('POST', `/api/users/${w.users['B:teacher'].id}/roles`, { role: 'leader', nodeId: w.nodes.B1.id }));
    await expectDenied(c.req('POST', `/api/users/${w.users['A:teacher'].id}/roles`, { role: 'leader', nodeId: w.nodes.B1.id }));
  },
  'DELETE /api/users/:id/roles/:assignmentId': async ({ c }) => {
    const bAdmin = await signIn(s.app, 'b_county_admin', TEST_PASSWORD);
    const u = (await bAdmin.req('GET', `/api/users/${w.users['B:teacher'].id}`)).json();
    await expectDenied(c.req('DELETE', `/api/users/${u.id}/roles/${u.roles[0].id}`));
  },

  'GET /api/audit': async ({ c, role, home, userId }) => {
    const r = await c.req('GET', '/api/audit?pageSize=200');
    if (!['county_admin', 'town_admin'].includes(role)) return expect(DENIED).toContain(r.statusCode);
    expect(r.statusCode).toBe(200);
    const prefix = ownPaths(home);
    const nodeIds = new Set(Object.values(w.nodes).filter((n) => n.path.startsWith(prefix)).map((n) => n.id));
    for (const row of r.json().items) {
      if (row.nodeId === null) expect(row.actorId).toBe(userId);
      else if (!nodeIds.has(row.nodeId)) {
        // Created during the test inside the own subtree? Then its node path says so.
        const [n] = await s.database.db.select({ path: orgNodes.path }).from(orgNodes).where(eq(orgNodes.id, row.nodeId));
        expect(n?.path.startsWith(prefix), `foreign audit row ${row.action}`).toBe(true);
      }
    }
    await expectDenied(c.req('GET', `/api/audit?nodeId=${w.nodes.B.id}`));
  },
  'GET /api/audit/verify': async ({ c }) => expectDenied(c.req('GET', '/api/audit/verify')),
  'GET /api/settings': async ({ c }) => expectDenied(c.req('GET', '/api/settings')),
  'PUT /api/settings': async ({ c }) => expectDenied(c.req('PUT', '/api/settings', { passwordMaxAgeDays: 1, idleTimeoutMinutes: 5 })),
};

describe('route table', () => {
  it('every API route declares a policy and has a row in the cross-tree matrix', () => {
    const missingPolicy: string[] = [];
    const missingMatrix: string[] = [];
    for (const r of collectRoutes()) {
      if (!r.policy) missingPolicy.push(`${r.method} ${r.url}`);
      if (!(`${r.method} ${r.url}` in MATRIX)) missingMatrix.push(`${r.method} ${r.url}`);
    }
    expect(missingPolicy).toEqual([]);
    expect(missingMatrix).toEqual([]);
  });

  it('a route registered without a policy makes the app refuse to start', async () => {
    const { default: Fastify } = await import('fastify');
    const { registerGuard } = await import('../src/server/auth/guard');
    const app = Fastify();
    registerGuard(app);
    expect(() => app.get('/api/oops', async () => 'x')).toThrow(/declares no policy/);
  });
});

function collectRoutes() {
  return s.app.routeTable;
}

describe('cross-tree matrix: county A actors get nothing from outside their subtree', () => {
  const roles: Role[] = ['county_admin', 'town_admin', 'centre_manager', 'dept_coordinator', 'teacher', 'inspector', 'leader'];
  for (const role of roles) {
    it(role, async () => {
      const u = w.users[`A:${role}`];
      const c = await signIn(s.app, u.username, TEST_PASSWORD);
      for (const [key, check] of Object.entries(MATRIX)) {
        if (typeof check !== 'function') continue;
        try {
          await check({ c, role, home: u.home, userId: u.id });
        } catch (err) {
          throw new Error(`${role} @ ${u.home} — ${key}: ${(err as Error).message}`);
        }
      }
    });
  }
});
