import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, TEST_PASSWORD, type World } from '../../../test/factories';
import { signIn, startTestServer, type Client, type TestServer } from '../../../test/server';
import { buildResidentWithPhone, phoneClient } from '../../../test/signin-factories';

let s: TestServer;
let w: World;
let centre: Client;

beforeAll(async () => {
  s = await startTestServer();
  w = await buildWorld(s.database);
  centre = await signIn(s.app, 'a_centre_manager', TEST_PASSWORD);
});
afterAll(() => s.close());

describe('resident accounts (contract 4)', () => {
  it('staff issue a one-time code; the resident sets a password with phone + name + code, then signs in by phone', async () => {
    const rid = await buildResidentWithPhone(s.database, w.nodes.A1a, { name: '钱多多', phone: '13911110001' });
    const before = await centre.req('GET', `/api/resident-accounts/${rid}`);
    expect(before.json()).toMatchObject({ exists: false, activated: false });
    const issued = await centre.req('POST', `/api/resident-accounts/${rid}/activation`);
    expect(issued.statusCode).toBe(200);
    const { code } = issued.json();
    expect(code).toMatch(/^\d{8}$/);

    const phone = phoneClient(s.app);
    const wrongName = await phone.req('POST', '/api/resident/activate', { phone: '13911110001', name: '钱少少', code, password: 'Qian-duo-2026' });
    expect(wrongName.statusCode).toBe(400);
    const weak = await phone.req('POST', '/api/resident/activate', { phone: '13911110001', name: '钱多多', code, password: '12345678' });
    expect(weak.statusCode).toBe(400);
    const ok = await phone.req('POST', '/api/resident/activate', { phone: '139-1111-0001', name: '钱多多', code, password: 'Qian-duo-2026' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().resident).toMatchObject({ id: rid, name: '钱多多', nodeId: w.nodes.A1a.id });
    // The code is spent.
    expect((await phoneClient(s.app).req('POST', '/api/resident/activate', { phone: '13911110001', name: '钱多多', code, password: 'Other-pass-2026' })).statusCode).toBe(400);

    const me = await phone.req('GET', '/api/resident/me');
    expect(me.json().resident.id).toBe(rid);

    const other = phoneClient(s.app);
    expect((await other.req('POST', '/api/resident/login', { phone: '13911110001', password: 'wrong-pass-1' })).statusCode).toBe(401);
    const login = await other.req('POST', '/api/resident/login', { phone: '13911110001', password: 'Qian-duo-2026' });
    expect(login.statusCode).toBe(200);
    // State changes need the resident session's CSRF token.
    expect((await other.req('POST', '/api/resident/logout')).statusCode).toBe(403);
    other.setCsrf(login.json().csrfToken);
    expect((await other.req('POST', '/api/resident/logout')).statusCode).toBe(200);
    expect((await other.req('GET', '/api/resident/me')).statusCode).toBe(401);
    expect((await centre.req('GET', `/api/resident-accounts/${rid}`)).json()).toMatchObject({ exists: true, activated: true, phone: '139****0001' });
  });

  it('a staff session is not a resident session, and staff outside the resident’s subtree get 404', async () => {
    expect((await centre.req('GET', '/api/resident/me')).statusCode).toBe(401);
    const rid = await buildResidentWithPhone(s.database, w.nodes.A2a, { name: '外镇人', phone: '13911110002' });
    expect((await centre.req('POST', `/api/resident-accounts/${rid}/activation`)).statusCode).toBe(404);
    const b = await signIn(s.app, 'b_county_admin', TEST_PASSWORD);
    expect((await b.req('GET', `/api/resident-accounts/${rid}`)).statusCode).toBe(404);
  });

  it('five wrong codes lock the account', async () => {
    const rid = await buildResidentWithPhone(s.database, w.nodes.A1a, { name: '孙猜猜', phone: '13911110003' });
    const { code } = (await centre.req('POST', `/api/resident-accounts/${rid}/activation`)).json();
    const phone = phoneClient(s.app);
    const wrong = code === '00000000' ? '11111111' : '00000000';
    for (let i = 0; i < 5; i++) await phone.req('POST', '/api/resident/activate', { phone: '13911110003', name: '孙猜猜', code: wrong, password: 'Sun-cai-2026' });
    const locked = await phone.req('POST', '/api/resident/activate', { phone: '13911110003', name: '孙猜猜', code, password: 'Sun-cai-2026' });
    expect(locked.statusCode).toBe(423);
  });
});
