import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNode, buildUser, TEST_PASSWORD, type NodeRef } from '../../../test/factories';
import { signIn, startTestServer, type TestServer } from '../../../test/server';
import { useTestServer } from '../../../test/server-fixture';
import { auditLog } from '../../server/db/audit.table';
import { loginFailures, sessions, users } from './account.table';
import { LOGIN_LIMITS, slowdownMs } from './auth.service';
import { forgetCachedSessions } from './session.service';

const s = useTestServer();
let town: NodeRef;

beforeAll(async () => {
  const county = await buildNode(s.database, null, { name: '测试县', level: 'county' });
  town = await buildNode(s.database, county, { name: '测试镇', level: 'town' });
  await buildUser(s.database, { username: 'ta', role: 'town_admin', node: town });
  await buildUser(s.database, { username: 'sys', role: 'system_admin', node: county });
  await s.database.db.update(users).set({ phone: '13800138000' }).where(eq(users.username, 'ta'));
});

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
    expect(r.json().error).toMatchObject({
      code: 'LOGIN_FAILED',
      message: '用户名或密码不正确',
      messageEn: 'Wrong username or password',
    });
    const rows = await s.database.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login_failed'));
    expect(rows.some((x) => x.actorName === 'ta' && x.ip === '10.0.0.2')).toBe(true);
  });

  it('five wrong passwords from one address lock the account there until a time said in both languages; another address still signs in', async () => {
    await buildUser(s.database, { username: 'victim', role: 'teacher', node: town });
    for (let i = 0; i < 4; i++) expect((await login('victim', 'nope-nope', '10.1.0.1')).statusCode).toBe(401);
    const fifth = await login('victim', 'nope-nope', '10.1.0.1');
    expect(fifth.statusCode).toBe(423);
    const [first] = await s.database.db
      .select({ at: loginFailures.at })
      .from(loginFailures)
      .where(eq(loginFailures.ip, '10.1.0.1'))
      .orderBy(loginFailures.at)
      .limit(1);
    const until = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    }).format(new Date(first.at.getTime() + 15 * 60_000));
    expect(fifth.json().error).toMatchObject({
      code: 'LOGIN_LOCKED',
      message: `登录失败次数过多，该账号已暂时锁定，请在 ${until}（北京时间）之后再试，约 15 分钟`,
      messageEn: `Too many failed sign-ins: this account is locked until ${until} (China time), about 15 minutes from now`,
    });
    expect((await login('victim', TEST_PASSWORD, '10.1.0.1')).json().error.code).toBe('LOGIN_LOCKED');
    expect((await login('victim', TEST_PASSWORD, '10.1.0.2')).statusCode).toBe(200);
    // Fifteen minutes later the address may try again.
    await s.database.db
      .update(loginFailures)
      .set({ at: sql`at - interval '16 minutes'` })
      .where(eq(loginFailures.ip, '10.1.0.1'));
    expect((await login('victim', TEST_PASSWORD, '10.1.0.1')).statusCode).toBe(200);
  });

  it('ten wrong passwords from ten addresses lock the account everywhere, until the lock ends', async () => {
    await buildUser(s.database, { username: 'victim2', role: 'teacher', node: town });
    for (let i = 0; i < 9; i++) expect((await login('victim2', 'nope-nope', `10.1.1.${i}`)).statusCode).toBe(401);
    expect((await login('victim2', 'nope-nope', '10.1.1.9')).json().error.code).toBe('LOGIN_LOCKED');
    expect((await login('victim2', TEST_PASSWORD, '10.1.1.99')).json().error.code).toBe('LOGIN_LOCKED');
    await s.database.db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(users.username, 'victim2'));
    expect((await login('victim2', TEST_PASSWORD, '10.1.1.99')).statusCode).toBe(200);
  });

  it('twenty wrong passwords for one user from an address slow it down but never stop another user’s correct password there', async () => {
    const step = LOGIN_LIMITS.slowStepMs;
    LOGIN_LIMITS.slowStepMs = 20;
    try {
      await buildUser(s.database, { username: 'hall_x', role: 'teacher', node: town });
      await buildUser(s.database, { username: 'hall_y', role: 'teacher', node: town });
      for (let i = 0; i < 20; i++)
        expect([401, 423]).toContain((await login('hall_x', 'wrong-guess-1', '10.9.9.9')).statusCode);
      expect((await login('hall_x', TEST_PASSWORD, '10.9.9.9')).json().error.code).toBe('LOGIN_LOCKED');
      const t0 = Date.now();
      const y = await login('hall_y', TEST_PASSWORD, '10.9.9.9');
      expect(y.statusCode).toBe(200);
      // 21 failures from the address: (21 - 5 + 1) × 20 ms of waiting before the check.
      expect(Date.now() - t0).toBeGreaterThanOrEqual(slowdownMs(21) - 5);
      expect(slowdownMs(21)).toBe(340);
      expect((await login('hall_x', TEST_PASSWORD, '10.9.9.8')).statusCode).toBe(200);
    } finally {
      LOGIN_LIMITS.slowStepMs = step;
    }
  });
});

