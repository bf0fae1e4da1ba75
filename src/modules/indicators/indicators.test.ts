import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { buildActivity, buildResidents } from '../../../test/activity-factories';
import type { Client } from '../../../test/server';
import { useWorldServer } from '../../../test/server-fixture';
import { auditLog } from '../../server/db/audit.table';
import { orgPopulations } from '../organisations/org.table';
import type { IndicatorReport, IndicatorValue, Targets } from './indicators.contract';
import { indicatorTargets } from './indicators.table';

const {
  s,
  w,
  clients: [town, county, leader],
} = useWorldServer('a_town_admin', 'a_county_admin', 'a_leader');
beforeAll(async () => {
  // Town A1 in March 2026: village a holds two activities, village b one; the town's department
  // is responsible for one of them. Eight residents live in village a, four in b.
  const a = await buildResidents(s.database, w.nodes.A1a, 8, '指标甲');
  const b = await buildResidents(s.database, w.nodes.A1b, 4, '指标乙');
  const march = (d: number) => new Date(Date.UTC(2026, 2, d, 2));
  const acts = [
    await buildActivity(s.database, { centre: w.nodes.A1a, startsAt: march(3), endsAt: march(4) }),
    await buildActivity(s.database, { centre: w.nodes.A1a, startsAt: march(10), endsAt: march(11) }),
    await buildActivity(s.database, { centre: w.nodes.A1b, startsAt: march(12), endsAt: march(13) }),
  ];
  await s.database.db.execute(
    sql`update activities set responsible_unit_id = ${w.nodes.A1u.id} where id = ${acts[2].id}`,
  );
  // Residents a1–a4 at both of village a's activities; a1 also in village b; b1, b2 in village b.
  const signIn_ = (act: string, r: string) =>
    s.database.db.execute(
      sql`insert into sign_ins (activity_id, resident_id, status, method) values (${act}, ${r}, 'confirmed', 'manual')`,
    );
  for (const r of a.slice(0, 4)) for (const act of acts.slice(0, 2)) await signIn_(act.id, r);
  for (const r of [a[0], b[0], b[1]]) await signIn_(acts[2].id, r);
  await s.database.db.insert(orgPopulations).values([
    { nodeId: w.nodes.A1.id, year: 2026, population: 20 },
    { nodeId: w.nodes.A1a.id, year: 2026, population: 10 },
  ]);
});

