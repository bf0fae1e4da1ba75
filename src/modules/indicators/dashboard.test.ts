import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, eq, sql } from 'drizzle-orm';
import { buildActivity, buildResidents } from '../../../test/activity-factories';
import { buildNode } from '../../../test/factories';
import type { Client } from '../../../test/server';
import { useWorldServer } from '../../../test/server-fixture';
import { sqlRows } from '../../server/db/sql';
import { auditLog } from '../../server/db/audit.table';
import { orgPopulations } from '../organisations/org.table';
import type { Dashboard, IndicatorReport, Records } from './indicators.contract';

const {
  s,
  w,
  clients: [town, county, leader, manager, teacher, otherTown],
} = useWorldServer('a_town_admin', 'a_county_admin', 'a_leader', 'a_centre_manager', 'a_teacher', 'b_town_admin');

const ids: Record<string, string> = {};
let a: string[] = [];
let away: string[] = [];
beforeAll(async () => {
  // March 2026. Town A1: village a holds two activities (health, law) and a cancelled one,
  // village b one (health). Town A2 holds one, where a resident of A1a also took part.
  // Resident away1 lives in A2a and attends in A1a. a1 and a2 are elderly (a special group).
  a = await buildResidents(s.database, w.nodes.A1a, 4, '钻取甲');
  away = await buildResidents(s.database, w.nodes.A2a, 1, '外镇乙');
  const march = (d: number) => new Date(Date.UTC(2026, 2, d, 2));
  const act = (centre: string, d: number, theme: string, status = 'open') =>
    buildActivity(s.database, {
      centre: w.nodes[centre],
      startsAt: march(d),
      endsAt: march(d + 1),
      theme,
      status,
      title: `钻取${centre}-${d}`,
    }).then((x) => x.id);
  ids.a1 = await act('A1a', 3, 'health');
  ids.a2 = await act('A1a', 10, 'law');
  ids.cancelled = await act('A1a', 12, 'health', 'cancelled');
  ids.b1 = await act('A1b', 14, 'health');
  ids.other = await act('A2a', 16, 'digital');
  const signIn = (activity: string, r: string) =>
    s.database.db.execute(
      sql`insert into sign_ins (activity_id, resident_id, status, method) values (${activity}, ${r}, 'confirmed', 'manual')`,
    );
  for (const r of a.slice(0, 3)) await signIn(ids.a1, r);
  await signIn(ids.a2, a[0]);
  await signIn(ids.a2, away[0]);
  await signIn(ids.b1, a[3]);
  await signIn(ids.other, a[0]);
  await signIn(ids.other, away[0]);
  for (const r of a.slice(0, 2))
    await s.database.db.execute(sql`insert into resident_tags (resident_id, tag) values (${r}, 'elderly')`);
  // A tiny rate: one resident of a large population.
  await s.database.db.insert(orgPopulations).values({ nodeId: w.nodes.A2.id, year: 2026, population: 2_000_000 });
  // A centre whose name would run as a formula in a spreadsheet.
  ids.formula = (await buildNode(s.database, w.nodes.A1, { name: '=1+2', level: 'centre' })).id;
});

const get = async <T>(c: Client, url: string) => {
  const r = await c.req('GET', url);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as T;
};
const records = (c: Client, nodeId: string, measure: string, extra = '') =>
  get<Records>(c, `/api/indicators/records?nodeId=${nodeId}&measure=${measure}&year=2026&month=3${extra}`);

