import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { buildActivity } from '../../../test/activity-factories';
import { buildUser, TEST_PASSWORD } from '../../../test/factories';
import { signIn } from '../../../test/server';
import { useWorldServer } from '../../../test/server-fixture';
import { buildResidentWithPhone, phoneClient, tokenOf } from '../../../test/signin-factories';
import { ledgerEntries } from '../../../test/credit-factories';
import { auditLog } from '../../server/db/audit.table';
import { residents } from '../people/people.table';
import { creditLedger } from '../credits/credits.table';
import { graceTicket, screenToken } from './qr-token';
import { recordScan, type ScanJob } from './signin-batch';
import { signIns } from './signin.table';

/** Issue 8 §3, replayed: sign-in in a real hall (window, slow typists, cookie-less phones, look-alikes, a poisoned scan). */
const { s, w, clients } = useWorldServer('a_centre_manager', 'a_county_admin');
const [centre, county] = clients;

const HOUR = 3_600_000;
const sign = (p: string) => s.app.protector.digest(p);
const creditsOf = (residentId: string) => ledgerEntries(s.database, residentId);
const signInsOf = (activityId: string) =>
  s.database.db.select().from(signIns).where(eq(signIns.activityId, activityId));
const deviceOf = (phone: ReturnType<typeof phoneClient>) =>
  crypto
    .createHash('sha256')
    .update(phone.jar.get('cedu_device') ?? '')
    .digest('hex');

async function activityAt(startsInMs: number, v: { centre?: { id: string; path: string }; hours?: number } = {}) {
  const startsAt = new Date(Date.now() + startsInMs);
  return buildActivity(s.database, {
    centre: v.centre ?? w.nodes.A1a,
    startsAt,
    endsAt: new Date(startsAt.getTime() + (v.hours ?? 2) * HOUR),
  });
}
const running = () => activityAt(-10 * 60_000);

describe('only the activity’s window accepts a sign-in', () => {
  it('next week: the screen cuts no code, the sheet’s code is “too early” with the opening time, and nothing is written', async () => {
    const a = await activityAt(7 * 24 * HOUR);
    const rid = await buildResidentWithPhone(s.database, w.nodes.A1a, { name: '下周人', phone: '13700100001' });
    const qr = await centre.req('GET', `/api/sign-in/activities/${a.id}/qr`);
    expect(qr.statusCode).toBe(200);
    expect(qr.json()).toMatchObject({ url: null, svg: null, window: { state: 'early' } });
    expect(new Date(qr.json().window.opensAt).getTime()).toBe(
      new Date(qr.json().activity.startsAt).getTime() - 30 * 60_000,
    );
    const sheet = (await centre.req('GET', `/api/sign-in/activities/${a.id}/sheet`)).json();
    const phone = phoneClient(s.app);
    const info = await phone.req('GET', `/api/sign-in/scan/${tokenOf(sheet.url)}`);
    expect(info.json()).toMatchObject({ window: { state: 'early' }, ticket: null });
    // Even a screen code cut by hand for now (a “test” of the screen) is refused: the window decides.
    for (const token of [tokenOf(sheet.url), screenToken(sign, a.id).token]) {
      const r = await phone.req('POST', `/api/sign-in/scan/${token}`, { phone: '13700100001', name: '下周人' });
      expect(r.statusCode).toBe(409);
      expect(r.headers['x-sign-in-refusal']).toBe('early');
    }
    expect(await signInsOf(a.id)).toEqual([]);
    expect(await creditsOf(rid)).toEqual([]);
  });

  it('six days after: “too late”; staff can still enter the person at the desk, audited', async () => {
    const a = await activityAt(-6 * 24 * HOUR);
    const rid = await buildResidentWithPhone(s.database, w.nodes.A1a, { name: '晚来人', phone: '13700100002' });
    expect((await centre.req('GET', `/api/sign-in/activities/${a.id}/qr`)).json()).toMatchObject({
      url: null,
      window: { state: 'late' },
    });
    const sheet = (await centre.req('GET', `/api/sign-in/activities/${a.id}/sheet`)).json();
    const phone = phoneClient(s.app);
    expect((await phone.req('GET', `/api/sign-in/scan/${tokenOf(sheet.url)}`)).json()).toMatchObject({
      window: { state: 'late' },
      ticket: null,
    });
    const r = await phone.req('POST', `/api/sign-in/scan/${tokenOf(sheet.url)}`, {
      phone: '13700100002',
      name: '晚来人',
    });
    expect([r.statusCode, r.headers['x-sign-in-refusal']]).toEqual([409, 'late']);
    expect(await signInsOf(a.id)).toEqual([]);
    const desk = await centre.req('POST', `/api/sign-in/activities/${a.id}/manual`, { residentId: rid });
    expect(desk.json()).toMatchObject({ status: 'confirmed' });
    const audit = await s.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'sign_in.manual'), eq(auditLog.entityId, desk.json().id)));
    expect(audit).toHaveLength(1);
  });

  it('the county sets its window: a county admin only, audited; it moves when the screen starts cutting codes', async () => {
    const a = await activityAt(90 * 60_000);
    expect((await centre.req('GET', `/api/sign-in/activities/${a.id}/qr`)).json().url).toBeNull();
    const countyId = w.nodes.A.id;
    expect((await centre.req('GET', `/api/sign-in/rules/${countyId}`)).json()).toMatchObject({
      opensBeforeMinutes: 30,
      closesAfterMinutes: 30,
      isDefault: true,
      canEdit: false,
    });
    expect(
      (await centre.req('PUT', `/api/sign-in/rules/${countyId}`, { opensBeforeMinutes: 120, closesAfterMinutes: 30 }))
        .statusCode,
    ).toBe(403);
    const other = await signIn(s.app, 'b_county_admin', TEST_PASSWORD);
    expect(
      (await other.req('PUT', `/api/sign-in/rules/${countyId}`, { opensBeforeMinutes: 120, closesAfterMinutes: 30 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await county.req('PUT', `/api/sign-in/rules/${countyId}`, { opensBeforeMinutes: 721, closesAfterMinutes: 30 }))
        .statusCode,
    ).toBe(400);
    const set = await county.req('PUT', `/api/sign-in/rules/${countyId}`, {
      opensBeforeMinutes: 120,
      closesAfterMinutes: 15,
    });
    expect(set.json()).toMatchObject({
      opensBeforeMinutes: 120,
      closesAfterMinutes: 15,
      isDefault: false,
      canEdit: true,
    });
    try {
      const qr = (await centre.req('GET', `/api/sign-in/activities/${a.id}/qr`)).json();
      expect(qr).toMatchObject({ window: { state: 'open' } });
      expect(qr.url).toContain('/m/s/');
      const audit = await s.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'sign_in_rules.update'), eq(auditLog.entityId, countyId)));
      expect(audit.at(-1)?.summary).toMatchObject({ opensBeforeMinutes: { from: 30, to: 120 } });
    } finally {
      await county.req('PUT', `/api/sign-in/rules/${countyId}`, { opensBeforeMinutes: 30, closesAfterMinutes: 30 });
    }
  });
});

