import { beforeAll, describe, expect, it } from 'vitest';
import { buildNode, buildUser, TEST_PASSWORD } from '../../../test/factories';
import { signIn } from '../../../test/server';
import { useTestServer } from '../../../test/server-fixture';
import { verifyAuditChain } from './audit.query';

const s = useTestServer();
beforeAll(async () => {
  const county = await buildNode(s.database, null, { name: '县', level: 'county' });
  const town = await buildNode(s.database, county, { name: '镇', level: 'town' });
  await buildUser(s.database, { username: 'sys', role: 'system_admin', node: county });
  await buildUser(s.database, { username: 'ta', role: 'town_admin', node: town });
  const ta = await signIn(s.app, 'ta', TEST_PASSWORD);
  await ta.req('POST', '/api/org/nodes', { parentId: town.id, level: 'centre', name: '村一' });
  await ta.req('GET', `/api/org/nodes/${county.id}`); // a denial
  await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'ta', password: 'wrong-one-1' } });
});
const verify = () => verifyAuditChain((sql) => s.database.query(sql));

describe('audit trail', () => {
  it('records writes, sign-ins, failed sign-ins and denials with actor, node, outcome and IP', async () => {
    const rows = await s.database.query<{
      action: string;
      outcome: string;
      ip: string | null;
      actor_name: string | null;
    }>('select action, outcome, ip, actor_name from audit_log order by id');
    const actions = rows.map((r) => `${r.action}:${r.outcome}`);
    expect(actions).toEqual(
      expect.arrayContaining(['auth.login:ok', 'org.create:ok', 'access.denied:denied', 'auth.login_failed:failed']),
    );
    expect(rows.every((r) => r.ip)).toBe(true);
  });

  it('is append-only, even for direct SQL', async () => {
    await expect(s.database.query(`update audit_log set action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(s.database.query(`delete from audit_log`)).rejects.toThrow(/append-only/);
    await expect(s.database.query(`truncate audit_log`)).rejects.toThrow(/append-only/);
  });

  it('verifies the hash chain, and finds the row where history was edited', async () => {
    const ok = await verify();
    expect(ok.ok).toBe(true);
    expect(ok.rows).toBeGreaterThan(3);
    const [{ id }] = await s.database.query<{ id: string }>(
      'select id::text from audit_log order by id limit 1 offset 1',
    );
    // Someone with the database owner's rights switches the guard off and edits a row.
    await s.database.query('alter table audit_log disable trigger audit_log_no_update');
    await s.database.query(`update audit_log set summary = '{"forged": true}' where id = $1`, [id]);
    await s.database.query('alter table audit_log enable trigger audit_log_no_update');
    expect(await verify()).toMatchObject({ ok: false, brokenAt: Number(id) });
  });

  it('shows a town admin their subtree, including sign-ins of accounts living there, and not the others', async () => {
    await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'sys', password: 'wrong-one-2' } });
    await s.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'nobody', password: 'wrong-one-3' },
    });
    const ta = await signIn(s.app, 'ta', TEST_PASSWORD);
    const items = (await ta.req('GET', '/api/audit?pageSize=100&action=auth.login_failed')).json().items as {
      actorName: string | null;
    }[];
    expect(items.map((i) => i.actorName)).toEqual(['ta']);
    const sys = await signIn(s.app, 'sys', TEST_PASSWORD);
    const all = (await sys.req('GET', '/api/audit?pageSize=100&action=auth.login_failed')).json();
    expect(all.total).toBe(3);
  });
});

describe('audit chain under concurrency', () => {
  it('stays valid when many writes land at once', async () => {
    const sys = await signIn(s.app, 'sys', TEST_PASSWORD);
    const tree = (await sys.req('GET', '/api/org/tree')).json().nodes;
    const town = tree.find((n: { level: string }) => n.level === 'town');
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        sys.req('POST', '/api/org/nodes', {
          parentId: town.id,
          level: 'unit',
          unitKind: 'other',
          name: `并发单位${i}`,
        }),
      ),
    );
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    const r = await verify();
    // The earlier test forged a row on purpose; the chain after it is intact.
    expect(r.brokenAt).toBeLessThan(5);
  });
});
