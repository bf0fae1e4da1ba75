import { expect } from 'vitest';
import { expectDenied, foreignNodes, nodeRow, type Matrix } from './context';

/** The organisation tree. */
export const ORG_MATRIX: Matrix = {
  'GET /api/org/tree': async ({ c, home, w }) => {
    const r = await c.req('GET', '/api/org/tree');
    expect(r.statusCode).toBe(200);
    const ids = new Set(r.json().nodes.map((n: { id: string }) => n.id));
    for (const f of foreignNodes({ w, home })) expect(ids.has(f.id), `${f.key} leaked`).toBe(false);
    expect(ids.has(w.nodes[home].id)).toBe(true);
  },
  'GET /api/org/nodes/:id': async ({ c, home, w }) => {
    for (const f of foreignNodes({ w, home })) await expectDenied(c.req('GET', `/api/org/nodes/${f.id}`));
  },
  'POST /api/org/nodes': async ({ c, home, w }) => {
    for (const f of foreignNodes({ w, home }).filter((n) => ['A2', 'B1', 'B'].includes(n.key))) {
      await expectDenied(c.req('POST', '/api/org/nodes', { parentId: f.id, level: 'unit', unitKind: 'other', name: '越权新增' }));
    }
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
  'PUT /api/org/nodes/:id/populations/:year': async ({ c, home, w }) => {
    for (const f of foreignNodes({ w, home }).slice(0, 4)) await expectDenied(c.req('PUT', `/api/org/nodes/${f.id}/populations/2026`, { population: 1 }));
  },
  'DELETE /api/org/nodes/:id/populations/:year': async ({ c, w }) => {
    await expectDenied(c.req('DELETE', `/api/org/nodes/${w.nodes.B1.id}/populations/2026`));
  },
  'PUT /api/org/nodes/:id/leaders': async ({ c, w }) => {
    await expectDenied(c.req('PUT', `/api/org/nodes/${w.nodes.B1.id}/leaders`, { leaders: [] }));
  },
};