describe('a valid scan gives five minutes to type', () => {
  it('scanned, then 45 s and more of typing: the grace ticket signs in though the screen’s code has moved on', async () => {
    const a = await running();
    await buildResidentWithPhone(s.database, w.nodes.A1a, { name: '慢慢写', phone: '13700200001' });
    const phone = phoneClient(s.app);
    const info = await phone.req('GET', `/api/sign-in/scan/${screenToken(sign, a.id).token}`);
    expect(info.json().ticket).toEqual(expect.any(String));
    expect(new Date(info.json().ticketExpiresAt).getTime() - Date.now()).toBeGreaterThan(290_000);
    const stale = screenToken(sign, a.id, Date.now() - 90_000).token; // the code the person scanned, long gone
    const without = await phone.req('POST', `/api/sign-in/scan/${stale}`, { phone: '13700200001', name: '慢慢写' });
    expect([without.statusCode, without.headers['x-sign-in-refusal']]).toEqual([409, 'expired']);
    const ok = await phone.req('POST', `/api/sign-in/scan/${stale}`, {
      phone: '13700200001',
      name: '慢慢写',
      ticket: info.json().ticket,
    });
    expect(ok.json()).toMatchObject({ status: 'confirmed' });
  });

  it('past five minutes it says “expired”; a ticket from another phone or activity is worth nothing', async () => {
    const a = await running();
    const b = await running();
    await buildResidentWithPhone(s.database, w.nodes.A1a, { name: '超时了', phone: '13700200002' });
    const phone = phoneClient(s.app);
    await phone.req('GET', `/api/sign-in/scan/${screenToken(sign, a.id).token}`);
    const stale = screenToken(sign, a.id, Date.now() - 400_000).token;
    const old = graceTicket(sign, a.id, deviceOf(phone), 300, Date.now() - 301_000).ticket;
    const r = await phone.req('POST', `/api/sign-in/scan/${stale}`, {
      phone: '13700200002',
      name: '超时了',
      ticket: old,
    });
    expect([r.statusCode, r.headers['x-sign-in-refusal']]).toEqual([409, 'expired']);
    const friend = phoneClient(s.app);
    const shared = (await friend.req('GET', `/api/sign-in/scan/${screenToken(sign, a.id).token}`)).json().ticket;
    expect(
      (await phone.req('POST', `/api/sign-in/scan/${stale}`, { phone: '13700200002', name: '超时了', ticket: shared }))
        .headers['x-sign-in-refusal'],
    ).toBe('expired');
    const forB = graceTicket(sign, b.id, deviceOf(phone), 300).ticket;
    expect(
      (await phone.req('POST', `/api/sign-in/scan/${stale}`, { phone: '13700200002', name: '超时了', ticket: forB }))
        .headers['x-sign-in-refusal'],
    ).toBe('expired');
    expect(await signInsOf(a.id)).toEqual([]);
  });
});

