import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNode, buildUser, TEST_PASSWORD, type NodeRef } from '../../../test/factories';
import { signIn, type Client } from '../../../test/server';
import { signInAll, useTestServer } from '../../../test/server-fixture';
import { createCacheBus, registerCacheBus } from '../../server/cache-bus';
import { users } from '../accounts/account.table';
import { createSession, loadSession } from '../accounts/session.service';
import { auditLog } from '../../server/db/audit.table';
import { ZNodeUpdate } from './org.contract';
import { findPopulations } from './org-details.service';
import { getNode, updateNode } from './org.service';
import { orgNodes } from '../../server/db/tree.table';

const s = useTestServer();
let county: NodeRef;
let town: NodeRef;
let town2: NodeRef;
let countyAdmin: Client;
let townAdmin: Client;

beforeAll(async () => {
  county = await buildNode(s.database, null, { name: '青溪县', level: 'county' });
  await s.database.db.update(orgNodes).set({ divisionCode: '339901000000' }).where(eq(orgNodes.id, county.id));
  town = await buildNode(s.database, county, { name: '云台镇', level: 'town' });
  town2 = await buildNode(s.database, county, { name: '柳湾镇', level: 'town' });
  await buildUser(s.database, { username: 'ca', role: 'county_admin', node: county });
  await buildUser(s.database, { username: 'ta', role: 'town_admin', node: town });
  [countyAdmin, townAdmin] = await signInAll(s.app, 'ca', 'ta');
});

const create = (c: Client, body: Record<string, unknown>) => c.req('POST', '/api/org/nodes', body);

