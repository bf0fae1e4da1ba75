import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  login,
  ROOT,
  startServer,
  stopServer,
  waitHealthy,
  type ServerChild,
  type Session,
} from '../bench/server-process';
import { lockDataDir } from '../src/server/db/lock';
import { tinyPdf } from './file-factories';

// Two app nodes are two real server processes (src/server/main.ts), each with its own pg pool,
// its own caches and its own LISTEN connection: two buildApp instances in one process would
// share the module-level caches (sessions), so the test could pass without any message
// crossing. Each change is made through node A and must show on node B within one second.
const url = process.env.DATABASE_URL;
const WITHIN_MS = 1000;
const PASSWORD = 'Multi-node-2026';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cedu-multi-node-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Polls until `ok` holds; the time from the call, or a failure after 5 s. */
async function until(what: string, ok: () => Promise<boolean>): Promise<number> {
  const t0 = Date.now();
  while (!(await ok())) {
    if (Date.now() - t0 > 5000) throw new Error(`${what}: not seen on node B after 5 s`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const ms = Date.now() - t0;
  console.log(`  ${what}: seen on node B after ${ms} ms`);
  return ms;
}

const nodeEnv = (extra: Record<string, string>) => ({
  VITEST: '', // the server's file store uses CEDU_FILES_DIR, not a per-test temporary directory
  CEDU_DEMO_PASSWORD: PASSWORD,
  CEDU_AUTO_BACKUP: '0',
  ...extra,
});

describe.skipIf(!!url)('PGlite (no DATABASE_URL): one node per data directory', () => {
  // The two-node test needs PostgreSQL. Here this process holds the data directory's lock
  // exactly as a running server does (lockDataDir, the server's own call), so the check does
  // not wait a minute for a first server's fresh PGlite to initialise.
  it('a server process on a data directory that another live process holds is refused by the lock', async () => {
    const dataDir = path.join(tmp, 'pglite');
    const release = lockDataDir(dataDir);
    try {
      const b = await startServer({ dataDir, env: nodeEnv({ CEDU_NO_DEMO: '1' }) });
      expect(await b.exited).toBe(75);
      expect(b.output()).toContain('is in use by another process');
      expect(b.output()).toContain(`pid ${process.pid}`);
    } finally {
      release();
    }
  }, 120_000);
});

describe.skipIf(!url)('two app nodes on one PostgreSQL', () => {
  let dbUrl: string;
  let dbName: string;
  let A: ServerChild;
  let B: ServerChild;
  let admin: pg.Client;
  const filesDir = path.join(tmp, 'files');
  const get = (node: ServerChild, s: Session, p: string) =>
    fetch(`${node.base}${p}`, { headers: { cookie: s.cookie } });
  const send = (node: ServerChild, s: Session, method: string, p: string, body?: unknown) =>
    fetch(`${node.base}${p}`, {
      method,
      headers: {
        cookie: s.cookie,
        'x-csrf-token': s.csrf,
        origin: node.base,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    dbName = `cedu_mn_${crypto.randomBytes(5).toString('hex')}`;
    const server = new pg.Client({ connectionString: url });
    await server.connect();
    await server.query(`create database ${dbName}`);
    await server.end();
    const u = new URL(url!);
    u.pathname = `/${dbName}`;
    dbUrl = u.toString();
    const shared = {
      DATABASE_URL: dbUrl,
      CEDU_SECRET_KEY: crypto.randomBytes(32).toString('base64'),
      CEDU_FILES_DIR: filesDir,
      CEDU_DEMO: '1',
      CEDU_JOBS_TICK_MS: '200',
    };
    // A seeds the demo county; B then starts on the same database.
    A = await startServer({ dataDir: path.join(tmp, 'node-a'), env: nodeEnv(shared) });
    await waitHealthy(A, 120_000);
    B = await startServer({ dataDir: path.join(tmp, 'node-b'), env: nodeEnv(shared) });
    await waitHealthy(B, 120_000);
    admin = new pg.Client({ connectionString: dbUrl });
    await admin.connect();
  }, 240_000);

  afterAll(async () => {
    await admin?.end();
    await Promise.all([A && stopServer(A), B && stopServer(B)]);
    const server = new pg.Client({ connectionString: url });
    await server.connect();
    await server.query(`drop database if exists ${dbName} with (force)`);
    await server.end();
  });

  const userId = async (username: string) =>
    (await admin.query<{ id: string }>(`select id from users where username = $1`, [username])).rows[0].id;

  it('both nodes listen for cache messages on their own connection', async () => {
    const r = await admin.query(
      `select count(*)::int as n from pg_stat_activity where application_name = 'cedu-cache-bus' and datname = $1`,
      [dbName],
    );
    expect(r.rows[0].n).toBe(2);
  });

  it('a village created through A appears in the tree B has cached', async () => {
    const onA = await login(A.base, 'county', PASSWORD);
    const onB = await login(B.base, 'county', PASSWORD);
    const names = async () =>
      ((await (await get(B, onB, '/api/org/tree')).json()) as { nodes: { id: string; name: string; level: string }[] })
        .nodes;
    const before = await names();
    expect(await names()).toEqual(before); // B's tree is now cached
    const town = before.find((n) => n.level === 'town')!;
    const res = await send(A, onA, 'POST', '/api/org/nodes', {
      parentId: town.id,
      level: 'centre',
      name: '新建村（多节点）',
    });
    expect(res.status).toBe(201);
    const ms = await until('tree change', async () => (await names()).some((n) => n.name === '新建村（多节点）'));
    expect(ms).toBeLessThan(WITHIN_MS);
  });

  it('a role removed through A ends that access on B', async () => {
    const onA = await login(A.base, 'county', PASSWORD);
    const user = await login(B.base, 'town', PASSWORD);
    expect((await get(B, user, '/api/org/tree')).status).toBe(200);
    const id = await userId('town');
    const detail = (await (await get(A, onA, `/api/users/${id}`)).json()) as { roles: { id: string }[] };
    expect(detail.roles).toHaveLength(1);
    expect((await send(A, onA, 'DELETE', `/api/users/${id}/roles/${detail.roles[0].id}`)).status).toBe(200);
    const ms = await until('role removal', async () => (await get(B, user, '/api/org/tree')).status === 403);
    expect(ms).toBeLessThan(WITHIN_MS);
  });

  it('a user disabled through A is signed out on B', async () => {
    const onA = await login(A.base, 'county', PASSWORD);
    const user = await login(B.base, 'centre', PASSWORD);
    expect((await get(B, user, '/api/auth/me')).status).toBe(200);
    const id = await userId('centre');
    const u = (await (await get(A, onA, `/api/users/${id}`)).json()) as {
      displayName: string;
      phone: string | null;
      homeNodeId: string;
    };
    expect(
      (
        await send(A, onA, 'PUT', `/api/users/${id}`, {
          displayName: u.displayName,
          phone: u.phone,
          homeNodeId: u.homeNodeId,
          disabled: true,
        })
      ).status,
    ).toBe(200);
    const ms = await until('disabled user', async () => (await get(B, user, '/api/auth/me')).status === 401);
    expect(ms).toBeLessThan(WITHIN_MS);
  });

  it('a logout through A ends the session on B', async () => {
    const session = await login(A.base, 'teacher', PASSWORD);
    expect((await get(B, session, '/api/auth/me')).status).toBe(200);
    expect((await send(A, session, 'POST', '/api/auth/logout')).status).toBeLessThan(300);
    const ms = await until('logout', async () => (await get(B, session, '/api/auth/me')).status === 401);
    expect(ms).toBeLessThan(WITHIN_MS);
  });

  it('a file uploaded through A downloads through B (CEDU_FILES_DIR), and `npm run backup` includes it', async () => {
    const onA = await login(A.base, 'county', PASSWORD);
    const onB = await login(B.base, 'county', PASSWORD);
    const county = (
      (await (await get(A, onA, '/api/org/tree')).json()) as { nodes: { id: string; level: string }[] }
    ).nodes.find((n) => n.level === 'county')!;
    const form = new FormData();
    form.append('file', new Blob([tinyPdf()], { type: 'application/pdf' }), '讲义.pdf');
    const up = await fetch(`${A.base}/api/files?nodeId=${county.id}&purpose=course_material`, {
      method: 'POST',
      headers: { cookie: onA.cookie, 'x-csrf-token': onA.csrf, origin: A.base },
      body: form,
    });
    expect(up.status).toBe(201);
    const { id } = (await up.json()) as { id: string };
    const down = await get(B, onB, `/api/files/${id}`);
    expect(down.status).toBe(200);
    expect(Buffer.from(await down.arrayBuffer())).toEqual(tinyPdf());
    const [{ storage_key: key }] = (await admin.query(`select storage_key from stored_files where id = $1`, [id])).rows;
    expect(fs.existsSync(path.join(filesDir, key))).toBe(true);

    const file = path.join(tmp, 'backup.jsonl.gz');
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/backup.ts'), file], {
        cwd: ROOT,
        env: {
          ...process.env,
          ...nodeEnv({ DATABASE_URL: dbUrl, CEDU_FILES_DIR: filesDir, CEDU_DATA_DIR: path.join(tmp, 'cli') }),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      child.stdout.on('data', (b: Buffer) => (text += b));
      child.stderr.on('data', (b: Buffer) => (text += b));
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`backup exited ${code}: ${text}`))));
    });
    expect(out).toMatch(/ 1 uploaded files/);
  }, 60_000);

  it('housekeeping, ticking every 200 ms on both nodes, runs once per period', async () => {
    const runs = async () =>
      (
        await admin.query<{ runs: number; last_node: string }>(
          `select runs, last_node from scheduled_jobs where name = 'housekeeping'`,
        )
      ).rows[0];
    // Both nodes have ticked for seconds by now; the 10-minute job ran once, at A's start.
    expect((await runs()).runs).toBe(1);
    const nodes = new Set<string>();
    for (let round = 2; round <= 6; round++) {
      await admin.query(`update scheduled_jobs set next_run_at = now() where name = 'housekeeping'`); // due now, on both
      await new Promise((r) => setTimeout(r, 600));
      const r = await runs();
      expect(r.runs).toBe(round);
      nodes.add(r.last_node);
    }
    console.log(`  housekeeping made due 5 times with both nodes ticking: ran 5 times, on ${[...nodes].join(' and ')}`);
  });
});
