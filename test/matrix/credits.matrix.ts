import { expect } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { creditRedemptions, creditRewards, creditRules } from '../../src/modules/credits/credit-bank.table';
import { appendEntry } from '../../src/modules/credits/credit-ledger';
import { creditLedger } from '../../src/modules/credits/credits.table';
import { redeemForSelf } from '../../src/modules/credits/redemption.service';
import { buildResident } from '../credit-factories';
import type { World } from '../factories';
import type { TestServer } from '../server';
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
import { exportRow } from './exports';

type Fixture = {
  key: string;
  path: string;
  residentId: string;
  entryId: number;
  rewardId: string | null;
  rewardPath: string | null;
  redemptionId: string | null;
};
const fixtures = new WeakMap<TestServer, Promise<Fixture[]>>();

/**
 * Made once per test server: a resident with 10 credits in B1a (other county), A2a (sibling
 * town) and A1b (sibling village); rewards offered by towns B1 and A2, each redeemed once there.
 */
function foreignAccounts(s: TestServer, w: World): Promise<Fixture[]> {
  let p = fixtures.get(s);
  if (!p) {
    p = (async () => {
      const out: Fixture[] = [];
      for (const key of ['B1a', 'A2a', 'A1b']) {
        const node = w.nodes[key];
        const countyId = node.path.split('/')[1];
        const residentId = await buildResident(s.database, node, `矩阵${key}`);
        const entry = await s.database.db.transaction((tx) =>
          appendEntry(tx, {
            countyId,
            residentId,
            kind: 'award',
            amount: 10,
            sourceType: 'award',
            sourceId: crypto.randomUUID(),
            note: '矩阵',
          }),
        );
        let rewardId: string | null = null;
        let rewardPath: string | null = null;
        let redemptionId: string | null = null;
        if (key !== 'A1b') {
          const town = w.nodes[key.slice(0, 2)];
          const [rw] = await s.database.db
            .insert(creditRewards)
            .values({ countyId, nodeId: town.id, name: `矩阵奖品${key}`, cost: '1.0', stock: 5 })
            .returning({ id: creditRewards.id });
          rewardId = rw.id;
          rewardPath = town.path;
          redemptionId = (await redeemForSelf({ db: s.database.db, residentId, rewardId })).id;
        }
        out.push({ key, path: node.path, residentId, entryId: entry!.id, rewardId, rewardPath, redemptionId });
      }
      return out;
    })();
    fixtures.set(s, p);
  }
  return p;
}

/** Fixture residents outside the actor's home subtree. */
async function notKept(x: Pick<MatrixCtx, 's' | 'w' | 'home'>) {
  const home = ownPath(x);
  return (await foreignAccounts(x.s, x.w)).filter((f) => !f.path.startsWith(home));
}

const ledgerCount = async (s: TestServer, residentIds: string[]) =>
  (
    await s.database.db
      .select({ id: creditLedger.id })
      .from(creditLedger)
      .where(inArray(creditLedger.residentId, residentIds))
  ).length;

