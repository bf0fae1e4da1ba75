import { expect } from 'vitest';
import { RESIDENT_ROLES, type Role } from '../../src/shared/roles';
import { foreignResidents, residentBody } from '../people-factories';
import { expectDenied, expectOk, expectSameIds, ownPath, sqlIds, under, type Matrix, type MatrixCtx } from './context';

const KEYS = ['B1a', 'A2a', 'A1b'] as const;
const STATS: Role[] = [...RESIDENT_ROLES, 'leader'];

/** The foreign residents (ids) of this actor: those living outside the actor's home subtree. */
async function foreign(x: MatrixCtx) {
  const all = await foreignResidents(x.s, x.w);
  const own = ownPath(x);
  const keys = KEYS.filter((k) => !x.w.nodes[k].path.startsWith(own));
  return {
    all,
    keys,
    residents: keys.flatMap((k) => [all[k], all[`${k}:child`]]),
    households: keys.map((k) => all[`${k}:household`]),
  };
}

async function residentName(x: MatrixCtx, id: string): Promise<string | undefined> {
  const [row] = await x.s.database.query<{ name: string }>('select name from residents where id = $1', [id]);
  return row?.name;
}

/** Residents, households and the county tag list. */
export const PEOPLE_MATRIX: Matrix = {
  'GET /api/residents': async (x) => {
    const { c, role } = x;
    const f = await foreign(x);
    const r = await c.req('GET', '/api/residents?pageSize=200');
    if (!RESIDENT_ROLES.includes(role)) return expectDenied(r);
    expect(r.statusCode, r.body).toBe(200);
    const own = ownPath(x);
    const expected = await x.s.database.query<{ id: string }>(
      `select r.id from residents r join org_nodes n on n.id = r.node_id where n.path like $1 and r.anonymized_at is null`,
      [`${own}%`],
    );
    expect(
      r
        .json()
        .items.map((i: { id: string }) => i.id)
        .sort(),
    ).toEqual(expected.map((e) => e.id).sort());
    for (const id of f.residents) expect(JSON.stringify(r.json())).not.toContain(id);
    const tail = await c.req('GET', '/api/residents?q=1011');
    expect(tail.statusCode, tail.body).toBe(200);
    for (const id of f.residents) expect(tail.body).not.toContain(id);
    await expectDenied(c.req('GET', `/api/residents?nodeId=${x.w.nodes.B.id}`));
  },
  'GET /api/residents/stats': async (x) => {
    const { c, role } = x;
    await foreign(x);
    const r = await c.req('GET', '/api/residents/stats');
    if (!STATS.includes(role)) return expectDenied(r);
    expect(r.statusCode, r.body).toBe(200);
    const expected = await x.s.database.query<{ n: number }>(
      `select count(*)::int as n from residents r join org_nodes n on n.id = r.node_id where n.path like $1 and r.anonymized_at is null`,
      [`${ownPath(x)}%`],
    );
    expect(r.json().total).toBe(expected[0].n);
    for (const k of KEYS.filter((k) => !x.w.nodes[k].path.startsWith(ownPath(x))))
      await expectDenied(c.req('GET', `/api/residents/stats?nodeId=${x.w.nodes[k].id}`));
  },
  'GET /api/residents/:id': async (x) => {
    for (const id of (await foreign(x)).residents) await expectDenied(x.c.req('GET', `/api/residents/${id}`));
  },
  'POST /api/residents': async (x) => {
    for (const key of (await foreign(x)).keys) {
      const before = await x.s.database.query<{ n: number }>(
        'select count(*)::int as n from residents where node_id = $1',
        [x.w.nodes[key].id],
      );
      await expectDenied(x.c.req('POST', '/api/residents', residentBody(x.w.nodes[key].id, { name: '越权登记' })));
      const after = await x.s.database.query<{ n: number }>(
        'select count(*)::int as n from residents where node_id = $1',
        [x.w.nodes[key].id],
      );
      expect(after[0].n).toBe(before[0].n);
    }
  },
  'PUT /api/residents/:id': async (x) => {
    const f = await foreign(x);
    for (const k of f.keys) {
      const id = f.all[k];
      const before = await residentName(x, id);
      await expectDenied(x.c.req('PUT', `/api/residents/${id}`, { nodeId: x.w.nodes[x.home].id, name: '被改名' }));
      await expectDenied(x.c.req('PUT', `/api/residents/${id}`, { nodeId: x.w.nodes[k].id, name: '被改名' }));
      expect(await residentName(x, id)).toBe(before);
    }
  },
  'DELETE /api/residents/:id': async (x) => {
    for (const id of (await foreign(x)).residents) {
      await expectDenied(x.c.req('DELETE', `/api/residents/${id}`));
      expect(await residentName(x, id)).toMatch(/^外村/);
    }
  },
  'POST /api/residents/:id/reveal': async (x) => {
    for (const id of (await foreign(x)).residents) {
      await expectDenied(x.c.req('POST', `/api/residents/${id}/reveal`, { field: 'idNumber' }));
      await expectDenied(x.c.req('POST', `/api/residents/${id}/reveal`, { field: 'phone' }));
    }
  },
  'GET /api/residents/:id/export': async (x) => {
    for (const id of (await foreign(x)).residents) await expectDenied(x.c.req('GET', `/api/residents/${id}/export`));
  },
  'POST /api/residents/:id/consents': async (x) => {
    for (const id of (await foreign(x)).residents) {
      await expectDenied(
        x.c.req('POST', `/api/residents/${id}/consents`, {
          given: true,
          purpose: '越权',
          givenBy: 'guardian',
          guardianName: '某人',
          method: 'paper',
        }),
      );
    }
    const rows = await x.s.database.query<{ n: number }>(
      `select count(*)::int as n from consents where purpose = '越权'`,
    );
    expect(rows[0].n).toBe(0);
  },
  'POST /api/residents/:id/consents/:consentId/withdraw': async (x) => {
    for (const id of (await foreign(x)).residents) {
      const [c] = await x.s.database.query<{ id: string }>('select id from consents where resident_id = $1', [id]);
      await expectDenied(x.c.req('POST', `/api/residents/${id}/consents/${c.id}/withdraw`));
      const [after] = await x.s.database.query<{ withdrawn_at: unknown }>(
        'select withdrawn_at from consents where id = $1',
        [c.id],
      );
      expect(after.withdrawn_at).toBeNull();
    }
  },
  'GET /api/households': async (x) => {
    const f = await foreign(x);
    const r = await x.c.req('GET', '/api/households?pageSize=200');
    if (!RESIDENT_ROLES.includes(x.role)) return expectDenied(r);
    const page = await expectOk(Promise.resolve(r));
    const want = await sqlIds(
      x,
      'select h.id from households h join org_nodes n on n.id = h.node_id where n.path like $1',
      [under(x)],
    );
    expectSameIds(
      page.items.map((h: { id: string }) => h.id),
      want,
      'households',
    );
    expect(page.total).toBe(want.length);
    for (const id of f.households) expect(r.body).not.toContain(id);
  },
  'GET /api/households/:id': async (x) => {
    for (const id of (await foreign(x)).households) await expectDenied(x.c.req('GET', `/api/households/${id}`));
  },
  'POST /api/households': async (x) => {
    for (const key of (await foreign(x)).keys)
      await expectDenied(x.c.req('POST', '/api/households', { nodeId: x.w.nodes[key].id, headName: '越权户' }));
    expect(
      (
        await x.s.database.query<{ n: number }>(`select count(*)::int as n from households where head_name = '越权户'`)
      )[0].n,
    ).toBe(0);
  },
  'PUT /api/households/:id': async (x) => {
    const f = await foreign(x);
    for (const [i, id] of f.households.entries()) {
      await expectDenied(
        x.c.req('PUT', `/api/households/${id}`, { nodeId: x.w.nodes[f.keys[i]].id, headName: '被改户' }),
      );
    }
    expect(
      (
        await x.s.database.query<{ n: number }>(`select count(*)::int as n from households where head_name = '被改户'`)
      )[0].n,
    ).toBe(0);
  },
  'GET /api/counties/:countyId/resident-tags': async (x) => {
    await expectDenied(x.c.req('GET', `/api/counties/${x.w.nodes.B.id}/resident-tags`));
    const own = await x.c.req('GET', `/api/counties/${x.w.nodes.A.id}/resident-tags`);
    if (!STATS.includes(x.role)) await expectDenied(own);
  },
  'POST /api/counties/:countyId/resident-tags': async (x) => {
    await expectDenied(
      x.c.req('POST', `/api/counties/${x.w.nodes.B.id}/resident-tags`, { code: 'intruder', label: '越权' }),
    );
    if (x.role !== 'county_admin')
      await expectDenied(
        x.c.req('POST', `/api/counties/${x.w.nodes.A.id}/resident-tags`, { code: 'intruder', label: '越权' }),
      );
    expect(
      (
        await x.s.database.query<{ n: number }>(
          `select count(*)::int as n from resident_tag_defs where code = 'intruder'`,
        )
      )[0].n,
    ).toBe(0);
  },
  'PUT /api/counties/:countyId/resident-tags/:code': async (x) => {
    await expectDenied(
      x.c.req('PUT', `/api/counties/${x.w.nodes.B.id}/resident-tags/elderly`, { label: '被改', sensitive: false }),
    );
    if (x.role !== 'county_admin')
      await expectDenied(
        x.c.req('PUT', `/api/counties/${x.w.nodes.A.id}/resident-tags/elderly`, { label: '被改', sensitive: false }),
      );
    expect(
      (
        await x.s.database.query<{ n: number }>(`select count(*)::int as n from resident_tag_defs where label = '被改'`)
      )[0].n,
    ).toBe(0);
  },
  'DELETE /api/counties/:countyId/resident-tags/:code': async (x) => {
    await expectDenied(x.c.req('DELETE', `/api/counties/${x.w.nodes.B.id}/resident-tags/veteran`));
    if (x.role !== 'county_admin')
      await expectDenied(x.c.req('DELETE', `/api/counties/${x.w.nodes.A.id}/resident-tags/veteran`));
    expect(
      (
        await x.s.database.query<{ n: number }>(
          `select count(*)::int as n from resident_tag_defs where code = 'veteran' and county_id = $1`,
          [x.w.nodes.B.id],
        )
      )[0].n,
    ).toBe(1);
  },
};
