import { expect } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { activities, registrations } from '../../src/modules/activities/activities.table';
import { activityPhotos, activityRecords } from '../../src/modules/activities/activity-records.table';
import { activityRules, equipmentItems, venues } from '../../src/modules/activities/venues.table';
import { storedFiles } from '../../src/modules/files/files.table';
import { buildActivity, buildResidents, countyOf } from '../activity-factories';
import type { World } from '../factories';
import type { TestServer } from '../server';
import { expectDenied, expectOk, expectSameIds, ownPath, sqlIds, under, type Matrix, type MatrixCtx } from './context';
import { exportRow } from './exports';
import { formatDateTime } from '../../src/shared/china-time';

type Fixture = {
  key: string;
  path: string;
  nodeId: string;
  activityId: string;
  residentId: string;
  venueId: string;
  itemId: string;
  fileId: string;
};

const fixtures = new WeakMap<TestServer, Promise<Fixture[]>>();

/** One open activity (a registration, a photo), a venue and an item in each of B1a, A2a, A1b (made once per server). */
export function foreignActivities(s: TestServer, w: World): Promise<Fixture[]> {
  let p = fixtures.get(s);
  if (!p) {
    p = (async () => {
      const out: Fixture[] = [];
      for (const key of ['B1a', 'A2a', 'A1b']) {
        const node = w.nodes[key];
        const countyId = countyOf(node);
        const a = await buildActivity(s.database, { centre: node, title: `矩阵${key}`, status: 'open' });
        const [residentId] = await buildResidents(s.database, node, 1, `矩阵${key}`);
        await s.database.db.insert(registrations).values({ activityId: a.id, residentId, status: 'registered' });
        const [v] = await s.database.db
          .insert(venues)
          .values({ countyId, nodeId: node.id, name: `矩阵场地${key}` })
          .returning();
        const [i] = await s.database.db
          .insert(equipmentItems)
          .values({ countyId, nodeId: node.id, name: `矩阵设备${key}` })
          .returning();
        const [f] = await s.database.db
          .insert(storedFiles)
          .values({
            nodeId: node.id,
            purpose: 'activity_photo',
            originalName: 'm.jpg',
            mime: 'image/jpeg',
            size: 1,
            sha256: 'm',
            storageKey: crypto.randomUUID(),
          })
          .returning();
        await s.database.db.insert(activityPhotos).values({ activityId: a.id, fileId: f.id });
        out.push({
          key,
          path: node.path,
          nodeId: node.id,
          activityId: a.id,
          residentId,
          venueId: v.id,
          itemId: i.id,
          fileId: f.id,
        });
      }
      return out;
    })();
    fixtures.set(s, p);
  }
  return p;
}

/** The fixtures outside the actor's home subtree. */
async function foreign(x: Pick<MatrixCtx, 's' | 'w' | 'home'>): Promise<Fixture[]> {
  const own = ownPath(x);
  return (await foreignActivities(x.s, x.w)).filter((f) => !f.path.startsWith(own));
}

async function activityRow(s: TestServer, id: string) {
  const [row] = await s.database.db
    .select({
      title: activities.title,
      status: activities.status,
      startsAt: activities.startsAt,
      cancelReason: activities.cancelReason,
    })
    .from(activities)
    .where(eq(activities.id, id));
  return row;
}

const body = (centreId: string) => ({
  centreId,
  title: '越权活动',
  theme: 'health',
  form: 'lecture',
  startsAt: '2030-05-06T09:00:00+08:00',
  endsAt: '2030-05-06T10:00:00+08:00',
  hours: 1,
});

