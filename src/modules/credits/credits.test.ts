import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { TEST_PASSWORD } from '../../../test/factories';
import { buildActivity, buildResident, buildSignIn } from '../../../test/credit-factories';
import { signIn, type Client } from '../../../test/server';
import { useWorldServer } from '../../../test/server-fixture';
import { auditLog } from '../../server/db/audit.table';
import { residents } from '../people/people.table';
import { creditRedemptions, creditRewards } from './credit-bank.table';
import { paySignIn } from '../signin/signin-credits';
import { creditLedger } from './credits.table';

const { s, w, clients } = useWorldServer('a_county_admin', 'a_town_admin', 'a_centre_manager');
const [county, town, centre] = clients;

const balance = async (c: Client, id: string) =>
  (await c.req('GET', `/api/credit-accounts/${id}`)).json().balance as number;
async function reward(c: Client, nodeId: string, v: { cost: number; stock: number; name?: string }) {
  const r = await c.req('POST', '/api/credit-rewards', {
    nodeId,
    name: v.name ?? '环保购物袋',
    cost: v.cost,
    stock: v.stock,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}
async function award(c: Client, id: string, amount: number) {
  const r = await c.req('POST', `/api/credit-accounts/${id}/awards`, { amount, reason: '社区学习之星' });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as number;
}

describe('rules', () => {
  it('lists every theme with the default, and county admins change it (audited)', async () => {
    const r = await centre.req('GET', `/api/credit-rules/${w.nodes.A.id}`);
    expect(r.statusCode).toBe(200);
    expect(r.json().canEdit).toBe(false);
    expect(r.json().rules.find((x: { theme: string }) => x.theme === 'health')).toMatchObject({
      creditsPerHour: 1,
      grantAt: 'sign_in',
      isDefault: true,
    });
    expect(
      (await centre.req('PUT', `/api/credit-rules/${w.nodes.A.id}`, { rules: [], volunteerPerHour: 2 })).statusCode,
    ).toBe(403);
    const put = await county.req('PUT', `/api/credit-rules/${w.nodes.A.id}`, {
      rules: [{ theme: 'health', creditsPerHour: 2, grantAt: 'done' }],
      volunteerPerHour: 0.5,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().rules.find((x: { theme: string }) => x.theme === 'health')).toMatchObject({
      creditsPerHour: 2,
      grantAt: 'done',
      isDefault: false,
    });
    expect(put.json().volunteer).toEqual({ creditsPerHour: 0.5, isDefault: false });
    const bad = await county.req('PUT', `/api/credit-rules/${w.nodes.A.id}`, {
      rules: [{ theme: 'nonsense', creditsPerHour: 2, grantAt: 'done' }],
      volunteerPerHour: 1,
    });
    expect(bad.statusCode).toBe(400);
    const audits = await s.database.db.select().from(auditLog).where(eq(auditLog.action, 'credit_rules.update'));
    expect(audits.length).toBe(1);
    await county.req('PUT', `/api/credit-rules/${w.nodes.A.id}`, {
      rules: [{ theme: 'health', creditsPerHour: 1, grantAt: 'sign_in' }],
      volunteerPerHour: 1,
    });
  });
});

describe('accounts: awards and reversals', () => {
  it('an award with its reason, one reversal of it, never two; balance from the ledger', async () => {
    const r = await buildResident(s.database, w.nodes.A1a, '王学分');
    const id = await award(centre, r, 5);
    expect(await balance(centre, r)).toBe(5);
    const list = await centre.req('GET', `/api/credit-accounts?q=${encodeURIComponent('王学分')}`);
    expect(list.json().items).toEqual([{ id: r, name: '王学分', nodeName: w.nodes.A1a.name, balance: 5 }]);
    const rev = await centre.req('POST', `/api/credit-entries/${id}/reverse`, { reason: '录错了' });
    expect(rev.statusCode, rev.body).toBe(201);
    expect((await centre.req('POST', `/api/credit-entries/${id}/reverse`, { reason: '再来一次' })).statusCode).toBe(
      409,
    );
    expect(
      (await centre.req('POST', `/api/credit-entries/${rev.json().id}/reverse`, { reason: '冲正的冲正' })).statusCode,
    ).toBe(409);
    expect(await balance(centre, r)).toBe(0);
    const entries = (await centre.req('GET', `/api/credit-accounts/${r}/entries`)).json().items;
    expect(
      entries.map((e: { kind: string; amount: number; canReverse: boolean }) => [e.kind, e.amount, e.canReverse]),
    ).toEqual([
      ['reversal', -5, false],
      ['award', 5, false],
    ]);
    expect(entries[0].reversesId).toBe(id);
    expect(entries[1].note).toBe('社区学习之星');
    const audits = await s.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, r));
    expect(audits.map((a) => a.action)).toEqual(['credits.award', 'credits.reverse']);
  });

  it('the list shows residents with credits; a search finds anyone', async () => {
    const none = await buildResident(s.database, w.nodes.A1a, '孙无分');
    const ids = (await centre.req('GET', '/api/credit-accounts?pageSize=200'))
      .json()
      .items.map((x: { id: string }) => x.id);
    expect(ids).not.toContain(none);
    expect((await centre.req('GET', `/api/credit-accounts?q=${encodeURIComponent('孙无分')}`)).json().items).toEqual([
      { id: none, name: '孙无分', nodeName: w.nodes.A1a.name, balance: 0 },
    ]);
  });

  it('a sibling village’s manager sees nothing and changes nothing', async () => {
    const r = await buildResident(s.database, w.nodes.A1b);
    await award(town, r, 3);
    expect((await centre.req('GET', `/api/credit-accounts/${r}`)).statusCode).toBe(404);
    expect((await centre.req('POST', `/api/credit-accounts/${r}/awards`, { amount: 1, reason: 'x' })).statusCode).toBe(
      404,
    );
    expect(await balance(town, r)).toBe(3);
  });
});

describe('rewards and redemption', () => {
  it('a town reward is offered to its villages only; a centre manager cannot create one', async () => {
    const id = await reward(town, w.nodes.A1.id, { cost: 2, stock: 5, name: '毛巾' });
    expect(
      (await centre.req('POST', '/api/credit-rewards', { nodeId: w.nodes.A1.id, name: '越权', cost: 1, stock: 1 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await town.req('POST', '/api/credit-rewards', { nodeId: w.nodes.A1a.id, name: '村级', cost: 1, stock: 1 }))
        .statusCode,
    ).toBe(400);
    const mine = await buildResident(s.database, w.nodes.A1a);
    const other = await buildResident(s.database, w.nodes.A2a);
    const offered = (await centre.req('GET', `/api/credit-rewards?forResidentId=${mine}`))
      .json()
      .items.map((x: { id: string }) => x.id);
    expect(offered).toContain(id);
    const notOffered = (await county.req('GET', `/api/credit-rewards?forResidentId=${other}`))
      .json()
      .items.map((x: { id: string }) => x.id);
    expect(notOffered).not.toContain(id);
    await award(county, other, 10);
    expect((await county.req('POST', `/api/credit-accounts/${other}/redemptions`, { rewardId: id })).statusCode).toBe(
      404,
    );
  });

  it('a town that offers rewards cannot be deleted, and says why', async () => {
    const made = await county.req('POST', '/api/org/nodes', { parentId: w.nodes.A.id, level: 'town', name: '奖品镇' });
    expect(made.statusCode, made.body).toBe(201);
    await reward(county, made.json().id, { cost: 1, stock: 1, name: '镇奖品' });
    const del = await county.req('DELETE', `/api/org/nodes/${made.json().id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error.message).toContain('学分兑换奖品');
  });

  it('redeems at the counter: balance and stock checked; cancel puts both back', async () => {
    const rid = await reward(town, w.nodes.A1.id, { cost: 4, stock: 1, name: '台灯' });
    const r = await buildResident(s.database, w.nodes.A1a);
    const poor = await centre.req('POST', `/api/credit-accounts/${r}/redemptions`, { rewardId: rid });
    expect(poor.statusCode).toBe(409);
    expect(poor.json().error.message).toContain('学分不足');
    await award(centre, r, 10);
    const ok = await centre.req('POST', `/api/credit-accounts/${r}/redemptions`, { rewardId: rid });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().balance).toBe(6);
    const out = await centre.req('POST', `/api/credit-accounts/${r}/redemptions`, { rewardId: rid });
    expect(out.statusCode).toBe(409);
    expect(out.json().error.message).toContain('兑完');
    const list = (await centre.req('GET', `/api/credit-redemptions?residentId=${r}`)).json().items;
    expect(list).toMatchObject([{ rewardName: '台灯', cost: 4, status: 'done', channel: 'counter', canCancel: true }]);
    expect(
      (await centre.req('POST', `/api/credit-redemptions/${ok.json().id}/cancel`, { reason: '居民退回' })).statusCode,
    ).toBe(200);
    expect(
      (await centre.req('POST', `/api/credit-redemptions/${ok.json().id}/cancel`, { reason: '居民退回' })).statusCode,
    ).toBe(409);
    expect(await balance(centre, r)).toBe(10);
    const [rw] = await s.database.db.select().from(creditRewards).where(eq(creditRewards.id, rid));
    expect(rw.stock).toBe(1);
    const acct = (await centre.req('GET', `/api/credit-accounts/${r}`)).json();
    expect(acct).toMatchObject({ balance: 10, earned: 10, spent: 0 });
  });

  it('reversing a redemption’s entry cancels the redemption and returns the stock; bad awards are refused', async () => {
    const rid = await reward(town, w.nodes.A1.id, { cost: 3, stock: 2, name: '笔记本' });
    const r = await buildResident(s.database, w.nodes.A1a);
    await award(centre, r, 3);
    const red = await centre.req('POST', `/api/credit-accounts/${r}/redemptions`, { rewardId: rid });
    expect(red.statusCode, red.body).toBe(201);
    const spend = (await centre.req('GET', `/api/credit-accounts/${r}/entries`))
      .json()
      .items.find((e: { kind: string }) => e.kind === 'redeem');
    expect(
      (await centre.req('POST', `/api/credit-entries/${spend.id}/reverse`, { reason: '奖品有破损' })).statusCode,
    ).toBe(201);
    expect(await balance(centre, r)).toBe(3);
    expect((await s.database.db.select().from(creditRewards).where(eq(creditRewards.id, rid)))[0].stock).toBe(2);
    expect(
      (await s.database.db.select().from(creditRedemptions).where(eq(creditRedemptions.residentId, r)))[0],
    ).toMatchObject({ status: 'cancelled', cancelReason: '奖品有破损' });
    expect(
      (await centre.req('POST', `/api/credit-accounts/${r}/awards`, { amount: 0, reason: '零分' })).statusCode,
    ).toBe(400);
    expect((await centre.req('POST', `/api/credit-accounts/${r}/awards`, { amount: 2, reason: '  ' })).statusCode).toBe(
      400,
    );
    expect((await centre.req('POST', `/api/credit-entries/${spend.id}/reverse`, { reason: '' })).statusCode).toBe(400);
  });

  it('20 simultaneous redemptions of a full balance give exactly one success', async () => {
    const rid = await reward(town, w.nodes.A1.id, { cost: 5, stock: 100, name: '保温杯' });
    const r = await buildResident(s.database, w.nodes.A1a);
    await award(centre, r, 5);
    const res = await Promise.all(
      Array.from({ length: 20 }, () => centre.req('POST', `/api/credit-accounts/${r}/redemptions`, { rewardId: rid })),
    );
    expect(res.map((x) => x.statusCode).sort()).toEqual([201, ...Array(19).fill(409)]);
    expect(await balance(centre, r)).toBe(0);
    const spends = await s.database.db.select().from(creditLedger).where(eq(creditLedger.residentId, r));
    expect(spends.filter((e) => e.kind === 'redeem').length).toBe(1);
    expect((await s.database.db.select().from(creditRewards).where(eq(creditRewards.id, rid)))[0].stock).toBe(99);
    expect(
      (await s.database.db.select().from(creditRedemptions).where(eq(creditRedemptions.residentId, r))).length,
    ).toBe(1);
  });

  it('stock never goes below zero: 8 residents race for 3', async () => {
    const rid = await reward(town, w.nodes.A1.id, { cost: 1, stock: 3, name: '雨伞' });
    const people = await Promise.all(Array.from({ length: 8 }, () => buildResident(s.database, w.nodes.A1a)));
    for (const p of people) await award(centre, p, 2);
    const res = await Promise.all(
      people.map((p) => centre.req('POST', `/api/credit-accounts/${p}/redemptions`, { rewardId: rid })),
    );
    expect(res.filter((x) => x.statusCode === 201).length).toBe(3);
    expect((await s.database.db.select().from(creditRewards).where(eq(creditRewards.id, rid)))[0].stock).toBe(0);
    await expect(s.database.query('update credit_rewards set stock = -1 where id = $1', [rid])).rejects.toThrow();
  });
});

describe('learning record and the person’s rights', () => {
  it('lists confirmed sign-ins with hours and credits; a resident with credits is anonymised, not deleted', async () => {
    const r = await buildResident(s.database, w.nodes.A1a, '李档案');
    const a1 = await buildActivity(s.database, w.nodes.A1a, { hours: 2, title: '防诈骗讲座', theme: 'law' });
    const a2 = await buildActivity(s.database, w.nodes.A1a, { hours: 3, title: '太极拳', theme: 'culture_sports' });
    const s1 = await buildSignIn(s.database, a1, r);
    await buildSignIn(s.database, a2, r, { attendedHours: 1.5 });
    await buildSignIn(s.database, await buildActivity(s.database, w.nodes.A1a), r, { status: 'pending' });
    await s.database.db.transaction((tx) => paySignIn(tx, { signInId: s1, actorId: null }));
    const rec = await centre.req('GET', `/api/credit-accounts/${r}/record`);
    expect(rec.statusCode, rec.body).toBe(200);
    expect(rec.json()).toMatchObject({
      resident: { name: '李档案' },
      totalActivities: 2,
      totalHours: 3.5,
      totalCredits: 2,
      balance: 2,
    });
    expect(
      rec
        .json()
        .items.map((i: { title: string; themeName: string; credits: number }) => [i.title, i.themeName, i.credits]),
    ).toEqual([
      ['防诈骗讲座', '法律', 2],
      ['太极拳', '文体', 0],
    ]);
    const del = await centre.req('DELETE', `/api/residents/${r}`);
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json().outcome).toBe('anonymized');
    expect(del.json().reasons.map((x: { label: string }) => x.label)).toEqual(
      expect.arrayContaining(['签到记录', '学分记录']),
    );
    const [row] = await s.database.db.select().from(residents).where(eq(residents.id, r));
    expect(row.name).toBe('已注销居民');
    expect((await centre.req('POST', `/api/credit-accounts/${r}/awards`, { amount: 1, reason: 'x' })).statusCode).toBe(
      403,
    );
  });

  it('anonymising removes the phone account too; a resident with only a phone account is deleted', async () => {
    const { residentAccounts } = await import('../portal/resident-account.table');
    const kept = await buildResident(s.database, w.nodes.A1a, '钱有账');
    await s.database.db.insert(residentAccounts).values({ residentId: kept, phone: '13900001111' });
    await award(centre, kept, 2);
    const del = await centre.req('DELETE', `/api/residents/${kept}`);
    expect(del.json().outcome).toBe('anonymized');
    expect(del.json().reasons.map((x: { table: string }) => x.table)).toEqual(['credit_balances', 'credit_ledger']);
    expect(await s.database.db.select().from(residentAccounts).where(eq(residentAccounts.residentId, kept))).toEqual(
      [],
    );
    const gone = await buildResident(s.database, w.nodes.A1a, '孙只账');
    await s.database.db.insert(residentAccounts).values({ residentId: gone, phone: '13900002222' });
    expect((await centre.req('DELETE', `/api/residents/${gone}`)).json().outcome).toBe('deleted');
    expect(await s.database.db.select().from(residents).where(eq(residents.id, gone))).toEqual([]);
  });

  it('approved volunteer hours pay the linked resident', async () => {
    const r = await buildResident(s.database, w.nodes.A1a, '志愿者甲');
    const { buildTeacher } = await import('../../../test/teacher-factories');
    const t = await buildTeacher(s.database, {
      bank: w.nodes.A1,
      name: '志愿者甲',
      category: 'volunteer',
      userId: w.users['A:teacher'].id,
    });
    const { teachers } = await import('../teachers/teachers.table');
    await s.database.db.update(teachers).set({ residentId: r }).where(eq(teachers.id, t.id));
    const teacher = await signIn(s.app, 'a_teacher', TEST_PASSWORD);
    const sub = await teacher.req('POST', '/api/volunteer-hours', {
      teacherId: t.id,
      nodeId: w.nodes.A1a.id,
      serviceDate: '2026-01-05',
      hours: 3,
      description: '整理图书',
    });
    expect(sub.statusCode, sub.body).toBe(201);
    expect(
      (await centre.req('POST', `/api/volunteer-hours/${sub.json().id}/review`, { decision: 'approved' })).statusCode,
    ).toBe(200);
    expect(await balance(centre, r)).toBe(3);
  });
});

describe('the resident’s own pages (/api/me)', () => {
  async function residentClient(residentId: string) {
    const { createResidentSession } = await import('../portal/resident-session.service');
    const { token, csrfToken } = await createResidentSession(s.database.db, residentId, false);
    return (method: string, url: string, body?: unknown) =>
      s.app.inject({
        method: method as never,
        url,
        headers: { cookie: `cedu_resident=${token}`, 'x-csrf-token': csrfToken },
        ...(body === undefined ? {} : { payload: body as object }),
      });
  }

  it('shows my balance, entries, record and the rewards offered to me; I redeem once with a full balance', async () => {
    const r = await buildResident(s.database, w.nodes.A1a, '赵居民');
    await award(centre, r, 6);
    const mine = await reward(town, w.nodes.A1.id, { cost: 6, stock: 10, name: '菜篮子' });
    const elsewhere = await reward(county, w.nodes.A2.id, { cost: 1, stock: 10, name: '别镇奖品' });
    const me = await residentClient(r);
    const credits = await me('GET', '/api/me/credits');
    expect(credits.statusCode, credits.body).toBe(200);
    expect(credits.json()).toMatchObject({ balance: 6, earned: 6, spent: 0, total: 1 });
    expect(credits.json().items[0]).toMatchObject({ kind: 'award', amount: 6, createdByName: null, canReverse: false });
    const offered = (await me('GET', '/api/me/rewards?pageSize=200')).json().items.map((x: { id: string }) => x.id);
    expect(offered).toContain(mine);
    expect(offered).not.toContain(elsewhere);
    expect((await me('POST', '/api/me/redemptions', { rewardId: elsewhere })).statusCode).toBe(404);
    const res = await Promise.all(
      Array.from({ length: 20 }, () => me('POST', '/api/me/redemptions', { rewardId: mine })),
    );
    expect(res.map((x) => x.statusCode).sort()).toEqual([201, ...Array(19).fill(409)]);
    expect((await me('GET', '/api/me/credits')).json()).toMatchObject({ balance: 0, earned: 6, spent: 6 });
    expect((await me('GET', '/api/me/redemptions')).json().items).toMatchObject([
      { rewardName: '菜篮子', channel: 'self', status: 'done', canCancel: false, handledByName: null },
    ]);
    expect((await me('GET', '/api/me/learning-record')).json()).toMatchObject({
      resident: { name: '赵居民' },
      totalActivities: 0,
      balance: 0,
    });
  });

  it('a staff session is not a resident session', async () => {
    for (const url of ['/api/me/credits', '/api/me/learning-record', '/api/me/rewards', '/api/me/redemptions'])
      expect((await centre.req('GET', url)).statusCode).toBe(401);
    expect((await centre.req('POST', '/api/me/redemptions', { rewardId: crypto.randomUUID() })).statusCode).toBe(401);
  });
});