/** The credit bank: rules, accounts, entries, rewards, redemptions. */
export const CREDITS_MATRIX: Matrix = {
  'GET /api/credit-rules/:countyId': async ({ c, w }) => {
    await expectDenied(c.req('GET', `/api/credit-rules/${w.nodes.B.id}`));
  },
  'PUT /api/credit-rules/:countyId': async ({ c, s, w }) => {
    await expectDenied(
      c.req('PUT', `/api/credit-rules/${w.nodes.B.id}`, {
        rules: [{ theme: 'health', creditsPerHour: 9, grantAt: 'done' }],
        volunteerPerHour: 9,
      }),
    );
    expect(await s.database.db.select().from(creditRules).where(eq(creditRules.countyId, w.nodes.B.id))).toEqual([]);
  },
  'GET /api/credit-accounts': async (x) => {
    const { c, s, w, home } = x;
    await notKept({ s, w, home });
    const r = await c.req('GET', '/api/credit-accounts?pageSize=200');
    if (!admits(x, 'GET /api/credit-accounts')) return expectDenied(r);
    const page = await expectOk(Promise.resolve(r));
    // Without a search: the own subtree's residents who have a credit account.
    const want = await sqlIds(
      x,
      'select r.id from residents r join org_nodes n on n.id = r.node_id join credit_balances b on b.resident_id = r.id where n.path like $1 and r.anonymized_at is null',
      [under(x)],
    );
    expectSameIds(
      page.items.map((a: { id: string }) => a.id),
      want,
      'credit accounts',
    );
    await expectDenied(c.req('GET', `/api/credit-accounts?nodeId=${w.nodes.B1.id}`));
  },
  'GET /api/credit-accounts/export.xlsx': async (x) => {
    await notKept(x);
    await exportRow({
      route: 'GET /api/credit-accounts/export.xlsx',
      urls: async () => ({ exportUrl: '/api/credit-accounts/export.xlsx', listUrl: '/api/credit-accounts' }),
      action: 'credits.accounts_export',
      columns: ['姓名', '所在村（社区）', '积分余额'],
      cells: (a) => [a.name, a.nodeName, a.balance],
      refused: async (y) => [`/api/credit-accounts/export.xlsx?nodeId=${y.w.nodes.B1.id}`],
    })(x);
  },
  'GET /api/credit-accounts/:residentId': async ({ c, home, s, w }) => {
    for (const f of await notKept({ s, w, home }))
      await expectDenied(c.req('GET', `/api/credit-accounts/${f.residentId}`));
  },
  'GET /api/credit-accounts/:residentId/entries': async ({ c, home, s, w }) => {
    for (const f of await notKept({ s, w, home }))
      await expectDenied(c.req('GET', `/api/credit-accounts/${f.residentId}/entries`));
  },
  'GET /api/credit-accounts/:residentId/record': async ({ c, home, s, w }) => {
    for (const f of await notKept({ s, w, home }))
      await expectDenied(c.req('GET', `/api/credit-accounts/${f.residentId}/record`));
  },
  'POST /api/credit-accounts/:residentId/awards': async ({ c, home, s, w }) => {
    const foreign = await notKept({ s, w, home });
    const before = await ledgerCount(
      s,
      foreign.map((f) => f.residentId),
    );
    for (const f of foreign)
      await expectDenied(c.req('POST', `/api/credit-accounts/${f.residentId}/awards`, { amount: 5, reason: '越权' }));
    expect(
      await ledgerCount(
        s,
        foreign.map((f) => f.residentId),
      ),
    ).toBe(before);
  },
  'POST /api/credit-accounts/:residentId/redemptions': async ({ c, home, s, w }) => {
    const foreign = await notKept({ s, w, home });
    const before = await ledgerCount(
      s,
      foreign.map((f) => f.residentId),
    );
    for (const f of foreign.filter((x) => x.rewardId))
      await expectDenied(c.req('POST', `/api/credit-accounts/${f.residentId}/redemptions`, { rewardId: f.rewardId }));
    expect(
      await ledgerCount(
        s,
        foreign.map((f) => f.residentId),
      ),
    ).toBe(before);
  },
  'POST /api/credit-entries/:id/reverse': async ({ c, home, s, w }) => {
    const foreign = await notKept({ s, w, home });
    for (const f of foreign)
      await expectDenied(c.req('POST', `/api/credit-entries/${f.entryId}/reverse`, { reason: '越权' }));
    const reversals = await s.database.db
      .select()
      .from(creditLedger)
      .where(
        inArray(
          creditLedger.reversesId,
          foreign.map((f) => f.entryId),
        ),
      );
    expect(reversals).toEqual([]);
  },
  'GET /api/credit-rewards': async (x) => {
    const { c, s, w, home } = x;
    await notKept({ s, w, home });
    const r = await c.req('GET', '/api/credit-rewards?pageSize=200');
    if (!admits(x, 'GET /api/credit-rewards')) return expectDenied(r);
    const page = await expectOk(Promise.resolve(r));
    // Rewards of the own subtree and those offered from above it.
    const want = await sqlIds(
      x,
      `select w.id from credit_rewards w join org_nodes n on n.id = w.node_id where n.path like $1 or $2 like n.path || '%'`,
      [under(x), ownPath(x)],
    );
    expectSameIds(
      page.items.map((i: { id: string }) => i.id),
      want,
      'rewards',
    );
    for (const f of await notKept({ s, w, home }))
      await expectDenied(c.req('GET', `/api/credit-rewards?forResidentId=${f.residentId}`));
  },
  'POST /api/credit-rewards': async ({ c, home, s, w }) => {
    for (const key of ['B', 'B1', 'A2'].filter((k) => !w.nodes[k].path.startsWith(ownPath({ w, home }))))
      await expectDenied(
        c.req('POST', '/api/credit-rewards', { nodeId: w.nodes[key].id, name: '越权奖品', cost: 1, stock: 1 }),
      );
    expect(await s.database.db.select().from(creditRewards).where(eq(creditRewards.name, '越权奖品'))).toEqual([]);
  },
  'PUT /api/credit-rewards/:id': async ({ c, home, s, w }) => {
    const home_ = ownPath({ w, home });
    for (const f of (await foreignAccounts(s, w)).filter((x) => x.rewardPath && !x.rewardPath.startsWith(home_))) {
      await expectDenied(
        c.req('PUT', `/api/credit-rewards/${f.rewardId}`, {
          nodeId: w.nodes[f.key.slice(0, 2)].id,
          name: '改名',
          cost: 1,
          stock: 99,
          active: true,
        }),
      );
      const [row] = await s.database.db.select().from(creditRewards).where(eq(creditRewards.id, f.rewardId!));
      expect(row.name).toBe(`矩阵奖品${f.key}`);
    }
  },
  'GET /api/credit-redemptions': async (x) => {
    const { c, s, w, home } = x;
    const foreign = await notKept({ s, w, home });
    const r = await c.req('GET', '/api/credit-redemptions?pageSize=200');
    if (!admits(x, 'GET /api/credit-redemptions')) return expectDenied(r);
    const page = await expectOk(Promise.resolve(r));
    const want = await sqlIds(
      x,
      'select d.id from credit_redemptions d join residents r on r.id = d.resident_id join org_nodes n on n.id = r.node_id where n.path like $1',
      [under(x)],
    );
    expectSameIds(
      page.items.map((i: { id: string }) => i.id),
      want,
      'redemptions',
    );
    for (const f of foreign) await expectDenied(c.req('GET', `/api/credit-redemptions?residentId=${f.residentId}`));
  },
  'GET /api/credit-redemptions/export.xlsx': exportRow({
    route: 'GET /api/credit-redemptions/export.xlsx',
    urls: async () => ({ exportUrl: '/api/credit-redemptions/export.xlsx', listUrl: '/api/credit-redemptions' }),
    action: 'credits.redemptions_export',
    columns: ['姓名', '奖品', '积分'],
    cells: (r) => [r.residentName, r.rewardName, r.cost],
    refused: async (x) =>
      (await notKept(x)).map((f) => `/api/credit-redemptions/export.xlsx?residentId=${f.residentId}`),
  }),
  'POST /api/credit-redemptions/:id/cancel': async ({ c, home, s, w }) => {
    const foreign = (await notKept({ s, w, home })).filter((f) => f.redemptionId);
    for (const f of foreign)
      await expectDenied(c.req('POST', `/api/credit-redemptions/${f.redemptionId}/cancel`, { reason: '越权' }));
    const rows = await s.database.db
      .select({ status: creditRedemptions.status })
      .from(creditRedemptions)
      .where(
        inArray(
          creditRedemptions.id,
          foreign.map((f) => f.redemptionId!),
        ),
      );
    expect(rows.every((r) => r.status === 'done')).toBe(true);
  },
  // The resident's own pages answer only to a resident session; a staff session gets 401.
  'GET /api/me/credits': async ({ c }) => expectDenied(c.req('GET', '/api/me/credits'), 401),
  'GET /api/me/learning-record': async ({ c }) => expectDenied(c.req('GET', '/api/me/learning-record'), 401),
  'GET /api/me/rewards': async ({ c }) => expectDenied(c.req('GET', '/api/me/rewards'), 401),
  'GET /api/me/redemptions': async ({ c }) => expectDenied(c.req('GET', '/api/me/redemptions'), 401),
  'POST /api/me/redemptions': async ({ c, s, w }) => {
    const f = (await foreignAccounts(s, w)).find((x) => x.key === 'B1a')!;
    const read = () => s.database.query('select id, status from credit_redemptions order by id');
    const before = await read();
    await expectDenied(c.req('POST', '/api/me/redemptions', { rewardId: f.rewardId }), 401);
    expect(await read()).toEqual(before);
  },
};
