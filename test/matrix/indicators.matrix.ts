import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { indicatorTargets } from '../../src/modules/indicators/indicators.table';
import { expectDenied, expectOk, expectSameIds, foreignNodes, sqlIds, type Matrix } from './context';

/** The indicators of a node and its grid; the county's targets. */
export const INDICATORS_MATRIX: Matrix = {
  'GET /api/indicators': async (x) => {
    // Every node outside the actor's subtree is hidden, whatever its level.
    for (const n of foreignNodes(x)) await expectDenied(x.c.req('GET', `/api/indicators?nodeId=${n.id}&year=2026`));
    // Their own node: the grid holds exactly the nodes under it the service should list.
    const home = x.w.nodes[x.home];
    const r = await expectOk(x.c.req('GET', `/api/indicators?nodeId=${home.id}&year=2026&month=5`));
    const want = await sqlIds(
      x,
      `select id from org_nodes where parent_id = $1
         and (level = 'town' or (select level from org_nodes where id = $1) <> 'county')`,
      [home.id],
    );
    expectSameIds(
      r.children.map((c: { node: { id: string } }) => c.node.id),
      want,
      'indicator grid',
    );
  },
  'GET /api/indicator-targets/:countyId': async ({ c, w }) => {
    await expectDenied(c.req('GET', `/api/indicator-targets/${w.nodes.B.id}?year=2026`));
    // A town is not a county: not found, never another county's targets.
    await expectDenied(c.req('GET', `/api/indicator-targets/${w.nodes.B1.id}?year=2026`));
    const own = await expectOk(c.req('GET', `/api/indicator-targets/${w.nodes.A.id}?year=2026`));
    expect(own.countyId).toBe(w.nodes.A.id);
  },
  'PUT /api/indicator-targets/:countyId': async ({ c, s, w }) => {
    const t = { measure: 'participation_rate', enabled: true, threshold: 1, direction: 'at_least', levels: ['town'] };
    await expectDenied(c.req('PUT', `/api/indicator-targets/${w.nodes.B.id}`, { year: 2026, targets: [t] }));
    expect(
      await s.database.db.select().from(indicatorTargets).where(eq(indicatorTargets.countyId, w.nodes.B.id)),
    ).toEqual([]);
  },
};
