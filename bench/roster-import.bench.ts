// `npm run bench:import`: import of a generated 100,000-row roster (~1% bad rows) and export
// of the same, on the real server (fresh PGlite data dir, demo county), as the town admin.
// Then a zip bomb at the default limits (time to refusal, peak RSS). Prints time and peak server RSS per phase, and the /api/health latency (polled every 50 ms
// throughout) so a phase that freezes the server shows. Loopback only; bounded in time.
//
// Env: BENCH_ROWS (default 100000), BENCH_PG=1 to run the server on a throwaway PostgreSQL cluster.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPgTestServer } from '../scripts/pg-test-server.mjs';
import { buildBomb } from '../test/fixtures/roster-bomb';
import { importLimits } from '../src/modules/imports/roster-limits';
import { generateRoster } from './roster-generator';
import {
  login,
  rssMiB,
  sleep,
  startServer,
  stopServer,
  waitHealthy,
  type ServerChild,
  type Session,
} from './server-process';

const ROWS = Number(process.env.BENCH_ROWS || 100_000);
const TARGETS = { importS: 20, exportS: 10, healthMs: 100 };

type Phase = {
  name: string;
  ms: number;
  peakRss: number;
  healthMax: number;
  healthP99: number;
  polls: number;
  note: string;
};

/** Polls /api/health every 50 ms and samples the server's RSS, until stopped. */
function monitor(server: ServerChild) {
  const latencies: number[] = [];
  let peak = 0;
  let running = true;
  const health = (async () => {
    while (running) {
      const t0 = performance.now();
      try {
        await (await fetch(`${server.base}/api/health`, { signal: AbortSignal.timeout(30_000) })).arrayBuffer();
      } catch {
        /* counted as its elapsed time */
      }
      latencies.push(performance.now() - t0);
      await sleep(50);
    }
  })();
  const rss = setInterval(() => (peak = Math.max(peak, rssMiB(server.pid) ?? 0)), 100);
  return {
    async stop() {
      running = false;
      clearInterval(rss);
      await health;
      const sorted = [...latencies].sort((a, b) => a - b);
      return {
        max: sorted.at(-1) ?? 0,
        p99: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0,
        polls: sorted.length,
        peak,
      };
    },
  };
}

async function phase(server: ServerChild, name: string, fn: () => Promise<string>): Promise<Phase> {
  const m = monitor(server);
  const t0 = performance.now();
  const note = await fn();
  const ms = performance.now() - t0;
  const r = await m.stop();
  return { name, ms, peakRss: r.peak, healthMax: r.max, healthP99: r.p99, polls: r.polls, note };
}

