import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNode, buildUser, TEST_PASSWORD } from '../../../test/factories';
import { signIn, startTestServer, type TestServer } from '../../../test/server';
import { auditLog } from '../audit/audit.table';
import { sessions, users } from './account.table';
import { forgetCachedSessions } from './session.service';

let s: TestServer;
let town: Awaited<ReturnType<typeof buildNode>>;

beforeAll(async () => {
  s = await startTestServer();
  const county = await buildNode(s.database, null, { name: '测试县', level: 'county' });
  town = await buildNode(s.database, county, { name: '测试镇', level: 'town' });
  await buildUser(s.database, { username: 'ta', role: 'town_admin', node: town });
  await buildUser(s.database, { username: 'sys', role: 'system_admin', node: county });
  await s.database.db.update(users).set({ phone: '13800138000' }).where(eq(users.username, 'ta'));
});
afterAll(() => s.close());

const login = (loginName: string, password: string, ip = '10.0.0.1') =>
  s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: loginName, password }, remoteAddress: ip });

describe('sign-in', () => {
  it('accepts username or phone, sets an httpOnly cookie and a new session id each time', async () => {
    const a = await login('ta', TEST_PASSWORD);
    const b = await login('138 0013 8000', TEST_PASSWORD);
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    const ca = a.cookies.find((c) => c.name === 'cedu_session')!;
    const cb = b.cookies.find((c) => c.name === 'cedu_session')!;
    expect(ca.httpOnly).toBe(true);
    expect(ca.value).not.toBe(cb.value);
    expect(a.json().scopes[0].role).toBe('town_admin');
  });

  it('answers a wrong password in Chinese and English, and audits it', async () => {
    const r = await login('ta', 'wrong-password', '10.0.0.2');
    expect(r.statusCode).toBe(401);
    expect(r.json().error).toMatchObject({ code: 'LOGIN_FAILED', message: '用户名或密码不正确', messageEn: 'Wrong username or password' });
    const rows = await s.database.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login_failed'));
    expect(rows.some((x) => x.actorName === 'ta' && x.ip === '10.0.0.2')).toBe(true);
  });

  it('locks the account for 15 minutes after five wrong passwords, even for the right one', async () => {
    await buildUser(s.database, { username: 'victim', role: 'teacher', node: town });
    for (let i = 0; i < 4; i++) expect((await login('victim', 'nope-nope', `10.1.0.${i}`)).statusCode).toBe(401);
    const fifth = await login('victim', 'nope-nope', '10.1.0.9');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    const right = await login('victim', TEST_PASSWORD, '10.1.0.10');
    expect(right.json().error.code).toBe('ACCOUNT_LOCKED');
    // Fifteen minutes later it opens again.
    await s.database.db.update(users).set({ lockedUntil: new Date(Date.now() - 1000) }).where(eq(users.username, 'victim'));
    expect((await login('victim', TEST_PASSWORD, '10.1.0.11')).statusCode).toBe(200);
  });

  it('locks an address after five failures, whatever the usernames', async () => {
    for (let i = 0; i < 5; i++) await login(`nobody${i}`, 'whatever-123', '10.9.9.9');
    const r = await login('ta', TEST_PASSWORD, '10.9.9.9');
    expect(r.statusCode).toBe(429);
    expect(r.json().error.code).toBe('IP_LOCKED');
    expect((await login('ta', TEST_PASSWORD, '10.9.9.8')).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('logout ends the session', async () => {
    const c = await signIn(s.app, 'ta', TEST_PASSWORD, '10.2.0.1');
    expect((await c.req('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await c.req('POST', '/api/auth/logout')).statusCode).toBe(200);
    const after = await c.req('GET', '/api/auth/me');
    expect(after.statusCode).toBe(401);
  });

  it('ends after the idle timeout and after the absolute cap', async () => {
    const idle = await signIn(s.app, 'ta', TEST_PASSWORD, '10.2.0.2');
    await s.database.db.update(sessions).set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) }).where(eq(sessions.userId, (await idle.req('GET', '/api/auth/me')).json().user.id));
    forgetCachedSessions(); // the change above bypassed the services
    const r = await idle.req('GET', '/api/org/tree');
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('SESSION_EXPIRED');

    const capped = await signIn(s.app, 'sys', TEST_PASSWORD, '10.2.0.3');
    const uid = (await capped.req('GET', '/api/auth/me')).json().user.id;
    await s.database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.userId, uid));
    forgetCachedSessions();
    expect((await capped.req('GET', '/api/org/tree')).statusCode).toBe(401);
  });

  it('disabling a user ends their sessions at once', async () => {
    const u = await buildUser(s.database, { username: 'leaving', role: 'teacher', node: town });
    const c = await signIn(s.app, 'leaving', TEST_PASSWORD, '10.2.0.4');
    const admin = await signIn(s.app, 'ta', TEST_PASSWORD, '10.2.0.5');
    const r = await admin.req('PUT', `/api/users/${u.id}`, { displayName: '离开的人', phone: null, homeNodeId: town.id, disabled: true });
    expect(r.statusCode).toBe(200);
    expect((await c.req('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await login('leaving', TEST_PASSWORD, '10.2.0.6')).json().error.code).toBe('ACCOUNT_DISABLED');
  });
});

describe('cross-site request forgery', () => {
  it('refuses a state-changing request without the token or from another origin', async () => {
    const c = await signIn(s.app, 'ta', TEST_PASSWORD, '10.3.0.1');
    const body = { parentId: town.id, level: 'centre', name: '新村' };
    const noToken = await s.app.inject({ method: 'POST', url: '/api/org/nodes', headers: { cookie: c.cookie }, payload: body });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF_FAILED');
    const foreign = await c.req('POST', '/api/org/nodes', body, { origin: 'https://evil.example' });
    expect(foreign.json().error.code).toBe('CSRF_FAILED');
    const ok = await c.req('POST', '/api/org/nodes', body, { origin: 'http://localhost:3000', host: 'localhost:3000' });
    expect(ok.statusCode).toBe(201);
  });
});

describe('passwords', () => {
  it('refuses short and common passwords with a message beside the field', async () => {
    const c = await signIn(s.app, 'ta', TEST_PASSWORD, '10.4.0.1');
    for (const [pw, msg] of [['abc', '密码至少 8 位'], ['12345678', '这个密码太常见，容易被猜到，请换一个'], ['qwerty123', '这个密码太常见，容易被猜到，请换一个']]) {
      const r = await c.req('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: pw });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.issues).toEqual([expect.objectContaining({ path: 'newPassword', message: msg })]);
    }
  });

  it('forced rotation (off by default) sends an old password to the change screen first', async () => {
    const sys = await signIn(s.app, 'sys', TEST_PASSWORD, '10.4.0.2');
    expect((await sys.req('GET', '/api/settings')).json().passwordMaxAgeDays).toBe(0);
    const u = await buildUser(s.database, { username: 'rotating', role: 'teacher', node: town });
    await s.database.db.update(users).set({ passwordChangedAt: sql`now() - interval '100 days'` }).where(eq(users.id, u.id));
    const c = await signIn(s.app, 'rotating', TEST_PASSWORD, '10.4.0.3');
    expect((await c.req('GET', '/api/org/tree')).statusCode).toBe(200);
    expect((await sys.req('PUT', '/api/settings', { passwordMaxAgeDays: 90, idleTimeoutMinutes: 30 })).statusCode).toBe(200);
    const blocked = await c.req('GET', '/api/org/tree');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await c.req('GET', '/api/auth/me')).json().user.mustChangePassword).toBe(true);
    expect((await c.req('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Brand-new-2026' })).statusCode).toBe(200);
    expect((await c.req('GET', '/api/org/tree')).statusCode).toBe(200);
    await sys.req('PUT', '/api/settings', { passwordMaxAgeDays: 0, idleTimeoutMinutes: 30 });
  });
});

describe('unknown API paths', () => {
  it('answer 404 NOT_FOUND in both languages', async () => {
    const r = await s.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(r.statusCode).toBe(404);
    expect(r.json().error).toMatchObject({ code: 'NOT_FOUND', messageEn: 'Not found, or you may not see it' });
  });
});

describe('session cache', () => {
  it('a cached session still ends at once on logout, disable and role removal', async () => {
    const u = await buildUser(s.database, { username: 'cachey', role: 'town_admin', node: town });
    const c = await signIn(s.app, 'cachey', TEST_PASSWORD, '10.5.0.1');
    expect((await c.req('GET', '/api/users')).statusCode).toBe(200); // loaded and cached
    const admin = await signIn(s.app, 'sys', TEST_PASSWORD, '10.5.0.2');
    const roles = (await admin.req('GET', `/api/users/${u.id}`)).json().roles;
    await admin.req('POST', `/api/users/${u.id}/roles`, { role: 'teacher', nodeId: town.id });
    expect((await admin.req('DELETE', `/api/users/${u.id}/roles/${roles[0].id}`)).statusCode).toBe(200);
    expect((await c.req('GET', '/api/users')).statusCode).toBe(403);
    await admin.req('PUT', `/api/users/${u.id}`, { displayName: 'cachey', phone: null, homeNodeId: town.id, disabled: true });
    expect((await c.req('GET', '/api/org/tree')).statusCode).toBe(401);
  });
});
