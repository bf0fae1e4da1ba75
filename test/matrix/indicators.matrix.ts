import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { indicatorTargets } from '../../src/modules/indicators/indicators.table';
import { RESIDENT_ROLES } from '../../src/shared/roles';
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
  'GET /api/indicators/records': async (x) => {
    const q = (nodeId: string, measure: string) =>
      `/api/indicators/records?nodeId=${nodeId}&measure=${measure}&year=2026&pageSize=100`;
    for (const n of foreignNodes(x)) await expectDenied(x.c.req('GET', q(n.id, 'participants')));
    const home = x.w.nodes[x.home];
    // The activities behind the count: exactly those held under the actor's node.
    const acts = await expectOk(x.c.req('GET', q(home.id, 'activities_held')));
    const wantActs = await sqlIds(
      x,
      `select a.id from activities a join org_nodes n on n.id = a.centre_id
        where n.path like $1 and a.status in ('open', 'done')
          and a.starts_at >= '2026-01-01T00:00+08' and a.starts_at < '2027-01-01T00:00+08'`,
      [`${home.path}%`],
    );
    expectSameIds(
      acts.activities.map((a: { id: string }) => a.id),
      wantActs,
      'drill-down activities',
    );
    // The residents: named for resident keepers, a count alone for everyone else.
    const people = await expectOk(x.c.req('GET', q(home.id, 'participants')));
    const want = await sqlIds(
      x,
      `select distinct t.resident_id as id from stat_attendance t join org_nodes n on n.id = t.centre_id
        where n.path like $1 and t.month between 202601 and 202612`,
      [`${home.path}%`],
    );
    const keeper = RESIDENT_ROLES.includes(x.role);
    expect(people.total).toBe(want.length);
    expectSameIds(
      people.residents.map((r: { id: string }) => r.id),
      keeper ? want : [],
      'drill-down residents',
    );
  },
  'GET /api/indicators/records.xlsx': async (x) => {
    const q = (nodeId: string) => `/api/indicators/records.xlsx?nodeId=${nodeId}&measure=participants&year=2026`;
    for (const n of foreignNodes(x)) await expectDenied(x.c.req('GET', q(n.id)));
    const r = await x.c.req('GET', q(x.w.nodes[x.home].id));
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
  },
  'GET /api/indicators/dashboard': async (x) => {
    for (const n of foreignNodes(x))
      await expectDenied(x.c.req('GET', `/api/indicators/dashboard?nodeId=${n.id}&year=2026`));
    const home = x.w.nodes[x.home];
    const d = await expectOk(x.c.req('GET', `/api/indicators/dashboard?nodeId=${home.id}&year=2026`));
    const want = await sqlIds(x, `select id from org_nodes where path like $1 and level = 'centre'`, [`${home.path}%`]);
    expectSameIds(
      d.centres.map((c: { node: { id: string } }) => c.node.id),
      want,
      'dashboard centres',
    );
  },
  'GET /api/indicators/dashboard.xlsx': async (x) => {
    for (const n of foreignNodes(x))
      await expectDenied(x.c.req('GET', `/api/indicators/dashboard.xlsx?nodeId=${n.id}&year=2026`));
    const r = await x.c.req(
      'GET',
      `/api/indicators/dashboard.xlsx?nodeId=${x.w.nodes[x.home].id}&year=2026&table=centres`,
    );
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
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
