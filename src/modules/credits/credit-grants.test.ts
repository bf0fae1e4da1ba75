import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { buildCreditRule, buildResident, cachedBalance, ledgerEntries } from '../../../test/credit-factories';
import { useWorldServer } from '../../../test/server-fixture';
import { ledgerBalance } from './credit-ledger';
import { payAttendance, payAttendances, payVolunteerHours, reverseAttendance, type AttendanceFacts } from '.';
import { VOLUNTEER_RULE_KEY } from './credits.contract';

const { s, w } = useWorldServer();

const entriesOf = (residentId: string) => ledgerEntries(s.database, residentId);
const cached = (residentId: string) => cachedBalance(s.database, residentId);

/** An attendance told to credits by its caller: no sign-in or activity row exists at all. */
const facts = (residentId: string, v: Partial<AttendanceFacts> & { theme?: string; status?: string } = {}) => ({
  signInId: randomUUID(),
  residentId,
  countyId: w.nodes.A.id,
  activity: {
    countyId: w.nodes.A.id,
    title: '口述讲座',
    theme: v.theme ?? 'health',
    hours: '2',
    status: v.status ?? 'open',
  },
  attendedHours: null,
  confirmed: true,
  ...v,
});

describe('contract 5: credits pays from the facts its caller gives', () => {
  it('pays an attendance by the county rule, once, and reverses it', async () => {
    const r = await buildResident(s.database, w.nodes.A1a);
    const f = facts(r, { attendedHours: '1.5' });
    const pay = () => s.database.db.transaction((tx) => payAttendance(tx, f, { actorId: null }));
    expect(await pay()).toBe(1.5);
    expect(await pay()).toBe(0);
    expect(
      await s.database.db.transaction((tx) =>
        payAttendance(tx, { ...f, signInId: randomUUID(), confirmed: false }, { actorId: null }),
      ),
    ).toBe(0);
    expect(
      await s.database.db.transaction((tx) =>
        payAttendance(tx, { ...f, signInId: randomUUID(), residentId: null }, { actorId: null }),
      ),
    ).toBe(0);
    expect((await entriesOf(r)).map((e) => [e.kind, e.amount, e.sourceId, e.note])).toEqual([
      ['attendance', '1.5', f.signInId, '口述讲座'],
    ]);
    expect(
      await s.database.db.transaction((tx) =>
        reverseAttendance(tx, { signInId: f.signInId, actorId: null, reason: '冒签' }),
      ),
    ).toBe(1.5);
    expect(await ledgerBalance(s.database.db, r)).toBe(0);
  });

  it('a rule that pays when done pays only once the caller says the activity is done', async () => {
    await buildCreditRule(s.database, w.nodes.A, { theme: 'music', creditsPerHour: '0.5', grantAt: 'done' });
    const r = await buildResident(s.database, w.nodes.A1a);
    const f = facts(r, { theme: 'music' });
    expect(await s.database.db.transaction((tx) => payAttendance(tx, f, { actorId: null }))).toBe(0);
    expect(await s.database.db.transaction((tx) => payAttendances(tx, [f], { actorId: null }))).toBe(0);
    expect(await s.database.db.transaction((tx) => payAttendance(tx, f, { actorId: null, activityDone: true }))).toBe(
      1,
    );
    const done = facts(r, { theme: 'music', status: 'done' });
    expect(await s.database.db.transaction((tx) => payAttendances(tx, [done, done], { actorId: null }))).toBe(1);
    expect(await cached(r)).toBe(2);
  });

  it('pays volunteer hours at the county volunteer rate, once', async () => {
    await buildCreditRule(s.database, w.nodes.A, {
      theme: VOLUNTEER_RULE_KEY,
      creditsPerHour: '2',
      grantAt: 'sign_in',
    });
    const r = await buildResident(s.database, w.nodes.A1a);
    const v = {
      hoursId: randomUUID(),
      residentId: r,
      countyId: w.nodes.A.id,
      hours: '1.5',
      note: '2026-12-01 讲课',
      actorId: null,
    };
    expect(await s.database.db.transaction((tx) => payVolunteerHours(tx, v))).toBe(3);
    expect(await s.database.db.transaction((tx) => payVolunteerHours(tx, v))).toBe(0);
    expect((await entriesOf(r)).map((e) => [e.kind, e.amount, e.sourceType, e.note])).toEqual([
      ['volunteer', '3.0', 'volunteer_hours', '2026-12-01 讲课'],
    ]);
  });
});

describe('the ledger is append-only in the database itself', () => {
  it('refuses UPDATE, DELETE and TRUNCATE by direct SQL', async () => {
    const r = await buildResident(s.database, w.nodes.A1a);
    await s.database.db.transaction((tx) => payAttendance(tx, facts(r), { actorId: null }));
    const [{ id }] = await s.database.query<{ id: string }>('select id from credit_ledger where resident_id = $1', [r]);
    await expect(s.database.query('update credit_ledger set amount = 100 where id = $1', [id])).rejects.toThrow(
      /append-only/,
    );
    await expect(s.database.query('delete from credit_ledger where id = $1', [id])).rejects.toThrow(/append-only/);
    await expect(s.database.query('delete from credit_ledger')).rejects.toThrow(/append-only/);
    await expect(s.database.query('truncate credit_ledger cascade')).rejects.toThrow(/append-only/);
    const [row] = await s.database.query<{ amount: string }>('select amount from credit_ledger where id = $1', [id]);
    expect(row.amount).toBe('2.0');
    // A second reversal of one entry is refused by the unique index.
    await s.database.query(
      `insert into credit_ledger (county_id, resident_id, kind, amount, reverses_id) values ($1, $2, 'reversal', -2, $3)`,
      [w.nodes.A.id, r, id],
    );
    await expect(
      s.database.query(
        `insert into credit_ledger (county_id, resident_id, kind, amount, reverses_id) values ($1, $2, 'reversal', -2, $3)`,
        [w.nodes.A.id, r, id],
      ),
    ).rejects.toThrow();
  });
});
