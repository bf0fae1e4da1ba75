import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildActivity } from '../../../test/activity-factories';
import { TEST_PASSWORD } from '../../../test/factories';
import { signIn } from '../../../test/server';
import { useWorldServer } from '../../../test/server-fixture';
import { activatedResident, buildResidentWithPhone, phoneClient, tokenOf } from '../../../test/signin-factories';
import { ledgerEntries } from '../../../test/credit-factories';
import { jpegWithGps, tinyPdf, uploadFile } from '../../../test/file-factories';
import { screenToken } from './qr-token';
import { signIns } from './signin.table';

const { s, w, clients } = useWorldServer('a_centre_manager');
const [centre] = clients;

/** An activity in progress at village A1a, and the token of its on-screen QR code. */
async function runningActivity(v: { title?: string } = {}) {
  const a = await buildActivity(s.database, {
    centre: w.nodes.A1a,
    title: v.title,
    startsAt: new Date(Date.now() - 600_000),
    endsAt: new Date(Date.now() + 3_600_000),
  });
  const qr = await centre.req('GET', `/api/sign-in/activities/${a.id}/qr`);
  expect(qr.statusCode).toBe(200);
  expect(qr.json().svg).toContain('<svg');
  return { id: a.id, token: tokenOf(qr.json().url) };
}

const creditsOf = (residentId: string) => ledgerEntries(s.database, residentId);
const signInsOf = (activityId: string, residentId?: string) =>
  s.database.db
    .select()
    .from(signIns)
    .where(and(eq(signIns.activityId, activityId), residentId ? eq(signIns.residentId, residentId) : undefined));

