import { beforeAll, describe, expect, it } from 'vitest';
import { buildNode, buildUser, type NodeRef } from '../../../test/factories';
import { buildTeacher } from '../../../test/teacher-factories';
import type { Client } from '../../../test/server';
import { signInAll, useTestServer } from '../../../test/server-fixture';
import { staffingShortfalls } from './staffing.contract';

const s = useTestServer();
let county: NodeRef;
let ca: Client;
let ta: Client;
let cm: Client;

beforeAll(async () => {
  county = await buildNode(s.database, null, { name: '县', level: 'county' });
  const town = await buildNode(s.database, county, { name: '云台镇', level: 'town' });
  const town2 = await buildNode(s.database, county, { name: '柳湾镇', level: 'town' });
  const full = await buildNode(s.database, town, { name: '达标村', level: 'centre' });
  const thin = await buildNode(s.database, town, { name: '缺人村', level: 'centre' });
  const crowded = await buildNode(s.database, town2, { name: '人多村', level: 'centre' });
  for (const [i, category] of ['full_time', 'full_time', 'part_time', 'part_time', 'part_time'].entries())
    await buildTeacher(s.database, { bank: full, name: `达${i}`, category });
  // Paused teachers, volunteers and town-bank teachers do not count for a centre.
  await buildTeacher(s.database, { bank: thin, name: '专一', category: 'full_time' });
  await buildTeacher(s.database, { bank: thin, name: '专二', category: 'full_time', status: 'paused' });
  await buildTeacher(s.database, { bank: thin, name: '志一', category: 'volunteer' });
  await buildTeacher(s.database, { bank: town, name: '镇专', category: 'full_time' });
  for (let i = 0; i < 2; i++) await buildTeacher(s.database, { bank: crowded, name: `专${i}`, category: 'full_time' });
  for (let i = 0; i < 6; i++) await buildTeacher(s.database, { bank: crowded, name: `兼${i}`, category: 'part_time' });
  await buildUser(s.database, { username: 'ca', role: 'county_admin', node: county });
  await buildUser(s.database, { username: 'ta', role: 'town_admin', node: town });
  await buildUser(s.database, { username: 'cm', role: 'centre_manager', node: thin });
  [ca, ta, cm] = await signInAll(s.app, 'ca', 'ta', 'cm');
});

const byName = <T extends { name: string }>(items: T[]) => Object.fromEntries(items.map((i) => [i.name, i]));

describe('staffing norm', () => {
  it('the rules, one shortfall per rule broken', () => {
    const norm = { fullTimeMin: 2, partTimeMin: 3, partTimeMax: 5 };
    expect(staffingShortfalls(norm, 2, 3)).toEqual([]);
    expect(staffingShortfalls(norm, 1, 6)).toEqual([
      { kind: 'full_time_below', actual: 1, limit: 2 },
      { kind: 'part_time_above', actual: 6, limit: 5 },
    ]);
    expect(staffingShortfalls(norm, 0, 0).map((x) => x.kind)).toEqual(['full_time_below', 'part_time_below']);
  });

  it('counts active full-time and part-time teachers of each centre bank against the default norm', async () => {
    const r = (await ca.req('GET', '/api/staffing')).json();
    expect(r.summary).toEqual({ centres: 3, met: 1 });
    const c = byName(r.items as { name: string; shortfalls: unknown[] }[]);
    expect(c['达标村']).toMatchObject({ fullTime: 2, partTime: 3, met: true, shortfalls: [], townName: '云台镇' });
    expect(c['缺人村']).toMatchObject({ fullTime: 1, partTime: 0, met: false });
    expect(c['人多村'].shortfalls).toEqual([{ kind: 'part_time_above', actual: 6, limit: 5 }]);
    expect(r.norms).toEqual([
      { countyId: county.id, countyName: '县', fullTimeMin: 2, partTimeMin: 3, partTimeMax: 5, canEdit: true },
    ]);
    expect(
      (await ca.req('GET', '/api/staffing?met=false'))
        .json()
        .items.map((i: { name: string }) => i.name)
        .sort(),
    ).toEqual(['人多村', '缺人村']);
  });

  it('each actor sees the centres in their reach; only county admins set the norm', async () => {
    const t = (await ta.req('GET', '/api/staffing')).json();
    expect(t.items.map((i: { name: string }) => i.name).sort()).toEqual(['缺人村', '达标村']);
    expect(t.norms[0].canEdit).toBe(false);
    expect((await cm.req('GET', '/api/staffing')).json().items.map((i: { name: string }) => i.name)).toEqual([
      '缺人村',
    ]);
    expect(
      (await ta.req('PUT', `/api/staffing-norms/${county.id}`, { fullTimeMin: 1, partTimeMin: 0, partTimeMax: 9 }))
        .statusCode,
    ).toBe(403);
  });

  it('a county admin sets the norm; met follows it; min above max is refused', async () => {
    expect(
      (
        await ca.req('PUT', `/api/staffing-norms/${county.id}`, { fullTimeMin: 1, partTimeMin: 4, partTimeMax: 3 })
      ).json().error.issues[0].path,
    ).toBe('partTimeMax');
    expect(
      (await ca.req('PUT', `/api/staffing-norms/${county.id}`, { fullTimeMin: 1, partTimeMin: 0, partTimeMax: 6 }))
        .statusCode,
    ).toBe(200);
    const r = (await ca.req('GET', '/api/staffing')).json();
    expect(r.summary).toEqual({ centres: 3, met: 3 });
    expect(r.norms[0]).toMatchObject({ fullTimeMin: 1, partTimeMin: 0, partTimeMax: 6 });
  });
});
