import { expect } from 'vitest';
import { ADMIN_ROLES } from '../../src/shared/roles';
import {
  expectDenied,
  expectOk,
  expectSameIds,
  foreignNodes,
  nodeRow,
  sqlIds,
  under,
  type Matrix,
  type MatrixCtx,
} from './context';

/** The organisation tree. */
export const ORG_MATRIX: Matrix = {
  'GET /api/org/tree': async (x) => {
    const tree = await expectOk(x.c.req('GET', '/api/org/tree'));
    // Exactly the actor's subtree: no ancestor, no sibling, nothing of county B.
    const want = await sqlIds(x, 'select id from org_nodes where path like $1', [under(x)]);
    expectSameIds(
      tree.nodes.map((n: { id: string }) => n.id),
      want,
      'tree nodes',
    );
    expect(want).toContain(x.w.nodes[x.home].id);
  },
  'GET /api/org/nodes/:id': async ({ c, home, w }) => {
    for (const f of foreignNodes({ w, home })) await expectDenied(c.req('GET', `/api/org/nodes/${f.id}`));
  },
  'POST /api/org/nodes': async (x) => {
    for (const f of foreignNodes(x).filter((n) => ['A2', 'B1', 'B'].includes(n.key))) {
      await expectDenied(
        x.c.req('POST', '/api/org/nodes', { parentId: f.id, level: 'unit', unitKind: 'other', name: '越权新增' }),
      );
    }
    expect(await x.s.database.query(`select id from org_nodes where name = '越权新增'`)).toEqual([]);
  },
  'PUT /api/org/nodes/:id': async ({ c, home, s, w }) => {
    for (const f of foreignNodes({ w, home }).filter((n) => ['A', 'A2', 'B1', 'B1a'].includes(n.key))) {
      const before = await nodeRow(s, f.id);
      await expectDenied(c.req('PUT', `/api/org/nodes/${f.id}`, { name: '被改名' }));
      expect(await nodeRow(s, f.id)).toEqual(before);
    }
  },
  'POST /api/org/nodes/:id/move': async ({ c, home, s, w }) => {
    const own = w.nodes[home];
    // Foreign node into my tree, and my node out to a foreign parent.
    await expectDenied(c.req('POST', `/api/org/nodes/${w.nodes.B1a.id}/move`, { newParentId: own.id }));
    await expectDenied(c.req('POST', `/api/org/nodes/${w.nodes.A1a.id}/move`, { newParentId: w.nodes.B1.id }));
    expect((await nodeRow(s, w.nodes.B1a.id)).parentId).toBe(w.nodes.B1.id);
    expect((await nodeRow(s, w.nodes.A1a.id)).parentId).toBe(w.nodes.A1.id);
  },
  'DELETE /api/org/nodes/:id': async ({ c, s, w }) => {
    await expectDenied(c.req('DELETE', `/api/org/nodes/${w.nodes.B2b.id}`));
    expect(await nodeRow(s, w.nodes.B2b.id)).toBeTruthy();
  },
  'PUT /api/org/nodes/:id/populations/:year': async (x) => {
    const targets = foreignNodes(x)
      .slice(0, 4)
      .map((f) => f.id);
    const before = await populations(x);
    for (const id of targets)
      await expectDenied(x.c.req('PUT', `/api/org/nodes/${id}/populations/2026`, { population: 1 }));
    expect(await populations(x)).toEqual(before);
  },
  'DELETE /api/org/nodes/:id/populations/:year': async (x) => {
    const before = await populations(x);
    expect(before).toContainEqual({ node_id: x.w.nodes.B1.id, year: 2026, population: 1234 });
    await expectDenied(x.c.req('DELETE', `/api/org/nodes/${x.w.nodes.B1.id}/populations/2026`));
    expect(await populations(x)).toEqual(before);
  },
  'GET /api/org/divisions': async (x) => {
    // The official list is for admins (who set a county up or add villages); others get 403.
    const r = x.c.req('GET', '/api/org/divisions?under=500000000000');
    if (!ADMIN_ROLES.includes(x.role)) return expectDenied(r, 403);
    expect((await expectOk(r)).divisions.map((d: { code: string }) => d.code)).toContain('500100000000');
  },
  'GET /api/org/nodes/:id/divisions': async (x) => {
    for (const f of foreignNodes(x).filter((n) => ['A', 'A2', 'B', 'B1'].includes(n.key)))
      await expectDenied(x.c.req('GET', `/api/org/nodes/${f.id}/divisions?code=500152000000`));
  },
  'POST /api/org/nodes/:id/divisions': async (x) => {
    const count = async () => (await x.s.database.query('select count(*)::int as n from org_nodes'))[0];
    const before = await count();
    for (const f of foreignNodes(x).filter((n) => ['A', 'A2', 'B', 'B1'].includes(n.key)))
      await expectDenied(
        x.c.req('POST', `/api/org/nodes/${f.id}/divisions`, {
          code: '500152000000',
          children: [{ code: '500152001000', name: '越权设置', children: [] }],
        }),
      );
    expect(await count()).toEqual(before);
    expect(await x.s.database.query(`select id from org_nodes where division_code like '500152%'`)).toEqual([]);
  },
  'PUT /api/org/nodes/:id/leaders': async (x) => {
    const read = () =>
      x.s.database.query('select id, node_id, name, post, title, phone, sort_order from org_leaders order by id');
    const before = await read();
    await expectDenied(
      x.c.req('PUT', `/api/org/nodes/${x.w.nodes.B1.id}/leaders`, {
        leaders: [{ name: '越权领导', post: 'leader', title: null, phone: null }],
      }),
    );
    expect(await read()).toEqual(before);
  },
};

const populations = (x: MatrixCtx) =>
  x.s.database.query('select node_id, year, population from org_populations order by node_id, year');
