import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildActivity } from '../../../test/activity-factories';
import { buildNode, buildUser, type NodeRef } from '../../../test/factories';
import { uploadFile } from '../../../test/file-factories';
import { signInAll, useTestServer } from '../../../test/server-fixture';
import type { Client } from '../../../test/server';
import { buildTeacher } from '../../../test/teacher-factories';
import { auditLog } from '../../server/db/audit.table';
import { chinaToday, chinaYear } from '../../shared/china-time';
import { orgPopulations } from '../organisations/org.table';
import { teachers } from '../teachers/teachers.table';
import { fundingAllocations, fundingExpenses } from './funding.table';
import { parseYuan, yuanText } from './money';

const s = useTestServer();
const year = chinaYear();
const today = chinaToday();
let county: NodeRef, town: NodeRef, town2: NodeRef, centre: NodeRef, centreB: NodeRef, centre2: NodeRef;
let ca: Client, ta: Client, taB: Client, ta2: Client, cm: Client, insp: Client;
const t: Record<string, string> = {};

beforeAll(async () => {
  county = await buildNode(s.database, null, { name: '县', level: 'county' });
  town = await buildNode(s.database, county, { name: '云台镇', level: 'town' });
  town2 = await buildNode(s.database, county, { name: '柳湾镇', level: 'town' });
  centre = await buildNode(s.database, town, { name: '东坡村', level: 'centre' });
  centreB = await buildNode(s.database, town, { name: '桃源村', level: 'centre' });
  centre2 = await buildNode(s.database, town2, { name: '杏花村', level: 'centre' });
  await s.database.db.insert(orgPopulations).values([
    { nodeId: town.id, year, population: 1000 },
    { nodeId: centre.id, year, population: 400 },
    { nodeId: county.id, year, population: 3000 },
  ]);
  await buildUser(s.database, { username: 'ca', role: 'county_admin', node: county });
  await buildUser(s.database, { username: 'ta', role: 'town_admin', node: town });
  await buildUser(s.database, { username: 'tab', role: 'town_admin', node: town });
  await buildUser(s.database, { username: 'ta2', role: 'town_admin', node: town2 });
  await buildUser(s.database, { username: 'cm', role: 'centre_manager', node: centre });
  await buildUser(s.database, { username: 'insp', role: 'inspector', node: county });
  [ca, ta, taB, ta2, cm, insp] = await signInAll(s.app, 'ca', 'ta', 'tab', 'ta2', 'cm', 'insp');
  t.volunteer = (await buildTeacher(s.database, { bank: town, name: '志愿者小林', category: 'volunteer' })).id;
  t.gov = (await buildTeacher(s.database, { bank: town, name: '社区干部老王', category: 'part_time' })).id;
  await s.database.db.update(teachers).set({ isGovernmentStaff: true }).where(eq(teachers.id, t.gov));
  t.paid = (await buildTeacher(s.database, { bank: centre, name: '兼职教师陈老师', category: 'part_time' })).id;
  await s.database.db.update(teachers).set({ feeEligible: true }).where(eq(teachers.id, t.paid));
  t.unpaid = (await buildTeacher(s.database, { bank: town, name: '未标记的教师', category: 'part_time' })).id;
  t.other = (await buildTeacher(s.database, { bank: town2, name: '柳湾教师', category: 'part_time' })).id;
});

const expense = (c: Client, body: Record<string, unknown>) =>
  c.req('POST', '/api/funding/expenses', {
    nodeId: centre.id,
    category: 'activity',
    payee: '文具店',
    amountFen: 1000,
    spentOn: today,
    description: '活动材料',
    ...body,
  });
