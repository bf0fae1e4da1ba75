import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNode, buildUser, TEST_PASSWORD, type NodeRef } from '../../../test/factories';
import { buildTeacher } from '../../../test/teacher-factories';
import { signIn, type Client } from '../../../test/server';
import { signInAll, useTestServer } from '../../../test/server-fixture';
import { auditLog } from '../../server/db/audit.table';
import { chinaToday as todayInChina } from '../../shared/china-time';

const s = useTestServer();
let town: NodeRef;
let village: NodeRef;
let village2: NodeRef;
let town2: NodeRef;
let vol: Client;
let cm: Client;
let cm2: Client;
let ta: Client;
let teacherId: string;
let townTeacherId: string;
const today = todayInChina();

beforeAll(async () => {
  const county = await buildNode(s.database, null, { name: '县', level: 'county' });
  town = await buildNode(s.database, county, { name: '云台镇', level: 'town' });
  town2 = await buildNode(s.database, county, { name: '柳湾镇', level: 'town' });
  village = await buildNode(s.database, town, { name: '东坡村', level: 'centre' });
  village2 = await buildNode(s.database, town, { name: '桃源村', level: 'centre' });
  const v = await buildUser(s.database, { username: 'vol', role: 'teacher', node: village });
  // A centre manager who is also a volunteer of the town bank (may not approve their own hours).
  const m = await buildUser(s.database, { username: 'cm', role: 'centre_manager', node: village });
  await buildUser(s.database, { username: 'cm2', role: 'centre_manager', node: village2 });
  await buildUser(s.database, { username: 'ta', role: 'town_admin', node: town });
  teacherId = (
    await buildTeacher(s.database, { bank: village, name: '志愿者小林', category: 'volunteer', userId: v.id })
  ).id;
  townTeacherId = (await buildTeacher(s.database, { bank: town, name: '刘主任', category: 'volunteer', userId: m.id }))
    .id;
  [vol, cm, cm2, ta] = await signInAll(s.app, 'vol', 'cm', 'cm2', 'ta');
});

const submit = (c: Client, body: Record<string, unknown>) =>
  c.req('POST', '/api/volunteer-hours', {
    teacherId,
    nodeId: village.id,
    serviceDate: today,
    hours: 2,
    description: '协助老年智能手机课',
    ...body,
  });

