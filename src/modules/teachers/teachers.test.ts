import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNode, buildUser, TEST_PASSWORD, type NodeRef } from '../../../test/factories';
import { buildTeacher } from '../../../test/teacher-factories';
import { signIn, type Client } from '../../../test/server';
import { signInAll, useTestServer } from '../../../test/server-fixture';
import { auditLog } from '../../server/db/audit.table';
import { chinaToday as todayInChina } from '../../shared/china-time';
import { residents } from '../people/people.table';
import { teachers } from './teachers.table';

const s = useTestServer();
let county: NodeRef;
let town: NodeRef;
let town2: NodeRef;
let village: NodeRef;
let village2: NodeRef;
let ta: Client;
let cm: Client;

const person = {
  name: '周老师',
  gender: 'female',
  phone: '13900002222',
  category: 'part_time',
  source: 'teacher',
  specialities: ['health', 'family'],
  qualifications: '小学高级教师',
  workUnit: '云台镇中心小学',
};

beforeAll(async () => {
  county = await buildNode(s.database, null, { name: '县', level: 'county' });
  town = await buildNode(s.database, county, { name: '云台镇', level: 'town' });
  town2 = await buildNode(s.database, county, { name: '柳湾镇', level: 'town' });
  village = await buildNode(s.database, town, { name: '东坡村', level: 'centre' });
  village2 = await buildNode(s.database, town, { name: '桃源村', level: 'centre' });
  await buildUser(s.database, { username: 'ta', role: 'town_admin', node: town });
  await buildUser(s.database, { username: 'cm', role: 'centre_manager', node: village });
  [ta, cm] = await signInAll(s.app, 'ta', 'cm');
});

describe('keeping a bank', () => {
  it('adds a teacher to the town bank with its first history entry, and audits it', async () => {
    const r = await ta.req('POST', '/api/teachers', { ...person, bankNodeId: town.id, feeEligible: true });
    expect(r.statusCode).toBe(201);
    const d = (await ta.req('GET', `/api/teachers/${r.json().id}`)).json();
    expect(d).toMatchObject({
      name: '周老师',
      bankNodeName: '云台镇',
      bankLevel: 'town',
      status: 'active',
      feeEligible: true,
      specialities: ['health', 'family'],
      phone: '13900002222',
    });
    expect(d.history).toHaveLength(1);
    expect(d.history[0]).toMatchObject({ status: 'active', reason: '入库', changedByName: 'ta' });
    const audit = await s.database.db.select().from(auditLog).where(eq(auditLog.entityId, r.json().id));
    expect(audit.map((a) => a.action)).toEqual(['teacher.create']);
  });

  it('never pays a teaching fee to volunteers or government staff, in plain words', async () => {
    const v = await ta.req('POST', '/api/teachers', {
      ...person,
      name: '志愿者甲',
      category: 'volunteer',
      bankNodeId: town.id,
      feeEligible: true,
    });
    expect(v.statusCode).toBe(400);
    expect(v.json().error.issues[0]).toMatchObject({
      path: 'feeEligible',
      message: '志愿者不能领取授课费，请取消“可支付授课费”',
    });
    const g = await ta.req('POST', '/api/teachers', {
      ...person,
      name: '干部乙',
      isGovernmentStaff: true,
      bankNodeId: town.id,
      feeEligible: true,
    });
    expect(g.json().error.issues[0].message).toBe('政府或社区工作人员不能领取授课费，请取消“可支付授课费”');
    // Editing an eligible teacher into a volunteer keeps the rule.
    const ok = await ta.req('POST', '/api/teachers', {
      ...person,
      name: '丙老师',
      bankNodeId: town.id,
      feeEligible: true,
    });
    const e = await ta.req('PUT', `/api/teachers/${ok.json().id}`, {
      ...person,
      name: '丙老师',
      category: 'volunteer',
      feeEligible: true,
    });
    expect(e.statusCode).toBe(400);
    // The database refuses it too, whatever writes it.
    await expect(
      s.database.db.update(teachers).set({ category: 'volunteer' }).where(eq(teachers.id, ok.json().id)),
    ).rejects.toThrow();
  });

  it('refuses a bank that is not a town or a centre', async () => {
    // The county lies above the town admin: readable, but not theirs to keep.
    expect((await ta.req('POST', '/api/teachers', { ...person, bankNodeId: county.id })).statusCode).toBe(403);
    const unit = await buildNode(s.database, town, { name: '社保所', level: 'unit', unitKind: 'lead_dept' });
    const u = await ta.req('POST', '/api/teachers', { ...person, bankNodeId: unit.id });
    expect(u.json().error.issues[0].path).toBe('bankNodeId');
  });

  it('a centre manager keeps the centre bank but not the town bank', async () => {
    expect(
      (await cm.req('POST', '/api/teachers', { ...person, name: '村兼职', bankNodeId: village.id })).statusCode,
    ).toBe(201);
    expect((await cm.req('POST', '/api/teachers', { ...person, name: '越权', bankNodeId: town.id })).statusCode).toBe(
      403,
    );
    const townTeacher = await buildTeacher(s.database, { bank: town, name: '镇里的', phone: '13900003333' });
    const before = (await cm.req('GET', `/api/teachers/${townTeacher.id}`)).json();
    expect(before.permissions).toEqual({ update: false, changeStatus: false, linkUser: false });
    expect((await cm.req('PUT', `/api/teachers/${townTeacher.id}`, { ...person, name: '改名' })).statusCode).toBe(403);
    // The centre manager picks from the town bank and may call the teacher.
    expect(before.phone).toBe('13900003333');
  });
});

