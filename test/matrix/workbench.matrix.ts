import { expect } from 'vitest';
import { chinaInstant } from '../../src/shared/china-time';
import type { Workbench } from '../../src/modules/workbench/workbench.contract';
import { expectDenied, expectOk, expectSameIds, foreignNodes, sqlIds, under, type Matrix } from './context';

/** The workbench of the actor's node: nothing of another node, another town or county. */
export const WORKBENCH_MATRIX: Matrix = {
  'GET /api/workbench': async (x) => {
    for (const n of foreignNodes(x)) await expectDenied(x.c.req('GET', `/api/workbench?nodeId=${n.id}`));
    const wb = await expectOk<Workbench>(x.c.req('GET', '/api/workbench'));
    expect(wb.node.id).toBe(x.w.nodes[x.home].id);
    expect(wb.waiting === null).toBe(x.role === 'leader');
    // The centres counted and those listed as behind are the actor's own.
    const centres = await sqlIds(x, `select id from org_nodes where level = 'centre' and path like $1`, [under(x)]);
    expect(wb.missedCentres.of).toBe(centres.length);
    for (const c of wb.missedCentres.centres) expect(centres).toContain(c.id);
    // The week's activities: exactly the actor's subtree's, not cancelled.
    const next = new Date(Date.parse(`${wb.week.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const want = await sqlIds(
      x,
      `select a.id from activities a join org_nodes n on n.id = a.centre_id
        where n.path like $1 and a.status <> 'cancelled' and a.starts_at >= $2 and a.starts_at < $3`,
      [under(x), chinaInstant(wb.week.from), chinaInstant(next)],
    );
    expectSameIds(
      wb.activities.week.map((a) => a.id),
      want,
      'week activities',
    );
  },
};
