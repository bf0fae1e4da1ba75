import { and, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNode, buildUser, type NodeRef } from '../../../test/factories';
import type { Client } from '../../../test/server';
import { signInAll, useTestServer } from '../../../test/server-fixture';
import { auditLog } from '../../server/db/audit.table';
import { orgNodes } from '../../server/db/tree.table';
import { countyDivisions } from './divisions';

// Setting a real county up from the official list: 潼南区 (500152), 23 towns and streets, 304
// villages and communities in the 2023 edition.

const s = useTestServer();
let county: NodeRef;
let demo: NodeRef;
let sysAdmin: Client;
let countyAdmin: Client;
let townAdmin: Client;
let demoAdmin: Client;

type Tree = {
  top: { code: string; nodeId: string | null };
  children: {
    code: string;
    name: string;
    nodeId: string | null;
    children: { code: string; name: string; nodeId: string | null }[];
  }[];
};

beforeAll(async () => {
  county = await buildNode(s.database, null, { name: '新县', level: 'county' });
  const town = await buildNode(s.database, county, { name: '先建的单位', level: 'unit', unitKind: 'lead_dept' });
  demo = await buildNode(s.database, null, { name: '青溪县', level: 'county' });
  await s.database.db.update(orgNodes).set({ divisionCode: '339901000000' }).where(eq(orgNodes.id, demo.id));
  await buildUser(s.database, { username: 'sys', role: 'system_admin', node: county });
  await buildUser(s.database, { username: 'ca', role: 'county_admin', node: county });
  await buildUser(s.database, { username: 'ta', role: 'town_admin', node: town });
  await buildUser(s.database, { username: 'da', role: 'county_admin', node: demo });
  [sysAdmin, countyAdmin, townAdmin, demoAdmin] = await signInAll(s.app, 'sys', 'ca', 'ta', 'da');
});

const nodesUnder = (path: string) =>
  s.database.db
    .select()
    .from(orgNodes)
    .where(like(orgNodes.path, `${path}%`));

describe('choosing the county from the list', () => {
  it('lists provinces, then a province’s cities, then a city’s counties', async () => {
    const provinces = (await countyAdmin.req('GET', '/api/org/divisions')).json();
    expect(provinces.edition).toBe('2023');
    expect(provinces.divisions).toHaveLength(31);
    const cities = (await countyAdmin.req('GET', '/api/org/divisions?under=500000000000')).json().divisions;
    const counties = (await countyAdmin.req('GET', `/api/org/divisions?under=${cities[0].code}`)).json().divisions;
    expect(counties.find((c: { code: string }) => c.code === '500152000000')).toMatchObject({ name: '潼南区' });
  });

  it('refuses a code the list does not have, and staff who are not admins', async () => {
    const r = await countyAdmin.req('GET', '/api/org/divisions?under=500199000000');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.messageEn ?? r.json().error.issues[0].messageEn).toBeTruthy();
    const bad = await countyAdmin.req('GET', '/api/org/divisions?under=5001');
    expect(bad.statusCode).toBe(400);
  });

  it('shows the county’s towns and villages before anything is created; a town admin may not', async () => {
    const r = await countyAdmin.req('GET', `/api/org/nodes/${county.id}/divisions?code=500152000000`);
    expect(r.statusCode).toBe(200);
    const tree: Tree = r.json();
    expect(tree.children).toHaveLength(23);
    expect(tree.children.reduce((n, t) => n + t.children.length, 0)).toBe(304);
    expect(tree.top.nodeId).toBeNull();
    expect((await townAdmin.req('GET', `/api/org/nodes/${county.id}/divisions?code=500152000000`)).statusCode).toBe(
      404,
    );
  });
});

