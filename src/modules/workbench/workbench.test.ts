import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildActivity } from '../../../test/activity-factories';
import { createCourse, dayFromToday, submittedCourse } from '../../../test/course-factories';
import type { Client } from '../../../test/server';
import { signInAll, useWorldServer } from '../../../test/server-fixture';
import { buildTeacher } from '../../../test/teacher-factories';
import { buildUser } from '../../../test/factories';
import { roleAssignments } from '../accounts/account.table';
import { chinaInstant, chinaToday } from '../../shared/china-time';
import type { IndicatorReport } from '../indicators';
import type { Workbench } from './workbench.contract';

const {
  s,
  w,
  clients: [town, county, centre, leader, teacher, dept],
} = useWorldServer('a_town_admin', 'a_county_admin', 'a_centre_manager', 'a_leader', 'a_teacher', 'a_dept_coordinator');

const ids: Record<string, string> = {};
beforeAll(async () => {
  const [bDept] = await signInAll(s.app, 'b_dept_coordinator');
  // Courses: the department's, waiting for its town; the town admin's own, returned by the county;
  // county B's, waiting for town B1 (never A's business).
  ids.deptCourse = await submittedCourse(dept, w.nodes.A1u.id);
  ids.townCourse = await submittedCourse(town, w.nodes.A1.id, { firstSessionDate: dayFromToday(40) });
  const back = await county.req('POST', `/api/courses/${ids.townCourse}/review`, {
    decision: 'return',
    comment: '请补充教案',
  });
  expect(back.statusCode, back.body).toBe(200);
  await submittedCourse(bDept, w.nodes.B1u.id);
  await createCourse(dept, w.nodes.A1u.id); // a draft waits for nobody

  // Volunteer hours: two pending at village A1a (one logged by its centre manager), one approved,
  // one pending in county B.
  const tA = await buildTeacher(s.database, { bank: w.nodes.A1, name: '志愿者甲' });
  const tB = await buildTeacher(s.database, { bank: w.nodes.B1, name: '志愿者乙' });
  const hours = (teacherId: string, nodeId: string, status: string, by: string | null = null) =>
    s.database.db.execute(
      sql`insert into volunteer_hours (teacher_id, node_id, service_date, hours, description, status, submitted_by)
          values (${teacherId}, ${nodeId}, ${dayFromToday(-2)}, 2, '协助签到', ${status}, ${by})`,
    );
  await hours(tA.id, w.nodes.A1a.id, 'pending');
  await hours(tA.id, w.nodes.A1a.id, 'pending', w.users['A:centre_manager'].id);
  await hours(tA.id, w.nodes.A1a.id, 'approved');
  await hours(tB.id, w.nodes.B1a.id, 'pending');

  // This month: village A1a holds two activities today, A1b one, B1a one.
  const today = chinaToday();
  const at = (h: number) => new Date(chinaInstant(today, `${String(h).padStart(2, '0')}:00`));
  // Marked done already, so that whatever the hour they never wait to be closed.
  const act = (centre: string, h: number) =>
    buildActivity(s.database, {
      centre: w.nodes[centre],
      title: `${centre}活动${h}`,
      startsAt: at(h),
      endsAt: at(h + 1),
      status: 'done',
    });
  ids.a1 = (await act('A1a', 9)).id;
  ids.a2 = (await act('A1a', 14)).id;
  ids.b1 = (await act('A1b', 10)).id;
  ids.foreign = (await act('B1a', 10)).id;
  // Ended weeks ago (last month, whatever today is) and never closed: one open at A1b, one planned
  // at A1a, one open in county B.
  const ago = (days: number) => new Date(Date.now() - days * 86_400_000);
  const stale = (centre: string, status: string) =>
    buildActivity(s.database, { centre: w.nodes[centre], status, startsAt: ago(40) });
  await stale('A1b', 'open');
  await stale('A1a', 'planned');
  await stale('B1a', 'open');
  // Sign-ins waiting for staff: two at A1a's first activity, one in county B.
  const pending = (activityId: string, phone: string) =>
    s.database.db.execute(
      sql`insert into sign_ins (activity_id, status, method, pending_name, pending_phone, pending_reason)
          values (${activityId}, 'pending', 'qr', '陌生人', ${phone}, 'unknown')`,
    );
  await pending(ids.a1, '13900000001');
  await pending(ids.a1, '13900000002');
  await pending(ids.foreign, '13900000003');
  // A rejected one no longer waits.
  await s.database.db.execute(
    sql`insert into sign_ins (activity_id, status, method, pending_name, pending_phone) values (${ids.a1}, 'rejected', 'qr', '某人', '13900000004')`,
  );
});

