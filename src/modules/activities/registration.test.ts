import { describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { buildActivity, buildResidents } from '../../../test/activity-factories';
import { useWorldServer } from '../../../test/server-fixture';
import { activities, registrations } from './activities.table';
import { cancelRegistration, registerResident } from './registration.service';

const { s, w } = useWorldServer();

const register = (activityId: string, residentId: string) =>
  s.database.db.transaction((tx) => registerResident(tx, { activityId, residentId }));
const cancel = (activityId: string, residentId: string, reason?: string) =>
  s.database.db.transaction((tx) => cancelRegistration(tx, { activityId, residentId, reason }));

async function statuses(activityId: string) {
  return s.database.db
    .select({ residentId: registrations.residentId, status: registrations.status, notice: registrations.notice })
    .from(registrations)
    .where(eq(registrations.activityId, activityId))
    .orderBy(asc(registrations.createdAt), asc(registrations.id));
}

describe('registration and the waiting list', () => {
  it('30 simultaneous registrations for 10 places give exactly 10 registered and 20 waitlisted; a cancellation promotes exactly one', async () => {
    const a = await buildActivity(s.database, { centre: w.nodes.A1a, capacity: 10 });
    const people = await buildResidents(s.database, w.nodes.A1a, 30, '并发');
    const results = await Promise.all(people.map((p) => register(a.id, p)));
    expect(results.filter((r) => r.status === 'registered')).toHaveLength(10);
    expect(results.filter((r) => r.status === 'waitlisted')).toHaveLength(20);
    const rows = await statuses(a.id);
    expect(rows.filter((r) => r.status === 'registered')).toHaveLength(10);
    const firstWaiting = rows.find((r) => r.status === 'waitlisted')!;
    // Registered rows all come before waitlisted ones in time order.
    expect(rows.slice(0, 10).every((r) => r.status === 'registered')).toBe(true);

    const leaver = rows[0].residentId;
    const out = await cancel(a.id, leaver, '家中有事');
    expect(out).toEqual({ cancelled: true, promotedResidentId: firstWaiting.residentId });
    const after = await statuses(a.id);
    expect(after.filter((r) => r.status === 'registered')).toHaveLength(10);
    expect(after.filter((r) => r.status === 'waitlisted')).toHaveLength(19);
    expect(after.find((r) => r.residentId === firstWaiting.residentId)!.notice).toMatch(/候补已转为正式报名/);
    expect(after.find((r) => r.residentId === leaver)).toMatchObject({ status: 'cancelled', notice: '家中有事' });
  });

  it('simultaneous cancellations each promote a different waitlisted resident, never overbooking', async () => {
    const a = await buildActivity(s.database, { centre: w.nodes.A1a, capacity: 5 });
    const people = await buildResidents(s.database, w.nodes.A1a, 12, '退出');
    for (const p of people) await register(a.id, p);
    const promoted = await Promise.all(people.slice(0, 5).map((p) => cancel(a.id, p)));
    expect(new Set(promoted.map((p) => p.promotedResidentId))).toEqual(new Set(people.slice(5, 10)));
    const rows = await statuses(a.id);
    expect(
      rows
        .filter((r) => r.status === 'registered')
        .map((r) => r.residentId)
        .sort(),
    ).toEqual(people.slice(5, 10).sort());
    expect(
      rows
        .filter((r) => r.status === 'waitlisted')
        .map((r) => r.residentId)
        .sort(),
    ).toEqual(people.slice(10).sort());
  });

  it('registering twice, even at once, keeps one live registration; cancelling twice changes nothing', async () => {
    const a = await buildActivity(s.database, { centre: w.nodes.A1a, capacity: 3 });
    const [p] = await buildResidents(s.database, w.nodes.A1a, 1, '重复');
    const r = await Promise.all(Array.from({ length: 8 }, () => register(a.id, p)));
    expect(new Set(r.map((x) => x.id)).size).toBe(1);
    expect(await statuses(a.id)).toHaveLength(1);
    expect((await cancel(a.id, p)).cancelled).toBe(true);
    expect(await cancel(a.id, p)).toEqual({ cancelled: false, promotedResidentId: null });
    // Registering again after cancelling is a new registration.
    expect((await register(a.id, p)).status).toBe('registered');
  });

  it('cancelling a waitlisted registration promotes nobody', async () => {
    const a = await buildActivity(s.database, { centre: w.nodes.A1a, capacity: 1 });
    const [p1, p2, p3] = await buildResidents(s.database, w.nodes.A1a, 3, '候补');
    await register(a.id, p1);
    await register(a.id, p2);
    await register(a.id, p3);
    expect(await cancel(a.id, p2)).toEqual({ cancelled: true, promotedResidentId: null });
    const rows = await statuses(a.id);
    expect(rows.map((r) => r.status)).toEqual(['registered', 'cancelled', 'waitlisted']);
  });

  it('no capacity means everyone gets a place', async () => {
    const a = await buildActivity(s.database, { centre: w.nodes.A1a, capacity: null });
    const people = await buildResidents(s.database, w.nodes.A1a, 5, '不限');
    const r = await Promise.all(people.map((p) => register(a.id, p)));
    expect(r.every((x) => x.status === 'registered')).toBe(true);
  });

  it('refuses activities that are not open, that have ended, and residents of another county', async () => {
    const [p] = await buildResidents(s.database, w.nodes.A1a, 1, '拒绝');
    const [foreign] = await buildResidents(s.database, w.nodes.B1a, 1, '外县');
    const planned = await buildActivity(s.database, { centre: w.nodes.A1a, status: 'planned' });
    await expect(register(planned.id, p)).rejects.toMatchObject({ code: 'CONFLICT' });
    const past = await buildActivity(s.database, {
      centre: w.nodes.A1a,
      startsAt: new Date(Date.now() - 7_200_000),
      endsAt: new Date(Date.now() - 3_600_000),
    });
    await expect(register(past.id, p)).rejects.toMatchObject({ code: 'CONFLICT' });
    const open = await buildActivity(s.database, { centre: w.nodes.A1a });
    await expect(register(open.id, foreign)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(register(crypto.randomUUID(), p)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await s.database.db.update(activities).set({ status: 'done' }).where(eq(activities.id, open.id));
    await expect(cancel(open.id, p)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(
      await s.database.db
        .select()
        .from(registrations)
        .where(and(eq(registrations.residentId, p))),
    ).toEqual([]);
  });
});
