import { expect } from 'vitest';
import { formatDateTime } from '../../src/shared/china-time';
import { eq, inArray } from 'drizzle-orm';
import { residentAccounts } from '../../src/modules/portal/resident-account.table';
import { signInRules, signIns } from '../../src/modules/signin/signin.table';
import { buildActivity } from '../activity-factories';
import type { World } from '../factories';
import type { TestServer } from '../server';
import { buildResidentWithPhone } from '../signin-factories';
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

type Fixture = {
  key: string;
  path: string;
  activityId: string;
  residentId: string;
  signInId: string;
  pendingId: string;
};
const fixtures = new WeakMap<TestServer, Promise<Fixture[]>>();

/**
 * In each of county B's centre, the sibling town's centre and the sibling centre (made once
 * per test server): an activity, a resident, their confirmed sign-in and an unknown person's pending one.
 */
export function foreignSignIns(s: TestServer, w: World): Promise<Fixture[]> {
  let p = fixtures.get(s);
  if (!p) {
    p = (async () => {
      const out: Fixture[] = [];
      for (const [i, key] of ['B1a', 'A2a', 'A1b'].entries()) {
        const node = w.nodes[key];
        const a = await buildActivity(s.database, {
          centre: node,
          title: `矩阵活动${key}`,
          startsAt: new Date(Date.now() - 600_000),
          endsAt: new Date(Date.now() + 86_400_000),
        });
        const residentId = await buildResidentWithPhone(s.database, node, {
          name: `矩阵居民${key}`,
          phone: `1370000000${i}`,
        });
        const [done] = await s.database.db
          .insert(signIns)
          .values({ activityId: a.id, residentId, status: 'confirmed', method: 'manual' })
          .returning({ id: signIns.id });
        const [pending] = await s.database.db
          .insert(signIns)
          .values({
            activityId: a.id,
            status: 'pending',
            method: 'qr',
            pendingName: '矩阵路人',
            pendingPhone: `1370000001${i}`,
          })
          .returning({ id: signIns.id });
        out.push({ key, path: node.path, activityId: a.id, residentId, signInId: done.id, pendingId: pending.id });
      }
      return out;
    })();
    fixtures.set(s, p);
  }
  return p;
}

const hiddenFrom = async (x: MatrixCtx) =>
  (await foreignSignIns(x.s, x.w)).filter((f) => !f.path.startsWith(ownPath(x)));

async function statesOf(x: MatrixCtx, fs: Fixture[]) {
  const ids = fs.flatMap((f) => [f.signInId, f.pendingId]);
  const rows = await x.s.database.db
    .select({
      id: signIns.id,
      status: signIns.status,
      residentId: signIns.residentId,
      checkedOutAt: signIns.checkedOutAt,
    })
    .from(signIns)
    .where(inArray(signIns.id, ids));
  const count = await x.s.database.db
    .select({ id: signIns.id })
    .from(signIns)
    .where(
      inArray(
        signIns.activityId,
        fs.map((f) => f.activityId),
      ),
    );
  return { rows: rows.sort((a, b) => a.id.localeCompare(b.id)), count: count.length };
}

/** Each activity route: denied for every foreign activity, and nothing changed. */
const activityCheck =
  (method: string, suffix: string, body?: (f: Fixture, x: MatrixCtx) => unknown) => async (x: MatrixCtx) => {
    const fs = await hiddenFrom(x);
    const before = await statesOf(x, fs);
    for (const f of fs)
      await expectDenied(x.c.req(method, `/api/sign-in/activities/${f.activityId}/${suffix}`, body?.(f, x)));
    expect(await statesOf(x, fs)).toEqual(before);
  };

const signInCheck = (action: string, body: (f: Fixture) => unknown) => async (x: MatrixCtx) => {
  const fs = await hiddenFrom(x);
  const before = await statesOf(x, fs);
  for (const f of fs) {
    await expectDenied(x.c.req('POST', `/api/sign-in/${f.signInId}/${action}`, body(f)));
    await expectDenied(x.c.req('POST', `/api/sign-in/${f.pendingId}/${action}`, body(f)));
  }
  expect(await statesOf(x, fs)).toEqual(before);
};

const ownActivities = new WeakMap<TestServer, Promise<string>>();

/** An activity at centre A1a with a roster resident's sign-in and an unknown person's (made once per server). */
function ownSignIns(s: TestServer, w: World): Promise<string> {
  let p = ownActivities.get(s);
  if (!p) {
    p = (async () => {
      const a = await buildActivity(s.database, { centre: w.nodes.A1a, title: '矩阵本地签到' });
      const residentId = await buildResidentWithPhone(s.database, w.nodes.A1a, {
        name: '矩阵本地居民',
        phone: '13700000020',
      });
      await s.database.db.insert(signIns).values([
        { activityId: a.id, residentId, status: 'confirmed', method: 'manual' },
        { activityId: a.id, status: 'pending', method: 'qr', pendingName: '矩阵本地路人', pendingPhone: '13700000021' },
      ]);
      return a.id;
    })();
    ownActivities.set(s, p);
  }
  return p;
}