describe('drill-down to the records behind a value', () => {
  it('lists exactly the activities a centre-month count is made of: not cancelled, not another town’s', async () => {
    const r = await records(town, w.nodes.A1.id, 'activities_held');
    expect(r.kind).toBe('activities');
    expect(r.activities.map((x) => x.id).sort()).toEqual([ids.a1, ids.a2, ids.b1].sort());
    expect(r.total).toBe(3);
    const first = r.activities.find((x) => x.id === ids.a1)!;
    expect(first).toMatchObject({ centreName: '县A镇1村a', theme: 'health', personTimes: 3, hours: 6 });
    // The county sees the other town's activity too; paging splits the list.
    const c = await records(county, w.nodes.A.id, 'activities_held', '&pageSize=2&page=2');
    expect(c.total).toBe(4);
    expect(c.activities).toHaveLength(2);
  });

  it('lists exactly the residents behind participants and person-times; a resident living elsewhere is masked for a centre manager', async () => {
    const report = await get<IndicatorReport>(town, `/api/indicators?nodeId=${w.nodes.A1.id}&year=2026&month=3`);
    const r = await records(town, w.nodes.A1.id, 'participants');
    expect(r).toMatchObject({ kind: 'residents', namesShown: true });
    expect(r.residents.map((x) => x.id).sort()).toEqual([...a, ...away].sort());
    expect(r.total).toBe(report.values.find((v) => v.measure === 'participants')!.value);
    const pt = r.residents.reduce((n, x) => n + x.times, 0);
    expect(pt).toBe(report.values.find((v) => v.measure === 'person_times')!.value);
    // The town admin's reach is the town: the resident of town A2 is masked, A1's are named.
    expect(r.residents.find((x) => x.id === away[0])!.name).toBe('外***');
    expect(r.residents.find((x) => x.id === a[0])!.name).toBe('钻取甲1');
    const m = await records(manager, w.nodes.A1a.id, 'person_times');
    expect(m.residents.map((x) => x.id).sort()).toEqual([...a.slice(0, 3), ...away].sort());
    expect(m.residents.find((x) => x.id === away[0])!.name).toBe('外***');
  });

  it('another town’s staff get 404, and a node above their reach too', async () => {
    expect(
      (await otherTown.req('GET', `/api/indicators/records?nodeId=${w.nodes.A1.id}&measure=participants&year=2026`))
        .statusCode,
    ).toBe(404);
    expect(
      (await manager.req('GET', `/api/indicators/records?nodeId=${w.nodes.A1.id}&measure=participants&year=2026`))
        .statusCode,
    ).toBe(404);
  });

  it('a leader and a teacher get the count without names', async () => {
    for (const [c, node] of [
      [leader, w.nodes.A1],
      [teacher, w.nodes.A1a],
    ] as const) {
      const r = await records(c, node.id, 'participants');
      expect(r.namesShown).toBe(false);
      expect(r.residents).toEqual([]);
      expect(r.total).toBeGreaterThan(0);
      expect(JSON.stringify(r)).not.toContain('钻取甲');
    }
  });

  it('a special group: named only with the sensitive right (audited), a count for everyone else', async () => {
    const q = '&tag=elderly';
    const t = await records(town, w.nodes.A1.id, 'special_group', q);
    expect(t.namesShown).toBe(true);
    expect(t.residents.map((x) => x.id).sort()).toEqual(a.slice(0, 2).sort());
    const report = await get<IndicatorReport>(town, `/api/indicators?nodeId=${w.nodes.A1.id}&year=2026&month=3`);
    expect(t.total).toBe(report.groups.find((g) => g.tag === 'elderly')!.residentsReached);
    const audits = await s.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'indicators.view_sensitive'), eq(auditLog.entityId, 'elderly')));
    expect(audits.length).toBeGreaterThan(0);
    const l = await records(leader, w.nodes.A1.id, 'special_group', q);
    expect(l).toMatchObject({ namesShown: false, total: 2, residents: [] });
    expect(JSON.stringify(l)).not.toContain('钻取甲');
  });

  it('the participation rate lists residents by home (took part anywhere); a department’s measures its own activities', async () => {
    const r = await records(town, w.nodes.A1.id, 'participation_rate');
    // The four residents of A1a took part; away1 attended in A1 but lives in A2.
    expect(r.residents.map((x) => x.id).sort()).toEqual([...a].sort());
    const a2 = await records(county, w.nodes.A2.id, 'participation_rate');
    expect(a2.residents.map((x) => x.id)).toEqual(away);
    await s.database.db.execute(
      sql`update activities set responsible_unit_id = ${w.nodes.A1u.id} where id = ${ids.b1}`,
    );
    const held = await records(town, w.nodes.A1u.id, 'dept_sessions');
    expect(held.activities.map((x) => x.id)).toEqual([ids.b1]);
    const times = await records(town, w.nodes.A1u.id, 'dept_person_times');
    expect(times.residents.map((x) => [x.id, x.times])).toEqual([[a[3], 1]]);
  });

  it('the drill-down exports to .xlsx: the whole list, names as the reader may see them', async () => {
    const load = async (c: Client, url: string) => {
      const r = await c.req('GET', url);
      expect(r.statusCode, r.body).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      return wb.worksheets[0];
    };
    const q = `nodeId=${w.nodes.A1.id}&measure=participants&year=2026&month=3`;
    const ws = await load(town, `/api/indicators/records.xlsx?${q}`);
    expect(ws.getRow(2).values).toEqual([undefined, '姓名', '居住村（社区）', '签到次数', '学习时长（小时）']);
    const names = Array.from({ length: ws.rowCount - 2 }, (_, i) => ws.getCell(`A${i + 3}`).value).sort();
    expect(names).toEqual(['外***', '钻取甲1', '钻取甲2', '钻取甲3', '钻取甲4']);
    const counted = await load(leader, `/api/indicators/records.xlsx?${q}`);
    expect(counted.getCell('A3').value).toBe(5);
    expect(JSON.stringify(counted.getSheetValues())).not.toContain('钻取甲');
    const acts = await load(
      town,
      `/api/indicators/records.xlsx?nodeId=${w.nodes.A1.id}&measure=activities_held&year=2026`,
    );
    expect(acts.rowCount).toBe(2 + 3);
    expect((await otherTown.req('GET', `/api/indicators/records.xlsx?${q}`)).statusCode).toBe(404);
  });

  it('a measure cedu does not record yet is refused in words, not a 500', async () => {
    const r = await town.req(
      'GET',
      `/api/indicators/records?nodeId=${w.nodes.A1.id}&measure=satisfaction_rate&year=2026`,
    );
    expect(r.statusCode).toBe(400);
  });
});

