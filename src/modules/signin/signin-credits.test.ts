import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  buildActivity,
  buildCreditRule,
  buildResident,
  buildSignIn,
  cachedBalance,
  ledgerEntries,
} from '../../../test/credit-factories';
import { useWorldServer } from '../../../test/server-fixture';
import { activityDone } from '../../server/events';
import { activities } from '../activities/activities.table';
import { reverseAttendance } from '../credits';
import { ledgerBalance } from '../credits/credit-ledger';
import { payActivityDone, paySignIn } from './signin-credits';
import { signIns } from './signin.table';

// Contract 5 from sign-in's side: sign-in gathers the facts of an attendance, credits pays it.

const { s, w } = useWorldServer();

const entriesOf = (residentId: string) => ledgerEntries(s.database, residentId);
const cached = (residentId: string) => cachedBalance(s.database, residentId);

describe('contract 5: credits for attendance', () => {
  it('pays the default rule (1 per hour) × the activity hours once, however often it is called', async () => {
    const r = await buildResident(s.database, w.nodes.A1a);
    const sid = await buildSignIn(s.database, await buildActivity(s.database, w.nodes.A1a, { hours: 2.5 }), r);
    expect(await s.database.db.transaction((tx) => paySignIn(tx, { signInId: sid, actorId: null }))).toBe(2.5);
    expect(await s.database.db.transaction((tx) => paySignIn(tx, { signInId: sid, actorId: null }))).toBe(0);
    const rows = await entriesOf(r);
    expect(rows.map((e) => [e.kind, e.amount, e.sourceType, e.sourceId])).toEqual([
      ['attendance', '2.5', 'sign_in', sid],
    ]);
    expect(await ledgerBalance(s.database.db, r)).toBe(2.5);
    expect(await cached(r)).toBe(2.5);
  });

  it('20 simultaneous grants of one sign-in give one entry', async () => {
    const r = await buildResident(s.database, w.nodes.A1a);
    const sid = await buildSignIn(s.database, await buildActivity(s.database, w.nodes.A1a), r);
    const paid = await Promise.all(
      Array.from({ length: 20 }, () =>
        s.database.db.transaction((tx) => paySignIn(tx, { signInId: sid, actorId: null })),
      ),
    );
    expect(paid.filter((p: number) => p > 0)).toEqual([2]);
    expect((await entriesOf(r)).length).toBe(1);
    expect(await cached(r)).toBe(2);
  });

  it('uses the county rule of the theme and the attended hours (at most the activity hours)', async () => {
    await buildCreditRule(s.database, w.nodes.A, { theme: 'law', creditsPerHour: '1.5', grantAt: 'sign_in' });
    const r = await buildResident(s.database, w.nodes.A1a);
    const a = await buildActivity(s.database, w.nodes.A1a, { theme: 'law', hours: 3 });
    const short = await buildSignIn(s.database, a, r, { attendedHours: 1 });
    expect(await s.database.db.transaction((tx) => paySignIn(tx, { signInId: short, actorId: null }))).toBe(1.5);
    const r2 = await buildResident(s.database, w.nodes.A1a);
    const long = await buildSignIn(s.database, a, r2, { attendedHours: 5 });
    expect(await s.database.db.transaction((tx) => paySignIn(tx, { signInId: long, actorId: null }))).toBe(4.5);
    // County B has no rule for law: the default applies there.
    const rb = await buildResident(s.database, w.nodes.B1a);
    const sb = await buildSignIn(
      s.database,
      await buildActivity(s.database, w.nodes.B1a, { theme: 'law', hours: 3 }),
      rb,
    );
    expect(await s.database.db.transaction((tx) => paySignIn(tx, { signInId: sb, actorId: null }))).toBe(3);
  });

  it('a rule that pays when done waits for the activity, then pays every confirmed sign-in once', async () => {
    await buildCreditRule(s.database, w.nodes.A, { theme: 'ethics', creditsPerHour: '2', grantAt: 'done' });
    const a = await buildActivity(s.database, w.nodes.A1a, { theme: 'ethics', hours: 1 });
    const r1 = await buildResident(s.database, w.nodes.A1a);
    const r2 = await buildResident(s.database, w.nodes.A1a);
    const r3 = await buildResident(s.database, w.nodes.A1a);
    const s1 = await buildSignIn(s.database, a, r1);
    await buildSignIn(s.database, a, r2);
    await buildSignIn(s.database, a, r3, { status: 'rejected' });
    expect(await s.database.db.transaction((tx) => paySignIn(tx, { signInId: s1, actorId: null }))).toBe(0);
    expect(await s.database.db.transaction((tx) => payActivityDone(tx, { activityId: a, actorId: null }))).toBe(2);
    expect(await s.database.db.transaction((tx) => payActivityDone(tx, { activityId: a, actorId: null }))).toBe(0);
    expect(await ledgerBalance(s.database.db, r1)).toBe(2);
    expect(await ledgerBalance(s.database.db, r3)).toBe(0);
    // A paper sheet entered after the activity is done pays at once.
    await s.database.db.update(activities).set({ status: 'done' }).where(eq(activities.id, a));
    const r4 = await buildResident(s.database, w.nodes.A1a);
    const s4 = await buildSignIn(s.database, a, r4);
    expect(await s.database.db.transaction((tx) => paySignIn(tx, { signInId: s4, actorId: null }))).toBe(2);
  });

  it('pays nothing for a pending sign-in; a rejected sign-in is reversed once, and pays again if confirmed again', async () => {
    const r = await buildResident(s.database, w.nodes.A1a);
    const a = await buildActivity(s.database, w.nodes.A1a);
    const sid = await buildSignIn(s.database, a, r, { status: 'pending' });
    expect(await s.database.db.transaction((tx) => paySignIn(tx, { signInId: sid, actorId: null }))).toBe(0);
    await s.database.db.update(signIns).set({ status: 'confirmed' }).where(eq(signIns.id, sid));
    expect(await s.database.db.transaction((tx) => paySignIn(tx, { signInId: sid, actorId: null }))).toBe(2);
    expect(
      await s.database.db.transaction((tx) => reverseAttendance(tx, { signInId: sid, actorId: null, reason: '冒签' })),
    ).toBe(2);
    expect(
      await s.database.db.transaction((tx) => reverseAttendance(tx, { signInId: sid, actorId: null, reason: '冒签' })),
    ).toBe(0);
    expect(await ledgerBalance(s.database.db, r)).toBe(0);
    expect(await s.database.db.transaction((tx) => paySignIn(tx, { signInId: sid, actorId: null }))).toBe(2);
    const rows = await entriesOf(r);
    expect(rows.map((e) => [e.kind, Number(e.amount)])).toEqual([
      ['attendance', 2],
      ['reversal', -2],
      ['attendance', 2],
    ]);
    expect(rows[1].reversesId).toBe(rows[0].id);
    expect(rows[2].sourceId).toBe(`${sid}:1`);
    expect(await cached(r)).toBe(2);
  });
});