const workbench = async (c: Client, q = '') => {
  const r = await c.req('GET', `/api/workbench${q}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as Workbench;
};
const waitingOf = (wb: Workbench) => Object.fromEntries((wb.waiting ?? []).map((i) => [i.key, i]));

describe('workbench: what waits', () => {
  it('a town admin: the department’s course to review (not their own), their returned course, hours and sign-ins at their centres', async () => {
    const wb = await workbench(town);
    expect(wb.node).toMatchObject({ id: w.nodes.A1.id, level: 'town' });
    expect(wb.numbersOnly).toBe(false);
    const got = waitingOf(wb);
    expect(got['activities.close']).toMatchObject({ count: 2, path: '/activities', due: null });
    expect(Object.keys(got).sort()).toEqual([
      'activities.close',
      'courses.returned',
      'courses.review',
      'reports.due',
      'signin.pending',
      'volunteer.approve',
    ]);
    expect(got['courses.review']).toMatchObject({ count: 1, due: dayFromToday(30), path: '/courses?view=review' });
    // Returned: to be submitted again 15 days (the default) before the first session, 40 days ahead.
    expect(got['courses.returned']).toMatchObject({ count: 1, due: dayFromToday(25) });
    expect(got['volunteer.approve']).toMatchObject({ count: 2, path: '/volunteer?tab=review&status=pending' });
    expect(got['signin.pending']).toMatchObject({ count: 2, path: `/sign-in/${ids.a1}?status=pending` });
    expect(wb.actions).toEqual(['new_activity', 'sign_in_desk', 'plan_versus']);
  });

  it('a county admin: the department’s course (the returned one no longer waits); county B’s never', async () => {
    const got = waitingOf(await workbench(county));
    expect(got['courses.review'].count).toBe(1);
    expect(got['courses.returned']).toBeUndefined();
    expect(got['activities.close'].count).toBe(2);
    expect(got['volunteer.approve'].count).toBe(2);
    expect(got['signin.pending'].count).toBe(2);
  });

  it('a centre manager: hours they did not log themselves, their centre’s sign-ins, no course review', async () => {
    const wb = await workbench(centre);
    const got = waitingOf(wb);
    // Last month's report is not in yet: the reports module's item (its own tests check it).
    expect(Object.keys(got).sort()).toEqual(['activities.close', 'reports.due', 'signin.pending', 'volunteer.approve']);
    expect(got['activities.close']).toMatchObject({ count: 1, path: '/activities?status=planned' });
    expect(got['volunteer.approve'].count).toBe(1);
    expect(got['signin.pending'].count).toBe(2);
  });

  it('a leader gets the numbers only: no waiting list, no actions', async () => {
    const wb = await workbench(leader);
    expect(wb.numbersOnly).toBe(true);
    expect(wb.waiting).toBeNull();
    expect(wb.actions).toEqual([]);
    expect(wb.indicators.find((v) => v.measure === 'activities_held')).toMatchObject({ status: 'missed' });
    expect(wb.missedCentres.centres.map((c) => c.id)).toEqual([w.nodes.A1b.id]);
  });

  it('a teacher or a department: nothing of others waits; their actions only', async () => {
    const t = await workbench(teacher);
    expect(t.waiting).toEqual([]);
    expect(t.actions).toEqual(['plan_versus']);
    const d = await workbench(dept);
    expect(d.waiting).toEqual([]);
    expect(d.actions).toEqual(['plan_versus']);
  });
});

describe('workbench: the centres behind and the week', () => {
  it('a town: the centre that has not held two activities this month, as the indicators grid judges it', async () => {
    const wb = await workbench(town);
    expect(wb.missedCentres).toMatchObject({ judged: true, threshold: 2, of: 2 });
    expect(wb.missedCentres.centres).toEqual([{ id: w.nodes.A1b.id, name: '县A镇1村b', townName: '县A镇1', held: 1 }]);
    const r = await town.req('GET', `/api/indicators?nodeId=${w.nodes.A1.id}&year=${wb.year}&month=${wb.month}`);
    const grid = (r.json() as IndicatorReport).children.filter((c) =>
      c.values.some((v) => v.measure === 'activities_held' && v.status === 'missed'),
    );
    expect(grid.map((c) => c.node.id)).toEqual(wb.missedCentres.centres.map((c) => c.id));
  });

  it('a county: every centre of its towns behind, with its town; county B’s never', async () => {
    const wb = await workbench(county);
    expect(wb.missedCentres.of).toBe(4);
    expect(wb.missedCentres.centres.map((c) => [c.name, c.townName, c.held])).toEqual([
      ['县A镇1村b', '县A镇1', 1],
      ['县A镇2村a', '县A镇2', 0],
      ['县A镇2村b', '县A镇2', 0],
    ]);
  });

  it('a centre that held its two: none behind; today’s activities are its own', async () => {
    const wb = await workbench(centre);
    expect(wb.missedCentres).toMatchObject({ judged: true, centres: [], of: 1 });
    expect(wb.activities.today.map((a) => a.id)).toEqual([ids.a1, ids.a2]);
  });

  it('today and this week (Monday to Sunday): the town’s activities in time order, none of county B', async () => {
    const wb = await workbench(town);
    expect(wb.activities.today.map((a) => a.id)).toEqual([ids.a1, ids.b1, ids.a2]);
    expect(wb.activities.week.map((a) => a.id)).toEqual([ids.a1, ids.b1, ids.a2]);
    expect(wb.week.from <= wb.today && wb.today <= wb.week.to).toBe(true);
    expect(new Date(`${wb.week.from}T12:00:00Z`).getUTCDay()).toBe(1);
  });

  it('another node: one below theirs is theirs to open, one outside is not found', async () => {
    const wb = await workbench(county, `?nodeId=${w.nodes.A1.id}`);
    expect(wb.node.id).toBe(w.nodes.A1.id);
    expect(wb.missedCentres.centres.map((c) => c.id)).toEqual([w.nodes.A1b.id]);
    // The county's waiting list narrowed to town A1: its returned course is the town admin's, not theirs.
    expect(waitingOf(wb)['courses.review'].count).toBe(1);
    expect(wb.nodes.map((n) => n.id)).toEqual([w.nodes.A.id]);
    for (const n of [w.nodes.A, w.nodes.B1, w.nodes.A2]) {
      const r = await town.req('GET', `/api/workbench?nodeId=${n.id}`);
      expect(r.statusCode).toBe(404);
    }
  });
});

describe('workbench: a user on several nodes', () => {
  it('opens on the highest node they hold, lists their nodes, and is what their role makes it on each', async () => {
    const u = await buildUser(s.database, { username: 'multi_node', role: 'leader', node: w.nodes.A1 });
    await s.database.db
      .insert(roleAssignments)
      .values({ userId: u.id, role: 'centre_manager', nodeId: w.nodes.A2a.id });
    const [c] = await signInAll(s.app, 'multi_node');
    const top = await workbench(c);
    expect(top.node.id).toBe(w.nodes.A1.id);
    expect(top.nodes.map((n) => n.id)).toEqual([w.nodes.A1.id, w.nodes.A2a.id]);
    // A leader over town A1: the numbers only, there and below.
    expect(top).toMatchObject({ numbersOnly: true, waiting: null, actions: [] });
    expect((await workbench(c, `?nodeId=${w.nodes.A1a.id}`)).waiting).toBeNull();
    // The centre they manage: its waiting list (only last month's report) and a manager's actions.
    const own = await workbench(c, `?nodeId=${w.nodes.A2a.id}`);
    expect(own.waiting?.map((i) => i.key)).toEqual(['reports.due']);
    expect(own).toMatchObject({
      numbersOnly: false,
      actions: ['new_activity', 'sign_in_desk', 'plan_versus'],
    });
    expect(own.missedCentres.centres.map((x) => x.id)).toEqual([w.nodes.A2a.id]);
    expect((await c.req('GET', `/api/workbench?nodeId=${w.nodes.A2.id}`)).statusCode).toBe(404);
  });
});
