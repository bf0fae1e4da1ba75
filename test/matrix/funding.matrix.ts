import { expect } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import {
  fundingAllocations,
  fundingBudgetLines,
  fundingBudgets,
  fundingExpenses,
  fundingStandards,
} from '../../src/modules/funding/funding.table';
import type { World } from '../factories';
import type { TestServer } from '../server';
import { exportRow } from './exports';
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

const YEAR = 2026;
type Fixture = { key: string; path: string; nodeId: string; expenseId: string; budgetId: string | null };
const fixtures = new WeakMap<TestServer, Promise<Fixture[]>>();

/**
 * One recorded expense at each of these towns and centres (made once per test server), and a
 * budget with a line and an allocation for each town among them: county A's own, its sibling
 * town A2, and county B's.
 */
function funded(s: TestServer, w: World): Promise<Fixture[]> {
  let p = fixtures.get(s);
  if (!p) {
    p = (async () => {
      const out: Fixture[] = [];
      for (const key of ['A1', 'A1a', 'A1b', 'A2', 'A2a', 'B1', 'B1a']) {
        const node = w.nodes[key];
        const [e] = await s.database.db
          .insert(fundingExpenses)
          .values({
            nodeId: node.id,
            category: 'activity',
            payee: `矩阵${key}`,
            amountFen: 1234,
            spentOn: `${YEAR}-03-01`,
            description: '矩阵',
          })
          .returning({ id: fundingExpenses.id });
        let budgetId: string | null = null;
        if (key.length === 2) {
          const [b] = await s.database.db
            .insert(fundingBudgets)
            .values({ townId: node.id, year: YEAR })
            .returning({ id: fundingBudgets.id });
          budgetId = b.id;
          await s.database.db.insert(fundingBudgetLines).values({ budgetId, source: 'government', amountFen: 5000 });
          await s.database.db
            .insert(fundingAllocations)
            .values({ budgetId, centreId: w.nodes[`${key}a`].id, amountFen: 1000 });
        }
        out.push({ key, path: node.path, nodeId: node.id, expenseId: e.id, budgetId });
      }
      return out;
    })();
    fixtures.set(s, p);
  }
  return p;
}

/** The fixtures outside the actor's own subtree. */
async function foreign(x: Pick<MatrixCtx, 's' | 'w' | 'home'>): Promise<Fixture[]> {
  const home = ownPath(x);
  return (await funded(x.s, x.w)).filter((f) => !f.path.startsWith(home));
}
const foreignTowns = async (x: Pick<MatrixCtx, 's' | 'w' | 'home'>) => (await foreign(x)).filter((f) => f.budgetId);

async function budgetState(s: TestServer, ids: string[]) {
  const lines = await s.database.db
    .select({ b: fundingBudgetLines.budgetId, fen: fundingBudgetLines.amountFen })
    .from(fundingBudgetLines)
    .where(inArray(fundingBudgetLines.budgetId, ids));
  const allocations = await s.database.db
    .select({ b: fundingAllocations.budgetId, c: fundingAllocations.centreId, fen: fundingAllocations.amountFen })
    .from(fundingAllocations)
    .where(inArray(fundingAllocations.budgetId, ids));
  const sort = <T>(a: T[]) => a.map((r) => JSON.stringify(r)).sort();
  return { lines: sort(lines), allocations: sort(allocations) };
}

async function expenseRows(s: TestServer, ids: string[]) {
  return s.database.db
    .select({ id: fundingExpenses.id, status: fundingExpenses.status, payee: fundingExpenses.payee })
    .from(fundingExpenses)
    .where(inArray(fundingExpenses.id, ids))
    .orderBy(fundingExpenses.id);
}

const expenseBody = (nodeId: string) => ({
  nodeId,
  category: 'activity',
  payee: '越权收款人',
  amountFen: 100,
  spentOn: `${YEAR}-03-02`,
  description: '越权支出',
  teacherId: null,
  invoiceFileId: null,
  activityId: null,
});