describe('setting the county up in one step', () => {
  it('refuses a town admin, the demo county, a code under another county, and leaves nothing written', async () => {
    const list = (await countyDivisions('500152000000'))!;
    const t0 = list.towns[0];
    const body = { code: '500152000000', children: [{ code: t0.code, name: t0.name, children: [] }] };
    expect((await townAdmin.req('POST', `/api/org/nodes/${county.id}/divisions`, body)).statusCode).toBe(404);
    const d = await demoAdmin.req('POST', `/api/org/nodes/${demo.id}/divisions`, { children: body.children });
    expect(d.statusCode).toBe(409);
    expect(d.json().error.messageEn).toMatch(/demo/);
    const elsewhere = await countyAdmin.req('POST', `/api/org/nodes/${county.id}/divisions`, {
      code: '500152000000',
      children: [{ code: '500153001000', name: '别县的镇', children: [] }],
    });
    expect(elsewhere.statusCode).toBe(400);
    const unknownVillage = await countyAdmin.req('POST', `/api/org/nodes/${county.id}/divisions`, {
      code: '500152000000',
      children: [{ code: t0.code, name: t0.name, children: [{ code: `${t0.code.slice(0, 9)}999`, name: '无此村' }] }],
    });
    expect(unknownVillage.statusCode).toBe(400);
    const [c] = await s.database.db.select().from(orgNodes).where(eq(orgNodes.id, county.id));
    expect(c.divisionCode).toBeNull();
    expect((await nodesUnder(county.path)).filter((n) => n.level !== 'unit' && n.level !== 'county')).toEqual([]);
  });

  it('creates every town and the villages ticked, with codes and the names chosen, and audits it once', async () => {
    const list = (await countyDivisions('500152000000'))!;
    // Every town; every village but the first of each town (no centre there yet); names shortened.
    const children = list.towns.map((t) => ({
      code: t.code,
      name: t.name,
      children: t.villages.slice(1).map((v) => ({ code: v.code, name: v.name.replace(/(村民|居民)委员会$/, '') })),
    }));
    const ticked = children.reduce((n, t) => n + t.children.length, 0);
    const r = await countyAdmin.req('POST', `/api/org/nodes/${county.id}/divisions`, {
      code: '500152000000',
      name: '潼南区',
      children,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ towns: 23, centres: ticked });
    const nodes = await nodesUnder(county.path);
    expect(nodes.filter((n) => n.level === 'town')).toHaveLength(23);
    expect(nodes.filter((n) => n.level === 'centre')).toHaveLength(ticked);
    const v = list.towns[0].villages[1];
    const made = nodes.find((n) => n.divisionCode === v.code)!;
    expect(made.name).toBe(v.name.replace(/(村民|居民)委员会$/, ''));
    const town = nodes.find((n) => n.id === made.parentId)!;
    expect(town).toMatchObject({ divisionCode: list.towns[0].code, level: 'town', parentId: county.id, depth: 1 });
    expect(made.path).toBe(`${town.path}${made.id}/`);
    expect(made.depth).toBe(2);
    // In the list's order (the tree sorts by sortOrder): towns by digits 7–9, villages by 10–12.
    expect(town.sortOrder).toBe(Number(list.towns[0].code.slice(6, 9)));
    expect(made.sortOrder).toBe(Number(v.code.slice(9, 12)));
    const [c] = await s.database.db.select().from(orgNodes).where(eq(orgNodes.id, county.id));
    expect(c).toMatchObject({ divisionCode: '500152000000', name: '潼南区' });
    const audits = await s.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'org.setup'), eq(auditLog.entityId, county.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0].summary).toMatchObject({ code: '500152000000', towns: 23, centres: ticked });
    // The tree the admin reads has them.
    const tree = (await countyAdmin.req('GET', '/api/org/tree')).json().nodes;
    expect(tree.filter((n: { level: string }) => n.level === 'centre')).toHaveLength(ticked);
  });

  it('refuses a second run, whoever sends it', async () => {
    const list = (await countyDivisions('500152000000'))!;
    const again = await sysAdmin.req('POST', `/api/org/nodes/${county.id}/divisions`, {
      code: '500152000000',
      children: [{ code: list.towns[0].code, name: 'x', children: [] }],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/已按区划代码 500152000000 设置过/);
  });

  it('adds a village left out, later, from the same list; one already there is refused', async () => {
    const list = (await countyDivisions('500152000000'))!;
    const tree: Tree = (await countyAdmin.req('GET', `/api/org/nodes/${county.id}/divisions`)).json();
    expect(tree.top.nodeId).toBe(county.id);
    const t0 = tree.children.find((t) => t.code === list.towns[0].code)!;
    const missing = t0.children.filter((v) => v.nodeId === null);
    expect(missing.map((v) => v.code)).toEqual([list.towns[0].villages[0].code]);
    // Under the town itself, as its admin would.
    const add = await countyAdmin.req('POST', `/api/org/nodes/${t0.nodeId}/divisions`, {
      children: [{ code: missing[0].code, name: missing[0].name }],
    });
    expect(add.json()).toEqual({ towns: 0, centres: 1 });
    const twice = await countyAdmin.req('POST', `/api/org/nodes/${t0.nodeId}/divisions`, {
      children: [{ code: missing[0].code, name: missing[0].name }],
    });
    expect(twice.statusCode, twice.body).toBe(400);
    expect(twice.json().error.issues[0].message).toMatch(/已经在组织架构中/);
    const after: Tree = (await countyAdmin.req('GET', `/api/org/nodes/${county.id}/divisions`)).json();
    expect(after.children.flatMap((t) => t.children).filter((v) => v.nodeId === null)).toHaveLength(
      list.towns.length - 1,
    );
  });
});
