import { beforeAll, describe, expect, it } from 'vitest';
import { buildNode, buildUser, TEST_PASSWORD, type NodeRef } from '../../../test/factories';
import { signIn, type Client } from '../../../test/server';
import { useTestServer } from '../../../test/server-fixture';

const s = useTestServer();
let town: NodeRef;
let village: NodeRef;
let county: NodeRef;
let ta: Client;
let countyAdminId: string;

beforeAll(async () => {
  county = await buildNode(s.database, null, { name: '县', level: 'county' });
  town = await buildNode(s.database, county, { name: '镇', level: 'town' });
  village = await buildNode(s.database, town, { name: '村', level: 'centre' });
  await buildUser(s.database, { username: 'ta', role: 'town_admin', node: town });
  // A county admin whose home is in the town: the town admin sees the account but may not manage it.
  countyAdminId = (await buildUser(s.database, { username: 'ca', role: 'county_admin', node: town, roleNode: county }))
    .id;
  ta = await signIn(s.app, 'ta', TEST_PASSWORD);
});

/** The town admin creates an account (at the village, with a first password, unless told otherwise). */
const create = (v: { username: string; displayName: string } & Record<string, unknown>) =>
  ta.req('POST', '/api/users', { homeNodeId: village.id, password: 'First-pass-2026', ...v });

describe('accounts', () => {
  it('creates an account with roles; the new user must change the password first', async () => {
    const r = await create({
      username: 'manager1',
      displayName: '刘主任',
      phone: '139 0000 5678',
      roles: [
        { role: 'centre_manager', nodeId: village.id },
        { role: 'teacher', nodeId: village.id },
      ],
    });
    expect(r.statusCode).toBe(201);
    const u = (await ta.req('GET', `/api/users/${r.json().id}`)).json();
    expect(u).toMatchObject({
      username: 'manager1',
      phone: '13900005678',
      mustChangePassword: true,
      homeNodeName: '村',
    });
    expect(u.roles.map((x: { role: string }) => x.role).sort()).toEqual(['centre_manager', 'teacher']);
    const c = await signIn(s.app, 'manager1', 'First-pass-2026');
    expect((await c.req('GET', '/api/org/tree')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('refuses a taken username or phone beside the field', async () => {
    const dupe = await create({ username: 'MANAGER1', displayName: '重名' });
    expect(dupe.statusCode).toBe(409);
    expect(dupe.json().error.issues[0]).toMatchObject({ path: 'username', message: '用户名已被使用' });
    const phone = await create({ username: 'other1', displayName: '同号', phone: '13900005678' });
    expect(phone.json().error.issues[0].path).toBe('phone');
  });

  it('a town admin cannot grant system admin, nor manage a county admin living in the town', async () => {
    const r = await create({
      username: 'boss',
      displayName: '想当管理员',
      homeNodeId: town.id,
      roles: [{ role: 'system_admin', nodeId: town.id }],
    });
    expect(r.statusCode).toBe(403);
    const ca = await ta.req('GET', `/api/users/${countyAdminId}`);
    expect(ca.statusCode).toBe(200);
    expect(ca.json().canManage).toBe(false);
    expect(
      (await ta.req('POST', `/api/users/${countyAdminId}/password`, { password: 'Taken-over-2026' })).statusCode,
    ).toBe(403);
    expect(
      (
        await ta.req('PUT', `/api/users/${countyAdminId}`, {
          displayName: 'x',
          phone: null,
          homeNodeId: town.id,
          disabled: true,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('resets a password (signing the user out) and lists with filters', async () => {
    const u = await buildUser(s.database, { username: 'forgetful', role: 'teacher', node: village });
    const c = await signIn(s.app, 'forgetful', TEST_PASSWORD);
    expect((await ta.req('POST', `/api/users/${u.id}/password`, { password: 'password' })).statusCode).toBe(400);
    expect((await ta.req('POST', `/api/users/${u.id}/password`, { password: 'Reset-pass-2026' })).statusCode).toBe(200);
    expect((await c.req('GET', '/api/auth/me')).statusCode).toBe(401);
    const page = (await ta.req('GET', `/api/users?role=teacher&nodeId=${village.id}&q=forget`)).json();
    expect(page.items.map((x: { username: string }) => x.username)).toEqual(['forgetful']);
  });

  it('adds and removes a role', async () => {
    const u = await buildUser(s.database, { username: 'helper', role: 'teacher', node: village });
    const add = await ta.req('POST', `/api/users/${u.id}/roles`, { role: 'inspector', nodeId: town.id });
    expect(add.statusCode).toBe(201);
    expect((await ta.req('POST', `/api/users/${u.id}/roles`, { role: 'inspector', nodeId: town.id })).statusCode).toBe(
      409,
    );
    expect((await ta.req('DELETE', `/api/users/${u.id}/roles/${add.json().id}`)).statusCode).toBe(200);
    expect((await ta.req('GET', `/api/users/${u.id}`)).json().roles.map((r: { role: string }) => r.role)).toEqual([
      'teacher',
    ]);
  });
});