describe('creating nodes', () => {
  it('creates a village under a town, with its path, and audits it', async () => {
    const treeBefore = (await townAdmin.req('GET', '/api/org/tree')).json().nodes;
    const r = await create(townAdmin, {
      parentId: town.id,
      level: 'centre',
      name: '东坡村',
      headName: '刘主任',
      headPhone: '+86 139-0000-1234',
    });
    expect(r.statusCode).toBe(201);
    const detail = (await townAdmin.req('GET', `/api/org/nodes/${r.json().id}`)).json();
    expect(detail).toMatchObject({
      name: '东坡村',
      level: 'centre',
      parentName: '云台镇',
      headPhone: '13900001234',
      depth: 2,
    });
    expect(detail.path).toBe(`${town.path}${r.json().id}/`);
    const [a] = await s.database.db.select().from(auditLog).where(eq(auditLog.entityId, r.json().id));
    expect(a).toMatchObject({ action: 'org.create', outcome: 'ok', nodePath: detail.path });
    // The tree a moment ago is cached; the write must make the new node appear at once.
    const treeAfter = (await townAdmin.req('GET', '/api/org/tree')).json().nodes;
    expect(treeAfter.length).toBe(treeBefore.length + 1);
    expect(treeAfter.some((n: { id: string }) => n.id === r.json().id)).toBe(true);
  });

  it('refuses a level that does not fit the parent, in plain words', async () => {
    const r = await create(countyAdmin, { parentId: town.id, level: 'town', name: '镇下镇' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toBe('“镇（街道）”不能放在“镇（街道）”下面');
  });

  it('a town admin cannot create a town (that is an act over the county)', async () => {
    expect((await create(townAdmin, { parentId: county.id, level: 'town', name: '新镇' })).statusCode).toBe(404);
  });

  it('only system admins create counties', async () => {
    expect((await create(countyAdmin, { parentId: null, level: 'county', name: '新县' })).statusCode).toBe(403);
  });

  it('requires a kind for units and none for others', async () => {
    const r = await create(townAdmin, { parentId: town.id, level: 'unit', name: '社保所' });
    expect(r.json().error.issues[0]).toMatchObject({ path: 'unitKind', message: '请选择单位类型' });
    expect(
      (await create(townAdmin, { parentId: town.id, level: 'unit', unitKind: 'lead_dept', name: '社保所' })).statusCode,
    ).toBe(201);
  });

  it('validates the division code against the level and the parent, and fields by schema', async () => {
    const bad = [
      ['12345', '区划代码应为 12 位数字'],
      ['999901101000', '区划代码前两位不是有效的省级代码'],
      ['339901000000', '乡镇/街道区划代码第 7–9 位不能为 000，且以 000 结尾'],
      ['339902101000', '区划代码与上级组织的代码不一致'],
    ];
    for (const [code, message] of bad) {
      const r = await create(countyAdmin, { parentId: county.id, level: 'town', name: '代码镇', divisionCode: code });
      expect(r.statusCode, code).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_FAILED');
      expect(r.json().error.issues[0]).toMatchObject({ path: 'divisionCode', message });
    }
    expect(
      (await create(countyAdmin, { parentId: county.id, level: 'town', name: '代码镇', divisionCode: '339901103000' }))
        .statusCode,
    ).toBe(201);
    // Outside the demo county (city 99), a code must be in the official list.
    const real = await create(countyAdmin, { parentId: county.id, level: 'town', name: '实县', divisionCode: null });
    expect(real.statusCode).toBe(201);
    await s.database.db.update(orgNodes).set({ divisionCode: '500152001000' }).where(eq(orgNodes.id, real.json().id));
    const unknown = await create(countyAdmin, {
      parentId: real.json().id,
      level: 'centre',
      name: '无此村',
      divisionCode: '500152001999',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues[0]).toMatchObject({
      path: 'divisionCode',
      message: '2023 年版统计用区划代码中没有 500152001999',
    });
    const known = { parentId: real.json().id, level: 'centre', name: '莲花社区', divisionCode: '500152001001' };
    expect((await create(countyAdmin, known)).statusCode).toBe(201);
    const long = await create(countyAdmin, { parentId: county.id, level: 'town', name: '长'.repeat(61), latitude: 91 });
    expect(
      long
        .json()
        .error.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['latitude', 'name']);
    expect(long.json().error.issues.find((i: { path: string }) => i.path === 'name').message).toBe('最多 60 个字符');
  });
});

describe('editing, moving, deleting', () => {
  it('a centre manager edits their own centre but not its town', async () => {
    const v = await buildNode(s.database, town, { name: '桃源村', level: 'centre' });
    await buildUser(s.database, { username: 'cm', role: 'centre_manager', node: v });
    const cm = await signIn(s.app, 'cm', TEST_PASSWORD);
    expect((await cm.req('PUT', `/api/org/nodes/${v.id}`, { name: '桃源村', address: '桃源路 1 号' })).statusCode).toBe(
      200,
    );
    expect((await cm.req('PUT', `/api/org/nodes/${town.id}`, { name: '改名镇' })).statusCode).toBe(404);
    const detail = (await cm.req('GET', `/api/org/nodes/${v.id}`)).json();
    expect(detail.permissions).toEqual({ update: true, createChild: false, remove: false, move: false });
  });

  it('moves a subtree and rewrites every path below it; needs both parents', async () => {
    const v = await buildNode(s.database, town, { name: '溪口村', level: 'centre' });
    const unit = await buildNode(s.database, v, { name: '溪口村老年学校', level: 'unit', unitKind: 'school' });
    expect((await townAdmin.req('POST', `/api/org/nodes/${v.id}/move`, { newParentId: town2.id })).statusCode).toBe(
      404,
    );
    const r = await countyAdmin.req('POST', `/api/org/nodes/${v.id}/move`, { newParentId: town2.id });
    expect(r.statusCode).toBe(200);
    const [u] = await s.database.db.select().from(orgNodes).where(eq(orgNodes.id, unit.id));
    expect(u.path).toBe(`${town2.path}${v.id}/${unit.id}/`);
    expect(u.depth).toBe(3);
    const loop = await countyAdmin.req('POST', `/api/org/nodes/${town2.id}/move`, { newParentId: v.id });
    expect(loop.statusCode).toBe(400);
  });

  it('will not delete a node with children, nor one with records, and says why', async () => {
    const v = await buildNode(s.database, town, { name: '青竹村', level: 'centre' });
    await buildNode(s.database, v, { name: '青竹村文化室', level: 'unit', unitKind: 'other' });
    const r = await townAdmin.req('DELETE', `/api/org/nodes/${v.id}`);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toBe('“青竹村”下还有 1 个下级组织，不能删除。请先删除或移走下级组织。');

    const w = await buildNode(s.database, town, { name: '南塘村', level: 'centre' });
    await buildUser(s.database, { username: 'nt', role: 'teacher', node: w });
    const r2 = await townAdmin.req('DELETE', `/api/org/nodes/${w.id}`);
    expect(r2.statusCode).toBe(409);
    expect(r2.json().error).toMatchObject({ code: 'NODE_HAS_RECORDS' });
    expect(r2.json().error.message).toContain('南塘村');
    expect((await s.database.db.select().from(orgNodes).where(eq(orgNodes.id, w.id))).length).toBe(1);

    const empty = await buildNode(s.database, town, { name: '空村', level: 'centre' });
    expect((await townAdmin.req('DELETE', `/api/org/nodes/${empty.id}`)).statusCode).toBe(200);
  });

  it('keeps populations by year and the leadership group', async () => {
    expect(
      (await townAdmin.req('PUT', `/api/org/nodes/${town.id}/populations/2026`, { population: 42000 })).statusCode,
    ).toBe(200);
    expect(
      (await townAdmin.req('PUT', `/api/org/nodes/${town.id}/populations/2025`, { population: 41000 })).statusCode,
    ).toBe(200);
    expect(
      (await townAdmin.req('PUT', `/api/org/nodes/${town.id}/populations/2026`, { population: 42500 })).statusCode,
    ).toBe(200);
    expect(
      (await townAdmin.req('PUT', `/api/org/nodes/${town.id}/populations/2026`, { population: -1 })).statusCode,
    ).toBe(400);
    const leaders = [
      { name: '陈书记', post: 'leader', title: '镇党委书记' },
      { name: '林镇长', post: 'deputy', phone: '13900000001' },
    ];
    expect((await townAdmin.req('PUT', `/api/org/nodes/${town.id}/leaders`, { leaders })).statusCode).toBe(200);
    const d = (await townAdmin.req('GET', `/api/org/nodes/${town.id}`)).json();
    expect(d.populations).toEqual([
      { year: 2025, population: 41000 },
      { year: 2026, population: 42500 },
    ]);
    expect(d.leaders.map((l: { name: string; post: string }) => [l.name, l.post])).toEqual([
      ['陈书记', 'leader'],
      ['林镇长', 'deputy'],
    ]);
    expect((await townAdmin.req('DELETE', `/api/org/nodes/${town.id}/populations/2025`)).statusCode).toBe(200);
  });
});

describe('what other modules read', () => {
  it('findPopulations gives the figure of each node for a year, leaving out nodes without one', async () => {
    const figures = await findPopulations(s.database.db, [town.id, town2.id, county.id], 2026);
    expect([...figures]).toEqual([[town.id, 42500]]);
    expect((await findPopulations(s.database.db, [], 2026)).size).toBe(0);
  });
});

describe('the caches of this node', () => {
  it('a tree write forgets the sessions this node cached at once, without waiting for the database’s message', async () => {
    // The database's own `tree` message is muted, as on PostgreSQL in the moment before it
    // arrives; a handle with a bus of its own hears only what this node announces itself.
    const deliver = s.database.bus.deliver;
    s.database.bus.deliver = () => {};
    const db = Object.create(s.database.db) as typeof s.database.db;
    const bus = createCacheBus();
    registerCacheBus(db, bus);
    bus.setListening(true);
    try {
      const [ta] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'ta'));
      const { token } = await createSession(db, { userId: ta.id, maxHours: 1 });
      const session = async () => {
        const loaded = await loadSession(db, token, 30);
        if (!loaded || loaded === 'expired') throw new Error('no session');
        return loaded;
      };
      const { actor } = await session();
      expect(actor.scopes.map((x) => x.nodeName)).toEqual(['云台镇']); // cached from now on
      const { id: _id, ...fields } = await getNode({ db, actor, id: town.id });
      await updateNode({ db, actor, id: town.id, input: { ...ZNodeUpdate.parse(fields), name: '云台镇（改）' } });
      expect((await session()).actor.scopes.map((x) => x.nodeName)).toEqual(['云台镇（改）']);
      await updateNode({ db, actor, id: town.id, input: { ...ZNodeUpdate.parse(fields), name: '云台镇' } });
    } finally {
      s.database.bus.deliver = deliver;
      s.database.bus.deliver('*');
    }
  });
});
