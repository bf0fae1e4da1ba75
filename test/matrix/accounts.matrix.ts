import { expect } from 'vitest';
import { expectDenied, foreignNodes, ownPath, type Matrix, type MatrixCtx } from './context';
import { exportRow } from './exports';
import { firstRunCode } from '../../src/modules/accounts/first-admin.service';

/** Accounts and roles. */
export const ACCOUNTS_MATRIX: Matrix = {
  'GET /api/users': async ({ c, role, home, s, w }) => {
    const r = await c.req('GET', '/api/users?pageSize=200');
    if (!['county_admin', 'town_admin'].includes(role)) return expectDenied(r);
    expect(r.statusCode).toBe(200);
    const prefix = ownPath({ w, home });
    const own = (
      await s.database.query<{ id: string }>(
        `select u.id from users u join org_nodes n on n.id = u.home_node_id where n.path like $1`,
        [`${prefix}%`],
      )
    ).map((x) => x.id);
    const ids = r
      .json()
      .items.map((u: { id: string }) => u.id)
      .sort();
    expect(ids).toEqual([...own].sort());
    expect(r.json().total).toBe(own.length);
    await expectDenied(c.req('GET', `/api/users?nodeId=${w.nodes.B.id}`));
  },
  'GET /api/users/export.xlsx': exportRow({
    route: 'GET /api/users/export.xlsx',
    urls: async () => ({ exportUrl: '/api/users/export.xlsx', listUrl: '/api/users' }),
    action: 'user.export',
    columns: ['用户名', '姓名', '手机号', '所属单位'],
    cells: (u) => [u.username, u.displayName, u.phone, u.homeNodeName],
    refused: async (x) => [`/api/users/export.xlsx?nodeId=${x.w.nodes.B.id}`],
  }),
  'GET /api/users/:id': async ({ c, w }) => {
    await expectDenied(c.req('GET', `/api/users/${w.users['B:teacher'].id}`));
    await expectDenied(c.req('GET', `/api/users/${w.users['B:county_admin'].id}`));
  },
  'POST /api/users': async (x) => {
    const { c, w } = x;
    await expectDenied(
      c.req('POST', '/api/users', {
        username: 'intruder1',
        displayName: '外人',
        homeNodeId: w.nodes.B1.id,
        password: 'Xy-long-pass-1',
      }),
    );
    await expectDenied(
      c.req('POST', '/api/users', {
        username: 'intruder2',
        displayName: '外人',
        homeNodeId: w.nodes.A1a.id,
        password: 'Xy-long-pass-1',
        roles: [{ role: 'town_admin', nodeId: w.nodes.B1.id }],
      }),
    );
    expect(await x.s.database.query(`select id from users where username in ('intruder1', 'intruder2')`)).toEqual([]);
  },
  'PUT /api/users/:id': async (x) => {
    const t = x.w.users['B:teacher'];
    const before = await userState(x, t.id);
    // As built (so a change left by an earlier role's case fails this one too).
    expect(before.u).toMatchObject({ display_name: t.username, disabled: false });
    await expectDenied(
      x.c.req('PUT', `/api/users/${t.id}`, {
        displayName: '改',
        phone: null,
        homeNodeId: x.w.nodes.B1a.id,
        disabled: true,
      }),
    );
    expect(await userState(x, t.id)).toEqual(before);
  },
  'POST /api/users/bulk': async (x) => {
    // Accounts for the towns and centres of another county or town: refused, none made.
    const count = async () => (await x.s.database.query('select count(*)::int as n from users'))[0];
    const before = await count();
    for (const f of foreignNodes(x).filter((n) => ['A', 'A2', 'B', 'B1'].includes(n.key)))
      await expectDenied(x.c.req('POST', '/api/users/bulk', { nodeId: f.id, rule: 'pinyin' }));
    expect(await count()).toEqual(before);
  },
  'POST /api/users/:id/password': async (x) => {
    const id = x.w.users['B:teacher'].id;
    const before = await userState(x, id);
    await expectDenied(x.c.req('POST', `/api/users/${id}/password`, { password: 'Another-pass-9' }));
    expect(await userState(x, id)).toEqual(before);
  },
  'POST /api/users/:id/roles': async (x) => {
    const ids = [x.w.users['B:teacher'].id, x.w.users['A:teacher'].id];
    const before = await rolesOf(x, ids);
    await expectDenied(x.c.req('POST', `/api/users/${ids[0]}/roles`, { role: 'leader', nodeId: x.w.nodes.B1.id }));
    await expectDenied(x.c.req('POST', `/api/users/${ids[1]}/roles`, { role: 'leader', nodeId: x.w.nodes.B1.id }));
    expect(await rolesOf(x, ids)).toEqual(before);
  },
  'DELETE /api/users/:id/roles/:assignmentId': async (x) => {
    const id = x.w.users['B:teacher'].id;
    const before = await rolesOf(x, [id]);
    expect(before).toHaveLength(1);
    await expectDenied(x.c.req('DELETE', `/api/users/${id}/roles/${before[0].id}`));
    expect(await rolesOf(x, [id])).toEqual(before);
  },
  'GET /api/setup': 'public',
  // Once accounts exist the first-run page is closed, for everyone and even with the right code.
  'POST /api/setup': async ({ c, s }) => {
    const before = await s.database.query<{ n: number }>('select count(*)::int as n from users');
    const r = await c.req('POST', '/api/setup', {
      setupCode: firstRunCode(s.app.protector),
      username: 'usurper',
      displayName: '篡位者',
      password: 'Usurp-pass-2026',
      countyName: '伪县',
    });
    expect(r.statusCode).toBe(409);
    expect(await s.database.query<{ n: number }>('select count(*)::int as n from users')).toEqual(before);
  },
};

/** Everything a refused account write could change: the user row (password hash included) and their sessions. */
async function userState(x: MatrixCtx, id: string) {
  const [u] = await x.s.database.query(
    'select username, display_name, phone, home_node_id, password_hash, password_changed_at, must_change_password, disabled, updated_at from users where id = $1',
    [id],
  );
  const sessions = await x.s.database.query('select id from sessions where user_id = $1 order by id', [id]);
  return { u, sessions };
}

const rolesOf = (x: MatrixCtx, ids: string[]) =>
  x.s.database.query<{ id: string }>(
    'select id, user_id, role, node_id from role_assignments where user_id = any($1) order by id',
    [ids],
  );