/** Sign-in and resident accounts. Resident routes refuse staff sessions outright (401). */
export const SIGNIN_MATRIX: Matrix = {
  'POST /api/resident/login': 'public',
  'POST /api/resident/activate': 'public',
  'GET /api/resident/me': async (x) => expectDenied(x.c.req('GET', '/api/resident/me'), 401),
  'POST /api/resident/logout': async (x) => expectDenied(x.c.req('POST', '/api/resident/logout'), 401),
  'GET /api/sign-in/scan/:token': 'public',
  'POST /api/sign-in/scan/:token': 'public',
  'POST /api/sign-in/scan/:token/check-out': 'public',
  'GET /api/resident-accounts/:residentId': async (x) => {
    for (const f of await hiddenFrom(x)) await expectDenied(x.c.req('GET', `/api/resident-accounts/${f.residentId}`));
  },
  'POST /api/resident-accounts/:residentId/activation': async (x) => {
    const fs = await hiddenFrom(x);
    for (const f of fs) await expectDenied(x.c.req('POST', `/api/resident-accounts/${f.residentId}/activation`));
    for (const f of fs)
      expect(
        await x.s.database.db.select().from(residentAccounts).where(eq(residentAccounts.residentId, f.residentId)),
      ).toEqual([]);
  },
  'GET /api/sign-in/activities': async (x) => {
    await hiddenFrom(x);
    // China's day boundaries, as the service draws them; cancelled activities are left out.
    const day = (n: number) =>
      `(date_trunc('day', now() at time zone 'Asia/Shanghai') + interval '${n} day') at time zone 'Asia/Shanghai'`;
    const windows = {
      today: `a.starts_at >= ${day(0)} and a.starts_at < ${day(1)}`,
      upcoming: `a.starts_at >= ${day(1)}`,
      past: `a.starts_at < ${day(0)}`,
    };
    for (const [when, cond] of Object.entries(windows)) {
      const r = await x.c.req('GET', `/api/sign-in/activities?when=${when}&pageSize=200`);
      if (!admits(x, 'GET /api/sign-in/activities')) {
        await expectDenied(r);
        continue;
      }
      const page = await expectOk(Promise.resolve(r));
      const want = await sqlIds(
        x,
        `select a.id from activities a join org_nodes n on n.id = a.centre_id where n.path like $1 and a.status <> 'cancelled' and ${cond}`,
        [under(x)],
      );
      expectSameIds(
        page.items.map((a: { id: string }) => a.id),
        want,
        `sign-in activities (${when})`,
      );
    }
  },
  'GET /api/sign-in/activities/:activityId/qr': activityCheck('GET', 'qr'),
  'GET /api/sign-in/activities/:activityId/sheet': activityCheck('GET', 'sheet'),
  'GET /api/sign-in/activities/:activityId/attendance': activityCheck('GET', 'attendance'),
  'GET /api/sign-in/activities/:activityId/attendance.xlsx': exportRow({
    route: 'GET /api/sign-in/activities/:activityId/attendance.xlsx',
    urls: async (x) => {
      const id = await ownSignIns(x.s, x.w);
      const url = `/api/sign-in/activities/${id}/attendance`;
      return x.w.nodes.A1a.path.startsWith(ownPath(x)) ? { exportUrl: `${url}.xlsx`, listUrl: url } : null;
    },
    action: 'sign_in.export',
    columns: ['姓名', '联系电话', '签到时间'],
    cells: (i) => [i.name, i.phone, formatDateTime(i.signedAt)],
    refused: async (x) => (await hiddenFrom(x)).map((f) => `/api/sign-in/activities/${f.activityId}/attendance.xlsx`),
  }),
  'GET /api/sign-in/activities/:activityId/roster': async (x) => {
    await activityCheck('GET', 'roster?q=%E7%9F%A9%E9%98%B5')(x);
    // Own activities never list foreign residents either.
    const own = await buildActivity(x.s.database, { centre: x.w.nodes.A1a, title: '矩阵本地' });
    const r = await x.c.req('GET', `/api/sign-in/activities/${own.id}/roster?q=%E7%9F%A9%E9%98%B5`);
    if (!x.w.nodes.A1a.path.startsWith(ownPath(x)) || !admits(x, 'GET /api/sign-in/activities/:activityId/roster'))
      return expectDenied(r);
    expect(r.statusCode, r.body).toBe(200);
    for (const f of await hiddenFrom(x)) expect(r.body).not.toContain(f.residentId);
  },
  'POST /api/sign-in/activities/:activityId/manual': activityCheck('POST', 'manual', (f) => ({
    residentId: f.residentId,
  })),
  'POST /api/sign-in/activities/:activityId/paper': activityCheck('POST', 'paper', (f) => ({
    residentIds: [f.residentId],
    evidenceFileId: crypto.randomUUID(),
  })),
  'POST /api/sign-in/:signInId/confirm': signInCheck('confirm', (f) => ({ residentId: f.residentId })),
  'POST /api/sign-in/:signInId/reject': signInCheck('reject', () => ({ reason: '越权' })),
  'POST /api/sign-in/:signInId/check-out': signInCheck('check-out', () => ({ attendedHours: 1 })),
  // The sign-in window: read by everyone working in the county, set by its county admins only.
  'GET /api/sign-in/rules/:countyId': async (x) => {
    await expectDenied(x.c.req('GET', `/api/sign-in/rules/${x.w.nodes.B.id}`));
    await expectDenied(x.c.req('GET', `/api/sign-in/rules/${x.w.nodes.A1.id}`)); // a town is not a county
  },
  'PUT /api/sign-in/rules/:countyId': async (x) => {
    const body = { opensBeforeMinutes: 700, closesAfterMinutes: 700 };
    await expectDenied(x.c.req('PUT', `/api/sign-in/rules/${x.w.nodes.B.id}`, body));
    if (x.role !== 'county_admin') await expectDenied(x.c.req('PUT', `/api/sign-in/rules/${x.w.nodes.A.id}`, body));
    expect(
      await x.s.database.db
        .select()
        .from(signInRules)
        .where(inArray(signInRules.countyId, [x.w.nodes.B.id, ...(x.role === 'county_admin' ? [] : [x.w.nodes.A.id])])),
    ).toEqual([]);
  },
};