describe('dashboards', () => {
  it('by theme, by month, by centre, from the kept statistics, equal to counting the records', async () => {
    const d = await get<Dashboard>(town, `/api/indicators/dashboard?nodeId=${w.nodes.A1.id}&year=2026&month=3`);
    const plain = await sqlRows<{ theme: string; held: number; times: number }>(
      s.database.db,
      sql`select a.theme, count(distinct a.id)::int as held, count(si.id)::int as times
          from activities a join org_nodes n on n.id = a.centre_id
            left join sign_ins si on si.activity_id = a.id and si.status = 'confirmed' and si.resident_id is not null
          where n.path like ${`${w.nodes.A1.path}%`} and a.status in ('open', 'done')
            and a.starts_at >= '2026-03-01T00:00+08' and a.starts_at < '2026-04-01T00:00+08'
          group by a.theme order by a.theme`,
    );
    expect(d.themes.map((t) => [t.theme, t.activitiesHeld, t.personTimes])).toEqual(
      plain.map((p) => [p.theme, p.held, p.times]),
    );
    expect(d.themes.map((t) => t.theme)).toEqual(['health', 'law']);
    expect(d.months[2]).toMatchObject({ month: 3, activitiesHeld: 3, personTimes: 6, participants: 5 });
    expect(d.centres.map((c) => [c.node.name, c.activitiesHeld])).toEqual([
      ['=1+2', 0],
      ['县A镇1村a', 2],
      ['县A镇1村b', 1],
    ]);
    // Every centre's attainment: two activities in March met at village a, missed at b.
    const held = (name: string) =>
      d.attainment.rows.find((r) => r.node.name === name)!.values.find((v) => v.measure === 'activities_held')!;
    expect(held('县A镇1村a').status).toBe('met');
    expect(held('县A镇1村b').status).toBe('missed');
    expect(d.groups.find((g) => g.tag === 'elderly')!.residentsReached).toBe(2);
    expect(d.towns).toEqual([]);
  });

  it('the county compares its towns; another county’s staff get 404', async () => {
    const d = await get<Dashboard>(county, `/api/indicators/dashboard?nodeId=${w.nodes.A.id}&year=2026`);
    expect(d.towns.map((t) => t.node.name)).toEqual(['县A镇1', '县A镇2']);
    const pt = (i: number) => d.towns[i].values.find((v) => v.measure === 'person_times')!.value;
    expect([pt(0), pt(1)]).toEqual([6, 2]);
    expect(d.themes.find((t) => t.theme === 'digital')).toMatchObject({ activitiesHeld: 1, personTimes: 2 });
    expect((await otherTown.req('GET', `/api/indicators/dashboard?nodeId=${w.nodes.A.id}&year=2026`)).statusCode).toBe(
      404,
    );
  });

  it('a tiny participation rate stays above zero', async () => {
    const r = await get<IndicatorReport>(county, `/api/indicators?nodeId=${w.nodes.A2.id}&year=2026`);
    const rate = r.values.find((v) => v.measure === 'participation_rate')!;
    // One resident of A2 (away1) took part, of 2,000,000: 0.00005 %.
    expect(rate.numerator).toBe(1);
    expect(rate.value).toBeGreaterThan(0);
    expect(rate.value).toBeLessThan(0.1);
  });

  it('exports every table to .xlsx; the cells read back, a formula-like name stays text', async () => {
    const r = await town.req('GET', `/api/indicators/dashboard.xlsx?nodeId=${w.nodes.A1.id}&year=2026&month=3`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((x) => x.name)).toEqual([
      '逐月',
      '按主题',
      '按学习中心',
      '重点人群',
      '达标情况',
      '镇街对比',
    ]);
    const themes = wb.getWorksheet('按主题')!;
    expect(themes.getRow(2).values).toEqual([undefined, '主题', '活动场次', '参与人次', '学习时长（小时）']);
    expect(themes.getRow(3).values).toEqual([undefined, '卫生', 2, 4, 8]);
    const centres = wb.getWorksheet('按学习中心')!;
    expect(centres.getCell('A3').value).toBe("'=1+2");
    expect(centres.getCell('A3').formula).toBeUndefined();
    const grid = wb.getWorksheet('达标情况')!;
    expect(grid.getCell('A4').value).toBe('县A镇1村a');
    expect(grid.getCell('B4').value).toBe('2 达标');
    expect(grid.getCell('B5').value).toBe('1 未达标');
    // One table alone.
    const one = await town.req('GET', `/api/indicators/dashboard.xlsx?nodeId=${w.nodes.A1.id}&year=2026&table=themes`);
    const wb1 = new ExcelJS.Workbook();
    await wb1.xlsx.load(one.rawPayload as unknown as ArrayBuffer);
    expect(wb1.worksheets.map((x) => x.name)).toEqual(['按主题']);
    expect(
      (await otherTown.req('GET', `/api/indicators/dashboard.xlsx?nodeId=${w.nodes.A1.id}&year=2026`)).statusCode,
    ).toBe(404);
  });
});
