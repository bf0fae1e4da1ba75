import { describe, expect, it } from 'vitest';
import { buildActivity } from '../../../test/activity-factories';
import { roleAssignments } from '../accounts/account.table';
import { buildUser, TEST_PASSWORD } from '../../../test/factories';
import { signIn, type Client } from '../../../test/server';
import { useWorldServer } from '../../../test/server-fixture';

const { s, w, clients } = useWorldServer('a_centre_manager', 'a_town_admin');
const [centre, town] = clients;
const year = new Date().getFullYear() - 1;
const on = (month: number, day: number) =>
  new Date(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T09:00:00+08:00`);

describe('annual plan', () => {
  it('a centre keeps its plan per month with theme and responsible unit; held activities are counted beside it', async () => {
    const add = (c: Client, v: Record<string, unknown>) =>
      c.req('POST', '/api/plans', {
        centreId: w.nodes.A1a.id,
        year,
        month: 3,
        title: '春季健康讲座',
        theme: 'health',
        ...v,
      });
    const r = await add(centre, { responsibleUnitId: w.nodes.A1u.id });
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json().id;
    expect((await add(town, { month: 4, title: '普法宣传', theme: 'law' })).statusCode).toBe(201);
    expect((await add(centre, { centreId: w.nodes.A1b.id })).statusCode).toBe(404);
    expect((await add(centre, { theme: 'astrology' })).statusCode).toBe(400);
    expect((await add(centre, { responsibleUnitId: w.nodes.B1u.id })).statusCode).toBe(400);
    expect((await add(centre, { month: 13 })).statusCode).toBe(400);
    await buildActivity(s.database, { centre: w.nodes.A1a, status: 'done', startsAt: on(3, 5) });
    await buildActivity(s.database, { centre: w.nodes.A1a, status: 'cancelled', startsAt: on(3, 12) });
    const plan = (await centre.req('GET', `/api/plans?centreId=${w.nodes.A1a.id}&year=${year}`)).json();
    expect(
      plan.items.map((i: { month: number; title: string; responsibleUnitName: string | null }) => [
        i.month,
        i.title,
        i.responsibleUnitName,
      ]),
    ).toEqual([
      [3, '春季健康讲座', '县A镇1部门'],
      [4, '普法宣传', null],
    ]);
    expect(plan.actual[2]).toBe(1);
    expect(plan.canKeep).toBe(true);
    expect(
      (await centre.req('PUT', `/api/plans/${id}`, { month: 5, title: '夏季健康讲座', theme: 'health' })).statusCode,
    ).toBe(200);
    const teacher = await signIn(s.app, 'a_teacher', TEST_PASSWORD);
    expect((await teacher.req('GET', `/api/plans?centreId=${w.nodes.A1a.id}&year=${year}`)).json().canKeep).toBe(false);
    // A plan belongs to a centre: the town itself is refused beside the field.
    const atTown = await add(town, { centreId: w.nodes.A1.id });
    expect(atTown.statusCode).toBe(400);
    expect(atTown.json().error.issues[0].path).toBe('centreId');
    expect((await teacher.req('DELETE', `/api/plans/${id}`)).statusCode).toBe(403);
    expect((await centre.req('DELETE', `/api/plans/${id}`)).statusCode).toBe(200);
    expect((await centre.req('GET', `/api/plans?centreId=${w.nodes.A1a.id}&year=${year}`)).json().items).toHaveLength(
      1,
    );
  });
});

describe('two hats', () => {
  it('a user who keeps one centre and only teaches at another may read the other’s plan, not write it: 403, nothing written', async () => {
    const u = await buildUser(s.database, { username: 'two_hats', role: 'centre_manager', node: w.nodes.A1a });
    await s.database.db.insert(roleAssignments).values({ userId: u.id, role: 'teacher', nodeId: w.nodes.A1b.id });
    const c = await signIn(s.app, 'two_hats', TEST_PASSWORD);
    const plan = () => c.req('GET', `/api/plans?centreId=${w.nodes.A1b.id}&year=${year}`);
    expect((await plan()).statusCode).toBe(200);
    const r = await c.req('POST', '/api/plans', {
      centreId: w.nodes.A1b.id,
      year,
      month: 6,
      title: '越权',
      theme: 'health',
    });
    expect(r.statusCode).toBe(403);
    expect((await plan()).json().items).toEqual([]);
  });
});

describe('配档表', () => {
  it('the town keeps months × work items × units; its centres read it', async () => {
    const r = await town.req('POST', '/api/schedules', {
      townId: w.nodes.A1.id,
      year,
      month: 1,
      workItem: '制定年度社区教育工作计划',
      unitIds: [w.nodes.A1u.id],
      responsibleText: '各村学习中心',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(
      (
        await town.req('POST', '/api/schedules', {
          townId: w.nodes.A1.id,
          year,
          month: 1,
          workItem: '外单位',
          unitIds: [w.nodes.A2u.id],
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await centre.req('POST', '/api/schedules', { townId: w.nodes.A1.id, year, month: 2, workItem: '越权' }))
        .statusCode,
    ).toBe(403);
    const got = (await centre.req('GET', `/api/schedules?townId=${w.nodes.A1.id}&year=${year}`)).json();
    expect(got.items).toEqual([
      expect.objectContaining({
        month: 1,
        workItem: '制定年度社区教育工作计划',
        unitNames: ['县A镇1部门'],
        responsibleText: '各村学习中心',
      }),
    ]);
    expect(got.canKeep).toBe(false);
    expect((await centre.req('GET', `/api/schedules?townId=${w.nodes.A2.id}&year=${year}`)).statusCode).toBe(404);
    expect(
      (await town.req('PUT', `/api/schedules/${r.json().id}`, { month: 2, workItem: '改', unitIds: [] })).statusCode,
    ).toBe(200);
    expect((await town.req('DELETE', `/api/schedules/${r.json().id}`)).statusCode).toBe(200);
  });
});

describe('plan versus actual', () => {
  it('counts open and done activities per centre and month and marks the at-least-2 rule met or missed', async () => {
    await buildActivity(s.database, { centre: w.nodes.A1b, status: 'done', startsAt: on(6, 2) });
    await buildActivity(s.database, { centre: w.nodes.A1b, status: 'open', startsAt: on(6, 30) });
    await buildActivity(s.database, { centre: w.nodes.A1b, status: 'done', startsAt: on(7, 3) });
    await buildActivity(s.database, { centre: w.nodes.A1b, status: 'cancelled', startsAt: on(7, 10) });
    await buildActivity(s.database, { centre: w.nodes.A1b, status: 'planned', startsAt: on(7, 11) });
    // 1 July 00:30 China time is still 30 June in UTC: it counts for July.
    await buildActivity(s.database, {
      centre: w.nodes.A1b,
      status: 'done',
      startsAt: new Date(`${year}-07-01T00:30:00+08:00`),
    });
    await buildActivity(s.database, { centre: w.nodes.B1a, status: 'done', startsAt: on(6, 2) });
    const r = await town.req('GET', `/api/plan-versus-actual?year=${year}`);
    expect(r.statusCode, r.body).toBe(200);
    const rows = r.json().items as {
      id: string;
      months: { actual: number; met: boolean | null }[];
      monthsMissed: number;
      monthsMet: number;
    }[];
    expect(rows.map((x) => x.id).sort()).toEqual([w.nodes.A1a.id, w.nodes.A1b.id].sort());
    const b = rows.find((x) => x.id === w.nodes.A1b.id)!;
    expect(b.months[5]).toMatchObject({ actual: 2, met: true });
    expect(b.months[6]).toMatchObject({ actual: 2, met: true });
    expect(b.months[7]).toMatchObject({ actual: 0, met: false });
    expect(b.monthsMet).toBe(2);
    expect(b.monthsMissed).toBe(10);
    const only = (await centre.req('GET', `/api/plan-versus-actual?year=${year}`)).json().items;
    expect(only.map((x: { id: string }) => x.id)).toEqual([w.nodes.A1a.id]);
    expect((await centre.req('GET', `/api/plan-versus-actual?year=${year}&nodeId=${w.nodes.A1b.id}`)).statusCode).toBe(
      404,
    );
  });
});