/** Funding: the standard, town budgets and allocations, expenses and the ledger. */
export const FUNDING_MATRIX: Matrix = {
  'GET /api/funding/standards': async (x) => {
    const r = await x.c.req('GET', '/api/funding/standards');
    if (!admits(x, 'GET /api/funding/standards')) return expectDenied(r);
    const { standards } = await expectOk(Promise.resolve(r));
    expect(standards.map((c: { countyId: string }) => c.countyId)).toEqual([x.w.nodes.A.id]);
  },
  'PUT /api/funding/standards/:countyId': async ({ c, s, w }) => {
    await expectDenied(c.req('PUT', `/api/funding/standards/${w.nodes.B.id}`, { perResidentFen: 100 }));
    expect(
      await s.database.db.select().from(fundingStandards).where(eq(fundingStandards.countyId, w.nodes.B.id)),
    ).toEqual([]);
  },
  'GET /api/funding/towns': async (x) => {
    await funded(x.s, x.w);
    const r = await x.c.req('GET', `/api/funding/towns?year=${YEAR}`);
    if (!admits(x, 'GET /api/funding/towns')) return expectDenied(r);
    const { towns } = await expectOk(Promise.resolve(r));
    const want = await sqlIds(x, `select id from org_nodes where level = 'town' and path like $1`, [under(x)]);
    expectSameIds(
      towns.map((t: { townId: string }) => t.townId),
      want,
      'funding towns',
    );
  },
  'GET /api/funding/towns/:townId': async (x) => {
    for (const f of await foreignTowns(x))
      await expectDenied(x.c.req('GET', `/api/funding/towns/${f.nodeId}?year=${YEAR}`));
  },
  'PUT /api/funding/towns/:townId/budget': async (x) => {
    const towns = await foreignTowns(x);
    const ids = towns.map((f) => f.budgetId!);
    const before = await budgetState(x.s, ids);
    const body = { year: YEAR, note: '越权', lines: [{ source: 'other', amountFen: 1, note: null }] };
    for (const f of towns) await expectDenied(x.c.req('PUT', `/api/funding/towns/${f.nodeId}/budget`, body));
    expect(await budgetState(x.s, ids)).toEqual(before);
  },
  'PUT /api/funding/towns/:townId/allocations': async (x) => {
    const towns = await foreignTowns(x);
    const ids = towns.map((f) => f.budgetId!);
    const before = await budgetState(x.s, ids);
    for (const f of towns)
      await expectDenied(
        x.c.req('PUT', `/api/funding/towns/${f.nodeId}/allocations`, {
          year: YEAR,
          items: [{ centreId: x.w.nodes[`${f.key}a`].id, amountFen: 1, note: null }],
        }),
      );
    expect(await budgetState(x.s, ids)).toEqual(before);
  },
  'GET /api/funding/expenses': async (x) => {
    await funded(x.s, x.w);
    const r = await x.c.req('GET', '/api/funding/expenses?pageSize=200');
    if (!admits(x, 'GET /api/funding/expenses')) return expectDenied(r);
    const page = await expectOk(Promise.resolve(r));
    const want = await sqlIds(
      x,
      `select e.id from funding_expenses e join org_nodes n on n.id = e.node_id where n.path like $1`,
      [under(x)],
    );
    expectSameIds(
      page.items.map((e: { id: string }) => e.id),
      want,
      'expenses',
    );
    expect(page.total).toBe(want.length);
    await expectDenied(x.c.req('GET', `/api/funding/expenses?nodeId=${x.w.nodes.B1.id}`));
  },
  'GET /api/funding/expenses/export.xlsx': async (x) => {
    await funded(x.s, x.w);
    await exportRow({
      route: 'GET /api/funding/expenses/export.xlsx',
      urls: async () => ({ exportUrl: '/api/funding/expenses/export.xlsx', listUrl: '/api/funding/expenses' }),
      action: 'funding.export',
      columns: ['镇（街道）/学习中心', '收款人', '支出日期'],
      cells: (e) => [e.nodeName, e.payee, e.spentOn],
      refused: async (y) => [`/api/funding/expenses/export.xlsx?nodeId=${y.w.nodes.B1.id}`],
    })(x);
  },
  'GET /api/funding/expenses/:id': async (x) => {
    for (const f of await foreign(x)) await expectDenied(x.c.req('GET', `/api/funding/expenses/${f.expenseId}`));
  },
  'POST /api/funding/expenses': async (x) => {
    for (const f of await foreign(x))
      await expectDenied(x.c.req('POST', '/api/funding/expenses', expenseBody(f.nodeId)));
    expect(
      await x.s.database.db.select().from(fundingExpenses).where(eq(fundingExpenses.description, '越权支出')),
    ).toEqual([]);
  },
  'PUT /api/funding/expenses/:id': async (x) => {
    const list = await foreign(x);
    const before = await expenseRows(
      x.s,
      list.map((f) => f.expenseId),
    );
    for (const f of list)
      await expectDenied(x.c.req('PUT', `/api/funding/expenses/${f.expenseId}`, expenseBody(f.nodeId)));
    expect(
      await expenseRows(
        x.s,
        list.map((f) => f.expenseId),
      ),
    ).toEqual(before);
  },
  'POST /api/funding/expenses/:id/review': async (x) => {
    const list = await foreign(x);
    for (const f of list)
      await expectDenied(
        x.c.req('POST', `/api/funding/expenses/${f.expenseId}/review`, { decision: 'approved', note: null }),
      );
    const rows = await expenseRows(
      x.s,
      list.map((f) => f.expenseId),
    );
    expect(rows.every((r) => r.status === 'recorded')).toBe(true);
  },
};
