import { expect } from 'vitest';
import { admits, expectDenied, expectOk, expectSameIds, sqlIds, under, type Matrix } from './context';
import { exportRow } from './exports';

/** The audit trail and settings. */
export const AUDIT_MATRIX: Matrix = {
  'GET /api/audit': async (x) => {
    const r = await x.c.req('GET', '/api/audit?pageSize=200');
    if (!admits(x, 'GET /api/audit')) return expectDenied(r);
    const page = await expectOk(Promise.resolve(r));
    // What happened on a node of the own subtree, and one's own actions that belong to no node.
    const where = `from audit_log a left join org_nodes n on n.id = a.node_id where n.path like $1 or (a.node_id is null and a.actor_id = $2)`;
    const want = await sqlIds(x, `select a.id ${where} order by a.id desc limit 200`, [under(x), x.userId]);
    expectSameIds(
      page.items.map((i: { id: number }) => i.id),
      want,
      'audit page',
    );
    const [{ n }] = await x.s.database.query<{ n: number }>(`select count(*)::int as n ${where}`, [under(x), x.userId]);
    expect(page.total).toBe(n);
    expect(n).toBeGreaterThan(0);
    await expectDenied(x.c.req('GET', `/api/audit?nodeId=${x.w.nodes.B.id}`));
  },
  'GET /api/audit/export.xlsx': exportRow({
    route: 'GET /api/audit/export.xlsx',
    urls: async () => ({ exportUrl: '/api/audit/export.xlsx', listUrl: '/api/audit' }),
    action: 'audit.export',
    columns: ['编号', '操作', '操作人'],
    cells: (a) => [a.id, a.action, a.actorName],
    refused: async (x) => [`/api/audit/export.xlsx?nodeId=${x.w.nodes.B.id}`],
  }),
  'GET /api/audit/verify': async ({ c }) => expectDenied(c.req('GET', '/api/audit/verify')),
  'GET /api/settings': async ({ c }) => expectDenied(c.req('GET', '/api/settings')),
  'PUT /api/settings': async (x) => {
    const read = () => x.s.database.query('select key, value, updated_at from settings order by key');
    const before = await read();
    await expectDenied(x.c.req('PUT', '/api/settings', { passwordMaxAgeDays: 1, idleTimeoutMinutes: 5 }));
    expect(await read()).toEqual(before);
  },
};