describe('status history', () => {
  it('changes the status through its own endpoint, appends the history, audits it', async () => {
    const t = await buildTeacher(s.database, { bank: town, name: '状态老师' });
    const today = todayInChina();
    const r = await ta.req('POST', `/api/teachers/${t.id}/status`, {
      status: 'paused',
      effectiveDate: today,
      reason: '外出务工',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'paused', statusSince: today });
    expect(r.json().history.map((h: { status: string; reason: string }) => [h.status, h.reason])).toEqual([
      ['paused', '外出务工'],
      ['active', '入库'],
    ]);
    expect(
      (
        await ta.req('POST', `/api/teachers/${t.id}/status`, { status: 'paused', effectiveDate: today, reason: '再停' })
      ).json().error.issues[0].path,
    ).toBe('status');
    expect(
      (
        await ta.req('POST', `/api/teachers/${t.id}/status`, {
          status: 'active',
          effectiveDate: '2099-01-01',
          reason: '回来',
        })
      ).json().error.issues[0].path,
    ).toBe('effectiveDate');
    expect(
      (
        await ta.req('POST', `/api/teachers/${t.id}/status`, { status: 'active', effectiveDate: today, reason: '' })
      ).json().error.issues[0],
    ).toMatchObject({ path: 'reason', message: '此项必填' });
    // Editing the entry does not touch the status.
    expect(
      (await ta.req('PUT', `/api/teachers/${t.id}`, { ...person, name: '状态老师', status: 'left' })).json().status,
    ).toBe('paused');
    const audit = await s.database.db.select().from(auditLog).where(eq(auditLog.entityId, t.id));
    expect(audit.map((a) => a.action)).toContain('teacher.status');
  });
});

