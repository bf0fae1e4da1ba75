import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildTeacher } from '../../../test/teacher-factories';
import type { Client } from '../../../test/server';
import { useWorldServer } from '../../../test/server-fixture';
import { staffingNorms } from '../teachers/teachers.table';
import type { IndicatorReport, IndicatorValue } from './indicators.contract';
import { indicatorTargets } from './indicators.table';

// 人员配备 (staffing) among the indicators: each centre's active full-time and part-time teachers,
// judged by the teachers module's staffing norm of its county.
const {
  s,
  w,
  clients: [town, county],
} = useWorldServer('a_town_admin', 'a_county_admin');
beforeAll(async () => {
  const add = async (bank: { id: string }, category: string, n: number, status = 'active') => {
    for (let i = 0; i < n; i++) await buildTeacher(s.database, { bank, name: `配${category}${i}`, category, status });
  };
  // Village a: 2 full-time and 3 part-time active; a paused part-timer and a volunteer do not count.
  await add(w.nodes.A1a, 'full_time', 2);
  await add(w.nodes.A1a, 'part_time', 3);
  await add(w.nodes.A1a, 'part_time', 1, 'paused');
  await add(w.nodes.A1a, 'volunteer', 1);
  // Village b: one full-time teacher. The town's own bank counts for no centre.
  await add(w.nodes.A1b, 'full_time', 1);
  await add(w.nodes.A1, 'full_time', 2);
  // County B's centre is fully staffed, and B has a lenient norm of its own: neither touches A.
  await add(w.nodes.B1a, 'full_time', 4);
  await add(w.nodes.B1a, 'part_time', 4);
  await s.database.db.insert(staffingNorms).values({ countyId: w.nodes.B.id, fullTimeMin: 0, partTimeMin: 0 });
});

const report = async (c: Client, nodeId: string) => {
  const r = await c.req('GET', `/api/indicators?nodeId=${nodeId}&year=2026&month=3`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as IndicatorReport;
};
const staffing = (vs: IndicatorValue[]) => vs.find((v) => v.measure === 'staffing');
const child = (r: IndicatorReport, name: string) => staffing(r.children.find((c) => c.node.name === name)!.values);

describe('staffing indicator', () => {
  it('a centre with 2 full-time and 3 part-time meets the norm; one with 1 full-time misses it', async () => {
    const r = await report(town, w.nodes.A1a.id);
    expect(staffing(r.values)).toMatchObject({
      value: 5,
      numerator: 2,
      denominator: 3,
      threshold: null,
      status: 'met',
      meeting: null,
    });
    expect(staffing((await report(town, w.nodes.A1b.id)).values)).toMatchObject({
      value: 1,
      numerator: 1,
      denominator: 0,
      status: 'missed',
    });
  });

  it('the town shows how many of its centres meet it, and is met only if all do', async () => {
    const r = await report(town, w.nodes.A1.id);
    expect(staffing(r.values)).toMatchObject({
      numerator: 3,
      denominator: 3,
      status: 'missed',
      meeting: { met: 1, of: 2 },
    });
    expect(child(r, '县A镇1村a')).toMatchObject({ status: 'met', numerator: 2, denominator: 3 });
    expect(child(r, '县A镇1村b')).toMatchObject({ status: 'missed', numerator: 1 });
    // A department is not a centre: no staffing value.
    expect(child(r, '县A镇1部门')).toBeUndefined();
  });

  it('another county’s teachers and norm never count', async () => {
    const r = await report(county, w.nodes.A.id);
    // A's four centres; only village a of town 1 meets the default norm. B1a's eight teachers and
    // B's lenient norm (which would pass every A centre) are not A's.
    expect(staffing(r.values)).toMatchObject({
      numerator: 3,
      denominator: 3,
      status: 'missed',
      meeting: { met: 1, of: 4 },
    });
  });

  it('the records behind staffing are refused in Chinese and English; a threshold for it is refused', async () => {
    const rec = await town.req('GET', `/api/indicators/records?nodeId=${w.nodes.A1.id}&year=2026&measure=staffing`);
    expect(rec.statusCode).toBe(400);
    expect(rec.json().error.issues[0]).toMatchObject({
      message: expect.stringContaining('师资配备'),
      messageEn: expect.any(String),
    });
    const t = { measure: 'staffing', enabled: true, threshold: 2, direction: 'at_least', levels: ['centre'] };
    const put = await county.req('PUT', `/api/indicator-targets/${w.nodes.A.id}`, { year: 2026, targets: [t] });
    expect(put.statusCode).toBe(400);
    expect(put.json().error.issues[0]).toMatchObject({ path: 'targets.0.threshold', messageEn: expect.any(String) });
    expect(
      await s.database.db
        .select()
        .from(indicatorTargets)
        .where(and(eq(indicatorTargets.countyId, w.nodes.A.id), eq(indicatorTargets.measure, 'staffing'))),
    ).toEqual([]);
  });

  it('the county’s own norm changes the judgement; its target row switches the measure off', async () => {
    const norm = await county.req('PUT', `/api/staffing-norms/${w.nodes.A.id}`, {
      fullTimeMin: 1,
      partTimeMin: 0,
      partTimeMax: 5,
    });
    expect(norm.statusCode, norm.body).toBe(200);
    const r = await report(town, w.nodes.A1.id);
    expect(staffing(r.values)).toMatchObject({ status: 'met', meeting: { met: 2, of: 2 } });
    expect(child(r, '县A镇1村b')).toMatchObject({ status: 'met' });
    // Judged at no level: shown, counted, not judged.
    const t = { measure: 'staffing', enabled: true, threshold: null, direction: 'at_least', levels: ['county'] };
    const put = await county.req('PUT', `/api/indicator-targets/${w.nodes.A.id}`, { year: 2026, targets: [t] });
    expect(put.statusCode, put.body).toBe(200);
    expect(staffing((await report(town, w.nodes.A1b.id)).values)).toMatchObject({ numerator: 1, status: 'no_target' });
    const off = await county.req('PUT', `/api/indicator-targets/${w.nodes.A.id}`, {
      year: 2026,
      targets: [{ ...t, enabled: false }],
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(staffing((await report(town, w.nodes.A1.id)).values)).toBeUndefined();
  });
});