async function api(server: ServerChild, s: Session, method: string, url: string, body?: unknown) {
  const res = await fetch(`${server.base}${url}`, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

async function bench(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cedu-bench-import-'));
  let server: ServerChild | undefined;
  const pg = process.env.BENCH_PG === '1' ? await startPgTestServer() : null;
  const dbName = pg ? `PostgreSQL ${pg.version}` : 'PGlite';
  const cleanup = async () => {
    if (server) await stopServer(server);
    await pg?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    server = await startServer({ dataDir, env: pg ? { DATABASE_URL: pg.url } : {} });
    await waitHealthy(server, 120_000);
    const s = await login(server.base, 'town');
    const tree = (await api(server, s, 'GET', '/api/org/tree')).nodes as { id: string; level: string; name: string }[];
    const town = tree.find((n) => n.level === 'town')!;
    const villages = tree.filter((n) => n.level === 'centre').map((n) => n.name);
    const t0 = performance.now();
    const { file, bad } = await generateRoster(ROWS, villages);
    console.log(
      `${dbName}; generated ${ROWS} rows (${bad} bad) for ${town.name} in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${(file.length / 1048576).toFixed(1)} MB`,
    );
    await sleep(1000);
    const idle = rssMiB(server.pid) ?? 0;
    const upload = { nodeId: town.id, fileName: 'roster-100k.xlsx', contentBase64: file.toString('base64') };

    const phases: Phase[] = [];
    let jobId = '';
    phases.push(
      await phase(server, 'import: preview', async () => {
        const job = await api(server!, s, 'POST', '/api/imports/residents', upload);
        jobId = job.id;
        return `good ${job.counts.good}, bad ${job.counts.bad}, new ${job.counts.new}`;
      }),
    );
    phases.push(
      await phase(server, 'import: commit', async () => {
        const job = await api(server!, s, 'POST', `/api/imports/${jobId}/commit`);
        return `created ${job.result.created}, updated ${job.result.updated}`;
      }),
    );
    phases.push(
      await phase(server, 'export', async () => {
        const res = await fetch(`${server!.base}/api/residents/export.xlsx?nodeId=${town.id}`, {
          headers: { cookie: s.cookie },
        });
        if (!res.ok) throw new Error(`export: ${res.status}`);
        const bytes = (await res.arrayBuffer()).byteLength;
        return `${(bytes / 1048576).toFixed(1)} MB`;
      }),
    );
    phases.push(
      await phase(server, 're-import: preview', async () => {
        const job = await api(server!, s, 'POST', '/api/imports/residents', { ...upload, fileName: 'again.xlsx' });
        jobId = job.id;
        return `unchanged ${job.counts.unchanged}, new ${job.counts.new}, update ${job.counts.update}`;
      }),
    );
    phases.push(
      await phase(server, 're-import: commit', async () => {
        const job = await api(server!, s, 'POST', `/api/imports/${jobId}/commit`);
        return `created ${job.result.created}, updated ${job.result.updated}, unchanged ${job.result.unchanged}`;
      }),
    );

    // A zip bomb at the default limits: small on disk, several hundred MB of sheet XML inside.
    const limits = importLimits();
    const bombRows = Math.ceil((limits.maxXmlBytes * 1.5) / 130);
    const bomb = buildBomb(bombRows, { numbered: false });
    await sleep(1000);
    phases.push(
      await phase(server, 'bomb: refused', async () => {
        const res = await fetch(`${server!.base}/api/imports/residents`, {
          method: 'POST',
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
          body: JSON.stringify({ nodeId: town.id, fileName: 'bomb.xlsx', contentBase64: bomb.toString('base64') }),
        });
        const body = (await res.json()) as { error?: { issues?: { messageEn: string }[] } };
        if (res.status !== 400) throw new Error(`bomb: expected 400, got ${res.status}`);
        return `${(bomb.length / 1024).toFixed(0)} KB file, ${((bombRows * 130) / 1048576).toFixed(0)} MB of XML, ${bombRows} rows → ${res.status}: ${body.error?.issues?.[0]?.messageEn.slice(0, 60)}`;
      }),
    );

    console.log(
      `limits: ${limits.maxRows} rows, ${(limits.maxXmlBytes / 1048576).toFixed(0)} MB of XML, reader heap ${limits.heapMb} MB`,
    );
    console.log(`server RSS idle before: ${idle.toFixed(0)} MiB`);
    console.log('phase                 time      peak RSS   /api/health max   p99   (polls)  result');
    for (const p of phases) {
      console.log(
        `${p.name.padEnd(20)} ${(p.ms / 1000).toFixed(1).padStart(6)} s  ${p.peakRss.toFixed(0).padStart(6)} MiB  ${p.healthMax.toFixed(0).padStart(8)} ms  ${p.healthP99.toFixed(0).padStart(5)} ms  (${p.polls})  ${p.note}`,
      );
    }
    const importS = (phases[0].ms + phases[1].ms) / 1000;
    const exportS = phases[2].ms / 1000;
    const healthMax = Math.max(...phases.map((p) => p.healthMax));
    console.log(
      `import (preview + commit) ${importS.toFixed(1)} s (target < ${TARGETS.importS} s): ${importS < TARGETS.importS ? 'ok' : 'MISSED'}`,
    );
    console.log(
      `export ${exportS.toFixed(1)} s (target < ${TARGETS.exportS} s): ${exportS < TARGETS.exportS ? 'ok' : 'MISSED'}`,
    );
    console.log(
      `/api/health max ${healthMax.toFixed(0)} ms (target < ${TARGETS.healthMs} ms): ${healthMax < TARGETS.healthMs ? 'ok' : 'MISSED'}`,
    );
  } finally {
    await cleanup();
  }
}

await bench();
