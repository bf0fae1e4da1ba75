import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../../test/factories';
import { signIn } from '../../../test/server';
import { useWorldServer } from '../../../test/server-fixture';
import { activatedResident, buildResidentWithPhone, phoneClient } from '../../../test/signin-factories';

const { s, w, clients } = useWorldServer('a_centre_manager');
const [centre] = clients;

/** A resident's phone login from the address `ip`. */
const attempt = (phone: string, password: string, ip: string) =>
  s.app.inject({ method: 'POST', url: '/api/resident/login', remoteAddress: ip, payload: { phone, password } });

/** A phone sets the account's password with the one-time code. */
const activate = (
  phone: ReturnType<typeof phoneClient>,
  v: { phone: string; name: string; code: string; password: string },
) => phone.req('POST', '/api/resident/activate', v);

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
    const wrongName = await activate(phone, { phone: '13911110001', name: '钱少少', code, password: 'Qian-duo-2026' });
    expect(wrongName.statusCode).toBe(400);
    const weak = await activate(phone, { phone: '13911110001', name: '钱多多', code, password: '12345678' });
    expect(weak.statusCode).toBe(400);
    const ok = await activate(phone, { phone: '139-1111-0001', name: '钱多多', code, password: 'Qian-duo-2026' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().resident).toMatchObject({ id: rid, name: '钱多多', nodeId: w.nodes.A1a.id });
    // The code is spent.
    expect(
      (await activate(phoneClient(s.app), { phone: '13911110001', name: '钱多多', code, password: 'Other-pass-2026' }))
        .statusCode,
    ).toBe(400);

    const me = await phone.req('GET', '/api/resident/me');
    expect(me.json().resident.id).toBe(rid);

    const other = phoneClient(s.app);
    expect(
      (await other.req('POST', '/api/resident/login', { phone: '13911110001', password: 'wrong-pass-1' })).statusCode,
    ).toBe(401);
    const login = await other.req('POST', '/api/resident/login', { phone: '13911110001', password: 'Qian-duo-2026' });
    expect(login.statusCode).toBe(200);
    // State changes need the resident session's CSRF token.
    expect((await other.req('POST', '/api/resident/logout')).statusCode).toBe(403);
    other.setCsrf(login.json().csrfToken);
    expect((await other.req('POST', '/api/resident/logout')).statusCode).toBe(200);
    expect((await other.req('GET', '/api/resident/me')).statusCode).toBe(401);
    expect((await centre.req('GET', `/api/resident-accounts/${rid}`)).json()).toMatchObject({
      exists: true,
      activated: true,
      phone: '139****0001',
    });
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
    for (let i = 0; i < 5; i++)
      await activate(phone, { phone: '13911110003', name: '孙猜猜', code: wrong, password: 'Sun-cai-2026' });
    const locked = await activate(phone, { phone: '13911110003', name: '孙猜猜', code, password: 'Sun-cai-2026' });
    expect(locked.statusCode).toBe(423);
  });

  it('a phone login answers alike whether or not the phone has an account: status, body, lock, and a password check either way', async () => {
    await activatedResident(s, centre, w.nodes.A1a, {
      name: '周有号',
      phone: '13911110004',
      password: 'Zhou-you-2026',
    });
    const timed = async (phone: string, ip: string) => {
      const t0 = performance.now();
      const r = await attempt(phone, 'wrong-pass-1', ip);
      return { r, ms: performance.now() - t0 };
    };
    // Interleaved, so a busy machine slows both alike.
    const withAccount: { r: Awaited<ReturnType<typeof attempt>>; ms: number }[] = [];
    const without: typeof withAccount = [];
    for (let i = 0; i < 6; i++) {
      withAccount.push(await timed('13911110004', `10.8.0.${i}`));
      without.push(await timed('13911119999', `10.8.1.${i}`));
    }
    const shape = (x: { r: Awaited<ReturnType<typeof attempt>> }) => [x.r.statusCode, x.r.body];
    expect(withAccount.slice(0, 4).map(shape)).toEqual(without.slice(0, 4).map(shape));
    expect(withAccount[0].r.statusCode).toBe(401);
    // The fifth wrong answer locks the phone, account or not: the same 423 and words.
    expect(withAccount.slice(4).map(shape)).toEqual(without.slice(4).map(shape));
    expect(withAccount[5].r.statusCode).toBe(423);
    // Both paths check a password hash (a dummy one without an account): neither answers in a fraction of the other's time.
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const a = median(withAccount.slice(0, 4).map((x) => x.ms));
    const b = median(without.slice(0, 4).map((x) => x.ms));
    expect(Math.min(a, b) / Math.max(a, b)).toBeGreaterThan(0.25);
  });

  it('wrong answers from one address are limited across phones; another address is not affected', async () => {
    await activatedResident(s, centre, w.nodes.A1a, {
      name: '吴地址',
      phone: '13911110005',
      password: 'Wu-dizhi-2026',
    });
    // Spread over many phones (four tries each stay under the phone lock), from one address.
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++)
      statuses.push(
        (await attempt(`1391112${String(1000 + Math.floor(i / 4))}`, `guess-${i}-x`, '10.9.9.9')).statusCode,
      );
    expect(statuses.every((st) => st === 401)).toBe(true);
    const stopped = await attempt('13911110005', 'Wu-dizhi-2026', '10.9.9.9');
    expect(stopped.statusCode).toBe(429);
    expect(stopped.json().error.code).toBe('IP_LOCKED');
    expect((await attempt('13911110005', 'Wu-dizhi-2026', '10.9.9.10')).statusCode).toBe(200);
  });
});