const report = async (c: Client, nodeId: string, q = 'year=2026&month=3') => {
  const r = await c.req('GET', `/api/indicators?nodeId=${nodeId}&${q}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as IndicatorReport;
};
const value = (vs: IndicatorValue[], m: IndicatorValue['measure']) => vs.find((v) => v.measure === m)!;

describe('indicators', () => {
  it('a town sees its numbers for a month: distinct participants, person-times, the centres that held two activities', async () => {
    const r = await report(town, w.nodes.A1.id);
    expect(r.node).toMatchObject({ name: '县A镇1', level: 'town' });
    // a1–a4 and b1, b2: six people; a1 attended in both villages and counts once.
    expect(value(r.values, 'participants')).toMatchObject({ value: 6, status: 'no_target' });
    expect(value(r.values, 'person_times').value).toBe(11);
    expect(value(r.values, 'hours').value).toBe(22);
    // Village a held two (met), village b one (missed): one of two centres.
    expect(value(r.values, 'activities_held')).toMatchObject({ status: 'missed', meeting: { met: 1, of: 2 } });
    // Six residents of the town took part this year, of a population of 20: 30 % ≥ 25 %.
    expect(value(r.values, 'participation_rate')).toMatchObject({
      numerator: 6,
      denominator: 20,
      value: 30,
      status: 'met',
    });
    // The department's one session of four; 3 person-times of 400.
    expect(value(r.values, 'dept_sessions')).toMatchObject({ value: 1, status: 'missed', meeting: { met: 0, of: 1 } });
    expect(value(r.values, 'dept_person_times')).toMatchObject({ value: 3, status: 'missed' });
    // Not recorded yet: no value, never 0.
    expect(value(r.values, 'satisfaction_rate')).toMatchObject({ value: null, status: 'no_data' });
    // The trend: March holds the month's figures.
    expect(r.trend.find((t) => t.measure === 'person_times')!.months[2]).toBe(11);
  });

  it('the grid lists each centre and unit with its own values; a missing population says so', async () => {
    const r = await report(town, w.nodes.A1.id);
    const byName = new Map(r.children.map((c) => [c.node.name, c.values]));
    expect([...byName.keys()].sort()).toEqual(['县A镇1村a', '县A镇1村b', '县A镇1部门']);
    expect(value(byName.get('县A镇1村a')!, 'activities_held')).toMatchObject({ value: 2, status: 'met' });
    expect(value(byName.get('县A镇1村b')!, 'activities_held')).toMatchObject({ value: 1, status: 'missed' });
    expect(value(byName.get('县A镇1村a')!, 'participants').value).toBe(4);
    expect(value(byName.get('县A镇1村b')!, 'participants').value).toBe(3);
    // Village a: four of its ten residents took part (40 %). Village b has no population yet; two
    // of its residents took part (a1, who came too, lives in village a).
    expect(value(byName.get('县A镇1村a')!, 'participation_rate')).toMatchObject({ value: 40, status: 'met' });
    expect(value(byName.get('县A镇1村b')!, 'participation_rate')).toMatchObject({
      value: null,
      numerator: 2,
      status: 'no_population',
    });
    expect(value(byName.get('县A镇1部门')!, 'dept_sessions')).toMatchObject({ value: 1, status: 'missed' });
  });

  it('the county sees the same town in its grid, and the same distinct count for itself', async () => {
    const r = await report(leader, w.nodes.A1.id);
    expect(value(r.values, 'participants').value).toBe(6);
    const c = await report(county, w.nodes.A.id);
    expect(c.children.map((x) => x.node.name).sort()).toEqual(['县A镇1', '县A镇2']);
    expect(value(c.values, 'participants').value).toBe(6);
    expect(value(c.values, 'participation_rate').status).toBe('no_population');
  });

  it('another town, the other county and an unknown node are not found', async () => {
    for (const id of [w.nodes.A2.id, w.nodes.B.id, w.nodes.B1a.id, '00000000-0000-4000-8000-000000000000']) {
      const r = await town.req('GET', `/api/indicators?nodeId=${id}&year=2026`);
      expect(r.statusCode).toBe(404);
    }
    const bad = await town.req('GET', `/api/indicators?nodeId=${w.nodes.A1.id}&year=2026&month=13`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].messageEn).toBeTruthy();
  });

  it('the county changes a target for a year; the numbers are judged by it, and the change is audited', async () => {
    const before = (await county.req('GET', `/api/indicator-targets/${w.nodes.A.id}?year=2026`)).json() as Targets;
    expect(before.canEdit).toBe(true);
    const held = before.targets.find((t) => t.measure === 'activities_held')!;
    expect(held).toMatchObject({ threshold: 2, isDefault: true });
    const put = await county.req('PUT', `/api/indicator-targets/${w.nodes.A.id}`, {
      year: 2026,
      targets: [{ ...held, isDefault: undefined, threshold: 1 }],
    });
    expect(put.statusCode, put.body).toBe(200);
    const r = await report(town, w.nodes.A1.id);
    expect(value(r.values, 'activities_held')).toMatchObject({
      status: 'met',
      threshold: 1,
      meeting: { met: 2, of: 2 },
    });
    // Another year keeps the default.
    const other = await report(town, w.nodes.A1.id, 'year=2025&month=3');
    expect(value(other.values, 'activities_held').threshold).toBe(2);
    const [audit] = await s.database.db.select().from(auditLog).where(eq(auditLog.action, 'indicator.targets'));
    expect(audit.summary).toMatchObject({ year: 2026, changed: [{ measure: 'activities_held' }] });
    // The town reads the county's targets, but may not change them.
    const seen = (await town.req('GET', `/api/indicator-targets/${w.nodes.A.id}?year=2026`)).json() as Targets;
    expect(seen.canEdit).toBe(false);
    expect(seen.targets.find((t) => t.measure === 'activities_held')).toMatchObject({ threshold: 1, isDefault: false });
    const refused = await town.req('PUT', `/api/indicator-targets/${w.nodes.A.id}`, {
      year: 2026,
      targets: [{ ...held, isDefault: undefined, threshold: 0 }],
    });
    expect(refused.statusCode).toBe(403);
    const rows = await s.database.db
      .select()
      .from(indicatorTargets)
      .where(and(eq(indicatorTargets.countyId, w.nodes.A.id), eq(indicatorTargets.measure, 'activities_held')));
    expect(rows.map((x) => x.threshold)).toEqual(['1.00']);
  });

  it('bad targets are refused in Chinese and English, and nothing is written', async () => {
    const t = { measure: 'participation_rate', enabled: true, threshold: 30, direction: 'at_least', levels: ['town'] };
    for (const body of [
      { year: 2027, targets: [t, t] },
      { year: 2027, targets: [{ ...t, threshold: -1 }] },
      { year: 2027, targets: [{ ...t, measure: 'nonsense' }] },
      { year: 2027, targets: [{ ...t, levels: [] }] },
      { year: 1800, targets: [t] },
    ]) {
      const r = await county.req('PUT', `/api/indicator-targets/${w.nodes.A.id}`, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().error.issues[0]).toMatchObject({ message: expect.any(String), messageEn: expect.any(String) });
    }
    expect(await s.database.db.select().from(indicatorTargets).where(eq(indicatorTargets.year, 2027))).toEqual([]);
  });
});