describe('one phone cannot sign in a crowd', () => {
  it('dropping the cookie: the first typed sign-in from a network + browser is confirmed, the rest wait for staff and earn nothing', async () => {
    const a = await running();
    const people = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        buildResidentWithPhone(s.database, w.nodes.A1a, { name: `丢饼干${i}`, phone: `1370030000${i}` }),
      ),
    );
    const phone = phoneClient(s.app, { userAgent: 'Mozilla/5.0 (Linux; Android 10; same-phone) MicroMessenger/8.0' });
    const token = screenToken(sign, a.id).token;
    const results = [];
    for (const [i] of people.entries()) {
      phone.dropCookies();
      const info = (await phone.req('GET', `/api/sign-in/scan/${token}`)).json();
      results.push(
        (
          await phone.req('POST', `/api/sign-in/scan/${token}`, {
            phone: `1370030000${i}`,
            name: `丢饼干${i}`,
            ticket: info.ticket,
            remember: true,
          })
        ).json(),
      );
    }
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ['confirmed', null],
      ['pending', 'source'],
      ['pending', 'source'],
      ['pending', 'source'],
    ]);
    for (const rid of people.slice(1)) expect(await creditsOf(rid)).toEqual([]);
    expect(await creditsOf(people[0])).toHaveLength(1);
    // A pending sign-in does not teach the phone whom it signs in.
    expect((await phone.req('GET', `/api/sign-in/scan/${token}`)).json().known).toBeNull();
    // Staff confirm one: it is paid then.
    const [row] = (await signInsOf(a.id)).filter((r) => r.residentId === people[1]);
    expect((await centre.req('POST', `/api/sign-in/${row.id}/confirm`, {})).json()).toMatchObject({
      status: 'confirmed',
      credits: 2,
    });
    const list = (await centre.req('GET', `/api/sign-in/activities/${a.id}/attendance?status=pending`)).json();
    expect(list.items.map((i: { pendingReason: string }) => i.pendingReason)).toEqual(['source', 'source']);
  });

  it('without any cookie at all, the same; different phones on one hall Wi-Fi are each confirmed', async () => {
    const a = await running();
    const token = screenToken(sign, a.id).token;
    await Promise.all(
      [0, 1, 2].map((i) =>
        buildResidentWithPhone(s.database, w.nodes.A1a, { name: `无饼干${i}`, phone: `1370040000${i}` }),
      ),
    );
    const bare = (i: number) =>
      s.app.inject({
        method: 'POST',
        url: `/api/sign-in/scan/${token}`,
        headers: { 'user-agent': 'curl/8' },
        payload: { phone: `1370040000${i}`, name: `无饼干${i}` },
      });
    expect([(await bare(0)).json().status, (await bare(1)).json().reason, (await bare(2)).json().reason]).toEqual([
      'confirmed',
      'source',
      'source',
    ]);
    await Promise.all(
      [0, 1, 2].map((i) =>
        buildResidentWithPhone(s.database, w.nodes.A1a, { name: `同网${i}`, phone: `1370040010${i}` }),
      ),
    );
    const hall = await Promise.all(
      [0, 1, 2].map((i) =>
        phoneClient(s.app).req('POST', `/api/sign-in/scan/${token}`, { phone: `1370040010${i}`, name: `同网${i}` }),
      ),
    );
    expect(hall.map((r) => r.json().status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
  });
});

