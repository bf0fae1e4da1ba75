import { expect } from 'vitest';
import type { World } from '../factories';
import type { TestServer } from '../server';
import { buildFamily, buildNomination, buildSelection } from '../award-factories';
import {
  admits,
  expectDenied,
  expectOk,
  expectSameIds,
  ownPath,
  sqlIds,
  under,
  type Matrix,
  type MatrixCtx,
} from './context';

type Fixture = { ownerPath: string; centrePath: string; selectionId: string; nominationId: string; centreId: string };

const fixtures = new WeakMap<TestServer, Promise<Fixture[]>>();

/**
 * A selection with one reviewed nomination in each of these places (made once per test server):
 * county B's (nominated at B1a), town A2's (at A2a), county A's (at A1b and at A2b).
 */
function awardFixtures(s: TestServer, w: World): Promise<Fixture[]> {
  let p = fixtures.get(s);
  if (!p) {
    p = (async () => {
      const out: Fixture[] = [];
      for (const [owner, centres, kind] of [
        ['B', ['B1a'], 'family'],
        ['A2', ['A2a'], 'family'],
        ['A', ['A1b', 'A2b'], 'star'],
      ] as const) {
        const selectionId = await buildSelection(s.database, w.nodes[owner], { kind, title: `矩阵${owner}` });
        for (const c of centres) {
          const centre = w.nodes[c];
          const fam = await buildFamily(s.database, centre, [`矩阵${c}`], 0);
          const nominationId = await buildNomination(s.database, {
            selectionId,
            centre,
            householdId: fam.householdId,
            name: `矩阵${c}家庭`,
            status: 'reviewed',
          });
          out.push({
            ownerPath: w.nodes[owner].path,
            centrePath: centre.path,
            selectionId,
            nominationId,
            centreId: centre.id,
          });
        }
      }
      return out;
    })();
    fixtures.set(s, p);
  }
  return p;
}

/** Selections the actor may not read: owned neither over nor above their home. */
async function hiddenSelections(x: MatrixCtx): Promise<Fixture[]> {
  const home = ownPath(x);
  return (await awardFixtures(x.s, x.w)).filter((f) => !f.ownerPath.startsWith(home) && !home.startsWith(f.ownerPath));
}

/** Nominations of centres outside the actor's home subtree. */
async function hiddenNominations(x: MatrixCtx): Promise<Fixture[]> {
  return (await awardFixtures(x.s, x.w)).filter((f) => !f.centrePath.startsWith(ownPath(x)));
}

const snapshot = (x: MatrixCtx) =>
  x.s.database.query(
    `select s.id, s.status, s.title, s.quota, (select json_agg(json_build_object('id', n.id, 'status', n.status, 'score', n.review_score, 'html', n.account_html) order by n.id) from award_nominations n where n.selection_id = s.id) as noms from award_selections s order by s.id`,
  );

/** Each refused write of the hidden targets: the exact status, and nothing changed anywhere. */
const refusedOnHidden =
  (
    method: string,
    key: string,
    pick: (x: MatrixCtx) => Promise<Fixture[]>,
    url: (f: Fixture) => string,
    body?: unknown,
  ) =>
  async (x: MatrixCtx) => {
    const targets = await pick(x);
    expect(targets.length, 'targets').toBeGreaterThan(0);
    const before = await snapshot(x);
    for (const f of targets) await expectDenied(x.c.req(method, url(f), body));
    expect(await snapshot(x)).toEqual(before);
    void key;
  };

const readHidden =
  (key: string, pick: (x: MatrixCtx) => Promise<Fixture[]>, url: (f: Fixture) => string) => async (x: MatrixCtx) => {
    const targets = await pick(x);
    for (const f of targets) await expectDenied(x.c.req('GET', url(f)));
    void key;
  };

const selectionFields = {
  title: '越权评选',
  nominateFrom: '2026-01-01',
  nominateUntil: '2026-12-31',
  quotaScope: 'centre',
  quota: 3,
  minHours: null,
  minCredits: null,
  excludeWinnerYears: 0,
  rewardCredits: null,
  rewardText: null,
};

