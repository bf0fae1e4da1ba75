import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { planItems, scheduleItems } from '../../src/modules/plans/plans.table';
import { countyOf } from '../activity-factories';
import type { World } from '../factories';
import type { TestServer } from '../server';
import { expectDenied, expectOk, expectSameIds, ownPath, sqlIds, under, type Matrix, type MatrixCtx } from './context';

type Fixture = { key: string; path: string; nodeId: string; itemId: string };
const made = new WeakMap<TestServer, Promise<{ plans: Fixture[]; schedules: Fixture[] }>>();

/** Plan items of centres B1a, A2a, A1b and 配档表 rows of towns B1, A2 (made once per server). */
function foreignPlans(s: TestServer, w: World) {
  let p = made.get(s);
  if (!p) {
    p = (async () => {
      const plans: Fixture[] = [];
      const schedules: Fixture[] = [];
      for (const key of ['B1a', 'A2a', 'A1b']) {
        const n = w.nodes[key];
        const [row] = await s.database.db
          .insert(planItems)
          .values({
            countyId: countyOf(n),
            centreId: n.id,
            year: 2026,
            month: 5,
            title: `矩阵计划${key}`,
            theme: 'health',
          })
          .returning();
        plans.push({ key, path: n.path, nodeId: n.id, itemId: row.id });
      }
      for (const key of ['B1', 'A2']) {
        const n = w.nodes[key];
        const [row] = await s.database.db
          .insert(scheduleItems)
          .values({ countyId: countyOf(n), townId: n.id, year: 2026, month: 5, workItem: `矩阵配档${key}` })
          .returning();
        schedules.push({ key, path: n.path, nodeId: n.id, itemId: row.id });
      }
      return { plans, schedules };
    })();
    made.set(s, p);
  }
  return p;
}

async function foreign(x: Pick<MatrixCtx, 's' | 'w' | 'home'>) {
  const own = ownPath(x);
  const all = await foreignPlans(x.s, x.w);
  return {
    plans: all.plans.filter((f) => !f.path.startsWith(own)),
    schedules: all.schedules.filter((f) => !f.path.startsWith(own)),
  };
}

const planTitle = async (s: TestServer, id: string) =>
  (await s.database.db.select().from(planItems).where(eq(planItems.id, id)))[0]?.title;
const workItem = async (s: TestServer, id: string) =>
  (await s.database.db.select().from(scheduleItems).where(eq(scheduleItems.id, id)))[0]?.workItem;

/** Centres' annual plans, the towns' 配档表, plan versus actual. */
export const PLANS_MATRIX: Matrix = {
  'GET /api/plans': async ({ c, s, w, home }) => {
    for (const f of (await foreign({ s, w, home })).plans)
      await expectDenied(c.req('GET', `/api/plans?centreId=${f.nodeId}&year=2026`));
  },
  'POST /api/plans': async ({ c, s, w, home }) => {
    for (const f of (await foreign({ s, w, home })).plans)
      await expectDenied(
        c.req('POST', '/api/plans', { centreId: f.nodeId, year: 2026, month: 6, title: '越权计划', theme: 'health' }),
      );
    expect(await s.database.db.select().from(planItems).where(eq(planItems.title, '越权计划'))).toEqual([]);
  },
  'PUT /api/plans/:id': async ({ c, s, w, home }) => {
    for (const f of (await foreign({ s, w, home })).plans) {
      await expectDenied(c.req('PUT', `/api/plans/${f.itemId}`, { month: 6, title: '越权', theme: 'health' }));
      expect(await planTitle(s, f.itemId)).toBe(`矩阵计划${f.key}`);
    }
  },
  'DELETE /api/plans/:id': async ({ c, s, w, home }) => {
    for (const f of (await foreign({ s, w, home })).plans) {
      await expectDenied(c.req('DELETE', `/api/plans/${f.itemId}`));
      expect(await planTitle(s, f.itemId)).toBe(`矩阵计划${f.key}`);
    }
  },
  'GET /api/schedules': async ({ c, s, w, home }) => {
    for (const f of (await foreign({ s, w, home })).schedules)
      await expectDenied(c.req('GET', `/api/schedules?townId=${f.nodeId}&year=2026`));
  },
  'POST /api/schedules': async ({ c, s, w, home }) => {
    for (const f of (await foreign({ s, w, home })).schedules)
      await expectDenied(
        c.req('POST', '/api/schedules', { townId: f.nodeId, year: 2026, month: 6, workItem: '越权配档' }),
      );
    expect(await s.database.db.select().from(scheduleItems).where(eq(scheduleItems.workItem, '越权配档'))).toEqual([]);
  },
  'PUT /api/schedules/:id': async ({ c, s, w, home }) => {
    for (const f of (await foreign({ s, w, home })).schedules) {
      await expectDenied(c.req('PUT', `/api/schedules/${f.itemId}`, { month: 6, workItem: '越权' }));
      expect(await workItem(s, f.itemId)).toBe(`矩阵配档${f.key}`);
    }
  },
  'DELETE /api/schedules/:id': async ({ c, s, w, home }) => {
    for (const f of (await foreign({ s, w, home })).schedules) {
      await expectDenied(c.req('DELETE', `/api/schedules/${f.itemId}`));
      expect(await workItem(s, f.itemId)).toBe(`矩阵配档${f.key}`);
    }
  },
  'GET /api/plan-versus-actual': async (x) => {
    await foreignPlans(x.s, x.w);
    const page = await expectOk(x.c.req('GET', '/api/plan-versus-actual?year=2026&pageSize=200'));
    const want = await sqlIds(x, `select id from org_nodes where level = 'centre' and path like $1`, [under(x)]);
    expectSameIds(
      page.items.map((row: { id: string }) => row.id),
      want,
      'centres',
    );
    await expectDenied(x.c.req('GET', `/api/plan-versus-actual?year=2026&nodeId=${x.w.nodes.B1.id}`));
  },
};