describe('reading banks', () => {
  it('a centre manager reads the town bank and their own, not a sibling centre nor another town', async () => {
    const own = await buildTeacher(s.database, { bank: village, name: '本村的' });
    const sibling = await buildTeacher(s.database, { bank: village2, name: '邻村的' });
    const other = await buildTeacher(s.database, { bank: town2, name: '外镇的' });
    const list = (await cm.req('GET', '/api/teachers?pageSize=200')).json();
    const names = list.items.map((t: { name: string }) => t.name);
    expect(names).toContain('本村的');
    expect(names).toContain('周老师');
    expect(names).not.toContain('邻村的');
    expect(names).not.toContain('外镇的');
    expect((await cm.req('GET', `/api/teachers/${own.id}`)).statusCode).toBe(200);
    expect((await cm.req('GET', `/api/teachers/${sibling.id}`)).statusCode).toBe(404);
    expect((await cm.req('GET', `/api/teachers/${other.id}`)).statusCode).toBe(404);
    expect((await cm.req('GET', `/api/teachers?bankNodeId=${town2.id}`)).statusCode).toBe(404);
    const banks = (await cm.req('GET', '/api/teacher-banks')).json().banks;
    expect(banks.map((b: { name: string; canKeep: boolean }) => [b.name, b.canKeep])).toEqual([
      ['云台镇', false],
      ['东坡村', true],
    ]);
  });

  it('a town admin does not see a sibling town; filters narrow the list', async () => {
    const names = (await ta.req('GET', '/api/teachers?pageSize=200')).json().items.map((t: { name: string }) => t.name);
    expect(names).toContain('邻村的');
    expect(names).not.toContain('外镇的');
    const f = (
      await ta.req('GET', `/api/teachers?bankNodeId=${town.id}&category=part_time&speciality=health&q=周`)
    ).json();
    expect(f.items.map((t: { name: string }) => t.name)).toEqual(['周老师']);
    expect(
      (await ta.req('GET', '/api/teachers?status=paused')).json().items.map((t: { name: string }) => t.name),
    ).toEqual(['状态老师']);
  });

  it('masks phones for readers who keep no bank over it', async () => {
    const t = await buildTeacher(s.database, { bank: town, name: '电话老师', phone: '13912345678' });
    await buildUser(s.database, { username: 'ld', role: 'leader', node: village });
    const ld = await signIn(s.app, 'ld', TEST_PASSWORD);
    expect((await ld.req('GET', `/api/teachers/${t.id}`)).json().phone).toBe('139****5678');
  });
});

describe('linking an account', () => {
  it('an admin links an account in reach; a centre manager cannot', async () => {
    const u = await buildUser(s.database, { username: 'vol1', role: 'teacher', node: village });
    const r = await ta.req('POST', '/api/teachers', {
      ...person,
      name: '志愿者丁',
      category: 'volunteer',
      bankNodeId: village.id,
      userId: u.id,
    });
    expect(r.statusCode).toBe(201);
    expect((await ta.req('GET', `/api/teachers/${r.json().id}`)).json()).toMatchObject({
      userId: u.id,
      userName: 'vol1 (vol1)',
      linked: true,
    });
    const c = await cm.req('POST', '/api/teachers', {
      ...person,
      name: '志愿者戊',
      category: 'volunteer',
      bankNodeId: village.id,
      userId: u.id,
    });
    expect(c.json().error.issues[0].path).toBe('userId');
    const stranger = await buildUser(s.database, { username: 'far', role: 'teacher', node: town2 });
    const foreign = await ta.req('POST', '/api/teachers', {
      ...person,
      name: '外人',
      bankNodeId: village.id,
      userId: stranger.id,
    });
    // An account outside one's reach answers exactly like one that does not exist: nothing confirmed.
    const missing = await ta.req('POST', '/api/teachers', {
      ...person,
      name: '外人',
      bankNodeId: village.id,
      userId: crypto.randomUUID(),
    });
    expect(foreign.json().error.issues).toEqual([expect.objectContaining({ path: 'userId' })]);
    expect(foreign.body).toBe(missing.body);
  });
});

describe('linking a resident', () => {
  it('links a resident in reach and shows the name; refuses one outside', async () => {
    const [near] = await s.database.db
      .insert(residents)
      .values({ countyId: county.id, nodeId: village.id, name: '居民甲' })
      .returning({ id: residents.id });
    const [far] = await s.database.db
      .insert(residents)
      .values({ countyId: county.id, nodeId: town2.id, name: '居民乙' })
      .returning({ id: residents.id });
    const r = await cm.req('POST', '/api/teachers', {
      ...person,
      name: '居民甲',
      bankNodeId: village.id,
      residentId: near.id,
    });
    expect(r.statusCode).toBe(201);
    expect((await cm.req('GET', `/api/teachers/${r.json().id}`)).json()).toMatchObject({
      residentId: near.id,
      residentName: '居民甲',
    });
    const foreign = await ta.req('POST', '/api/teachers', { ...person, bankNodeId: town.id, residentId: far.id });
    expect(foreign.json().error.issues[0].path).toBe('residentId');
    expect(foreign.body).not.toContain('居民乙');
    expect(foreign.body).toBe(
      (await ta.req('POST', '/api/teachers', { ...person, bankNodeId: town.id, residentId: crypto.randomUUID() })).body,
    );
  });
});