describe('the activityDone event', () => {
  it("pays the confirmed sign-ins of an activity whose rule pays when done, once, inside the emitter's transaction", async () => {
    await buildCreditRule(s.database, w.nodes.A, { theme: 'arts', creditsPerHour: '3', grantAt: 'done' });
    const a = await buildActivity(s.database, w.nodes.A1a, { theme: 'arts', hours: 1 });
    const r1 = await buildResident(s.database, w.nodes.A1a);
    const r2 = await buildResident(s.database, w.nodes.A1a);
    const s1 = await buildSignIn(s.database, a, r1);
    await buildSignIn(s.database, a, r2, { status: 'pending' });
    expect(await s.database.db.transaction((tx) => paySignIn(tx, { signInId: s1, actorId: null }))).toBe(0);
    // A failure after the event rolls the payment back with the rest of the change.
    await expect(
      s.database.db.transaction(async (tx) => {
        await tx.update(activities).set({ status: 'done' }).where(eq(activities.id, a));
        await activityDone.emit(tx, { activityId: a, actorId: null });
        expect(await ledgerBalance(tx, r1)).toBe(3);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await ledgerBalance(s.database.db, r1)).toBe(0);
    for (let i = 0; i < 2; i++)
      await s.database.db.transaction(async (tx) => {
        await tx.update(activities).set({ status: 'done' }).where(eq(activities.id, a));
        await activityDone.emit(tx, { activityId: a, actorId: w.users['A:county_admin'].id });
      });
    const rows = await entriesOf(r1);
    expect(rows.map((e) => [e.kind, Number(e.amount), e.sourceId, e.createdBy])).toEqual([
      ['attendance', 3, s1, w.users['A:county_admin'].id],
    ]);
    expect(await cached(r1)).toBe(3);
    expect(await ledgerBalance(s.database.db, r2)).toBe(0);
  });
});
