// `npm run bench`: how fast the org tree is read under load, and how much memory the
// server holds. Starts the real server on a fresh PGlite data dir (the demo county seeds
// itself), signs in as `county` (who sees the whole county), then 50 connections hammer
// GET /api/org/tree for ~15 s with autocannon. Loopback only; bounded in time.
//
// Env: BENCH_DURATION (s, default 15), BENCH_CONNECTIONS (default 50), BENCH_PG=1 to run
// the server on a throwaway PostgreSQL cluster (scripts/pg-test-server.mjs) instead of PGlite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startPgTestServer } from '../scripts/pg-test-server.mjs';
import { login, rssMiB, sleep, startServer, stopServer, waitHealthy, type ServerChild } from './server-process';

const DURATION_S = Number(process.env.BENCH_DURATION || 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 50);
const TARGET_P99_MS = 50;
const TARGET_IDLE_RSS_MIB = 400;

async function bench(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cedu-bench-'));
  let server: ServerChild | undefined;
  const pg = process.env.BENCH_PG === '1' ? await startPgTestServer() : null;
  const env: Record<string, string> = pg ? { DATABASE_URL: pg.url } : {};
  const dbName = pg ? `PostgreSQL ${pg.version}` : 'PGlite';
  const cleanup = async () => {
    if (server) await stopServer(server);
    await pg?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    const t0 = Date.now();
    server = await startServer({ dataDir, env });
    const readyMs = await waitHealthy(server, 120_000);
    console.log(
      `server pid ${server.pid} healthy after ${(readyMs / 1000).toFixed(1)} s (fresh ${dbName} database, demo county seeded)`,
    );
    await sleep(2000); // let start-up garbage settle
    const seededRss = rssMiB(server.pid);
    // The first start also migrates and seeds (hashing every demo password); every later
    // start does neither, so measure a plain restart on the same data as well.
    await stopServer(server);
    server = await startServer({ dataDir, env });
    const restartMs = await waitHealthy(server, 120_000);
    console.log(`restarted: pid ${server.pid} healthy after ${(restartMs / 1000).toFixed(1)} s`);
    await sleep(2000);
    const idleRss = rssMiB(server.pid);

    const s = await login(server.base, 'county');
    const url = `${server.base}/api/org/tree`;
    const headers = { cookie: s.cookie };
    const probe = await fetch(url, { headers });
    if (probe.status !== 200) throw new Error(`GET /api/org/tree answered ${probe.status}: ${await probe.text()}`);
    const body = (await probe.json()) as { nodes: unknown[] };
    const bytes = JSON.stringify(body).length;
    console.log(`GET /api/org/tree as county: ${body.nodes.length} nodes, ${(bytes / 1024).toFixed(1)} KiB`);

    console.log('warm-up: 3 s…');
    await run({ url, headers, connections: 10, duration: 3 });
    console.log(`baseline: GET /api/health (no session, one "select 1"), ${CONNECTIONS} connections for 5 s…`);
    const base = await run({ url: `${server.base}/api/health`, headers: {}, connections: CONNECTIONS, duration: 5 });
    console.log(`load: ${CONNECTIONS} connections for ${DURATION_S} s…`);
    const r = await run({ url, headers, connections: CONNECTIONS, duration: DURATION_S });
    const loadRss = rssMiB(server.pid);
    await sleep(3000);
    const settledRss = rssMiB(server.pid);

    const ok = r.requests.total - r.non2xx;
    const mib = (v: number | null) => (v === null ? 'n/a' : `${v.toFixed(0)} MiB`);
    const verdict = (good: boolean) => (good ? 'ok' : 'MISSED');
    const rows: [string, string, string, string][] = [
      ['requests/s (mean)', r.requests.average.toFixed(0), '', ''],
      ['latency p50', `${r.latency.p50} ms`, '', ''],
      ['latency p99', `${r.latency.p99} ms`, `< ${TARGET_P99_MS} ms`, verdict(r.latency.p99 < TARGET_P99_MS)],
      ['latency max', `${r.latency.max} ms`, '', ''],
      ['requests 2xx / total', `${ok} / ${r.requests.total}`, '', ''],
      ['errors, timeouts', `${r.errors}, ${r.timeouts}`, '', ''],
      ['baseline /api/health', `${base.requests.average.toFixed(0)} r/s, p99 ${base.latency.p99} ms`, '', ''],
      [
        'RSS idle, first start',
        mib(seededRss),
        `< ${TARGET_IDLE_RSS_MIB} MiB`,
        seededRss === null ? '' : verdict(seededRss < TARGET_IDLE_RSS_MIB),
      ],
      [
        'RSS idle after restart',
        mib(idleRss),
        `< ${TARGET_IDLE_RSS_MIB} MiB`,
        idleRss === null ? '' : verdict(idleRss < TARGET_IDLE_RSS_MIB),
      ],
      ['RSS right after load', mib(loadRss), '', ''],
      ['RSS 3 s after load', mib(settledRss), '', ''],
    ];
    console.log(
      `\ntree-read bench — ${dbName}, ${body.nodes.length} nodes, ${CONNECTIONS} connections, ${DURATION_S} s, ${os.cpus().length} cores, node ${process.version}`,
    );
    console.log(`  ${'measure'.padEnd(24)} ${'measured'.padStart(24)}  ${'target'.padEnd(12)} verdict`);
    for (const [name, value, target, v] of rows)
      console.log(`  ${name.padEnd(24)} ${value.padStart(24)}  ${target.padEnd(12)} ${v}`);
    console.log(`total ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    if (r.non2xx > 0 || r.errors > 0)
      console.log(`!! ${r.non2xx} non-2xx answers and ${r.errors} errors: the figures above include failures`);
  } finally {
    await cleanup();
  }
}

function run(opts: {
  url: string;
  headers: Record<string, string>;
  connections: number;
  duration: number;
}): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ ...opts, method: 'GET' }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

bench().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