const expenseCount = async () => Number((await s.database.db.select({ n: count() }).from(fundingExpenses))[0].n);
const townFunding = async (c: Client = ta) => {
  const r = await c.req('GET', `/api/funding/towns/${town.id}?year=${year}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const issue = (r: { json(): any }) => r.json().error.issues[0];

describe('money in fen', () => {
  it('0.1 + 0.2 yuan is exactly 30 fen, shown as 0.30', () => {
    expect(parseYuan('0.1')! + parseYuan('0.2')!).toBe(30);
    expect(yuanText(parseYuan('0.1')! + parseYuan('0.2')!)).toBe('0.30');
    expect(parseYuan('1,234.56')).toBe(123456);
    expect(parseYuan('12.345')).toBeNull();
    expect(parseYuan('-1')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
    expect(yuanText(123456)).toBe('1,234.56');
    expect(yuanText(5)).toBe('0.05');
  });

  it('the API takes whole fen only', async () => {
    const r = await expense(ta, { amountFen: 10.5 });
    expect(r.statusCode).toBe(400);
    expect((await ta.req('POST', '/api/funding/expenses', { amountFen: 0 })).statusCode).toBe(400);
  });
});

describe('the standard, the budget and the shortfall', () => {
  it('the standard is 2 yuan by default; the county sets 1 or 2 yuan, a town cannot', async () => {
    const r = (await ca.req('GET', '/api/funding/standards')).json();
    expect(r.standards).toEqual([
      { countyId: county.id, countyName: '县', perResidentFen: 200, isDefault: true, canEdit: true },
    ]);
    expect((await ta.req('PUT', `/api/funding/standards/${county.id}`, { perResidentFen: 100 })).statusCode).toBe(403);
    expect((await ca.req('PUT', `/api/funding/standards/${county.id}`, { perResidentFen: 150 })).statusCode).toBe(400);
    expect((await ca.req('PUT', `/api/funding/standards/${county.id}`, { perResidentFen: 100 })).statusCode).toBe(200);
    expect((await ta.req('GET', '/api/funding/standards')).json().standards[0]).toMatchObject({
      perResidentFen: 100,
      canEdit: false,
    });
    expect((await ca.req('PUT', `/api/funding/standards/${county.id}`, { perResidentFen: 200 })).statusCode).toBe(200);
  });

  it('budget = the sum of its lines (10 + 20 fen = 30 fen); the shortfall is the standard × population minus it', async () => {
    const put = await ta.req('PUT', `/api/funding/towns/${town.id}/budget`, {
      year,
      note: null,
      lines: [
        { source: 'government', amountFen: 10, note: '0.1 元' },
        { source: 'donation', amountFen: 20, note: '0.2 元' },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    const f = await townFunding();
    expect(f).toMatchObject({ budgetFen: 30, population: 1000, perResidentFen: 200, standardFen: 200_000 });
    expect(f.shortfallFen).toBe(199_970);
    expect(yuanText(f.shortfallFen)).toBe('1,999.70');
    expect(f.bySource).toEqual([
      { source: 'government', amountFen: 10 },
      { source: 'donation', amountFen: 20 },
      { source: 'grant', amountFen: 0 },
      { source: 'other', amountFen: 0 },
    ]);
    // A budget that meets the standard has no shortfall.
    await ta.req('PUT', `/api/funding/towns/${town.id}/budget`, {
      year,
      note: '年度预算',
      lines: [
        { source: 'government', amountFen: 150_000, note: null },
        { source: 'grant', amountFen: 60_000, note: null },
      ],
    });
    expect(await townFunding()).toMatchObject({ budgetFen: 210_000, shortfallFen: 0 });
    const audits = await s.database.db.select().from(auditLog).where(eq(auditLog.action, 'funding.budget'));
    expect(audits).toHaveLength(2);
  });

  it('another town’s office, a centre manager and the county cannot set the budget; nothing is written', async () => {
    const body = { year, note: null, lines: [{ source: 'other', amountFen: 1, note: null }] };
    expect((await ta2.req('PUT', `/api/funding/towns/${town.id}/budget`, body)).statusCode).toBe(404);
    expect((await cm.req('PUT', `/api/funding/towns/${town.id}/budget`, body)).statusCode).toBe(403);
    expect((await ca.req('PUT', `/api/funding/towns/${town.id}/budget`, body)).statusCode).toBe(403);
    expect((await ta2.req('GET', `/api/funding/towns/${town.id}?year=${year}`)).statusCode).toBe(404);
    expect((await townFunding(ca)).budgetFen).toBe(210_000);
  });
});

describe('allocations', () => {
  it('cannot exceed the town’s budget; nothing is written when they would', async () => {
    const over = await ta.req('PUT', `/api/funding/towns/${town.id}/allocations`, {
      year,
      items: [
        { centreId: centre.id, amountFen: 200_000, note: null },
        { centreId: centreB.id, amountFen: 10_001, note: null },
      ],
    });
    expect(over.statusCode).toBe(400);
    expect(issue(over)).toMatchObject({
      path: 'items',
      message: '分配合计 2,100.01 元超过本年预算 2,100.00 元',
    });
    expect(await s.database.db.select().from(fundingAllocations)).toEqual([]);
    const ok = await ta.req('PUT', `/api/funding/towns/${town.id}/allocations`, {
      year,
      items: [
        { centreId: centre.id, amountFen: 100_000, note: null },
        { centreId: centreB.id, amountFen: 50_000, note: null },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await townFunding()).allocatedFen).toBe(150_000);
  });

  it('a centre of another town is refused; the budget cannot drop below what is allocated', async () => {
    const r = await ta.req('PUT', `/api/funding/towns/${town.id}/allocations`, {
      year,
      items: [{ centreId: centre2.id, amountFen: 1, note: null }],
    });
    expect(r.statusCode).toBe(400);
    expect(issue(r).path).toBe('items.0.centreId');
    const low = await ta.req('PUT', `/api/funding/towns/${town.id}/budget`, {
      year,
      note: null,
      lines: [{ source: 'government', amountFen: 149_999, note: null }],
    });
    expect(low.statusCode).toBe(400);
    expect(issue(low).message).toContain('少于已分配给学习中心的 1,500.00 元');
    expect((await townFunding()).budgetFen).toBe(210_000);
  });
});

describe('teaching fees follow the teacher bank’s fee rule', () => {
  it('refuses a volunteer, government or community staff, and an entry not marked for fees, saying why', async () => {
    const before = await expenseCount();
    const vol = await expense(cm, { category: 'teaching_fee', teacherId: t.volunteer, payee: null });
    expect(vol.statusCode).toBe(400);
    expect(issue(vol)).toEqual({
      path: 'teacherId',
      message: '不能向“志愿者小林”支付授课费：志愿者不能领取授课费（师资库授课费规定）',
      messageEn:
        'No teaching fee may be paid to this teacher: Volunteers are never paid a teaching fee (the teacher bank’s fee rule)',
    });
    const gov = await expense(cm, { category: 'teaching_fee', teacherId: t.gov, payee: null });
    expect(issue(gov).message).toContain('政府或社区工作人员不能领取授课费');
    const unmarked = await expense(cm, { category: 'teaching_fee', teacherId: t.unpaid, payee: null });
    expect(issue(unmarked).message).toContain('未标为“可支付授课费”');
    const none = await expense(cm, { category: 'teaching_fee', teacherId: null });
    expect(issue(none).path).toBe('teacherId');
    const foreign = await expense(cm, { category: 'teaching_fee', teacherId: t.other });
    expect(issue(foreign).message).toContain('找不到该教师');
    expect(await expenseCount()).toBe(before);
  });

  it('pays a fee-eligible teacher, the payee being the teacher', async () => {
    const r = await expense(cm, { category: 'teaching_fee', teacherId: t.paid, payee: '别人', amountFen: 20_000 });
    expect(r.statusCode, r.body).toBe(201);
    const d = (await cm.req('GET', `/api/funding/expenses/${r.json().id}`)).json();
    expect(d).toMatchObject({ payee: '兼职教师陈老师', teacherName: '兼职教师陈老师', status: 'recorded' });
    expect(d.permissions).toEqual({ update: true, review: false });
  });
});

describe('the activity and the invoice', () => {
  it('the activity must be of the node; the invoice a photo uploaded for it', async () => {
    const here = await buildActivity(s.database, { centre, title: '本村活动' });
    const there = await buildActivity(s.database, { centre: centre2, title: '外镇活动' });
    const before = await expenseCount();
    const bad = await expense(cm, { activityId: there.id });
    expect(issue(bad).path).toBe('activityId');
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#fff' } })
      .jpeg()
      .toBuffer();
    const up = await uploadFile(ta, { nodeId: town.id, purpose: 'expense_invoice', accept: 'image' }, 'a.jpg', photo);
    expect(up.statusCode, up.body).toBe(201);
    expect(issue(await expense(cm, { invoiceFileId: up.json().id })).path).toBe('invoiceFileId');
    // A centre manager may upload for the own centre only.
    const foreignUp = await uploadFile(
      cm,
      { nodeId: centreB.id, purpose: 'expense_invoice', accept: 'image' },
      'b.jpg',
      photo,
    );
    expect(foreignUp.statusCode).toBe(404);
    expect(await expenseCount()).toBe(before);
    const mine = await uploadFile(
      cm,
      { nodeId: centre.id, purpose: 'expense_invoice', accept: 'image' },
      'c.jpg',
      photo,
    );
    const ok = await expense(cm, { activityId: here.id, invoiceFileId: mine.json().id, amountFen: 3000 });
    expect(ok.statusCode, ok.body).toBe(201);
    const d = (await ta.req('GET', `/api/funding/expenses/${ok.json().id}`)).json();
    expect(d).toMatchObject({ activityTitle: '本村活动', hasInvoice: true, invoice: { originalName: 'c.jpg' } });
  });
});

describe('correcting an expense', () => {
  it('whoever may record at its node corrects it while it waits; another centre’s manager cannot; audited', async () => {
    const r = await expense(cm, { payee: '错别字', amountFen: 777 });
    const id = r.json().id;
    const body = {
      nodeId: centre.id,
      category: 'activity',
      payee: '更正后的收款人',
      amountFen: 778,
      spentOn: today,
      description: '更正',
      teacherId: null,
      invoiceFileId: null,
      activityId: null,
    };
    expect((await ta2.req('PUT', `/api/funding/expenses/${id}`, body)).statusCode).toBe(404);
    expect((await cm.req('PUT', `/api/funding/expenses/${id}`, { ...body, nodeId: centreB.id })).statusCode).toBe(404);
    expect((await cm.req('GET', `/api/funding/expenses/${id}`)).json()).toMatchObject({
      payee: '错别字',
      nodeId: centre.id,
    });
    const ok = await cm.req('PUT', `/api/funding/expenses/${id}`, body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await cm.req('GET', `/api/funding/expenses/${id}`)).json()).toMatchObject({
      payee: '更正后的收款人',
      amountFen: 778,
    });
    const [a] = await s.database.db.select().from(auditLog).where(eq(auditLog.action, 'funding.expense.update'));
    expect(a.summary).toMatchObject({
      payee: { from: '错别字', to: '更正后的收款人' },
      amountFen: { from: 777, to: 778 },
    });
    // Rejected by the town office, so the figures below leave it out of spent and pending.
    expect(
      (await ta.req('POST', `/api/funding/expenses/${id}/review`, { decision: 'rejected', note: '重复登记' }))
        .statusCode,
    ).toBe(200);
  });
});

describe('approval', () => {
  it('whoever recorded an expense cannot approve it; another of the town office can', async () => {
    const own = await expense(ta, { nodeId: town.id, category: 'equipment', payee: '电器商店', amountFen: 50_000 });
    expect(own.statusCode, own.body).toBe(201);
    const id = own.json().id;
    expect((await ta.req('GET', `/api/funding/expenses/${id}`)).json().canReview).toBe(false);
    const self = await ta.req('POST', `/api/funding/expenses/${id}/review`, { decision: 'approved', note: null });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.message).toContain('登记人不能审核自己登记的支出');
    const [row] = await s.database.db.select().from(fundingExpenses).where(eq(fundingExpenses.id, id));
    expect(row.status).toBe('recorded');
    // The database refuses it too.
    await expect(
      s.database.db
        .update(fundingExpenses)
        .set({ status: 'approved', reviewedBy: row.recordedBy })
        .where(eq(fundingExpenses.id, id)),
    ).rejects.toThrow();
    expect((await taB.req('GET', `/api/funding/expenses/${id}`)).json().canReview).toBe(true);
    const ok = await taB.req('POST', `/api/funding/expenses/${id}/review`, { decision: 'approved', note: null });
    expect(ok.statusCode, ok.body).toBe(200);
    const again = await taB.req('POST', `/api/funding/expenses/${id}/review`, { decision: 'rejected', note: 'x' });
    expect(again.statusCode).toBe(409);
  });

  it('a centre manager cannot approve; the town office approves the centre’s expenses; an approved one is not edited', async () => {
    const list = (await ta.req('GET', `/api/funding/expenses?nodeId=${centre.id}&status=recorded`)).json();
    expect(list.items.length).toBe(2);
    const a = list.items.find((e: { category: string }) => e.category === 'teaching_fee');
    const b = list.items.find((e: { category: string }) => e.category === 'activity');
    expect((await cm.req('POST', `/api/funding/expenses/${a.id}/review`, { decision: 'approved' })).statusCode).toBe(
      403,
    );
    expect((await ta2.req('POST', `/api/funding/expenses/${a.id}/review`, { decision: 'approved' })).statusCode).toBe(
      404,
    );
    expect((await ta.req('POST', `/api/funding/expenses/${a.id}/review`, { decision: 'approved' })).statusCode).toBe(
      200,
    );
    const noReason = await ta.req('POST', `/api/funding/expenses/${b.id}/review`, { decision: 'rejected' });
    expect(issue(noReason).path).toBe('note');
    expect(
      (await ta.req('POST', `/api/funding/expenses/${b.id}/review`, { decision: 'rejected', note: '发票不清' }))
        .statusCode,
    ).toBe(200);
    const edit = await cm.req('PUT', `/api/funding/expenses/${a.id}`, {
      nodeId: centre.id,
      category: 'activity',
      payee: 'x',
      amountFen: 1,
      spentOn: today,
      description: '改',
      teacherId: null,
      invoiceFileId: null,
      activityId: null,
    });
    expect(edit.statusCode).toBe(409);
    const actions = (await s.database.db.select({ a: auditLog.action }).from(auditLog)).map((r) => r.a);
    expect(actions.filter((x) => x === 'funding.expense.approve')).toHaveLength(2);
    expect(actions.filter((x) => x === 'funding.expense.reject')).toHaveLength(2);
  });
});

describe('figures', () => {
  it('budget versus spent per category, per centre and per resident; pending apart', async () => {
    const f = await townFunding(insp);
    // Approved: equipment 500 yuan (town), the fee 200 yuan (centre); rejected: 30 yuan; pending: none of those.
    expect(f.spentFen).toBe(70_000);
    expect(f.byCategory.find((c: { category: string }) => c.category === 'equipment')).toMatchObject({
      spentFen: 50_000,
      pendingFen: 0,
    });
    expect(f.townOwn).toEqual({ spentFen: 50_000, pendingFen: 0 });
    const dongpo = f.centres.find((c: { centreId: string }) => c.centreId === centre.id);
    expect(dongpo).toMatchObject({ allocatedFen: 100_000, population: 400 });
    expect(dongpo.spentFen + dongpo.pendingFen).toBe(20_000);
    expect(f.perResident).toEqual({ budgetFen: 210, standardFen: 200, spentFen: 70 });
    expect(f.canKeep).toBe(false);
    const towns = (await ca.req('GET', `/api/funding/towns?year=${year}`)).json().towns;
    expect(towns.map((x: { townName: string; shortfallFen: number | null }) => [x.townName, x.shortfallFen])).toEqual([
      ['云台镇', 0],
      ['柳湾镇', null],
    ]);
  });

  it('funding per resident on the indicators: spent this year ÷ resident population, in yuan', async () => {
    const r = await ca.req('GET', `/api/indicators?nodeId=${town.id}&year=${year}`);
    expect(r.statusCode, r.body).toBe(200);
    const v = r.json().values.find((x: { measure: string }) => x.measure === 'funding_per_resident');
    // 700 yuan ÷ 1000 residents = 0.70 yuan, below the default 2 yuan.
    expect(v).toMatchObject({ value: 0.7, numerator: 700, denominator: 1000, status: 'missed' });
    const c = (await ca.req('GET', `/api/indicators?nodeId=${county.id}&year=${year}`)).json();
    expect(c.values.find((x: { measure: string }) => x.measure === 'funding_per_resident')).toMatchObject({
      value: 0.23,
      numerator: 700,
      denominator: 3000,
    });
  });

  it('the ledger .xlsx keeps amounts as numbers with two decimals, so Excel sums them', async () => {
    const r = await ca.req('GET', `/api/funding/expenses/export.xlsx?nodeId=${town.id}`);
    expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const col = (ws.getRow(1).values as unknown[]).indexOf('金额（元）');
    const cells = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2).getCell(col));
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) {
      expect(typeof c.value).toBe('number');
      expect(c.numFmt).toBe('#,##0.00');
    }
    const listed = (await ca.req('GET', `/api/funding/expenses?nodeId=${town.id}&pageSize=100`)).json().items;
    const fen = listed.reduce((n: number, e: { amountFen: number }) => n + e.amountFen, 0);
    expect(Math.round(cells.reduce((n, c) => n + (c.value as number), 0) * 100)).toBe(fen);
  });
});