describe('another town cannot divert a resident’s credits', () => {
  it('a look-alike made by another town’s staff: the activity’s own centre wins; equal candidates wait for staff', async () => {
    const a = await running();
    // The real resident sorts last by id, so “the first by id” would be any look-alike.
    const [{ id: real }] = await s.database.db
      .insert(residents)
      .values({
        id: 'ffffffff-ffff-4fff-bfff-ffffffffffff',
        countyId: w.nodes.A.id,
        nodeId: w.nodes.A1a.id,
        name: '张桂兰',
        phone: '13700500001',
      })
      .returning({ id: residents.id });
    await buildUser(s.database, { username: 'a2_town_admin', role: 'town_admin', node: w.nodes.A2 });
    const town2 = await signIn(s.app, 'a2_town_admin', TEST_PASSWORD);
    const consent = { given: true, purpose: '社区教育', givenBy: 'self', method: 'paper' };
    const made = await town2.req('POST', '/api/residents', {
      nodeId: w.nodes.A2a.id,
      name: '张桂兰',
      phone: '13700500001',
      consent,
    });
    expect(made.statusCode, made.body).toBe(201);
    const lookAlike = made.json().id;
    const r = await phoneClient(s.app).req('POST', `/api/sign-in/scan/${screenToken(sign, a.id).token}`, {
      phone: '13700500001',
      name: '张桂兰',
    });
    expect(r.json()).toMatchObject({ status: 'confirmed' });
    expect((await creditsOf(real)).length).toBe(1);
    expect(await creditsOf(lookAlike)).toEqual([]);

    // At a centre of a third place (town 1's other centre), the real one is still of the activity's town.
    const b = await running().then(() => activityAt(-10 * 60_000, { centre: w.nodes.A1b }));
    expect(
      (
        await phoneClient(s.app).req('POST', `/api/sign-in/scan/${screenToken(sign, b.id).token}`, {
          phone: '13700500001',
          name: '张桂兰',
        })
      ).json(),
    ).toMatchObject({ status: 'confirmed' });
    expect((await signInsOf(b.id))[0].residentId).toBe(real);

    // Two at the same level (both in town 2's centres, the activity in town 1): nobody is chosen.
    const twin = await town2.req('POST', '/api/residents', {
      nodeId: w.nodes.A2b.id,
      name: '李淑珍',
      phone: '13700500002',
      consent,
    });
    const twin2 = await town2.req('POST', '/api/residents', {
      nodeId: w.nodes.A2a.id,
      name: '李淑珍',
      phone: '13700500002',
      consent,
    });
    const c = await running();
    const amb = await phoneClient(s.app).req('POST', `/api/sign-in/scan/${screenToken(sign, c.id).token}`, {
      phone: '13700500002',
      name: '李淑珍',
    });
    expect(amb.json()).toMatchObject({ status: 'pending', reason: 'ambiguous' });
    const [row] = await signInsOf(c.id);
    expect(row).toMatchObject({ residentId: null, pendingReason: 'ambiguous' });
    expect(
      await s.database.db
        .select()
        .from(creditLedger)
        .where(inArray(creditLedger.residentId, [twin.json().id, twin2.json().id])),
    ).toEqual([]);
  });
});

describe('one bad scan does not fail its neighbours', () => {
  it('60 scans at once over HTTP, one carrying a NUL: 59 signed in, the bad one refused with 400', async () => {
    const a = await running();
    const token = screenToken(sign, a.id).token;
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        buildResidentWithPhone(s.database, w.nodes.A1a, { name: `邻居${i}`, phone: `137006${String(10000 + i)}` }),
      ),
    );
    const res = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        phoneClient(s.app).req('POST', `/api/sign-in/scan/${token}`, {
          phone: `137006${String(10000 + i)}`,
          name: i === 17 ? '邻居\u000017' : `邻居${i}`,
        }),
      ),
    );
    expect(res[17].statusCode).toBe(400);
    expect(
      res
        .filter((_, i) => i !== 17)
        .map((r) => r.statusCode)
        .filter((c) => c !== 200),
    ).toEqual([]);
    expect(await signInsOf(a.id)).toHaveLength(59);
  });

  it('the batch on its own: a poisoned member is refused before queueing, a failing one fails alone', async () => {
    const a = await running();
    const people = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        buildResidentWithPhone(s.database, w.nodes.A1a, { name: `批量${i}`, phone: `137007${String(10000 + i)}` }),
      ),
    );
    const job = (i: number): ScanJob => ({
      activityId: a.id,
      countyId: w.nodes.A.id,
      centrePath: w.nodes.A1a.path,
      theme: 'health',
      residentId: null,
      phone: `137007${String(10000 + i)}`,
      name: `批量${i}`,
      deviceId: crypto.randomBytes(32).toString('hex'),
      sourceId: crypto.randomBytes(32).toString('hex'),
    });
    const jobs = people.map((_, i) => job(i));
    jobs[5] = { ...jobs[5], name: '批量\u00005' }; // refused before it joins the queue
    jobs[40] = { ...jobs[40], activityId: crypto.randomUUID() }; // valid in form, fails in the statement (no such activity)
    const settled = await Promise.allSettled(jobs.map((j) => recordScan(s.database.db, j)));
    expect(
      settled
        .map((r, i) => [i, r.status])
        .filter(([, st]) => st === 'rejected')
        .map(([i]) => i),
    ).toEqual([5, 40]);
    expect(
      settled
        .filter((r) => r.status === 'fulfilled')
        .map((r) => (r as PromiseFulfilledResult<{ status: string }>).value.status)
        .every((st) => st === 'confirmed'),
    ).toBe(true);
    expect(await signInsOf(a.id)).toHaveLength(58);
  });
});
