import { beforeAll, describe, expect, it } from 'vitest';
import { buildNode, buildUser, TEST_PASSWORD, type NodeRef } from '../../test/factories';
import { signIn, type Client } from '../../test/server';
import { useTestServer } from '../../test/server-fixture';
import { getSettings } from '../modules/settings/settings.service';

// The caches hear changes made with plain SQL, as another app node's (or psql's) would be:
// the database triggers send them, the bus delivers them. Two real nodes: test/multi-node.test.ts.
const s = useTestServer();
let admin: Client;
let county: NodeRef;
const onServer = !!process.env.DATABASE_URL;

beforeAll(async () => {
  county = await buildNode(s.database, null, { name: '青溪县', level: 'county' });
  await buildUser(s.database, { username: 'ca', role: 'county_admin', node: county });
  admin = await signIn(s.app, 'ca', TEST_PASSWORD);
  await until(() => s.database.bus.listening);
});

async function until(ok: () => boolean | Promise<boolean>, ms = 1000): Promise<number> {
  const t0 = Date.now();
  while (!(await ok())) {
    if (Date.now() - t0 > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - t0;
}

const treeNames = async () =>
  ((await admin.req('GET', '/api/org/tree')).json().nodes as { name: string }[]).map((n) => n.name);

describe('the cache bus', () => {
  it('a tree cached on this node drops a node renamed with plain SQL (PGlite: before the COMMIT answers)', async () => {
    expect(await treeNames()).toEqual(['青溪县']);
    await s.database.query(`update org_nodes set name = '青溪县（新）' where id = $1`, [county.id]);
    if (onServer) await until(async () => (await treeNames())[0] === '青溪县（新）');
    else expect(await treeNames()).toEqual(['青溪县（新）']);
    await s.database.query(`update org_nodes set name = '青溪县' where id = $1`, [county.id]);
  });

  it('a session disabled, a role removed, a session deleted with plain SQL stop working within a second', async () => {
    const other = await buildUser(s.database, { username: 'ta', role: 'county_admin', node: county });
    const change: [string, string][] = [
      ['disabled', `update users set disabled = true where id = $1`],
      ['role removed', `delete from role_assignments where user_id = $1`],
      ['session deleted', `delete from sessions where user_id = $1`],
    ];
    for (const [what, statement] of change) {
      await s.database.query(`update users set disabled = false where id = $1`, [other.id]);
      await s.database.query(
        `insert into role_assignments (user_id, role, node_id) values ($1, 'county_admin', $2) on conflict do nothing`,
        [other.id, county.id],
      );
      const c = await signIn(s.app, 'ta', TEST_PASSWORD);
      expect((await c.req('GET', '/api/org/tree')).statusCode).toBe(200); // now cached
      await s.database.query(statement, [other.id]);
      const ms = await until(async () => (await c.req('GET', '/api/org/tree')).statusCode !== 200);
      expect([what, (await c.req('GET', '/api/org/tree')).statusCode]).toEqual([
        what,
        what === 'role removed' ? 403 : 401,
      ]);
      expect(ms).toBeLessThan(1000);
    }
  });

  it('settings changed with plain SQL are read again', async () => {
    expect((await getSettings(s.database.db)).idleTimeoutMinutes).toBe(30);
    await s.database.query(
      `insert into settings (key, value) values ('idleTimeoutMinutes', '45') on conflict (key) do update set value = excluded.value`,
    );
    await until(async () => (await getSettings(s.database.db)).idleTimeoutMinutes === 45);
    await s.database.query(`delete from settings where key = 'idleTimeoutMinutes'`);
    await until(async () => (await getSettings(s.database.db)).idleTimeoutMinutes === 30);
  });

  it('keeps nothing while not listening, and drops everything when listening again', async () => {
    const bus = s.database.bus;
    const g = bus.generation;
    expect(bus.keeps(g)).toBe(true);
    bus.setListening(false);
    expect(bus.keeps(bus.generation)).toBe(false);
    expect(bus.generation).toBe(g + 1); // '*' was delivered: everything cached is gone
    bus.setListening(true);
    expect(bus.generation).toBe(g + 2);
  });

  it.skipIf(!onServer)(
    'PostgreSQL: a lost LISTEN connection stops caching at once and comes back by itself',
    async () => {
      const bus = s.database.bus;
      const [{ n }] = await s.database.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where application_name = 'cedu-cache-bus' and datname = current_database()`,
      );
      expect(n).toBe(1);
      await s.database.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'cedu-cache-bus' and datname = current_database()`,
      );
      await until(() => !bus.listening, 500);
      // A change made while this node cannot hear is read at once: nothing is cached.
      expect(await treeNames()).toEqual(['青溪县']);
      await s.database.query(`update org_nodes set name = '断线时改名' where id = $1`, [county.id]);
      expect(await treeNames()).toEqual(['断线时改名']);
      await until(() => bus.listening, 3000);
      await s.database.query(`update org_nodes set name = '青溪县' where id = $1`, [county.id]);
      await until(async () => (await treeNames())[0] === '青溪县');
    },
  );
});