describe('behind a reverse proxy (CEDU_TRUST_PROXY=1)', () => {
  let p: TestServer;
  beforeAll(async () => {
    p = await startTestServer({ CEDU_TRUST_PROXY: '1' });
    const county = await buildNode(p.database, null, { name: '代理县', level: 'county' });
    await buildUser(p.database, { username: 'px', role: 'county_admin', node: county });
    await buildUser(p.database, { username: 'py', role: 'county_admin', node: county });
  });
  afterAll(() => p.close());
  const viaProxy = (name: string, password: string, xff: string) =>
    p.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: name, password },
      remoteAddress: '10.0.0.2',
      headers: { 'x-forwarded-for': xff },
    });

  it('believes only the entry the proxy added: a spoofed left-most address changes nothing', async () => {
    for (let i = 0; i < 5; i++) await viaProxy('px', 'wrong-guess-1', `6.6.6.${i}, 203.0.113.9`);
    expect((await viaProxy('px', TEST_PASSWORD, '7.7.7.7, 203.0.113.9')).json().error.code).toBe('LOGIN_LOCKED');
    const tried = await p.database.db
      .select({ ip: auditLog.ip })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.login_failed'), eq(auditLog.actorName, 'px')));
    expect(new Set(tried.map((r) => r.ip))).toEqual(new Set(['203.0.113.9']));
    expect((await viaProxy('px', TEST_PASSWORD, '6.6.6.1, 198.51.100.7')).statusCode).toBe(200);
  });

  it('rotating X-Forwarded-For does not escape the per-account lock', async () => {
    for (let i = 0; i < 10; i++) await viaProxy('py', 'wrong-guess-1', `198.51.100.${10 + i}`);
    const r = await viaProxy('py', TEST_PASSWORD, '198.51.100.99');
    expect(r.statusCode).toBe(423);
    expect(r.json().error.code).toBe('LOGIN_LOCKED');
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
    await s.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(sessions.userId, (await idle.req('GET', '/api/auth/me')).json().user.id));
    forgetCachedSessions(); // the change above bypassed the services
    const r = await idle.req('GET', '/api/org/tree');
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('SESSION_EXPIRED');

    const capped = await signIn(s.app, 'sys', TEST_PASSWORD, '10.2.0.3');
    const uid = (await capped.req('GET', '/api/auth/me')).json().user.id;
    await s.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, uid));
    forgetCachedSessions();
    expect((await capped.req('GET', '/api/org/tree')).statusCode).toBe(401);
  });

  it('disabling a user ends their sessions at once', async () => {
    const u = await buildUser(s.database, { username: 'leaving', role: 'teacher', node: town });
    const c = await signIn(s.app, 'leaving', TEST_PASSWORD, '10.2.0.4');
    const admin = await signIn(s.app, 'ta', TEST_PASSWORD, '10.2.0.5');
    const r = await admin.req('PUT', `/api/users/${u.id}`, {
      displayName: '离开的人',
      phone: null,
      homeNodeId: town.id,
      disabled: true,
    });
    expect(r.statusCode).toBe(200);
    expect((await c.req('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await login('leaving', TEST_PASSWORD, '10.2.0.6')).json().error.code).toBe('ACCOUNT_DISABLED');
  });
});

describe('cross-site request forgery', () => {
  it('refuses a state-changing request without the token or from another origin', async () => {
    const c = await signIn(s.app, 'ta', TEST_PASSWORD, '10.3.0.1');
    const body = { parentId: town.id, level: 'centre', name: '新村' };
    const noToken = await s.app.inject({
      method: 'POST',
      url: '/api/org/nodes',
      headers: { cookie: c.cookie },
      payload: body,
    });
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
    for (const [pw, msg] of [
      ['abc', '密码至少 8 位'],
      ['12345678', '这个密码太常见，容易被猜到，请换一个'],
      ['qwerty123', '这个密码太常见，容易被猜到，请换一个'],
    ]) {
      const r = await c.req('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: pw });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.issues).toEqual([expect.objectContaining({ path: 'newPassword', message: msg })]);
    }
  });

  it('forced rotation (off by default) sends an old password to the change screen first', async () => {
    const sys = await signIn(s.app, 'sys', TEST_PASSWORD, '10.4.0.2');
    expect((await sys.req('GET', '/api/settings')).json().passwordMaxAgeDays).toBe(0);
    const u = await buildUser(s.database, { username: 'rotating', role: 'teacher', node: town });
    await s.database.db
      .update(users)
      .set({ passwordChangedAt: sql`now() - interval '100 days'` })
      .where(eq(users.id, u.id));
    const c = await signIn(s.app, 'rotating', TEST_PASSWORD, '10.4.0.3');
    expect((await c.req('GET', '/api/org/tree')).statusCode).toBe(200);
    expect((await sys.req('PUT', '/api/settings', { passwordMaxAgeDays: 90, idleTimeoutMinutes: 30 })).statusCode).toBe(
      200,
    );
    const blocked = await c.req('GET', '/api/org/tree');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await c.req('GET', '/api/auth/me')).json().user.mustChangePassword).toBe(true);
    expect(
      (await c.req('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Brand-new-2026' }))
        .statusCode,
    ).toBe(200);
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
    await admin.req('PUT', `/api/users/${u.id}`, {
      displayName: 'cachey',
      phone: null,
      homeNodeId: town.id,
      disabled: true,
    });
    expect((await c.req('GET', '/api/org/tree')).statusCode).toBe(401);
  });
});