/** 评选表彰: selections, nominations, review and decision. */
export const AWARDS_MATRIX: Matrix = {
  'GET /api/award-selections': async (x) => {
    await awardFixtures(x.s, x.w);
    const r = await x.c.req('GET', '/api/award-selections?pageSize=100');
    if (!admits(x, 'GET /api/award-selections')) return expectDenied(r);
    const page = await expectOk(Promise.resolve(r));
    const want = await sqlIds(
      x,
      `select s.id from award_selections s join org_nodes n on n.id = s.owner_node_id where n.path like $1 or $2 like n.path || '%'`,
      [under(x), ownPath(x)],
    );
    expectSameIds(
      page.items.map((i: { id: string }) => i.id),
      want,
      'selections',
    );
  },
  'GET /api/award-selections/:id': readHidden('one', hiddenSelections, (f) => `/api/award-selections/${f.selectionId}`),
  'GET /api/award-selections/:id/results': readHidden(
    'results',
    hiddenSelections,
    (f) => `/api/award-selections/${f.selectionId}/results`,
  ),
  'POST /api/award-selections': async (x) => {
    const before = await snapshot(x);
    for (const owner of ['B', 'A2'])
      if (!x.w.nodes[owner].path.startsWith(ownPath(x)))
        await expectDenied(
          x.c.req('POST', '/api/award-selections', {
            ...selectionFields,
            ownerNodeId: x.w.nodes[owner].id,
            year: 2026,
            kind: 'unit',
          }),
        );
    expect(await snapshot(x)).toEqual(before);
  },
  'PUT /api/award-selections/:id': refusedOnHidden(
    'PUT',
    'update',
    hiddenSelections,
    (f) => `/api/award-selections/${f.selectionId}`,
    selectionFields,
  ),
  'POST /api/award-selections/:id/publish': refusedOnHidden(
    'POST',
    'publish',
    hiddenSelections,
    (f) => `/api/award-selections/${f.selectionId}/publish`,
  ),
  'GET /api/award-nominees': async (x) => {
    for (const f of await hiddenNominations(x))
      await expectDenied(x.c.req('GET', `/api/award-nominees?selectionId=${f.selectionId}&nodeId=${f.centreId}`));
  },
  'GET /api/award-nominations': async (x) => {
    await awardFixtures(x.s, x.w);
    const r = await x.c.req('GET', '/api/award-nominations?pageSize=100');
    if (!admits(x, 'GET /api/award-nominations')) return expectDenied(r);
    const page = await expectOk(Promise.resolve(r));
    const want = await sqlIds(
      x,
      `select a.id from award_nominations a join org_nodes n on n.id = a.node_id where n.path like $1`,
      [under(x)],
    );
    expectSameIds(
      page.items.map((i: { id: string }) => i.id),
      want,
      'nominations',
    );
  },
  'GET /api/award-nominations/:id': readHidden(
    'one',
    hiddenNominations,
    (f) => `/api/award-nominations/${f.nominationId}`,
  ),
  'POST /api/award-nominations': async (x) => {
    const before = await snapshot(x);
    for (const f of await hiddenNominations(x))
      await expectDenied(
        x.c.req('POST', '/api/award-nominations', {
          selectionId: f.selectionId,
          nodeId: f.centreId,
          nominee: { id: null, name: '越权' },
        }),
      );
    expect(await snapshot(x)).toEqual(before);
  },
  'PUT /api/award-nominations/:id': refusedOnHidden(
    'PUT',
    'update',
    hiddenNominations,
    (f) => `/api/award-nominations/${f.nominationId}`,
    {
      nominee: { id: null, name: '越权' },
      accountHtml: '<p>越权</p>',
    },
  ),
  'POST /api/award-nominations/:id/submit': refusedOnHidden(
    'POST',
    'submit',
    hiddenNominations,
    (f) => `/api/award-nominations/${f.nominationId}/submit`,
  ),
  'POST /api/award-nominations/:id/review': refusedOnHidden(
    'POST',
    'review',
    hiddenNominations,
    (f) => `/api/award-nominations/${f.nominationId}/review`,
    { outcome: 'returned', scores: { deeds: 1, learning: 1, influence: 1 }, comment: '越权' },
  ),
  'POST /api/award-nominations/:id/decide': refusedOnHidden(
    'POST',
    'decide',
    hiddenNominations,
    (f) => `/api/award-nominations/${f.nominationId}/decide`,
    { outcome: 'approved' },
  ),
  'GET /api/award-winners': async (x) => {
    await expectDenied(x.c.req('GET', '/api/award-winners'), 401);
  },
};