/** Activities, registrations, records, venues and equipment, the county's booking notice. */
export const ACTIVITIES_MATRIX: Matrix = {
  'GET /api/activities': async (x) => {
    const { c, s, w, home } = x;
    const hidden = await foreign({ s, w, home });
    const page = await expectOk(c.req('GET', '/api/activities?pageSize=200'));
    const want = await sqlIds(
      x,
      'select a.id from activities a join org_nodes n on n.id = a.centre_id where n.path like $1',
      [under(x)],
    );
    expectSameIds(
      page.items.map((a: { id: string }) => a.id),
      want,
      'activities',
    );
    expect(page.total).toBe(want.length);
    for (const f of hidden) await expectDenied(c.req('GET', `/api/activities?centreId=${f.nodeId}`));
  },
  'GET /api/activities/export.xlsx': async (x) => {
    await foreignActivities(x.s, x.w);
    await exportRow({
      route: 'GET /api/activities/export.xlsx',
      urls: async () => ({ exportUrl: '/api/activities/export.xlsx', listUrl: '/api/activities' }),
      action: 'activity.export',
      columns: ['活动名称', '学习中心', '开始时间', '已报名'],
      cells: (a) => [a.title, a.centreName, formatDateTime(a.startsAt), a.registered],
      refused: async (y) => (await foreign(y)).map((f) => `/api/activities/export.xlsx?centreId=${f.nodeId}`),
    })(x);
  },
  'GET /api/activities/:id': async (x) => {
    const { c, s, w, home } = x;
    for (const f of await foreign({ s, w, home })) await expectDenied(c.req('GET', `/api/activities/${f.activityId}`));
    // In reach: the activity, with what a sign-in earns under its county's rule (2 hours × the rate).
    const own = ownPath(x);
    for (const f of (await foreignActivities(s, w)).filter((f) => f.path.startsWith(own))) {
      const a = await expectOk(c.req('GET', `/api/activities/${f.activityId}`));
      expect(a.id).toBe(f.activityId);
      const [rule] = await s.database.query<{ rate: string; grant_at: string }>(
        `select credits_per_hour as rate, grant_at from credit_rules where county_id = $1 and theme = 'health'`,
        [f.path.split('/')[1]],
      );
      expect(a.signInCredits).toEqual({
        credits: rule ? Number(rule.rate) * 2 : 2,
        grantAt: rule?.grant_at ?? 'sign_in',
      });
    }
  },
  'GET /api/activity-options': async ({ c, s, w, home }) => {
    for (const f of await foreign({ s, w, home }))
      await expectDenied(c.req('GET', `/api/activity-options?centreId=${f.nodeId}`));
  },
  'POST /api/activities': async ({ c, s, w, home }) => {
    for (const f of await foreign({ s, w, home })) await expectDenied(c.req('POST', '/api/activities', body(f.nodeId)));
    expect(await s.database.db.select().from(activities).where(eq(activities.title, '越权活动'))).toEqual([]);
  },
  'PUT /api/activities/:id': async ({ c, s, w, home }) => {
    for (const f of await foreign({ s, w, home })) {
      const before = await activityRow(s, f.activityId);
      const { centreId: _, ...fields } = body(f.nodeId);
      void _;
      await expectDenied(c.req('PUT', `/api/activities/${f.activityId}`, fields));
      expect(await activityRow(s, f.activityId)).toEqual(before);
    }
  },
  'POST /api/activities/:id/status': async ({ c, s, w, home }) => {
    for (const f of await foreign({ s, w, home })) {
      await expectDenied(c.req('POST', `/api/activities/${f.activityId}/status`, { status: 'done' }));
      expect((await activityRow(s, f.activityId)).status).toBe('open');
    }
  },
  'POST /api/activities/:id/cancel': async ({ c, s, w, home }) => {
    for (const f of await foreign({ s, w, home })) {
      await expectDenied(c.req('POST', `/api/activities/${f.activityId}/cancel`, { reason: '越权' }));
      expect((await activityRow(s, f.activityId)).status).toBe('open');
    }
  },
  'GET /api/activities/:id/registrations': async ({ c, s, w, home }) => {
    for (const f of await foreign({ s, w, home }))
      await expectDenied(c.req('GET', `/api/activities/${f.activityId}/registrations`));
  },
  'POST /api/activities/:id/registrations': async ({ c, s, w, home }) => {
    const all = await foreignActivities(s, w);
    for (const f of await foreign({ s, w, home })) {
      await expectDenied(
        c.req('POST', `/api/activities/${f.activityId}/registrations`, {
          residentId: all.find((g) => g.key !== f.key)!.residentId,
        }),
      );
      expect(
        await s.database.db.select().from(registrations).where(eq(registrations.activityId, f.activityId)),
      ).toHaveLength(1);
    }
  },
  'POST /api/activities/:id/registrations/:residentId/cancel': async ({ c, s, w, home }) => {
    for (const f of await foreign({ s, w, home })) {
      await expectDenied(c.req('POST', `/api/activities/${f.activityId}/registrations/${f.residentId}/cancel`));
      const [r] = await s.database.db.select().from(registrations).where(eq(registrations.activityId, f.activityId));
      expect(r.status).toBe('registered');
    }
  },
  'GET /api/activities/:id/records': async ({ c, s, w, home }) => {
    for (const f of await foreign({ s, w, home }))
      await expectDenied(c.req('GET', `/api/activities/${f.activityId}/records`));
  },
  'PUT /api/activities/:id/records': async ({ c, s, w, home }) => {
    for (const f of await foreign({ s, w, home })) {
      await expectDenied(c.req('PUT', `/api/activities/${f.activityId}/records`, { summary: '越权' }));
      expect(
        await s.database.db.select().from(activityRecords).where(eq(activityRecords.activityId, f.activityId)),
      ).toEqual([]);
    }
  },
  'POST /api/activities/:id/photos': async ({ c, s, w, home }) => {
    for (const f of await foreign({ s, w, home })) {
      await expectDenied(
        c.req('POST', `/api/activities/${f.activityId}/photos`, { fileId: f.fileId, caption: '越权' }),
      );
      expect(
        (await s.database.db.select().from(activityPhotos).where(eq(activityPhotos.activityId, f.activityId))).map(
          (p) => p.caption,
        ),
      ).toEqual([null]);
    }
  },
  'DELETE /api/activities/:id/photos/:fileId': async ({ c, s, w, home }) => {
    for (const f of await foreign({ s, w, home })) {
      await expectDenied(c.req('DELETE', `/api/activities/${f.activityId}/photos/${f.fileId}`));
      expect(
        await s.database.db
          .select()
          .from(activityPhotos)
          .where(and(eq(activityPhotos.activityId, f.activityId), eq(activityPhotos.fileId, f.fileId))),
      ).toHaveLength(1);
    }
  },
  'GET /api/venues': async (x) => {
    await foreign(x);
    for (const [kind, table] of [
      ['venue', 'venues'],
      ['equipment', 'equipment_items'],
    ]) {
      const page = await expectOk(x.c.req('GET', `/api/venues?kind=${kind}&pageSize=200`));
      const want = await sqlIds(
        x,
        `select v.id from ${table} v join org_nodes n on n.id = v.node_id where n.path like $1`,
        [under(x)],
      );
      expectSameIds(
        page.items.map((v: { id: string }) => v.id),
        want,
        kind,
      );
    }
    await expectDenied(x.c.req('GET', `/api/venues?nodeId=${x.w.nodes.B1.id}`));
  },
  'POST /api/venues': async ({ c, s, w, home }) => {
    for (const f of await foreign({ s, w, home }))
      await expectDenied(c.req('POST', '/api/venues', { kind: 'venue', nodeId: f.nodeId, name: '越权场地' }));
    expect(await s.database.db.select().from(venues).where(eq(venues.name, '越权场地'))).toEqual([]);
  },
  'PUT /api/venues/:id': async ({ c, s, w, home }) => {
    for (const f of await foreign({ s, w, home })) {
      await expectDenied(c.req('PUT', `/api/venues/${f.venueId}`, { kind: 'venue', name: '越权', active: false }));
      await expectDenied(c.req('PUT', `/api/venues/${f.itemId}`, { kind: 'equipment', name: '越权', active: false }));
      const [v] = await s.database.db.select().from(venues).where(eq(venues.id, f.venueId));
      const [i] = await s.database.db.select().from(equipmentItems).where(eq(equipmentItems.id, f.itemId));
      expect([v.name, v.active, i.name, i.active]).toEqual([`矩阵场地${f.key}`, true, `矩阵设备${f.key}`, true]);
    }
  },
  'GET /api/venues/:id/bookings': async ({ c, s, w, home }) => {
    for (const f of await foreign({ s, w, home })) {
      await expectDenied(c.req('GET', `/api/venues/${f.venueId}/bookings?kind=venue`));
      await expectDenied(c.req('GET', `/api/venues/${f.itemId}/bookings?kind=equipment`));
    }
  },
  'GET /api/activity-rules': async ({ c, w }) => {
    const r = await c.req('GET', '/api/activity-rules');
    expect(r.statusCode).toBe(200);
    expect(r.json().items.map((i: { countyId: string }) => i.countyId)).toEqual([w.nodes.A.id]);
  },
  'PUT /api/activity-rules/:countyId': async ({ c, s, w }) => {
    const r = await c.req('PUT', `/api/activity-rules/${w.nodes.B.id}`, { noticeDays: 0 });
    expectDenied(r);
    expect(await s.database.db.select().from(activityRules).where(eq(activityRules.countyId, w.nodes.B.id))).toEqual(
      [],
    );
  },
};