describe('volunteer hours', () => {
  it('a volunteer sees their entry and the centres where they may serve', async () => {
    const r = (await vol.req('GET', '/api/volunteer-hours/mine')).json();
    expect(r.teachers).toHaveLength(1);
    expect(r.teachers[0]).toMatchObject({
      id: teacherId,
      name: '志愿者小林',
      bankNodeName: '东坡村',
      places: [{ id: village.id, name: '东坡村' }],
    });
    const town = (await cm.req('GET', '/api/volunteer-hours/mine')).json().teachers[0];
    expect(town.places.map((p: { name: string }) => p.name).sort()).toEqual(['东坡村', '桃源村']);
  });

  it("submits own hours; refuses someone else's entry, a place outside the bank, the future and bad hours", async () => {
    const r = await submit(vol, {});
    expect(r.statusCode).toBe(201);
    expect((await submit(vol, { teacherId: townTeacherId })).statusCode).toBe(404);
    expect((await submit(vol, { nodeId: village2.id })).json().error.issues[0].path).toBe('nodeId');
    expect((await submit(vol, { nodeId: town.id })).json().error.issues[0].path).toBe('nodeId');
    expect((await submit(vol, { serviceDate: '2099-01-01' })).json().error.issues[0].path).toBe('serviceDate');
    expect((await submit(vol, { hours: 0 })).json().error.issues[0].path).toBe('hours');
    expect((await submit(vol, { hours: 25 })).json().error.issues[0].path).toBe('hours');
    const mine = (await vol.req('GET', '/api/volunteer-hours/mine')).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ hours: 2, status: 'pending', nodeName: '东坡村', canReview: false });
  });

  it('the centre manager approves; a rejection needs a note; reviewed once only; audited', async () => {
    const a = (await submit(vol, { hours: 1.5, description: '图书整理' })).json().id;
    const b = (await submit(vol, { hours: 3, description: '活动签到' })).json().id;
    const pending = (await cm.req('GET', '/api/volunteer-hours?status=pending')).json();
    expect(pending.items.map((h: { id: string; canReview: boolean }) => h.canReview)).toEqual([true, true, true]);
    expect(
      (await cm.req('POST', `/api/volunteer-hours/${a}/review`, { decision: 'approved', note: null })).statusCode,
    ).toBe(200);
    expect(
      (await cm.req('POST', `/api/volunteer-hours/${a}/review`, { decision: 'rejected', note: '重复' })).statusCode,
    ).toBe(409);
    expect(
      (await cm.req('POST', `/api/volunteer-hours/${b}/review`, { decision: 'rejected' })).json().error.issues[0].path,
    ).toBe('note');
    expect(
      (await cm.req('POST', `/api/volunteer-hours/${b}/review`, { decision: 'rejected', note: '当天无此活动' }))
        .statusCode,
    ).toBe(200);
    const mine = (await vol.req('GET', '/api/volunteer-hours/mine')).json();
    expect(mine.teachers[0].approvedHours).toBe(1.5);
    expect(mine.items.find((h: { id: string }) => h.id === b)).toMatchObject({
      status: 'rejected',
      reviewNote: '当天无此活动',
      reviewedByName: 'cm',
    });
    const audit = await s.database.db.select().from(auditLog).where(eq(auditLog.entityId, a));
    expect(audit.map((x) => x.action)).toEqual(['volunteer_hours.submit', 'volunteer_hours.approve']);
  });

  it('nobody approves their own hours; a sibling centre manager cannot see or review them', async () => {
    const own = (
      await cm.req('POST', '/api/volunteer-hours', {
        teacherId: townTeacherId,
        nodeId: village.id,
        serviceDate: today,
        hours: 2,
        description: '自己的',
      })
    ).json().id;
    expect((await cm.req('POST', `/api/volunteer-hours/${own}/review`, { decision: 'approved' })).statusCode).toBe(403);
    const listed = (await cm.req('GET', '/api/volunteer-hours?status=pending'))
      .json()
      .items.find((h: { id: string }) => h.id === own);
    expect(listed.canReview).toBe(false);
    expect((await cm2.req('POST', `/api/volunteer-hours/${own}/review`, { decision: 'approved' })).statusCode).toBe(
      404,
    );
    expect((await cm2.req('GET', '/api/volunteer-hours')).json().total).toBe(0);
    expect((await ta.req('POST', `/api/volunteer-hours/${own}/review`, { decision: 'approved' })).statusCode).toBe(200);
  });

  it('a paused volunteer cannot log hours', async () => {
    expect(
      (
        await ta.req('POST', `/api/teachers/${teacherId}/status`, {
          status: 'paused',
          effectiveDate: today,
          reason: '外出',
        })
      ).statusCode,
    ).toBe(200);
    expect((await submit(vol, {})).statusCode).toBe(409);
    expect(
      (
        await ta.req('POST', `/api/teachers/${teacherId}/status`, {
          status: 'active',
          effectiveDate: today,
          reason: '回村',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('prints the service record: approved hours in the range with the total', async () => {
    const r = await vol.req('GET', `/api/teachers/${teacherId}/service-record?from=2000-01-01&to=${today}`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      teacher: { name: '志愿者小林', bankNodeName: '东坡村', countyName: '县' },
      totalHours: 1.5,
      count: 1,
    });
    expect(r.json().items[0]).toMatchObject({ description: '图书整理', reviewedByName: 'cm' });
    expect(
      (await vol.req('GET', `/api/teachers/${teacherId}/service-record?from=2000-01-01&to=2000-12-31`)).json()
        .totalHours,
    ).toBe(0);
    expect(
      (await vol.req('GET', `/api/teachers/${teacherId}/service-record?from=2020-01-01&to=2019-01-01`)).statusCode,
    ).toBe(400);
    // The volunteer's own record, or the bank's keepers: another volunteer of a bank they may read gets 403.
    expect(
      (await vol.req('GET', `/api/teachers/${townTeacherId}/service-record?from=2000-01-01&to=${today}`)).statusCode,
    ).toBe(403);
    expect(
      (await cm.req('GET', `/api/teachers/${teacherId}/service-record?from=2000-01-01&to=${today}`)).statusCode,
    ).toBe(200);
    await buildUser(s.database, { username: 'far', role: 'town_admin', node: town2 });
    const far = await signIn(s.app, 'far', TEST_PASSWORD);
    expect(
      (await far.req('GET', `/api/teachers/${teacherId}/service-record?from=2000-01-01&to=${today}`)).statusCode,
    ).toBe(404);
  });
});