describe('resident sign-in by QR', () => {
  it('phone + name on the roster signs in at once and pays the credit; again from the same phone is the same sign-in', async () => {
    const a = await runningActivity();
    const rid = await buildResidentWithPhone(s.database, w.nodes.A1a, { name: '王秀英', phone: '13900001111' });
    const phone = phoneClient(s.app);
    const info = await phone.req('GET', `/api/sign-in/scan/${a.token}`);
    expect(info.statusCode).toBe(200);
    expect(info.json()).toMatchObject({ known: null, signedIn: null, activity: { id: a.id } });
    const first = await phone.req('POST', `/api/sign-in/scan/${a.token}`, {
      phone: '139 0000 1111',
      name: '王秀英',
      remember: true,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'confirmed', name: '王*英', repeated: false, reason: null });
    const again = await phone.req('POST', `/api/sign-in/scan/${a.token}`, { known: true });
    expect(again.json()).toMatchObject({ status: 'confirmed', repeated: true });
    expect(await signInsOf(a.id)).toHaveLength(1);
    expect((await creditsOf(rid)).map((c) => Number(c.amount))).toEqual([2]);
    // The remembered phone is known next time: one tap.
    const known = await phone.req('GET', `/api/sign-in/scan/${a.token}`);
    expect(known.json()).toMatchObject({ known: { name: '王*英', via: 'device' }, signedIn: { status: 'confirmed' } });
  });

  it('200 simultaneous sign-ins of the same resident give one sign-in and one credit', async () => {
    const a = await runningActivity();
    const rid = await buildResidentWithPhone(s.database, w.nodes.A1a, { name: '李建国', phone: '13900002222' });
    const phones = Array.from({ length: 200 }, () => phoneClient(s.app));
    const results = await Promise.all(
      phones.map((p) => p.req('POST', `/api/sign-in/scan/${a.token}`, { phone: '13900002222', name: '李建国' })),
    );
    expect(results.map((r) => r.statusCode).filter((c) => c !== 200)).toEqual([]);
    expect(results.filter((r) => r.json().repeated === false)).toHaveLength(1);
    const rows = await signInsOf(a.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ residentId: rid, status: 'confirmed' });
    expect(await creditsOf(rid)).toHaveLength(1);
  });

  it('a crowd scanning at once: each person signed in once and paid the rule’s amount, balances equal the ledger', async () => {
    const a = await runningActivity();
    const people = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        buildResidentWithPhone(s.database, w.nodes.A1a, { name: `众人${i}`, phone: `1390000${String(5000 + i)}` }),
      ),
    );
    const send = () =>
      Promise.all(
        people.map((_, i) =>
          phoneClient(s.app).req('POST', `/api/sign-in/scan/${a.token}`, {
            phone: `1390000${String(5000 + i)}`,
            name: `众人${i}`,
          }),
        ),
      );
    const [first, again] = await Promise.all([send(), send()]);
    expect([...first, ...again].map((r) => r.statusCode).filter((c) => c !== 200)).toEqual([]);
    expect(await signInsOf(a.id)).toHaveLength(40);
    const [one] = await s.database.query<{ amount: string }>(
      `select amount::text from credit_ledger where resident_id = $1`,
      [people[0]],
    );
    const paid = await s.database.query<{ n: number; total: string; distinct_amounts: number }>(
      `select count(*)::int as n, sum(amount)::text as total, count(distinct amount)::int as distinct_amounts from credit_ledger where resident_id = any($1::uuid[])`,
      [people],
    );
    expect(paid[0]).toMatchObject({ n: 40, distinct_amounts: 1 });
    expect(Number(one.amount)).toBeGreaterThan(0);
    const off = await s.database.query(
      `select b.resident_id from credit_balances b where b.resident_id = any($1::uuid[])
      and b.balance <> (select coalesce(sum(amount), 0) from credit_ledger l where l.resident_id = b.resident_id)`,
      [people],
    );
    expect(off).toEqual([]);
  });

  it('expired and forged tokens are refused', async () => {
    const a = await runningActivity();
    await buildResidentWithPhone(s.database, w.nodes.A1a, { name: '赵敏', phone: '13900003333' });
    const body = { phone: '13900003333', name: '赵敏' };
    const sign = (p: string) => s.app.protector.digest(p);
    const old = screenToken(sign, a.id, Date.now() - 120_000).token;
    const expired = await s.app.inject({ method: 'POST', url: `/api/sign-in/scan/${old}`, payload: body });
    expect(expired.statusCode).toBe(409);
    expect(expired.json().error.message).toContain('二维码已过期');
    const parts = a.token.split('.');
    const stretched = [...parts.slice(0, 3), (parseInt(parts[3], 36) + 86_400).toString(36), parts[4]].join('.');
    for (const bad of [stretched, `${a.token.slice(0, -2)}xx`, 'q.0.0.0.0']) {
      const r = await s.app.inject({
        method: 'POST',
        url: `/api/sign-in/scan/${encodeURIComponent(bad)}`,
        payload: body,
      });
      expect(r.statusCode).toBe(404);
    }
    expect(await signInsOf(a.id)).toHaveLength(0);
  });

  it('an unknown person waits for staff, who match them to the roster; the credit is paid then', async () => {
    const a = await runningActivity();
    const phone = phoneClient(s.app);
    const r = await phone.req('POST', `/api/sign-in/scan/${a.token}`, { phone: '13900004444', name: '新来的' });
    expect(r.json()).toMatchObject({ status: 'pending', reason: 'unknown' });
    const twice = await phone.req('POST', `/api/sign-in/scan/${a.token}`, { phone: '13900004444', name: '新来的' });
    expect(twice.json()).toMatchObject({ status: 'pending', repeated: true });
    const list = await centre.req('GET', `/api/sign-in/activities/${a.id}/attendance?status=pending`);
    expect(list.json().items).toHaveLength(1);
    const pending = list.json().items[0];
    expect(pending).toMatchObject({ name: '新来的', phone: '139****4444', residentId: null });
    const noMatch = await centre.req('POST', `/api/sign-in/${pending.id}/confirm`, {});
    expect(noMatch.statusCode).toBe(400);
    const rid = await buildResidentWithPhone(s.database, w.nodes.A1a, { name: '新来的', phone: '13900004444' });
    const ok = await centre.req('POST', `/api/sign-in/${pending.id}/confirm`, { residentId: rid });
    expect(ok.json()).toMatchObject({ status: 'confirmed', credits: 2 });
    expect(await creditsOf(rid)).toHaveLength(1);
  });

  it('a phone that already signed someone in cannot sign in a second person without staff', async () => {
    const a = await runningActivity();
    const r1 = await buildResidentWithPhone(s.database, w.nodes.A1a, { name: '甲某', phone: '13900005551' });
    const r2 = await buildResidentWithPhone(s.database, w.nodes.A1a, { name: '乙某', phone: '13900005552' });
    const phone = phoneClient(s.app);
    expect(
      (await phone.req('POST', `/api/sign-in/scan/${a.token}`, { phone: '13900005551', name: '甲某' })).json().status,
    ).toBe('confirmed');
    const second = await phone.req('POST', `/api/sign-in/scan/${a.token}`, { phone: '13900005552', name: '乙某' });
    expect(second.json()).toMatchObject({ status: 'pending', reason: 'device' });
    expect(await creditsOf(r2)).toHaveLength(0);
    const [row] = await signInsOf(a.id, r2);
    const rejected = await centre.req('POST', `/api/sign-in/${row.id}/reject`, { reason: '代签' });
    expect(rejected.json().status).toBe('rejected');
    // Rejecting a confirmed one reverses its credit.
    const [first] = await signInsOf(a.id, r1);
    expect((await centre.req('POST', `/api/sign-in/${first.id}/reject`, {})).json()).toMatchObject({ credits: -2 });
    const ledger = await creditsOf(r1);
    expect(ledger.reduce((sum, e) => sum + Number(e.amount), 0)).toBe(0);
  });

  it('one phone sending two people at the same moment signs in one; the other waits for staff', async () => {
    const a = await runningActivity();
    await buildResidentWithPhone(s.database, w.nodes.A1a, { name: '丙某', phone: '13900005553' });
    await buildResidentWithPhone(s.database, w.nodes.A1a, { name: '丁某', phone: '13900005554' });
    const phone = phoneClient(s.app);
    await phone.req('GET', `/api/sign-in/scan/${a.token}`); // the phone gets its device cookie
    const [x, y] = await Promise.all([
      phone.req('POST', `/api/sign-in/scan/${a.token}`, { phone: '13900005553', name: '丙某' }),
      phone.req('POST', `/api/sign-in/scan/${a.token}`, { phone: '13900005554', name: '丁某' }),
    ]);
    expect([x.json().status, y.json().status].sort()).toEqual(['confirmed', 'pending']);
    expect([x.json().reason, y.json().reason]).toContain('device');
  });

  it('staff sign in by hand and check out; the attendance list shows it; outsiders see nothing', async () => {
    const a = await runningActivity();
    const rid = await buildResidentWithPhone(s.database, w.nodes.A1a, { name: '手工签', phone: '13900006666' });
    const hits = await centre.req('GET', `/api/sign-in/activities/${a.id}/roster?q=${encodeURIComponent('手工')}`);
    expect(hits.json().items).toEqual([expect.objectContaining({ id: rid, phone: '139****6666', signedIn: false })]);
    const done = await centre.req('POST', `/api/sign-in/activities/${a.id}/manual`, { residentId: rid });
    expect(done.json()).toMatchObject({ status: 'confirmed', credits: 2 });
    expect((await centre.req('POST', `/api/sign-in/activities/${a.id}/manual`, { residentId: rid })).statusCode).toBe(
      409,
    );
    const [row] = await signInsOf(a.id, rid);
    const out = await centre.req('POST', `/api/sign-in/${row.id}/check-out`, { attendedHours: 1.5 });
    expect(out.statusCode).toBe(200);
    const list = await centre.req('GET', `/api/sign-in/activities/${a.id}/attendance`);
    expect(list.json()).toMatchObject({
      total: 1,
      counts: { confirmed: 1 },
      items: [{ name: '手工签', method: 'manual', attendedHours: 1.5 }],
    });
    const b = await signIn(s.app, 'b_county_admin', TEST_PASSWORD);
    expect((await b.req('GET', `/api/sign-in/activities/${a.id}/attendance`)).statusCode).toBe(404);
    expect((await b.req('POST', `/api/sign-in/activities/${a.id}/manual`, { residentId: rid })).statusCode).toBe(404);
  });

  it('a paper sheet entered afterwards needs the photo of the sheet, and signs the ticked people in once', async () => {
    const a = await buildActivity(s.database, {
      centre: w.nodes.A1a,
      status: 'done',
      startsAt: new Date(Date.now() - 86_400_000),
    });
    const r1 = await buildResidentWithPhone(s.database, w.nodes.A1a, { name: '纸表一', phone: '13900007771' });
    const r2 = await buildResidentWithPhone(s.database, w.nodes.A1a, { name: '纸表二', phone: '13900007772' });
    const pdf = await uploadFile(
      centre,
      { nodeId: w.nodes.A1a.id, purpose: 'signin_sheet' },
      'sheet.pdf',
      tinyPdf(),
      'application/pdf',
    );
    expect(
      (
        await centre.req('POST', `/api/sign-in/activities/${a.id}/paper`, {
          residentIds: [r1],
          evidenceFileId: pdf.json().id,
        })
      ).statusCode,
    ).toBe(400);
    const photo = await uploadFile(
      centre,
      { nodeId: w.nodes.A1a.id, purpose: 'signin_sheet', accept: 'image' },
      'sheet.jpg',
      await jpegWithGps(),
      'image/jpeg',
    );
    expect(photo.statusCode, photo.body).toBe(201);
    const body = { residentIds: [r1, r2, r1], evidenceFileId: photo.json().id };
    expect((await centre.req('POST', `/api/sign-in/activities/${a.id}/paper`, body)).json()).toEqual({
      added: 2,
      already: 0,
    });
    expect((await centre.req('POST', `/api/sign-in/activities/${a.id}/paper`, body)).json()).toEqual({
      added: 0,
      already: 2,
    });
    const list = (await centre.req('GET', `/api/sign-in/activities/${a.id}/attendance`)).json();
    expect(list.items.map((i: { method: string; evidenceFileId: string }) => [i.method, i.evidenceFileId])).toEqual([
      ['paper', photo.json().id],
      ['paper', photo.json().id],
    ]);
    // Done activity: the credit is paid when the sheet is entered.
    expect(await creditsOf(r1)).toHaveLength(1);
  });

  it('the printed sheet’s code works only during the activity', async () => {
    const later = await buildActivity(s.database, { centre: w.nodes.A1a, startsAt: new Date(Date.now() + 86_400_000) });
    const sheet = await centre.req('GET', `/api/sign-in/activities/${later.id}/sheet`);
    expect(sheet.statusCode).toBe(200);
    const early = await s.app.inject({
      method: 'POST',
      url: `/api/sign-in/scan/${tokenOf(sheet.json().url)}`,
      payload: { phone: '13900001111', name: '王秀英' },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('签到还没有开始');
  });

  it('a signed-in resident signs in with one tap (with their session’s CSRF token) and checks out', async () => {
    const a = await runningActivity();
    const { rid, phone } = await activatedResident(s, centre, w.nodes.A1a, {
      name: '钱一点',
      phone: '13900008881',
      password: 'Qian-yidian-2026',
    });
    const info = (await phone.req('GET', `/api/sign-in/scan/${a.token}`)).json();
    expect(info).toMatchObject({ known: { name: '钱*点', via: 'session' }, signedIn: null });
    expect((await phone.req('POST', `/api/sign-in/scan/${a.token}`, { known: true })).statusCode).toBe(403);
    phone.setCsrf(info.csrfToken);
    expect((await phone.req('POST', `/api/sign-in/scan/${a.token}`, { known: true })).json()).toMatchObject({
      status: 'confirmed',
      repeated: false,
    });
    const out = await phone.req('POST', `/api/sign-in/scan/${a.token}/check-out`);
    expect(out.statusCode).toBe(200);
    expect(out.json().attendedHours).toBeGreaterThanOrEqual(0);
    const [row] = await signInsOf(a.id, rid);
    expect(row.checkedOutAt).not.toBeNull();
    // A stranger's phone knows nobody: one tap is refused.
    expect((await phoneClient(s.app).req('POST', `/api/sign-in/scan/${a.token}`, { known: true })).statusCode).toBe(
      401,
    );
  });
});
