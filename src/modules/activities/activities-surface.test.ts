import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildActivity, buildResidents } from '../../../test/activity-factories';
import { useWorldServer } from '../../../test/server-fixture';
import { activityDone } from '../../server/events';
import type { Actor } from '../../shared/actor';
import { canUploadFor } from '../files';
import { findActivityFacts, heldPerMonth, liveRegistrations, pageActivityFacts, provideSignInCounts } from './index';
import { activities, registrations } from './activities.table';

// What activities offers the modules above it: the activityDone event, the sign-in count
// sign-in provides, and the facts its index.ts publishes instead of its tables.

const { s, w, clients } = useWorldServer('a_centre_manager');
const [centre] = clients;

const HOUR = 3_600_000;

/** Events heard; `failing` makes the listener throw, as a broken listener would. */
const heard: { activityId: string; actorId: string | null }[] = [];
let failing = false;
activityDone.listen(async (_tx, e) => {
  if (failing) throw new Error('listener failed');
  heard.push(e);
});

describe('activityDone', () => {
  it('is emitted once when an activity is marked done, inside the same transaction', async () => {
    const started = new Date(Date.now() - 2 * HOUR);
    const a = await buildActivity(s.database, { centre: w.nodes.A1a, startsAt: started, capacity: 1 });
    const [first, second] = await buildResidents(s.database, w.nodes.A1a, 2, '完成');
    await s.database.db.insert(registrations).values([
      { activityId: a.id, residentId: first, status: 'registered' },
      { activityId: a.id, residentId: second, status: 'waitlisted' },
    ]);

    failing = true;
    const refused = await centre.req('POST', `/api/activities/${a.id}/status`, { status: 'done' });
    expect(refused.statusCode).toBe(500);
    // The listener failed: nothing of the change is kept.
    const [still] = await s.database.db.select().from(activities).where(eq(activities.id, a.id));
    expect(still.status).toBe('open');
    const waiting = await liveRegistrations(s.database.db, a.id);
    expect(waiting.map((r) => r.status).sort()).toEqual(['registered', 'waitlisted']);
    expect(heard).toEqual([]);

    failing = false;
    expect((await centre.req('POST', `/api/activities/${a.id}/status`, { status: 'done' })).statusCode).toBe(200);
    expect(heard).toEqual([{ activityId: a.id, actorId: w.users['A:centre_manager'].id }]);
    expect((await liveRegistrations(s.database.db, a.id)).map((r) => r.residentId)).toEqual([first]);

    // Opening is not done: no event.
    const b = await buildActivity(s.database, { centre: w.nodes.A1a, status: 'planned' });
    expect((await centre.req('POST', `/api/activities/${b.id}/status`, { status: 'open' })).statusCode).toBe(200);
    expect(heard).toHaveLength(1);
  });
});

describe('facts for other modules', () => {
  it('finds activities by id, pages those under a path, counts those held per month', async () => {
    const year = 2031;
    const pad = (n: number) => String(n).padStart(2, '0');
    const at = (month: number, day: number) => new Date(`${year}-${pad(month)}-${pad(day)}T09:00:00+08:00`);
    const early = await buildActivity(s.database, { centre: w.nodes.A2a, title: '一月', startsAt: at(1, 5) });
    const late = await buildActivity(s.database, {
      centre: w.nodes.A2a,
      title: '三月',
      status: 'done',
      startsAt: at(3, 2),
    });
    await buildActivity(s.database, { centre: w.nodes.A2a, title: '取消', status: 'cancelled', startsAt: at(2, 1) });
    await buildActivity(s.database, { centre: w.nodes.A2a, title: '计划', status: 'planned', startsAt: at(2, 9) });
    await buildActivity(s.database, { centre: w.nodes.A2b, title: '别处', startsAt: at(1, 6) });

    const facts = await findActivityFacts(s.database.db, [late.id, early.id, crypto.randomUUID()]);
    expect(facts.map((f) => f.title).sort()).toEqual(['一月', '三月']);
    const march = facts.find((f) => f.id === late.id)!;
    expect(march).toMatchObject({
      centreId: w.nodes.A2a.id,
      centreName: w.nodes.A2a.name,
      centrePath: w.nodes.A2a.path,
      countyId: w.nodes.A.id,
      status: 'done',
      hours: 2,
      credits: 0,
    });
    expect(march.startsAt.toISOString()).toBe(at(3, 2).toISOString());

    const page = await pageActivityFacts(s.database.db, {
      paths: [w.nodes.A2a.path],
      startsFrom: at(1, 1),
      startsBefore: at(12, 31),
      page: 1,
      pageSize: 2,
    });
    expect(page.total).toBe(3);
    expect(page.items.map((f) => f.title)).toEqual(['一月', '计划']);
    const newest = await pageActivityFacts(s.database.db, {
      paths: [w.nodes.A2a.path, w.nodes.A2b.path],
      startsFrom: at(1, 1),
      newestFirst: true,
      page: 1,
      pageSize: 10,
    });
    expect(newest.items.map((f) => f.title)).toEqual(['三月', '计划', '别处', '一月']);

    const held = await heldPerMonth(s.database.db, [w.nodes.A2a.id, w.nodes.A2b.id, w.nodes.B1a.id], year);
    expect(held.get(w.nodes.A2a.id)).toEqual([1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(held.get(w.nodes.A2b.id)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(held.get(w.nodes.B1a.id)).toEqual(Array(12).fill(0));
  });
});

describe('sign-in counts', () => {
  it('the detail shows the counts sign-in provides', async () => {
    const a = await buildActivity(s.database, { centre: w.nodes.A1a });
    provideSignInCounts(async (_db, id) => (id === a.id ? { confirmed: 7, pending: 2 } : { confirmed: 0, pending: 0 }));
    const r = await centre.req('GET', `/api/activities/${a.id}`);
    expect(r.statusCode).toBe(200);
    expect(r.json().signIns).toEqual({ confirmed: 7, pending: 2 });
  });
});

describe('activity photos', () => {
  it('activities tells files who may upload them: the keepers over the centre', () => {
    const as = (role: string, path: string) =>
      ({ userId: 'u', scopes: [{ role, nodeId: 'n', path }] }) as unknown as Actor;
    const centre = { path: w.nodes.A1a.path };
    expect(canUploadFor(as('centre_manager', w.nodes.A1a.path), 'activity_photo', centre)).toBe(true);
    expect(canUploadFor(as('town_admin', w.nodes.A1.path), 'activity_photo', centre)).toBe(true);
    expect(canUploadFor(as('centre_manager', w.nodes.A1b.path), 'activity_photo', centre)).toBe(false);
    expect(canUploadFor(as('teacher', w.nodes.A1a.path), 'activity_photo', centre)).toBe(false);
  });
});
