import { expect } from 'vitest';
import { signIn } from '../server';
import { TEST_PASSWORD } from '../factories';
import { expectDenied, ownPath, type Matrix } from './context';

/** Accounts and roles. */
export const ACCOUNTS_MATRIX: Matrix = {
  'GET /api/users': async ({ c, role, home, s, w }) => {
    const r = await c.req('GET', '/api/users?pageSize=200');
    if (!['county_admin', 'town_admin'].includes(role)) return expectDenied(r);
    expect(r.statusCode).toBe(200);
    const prefix = ownPath({ w, home });
    const own = (await s.database.query<{ id: string }>(
      `select u.id from users u join org_nodes n on n.id = u.home_node_id where n.path like $1`, [`${prefix}%`])).map((x) => x.id);
    const ids = r.json().items.map((u: { id: string }) => u.id).sort();
    expect(ids).toEqual([...own].sort());
    expect(r.json().total).toBe(own.length);
    await expectDenied(c.req('GET', `/api/users?nodeId=${w.nodes.B.id}`));
  },
  'GET /api/users/:id': async ({ c, w }) => {
    await expectDenied(c.req('GET', `/api/users/${w.users['B:teacher'].id}`));
    await expectDenied(c.req('GET', `/api/users/${w.users['B:county_admin'].id}`));
  },
  'POST /api/users': async ({ c, w }) => {
    await expectDenied(c.req('POST', '/api/users', { username: 'intruder1', displayName: '外人', homeNodeId: w.nodes.B1.id, password: 'Xy-long-pass-1' }));
    await expectDenied(c.req('POST', '/api/users', { username: 'intruder2', displayName: '外人', homeNodeId: w.nodes.A1a.id, password: 'Xy-long-pass-1', roles: [{ role: 'town_admin', nodeId: w.nodes.B1.id }] }));
  },
  'PUT /api/users/:id': async ({ c, w }) => {
    const t = w.users['B:teacher'];
    await expectDenied(c.req('PUT', `/api/users/${t.id}`, { displayName: '改', phone: null, homeNodeId: w.nodes.B1a.id, disabled: true }));
  },
  'POST /api/users/:id/password': async ({ c, w }) => {
    await expectDenied(c.req('POST', `/api/users/${w.users['B:teacher'].id}/password`, { password: 'Another-pass-9' }));
  },
  'POST /api/users/:id/roles': async ({ c, w }) => {
    await expectDenied(c.req('POST', `/api/users/${w.users['B:teacher'].id}/roles`, { role: 'leader', nodeId: w.nodes.B1.id }));
    await expectDenied(c.req('POST', `/api/users/${w.users['A:teacher'].id}/roles`, { role: 'leader', nodeId: w.nodes.B1.id }));
  },
  'DELETE /api/users/:id/roles/:assignmentId': async ({ c, s, w }) => {
    const bAdmin = await signIn(s.app, 'b_county_admin', TEST_PASSWORD);
    const u = (await bAdmin.req('GET', `/api/users/${w.users['B:teacher'].id}`)).json();
    await expectDenied(c.req('DELETE', `/api/users/${u.id}/roles/${u.roles[0].id}`));
  },
};
