// `npm run bench:crash`: does every write the server acknowledged survive a crash?
//
// Round after round on ONE PGlite data dir: start the server, sign in, fire writes (new
// units `crash-<round>-<i>` under a town, several in flight at once), SIGKILL the server at
// a random moment 50–1500 ms into the writes, and remember every write answered 201. The
// next round's start must take over the dead process's lock by itself, and every id
// acknowledged so far must be readable (GET /api/org/nodes/:id → 200). At the end, the
// audit hash chain is verified as `admin`. Loopback only; bounded in rounds and time.
//
// Env: CRASH_ROUNDS (default 50), CRASH_MAX_SECONDS (default 540), CRASH_CONCURRENCY (4).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { login, sleep, startServer, stopServer, waitHealthy, type ServerChild, type Session } from './server-process';

const ROUNDS = Number(process.env.CRASH_ROUNDS || 50);
const MAX_MS = Number(process.env.CRASH_MAX_SECONDS || 540) * 1000;
const CONCURRENCY = Number(process.env.CRASH_CONCURRENCY || 4);
const TOWN = '云台镇';

type Ack = { round: number; name: string; id: string };

const stats = {
  rounds: 0,
  acked: 0,
  found: 0,
  missing: [] as Ack[],
  restartFailures: 0,
  unexpected: 0,
  verifiedChecks: 0,
};

async function crashBench(): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cedu-crash-'));
  const t0 = Date.now();
  const acked: Ack[] = [];
  let server: ServerChild | undefined;
  let townId = '';
  process.on('SIGINT', () => {
    server?.child.kill('SIGKILL');
    console.error(`\ninterrupted; data dir kept at ${dataDir}`);
    process.exit(130);
  });
  console.log(`crash-safety: up to ${ROUNDS} rounds, ${CONCURRENCY} writes in flight, data dir ${dataDir}`);

  let lastRoundAcks: Ack[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    if (Date.now() - t0 > MAX_MS) {
      console.log(`time cap of ${MAX_MS / 1000} s reached after ${round - 1} rounds`);
      break;
    }
    server = await startServer({ dataDir });
    let upMs: number;
    try {
      upMs = await waitHealthy(server, 60_000);
    } catch (err) {
      stats.restartFailures++;
      console.error(
        `round ${round}: the server did not start after a crash:\n${err instanceof Error ? err.message : err}`,
      );
      server.child.kill('SIGKILL');
      break;
    }
    const session = await loginRetrying(server.base, 'town');
    if (!townId) townId = await findNode(server.base, session, TOWN);

    // What the previous round acknowledged must be there now.
    const check = await checkPresent(server.base, session, lastRoundAcks);
    stats.found += check.found;
    stats.missing.push(...check.missing);

    const killAfter = 50 + Math.floor(Math.random() * 1450);
    const roundAcks: Ack[] = [];
    let killed = false;
    let seq = 0;
    const writesStarted = Date.now();
    const killer = setTimeout(() => {
      killed = true;
      server!.child.kill('SIGKILL');
    }, killAfter);
    const worker = async () => {
      while (!killed) {
        const name = `crash-${round}-${seq++}`;
        let res: Response;
        try {
          res = await fetch(`${server!.base}/api/org/nodes`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
            body: JSON.stringify({ parentId: townId, level: 'unit', unitKind: 'other', name, sortOrder: 0 }),
          });
        } catch {
          return; // the connection died with the server: not acknowledged
        }
        let body: { id?: string } | string;
        try {
          body = res.status === 201 ? ((await res.json()) as { id?: string }) : await res.text();
        } catch {
          return; // the answer was cut off: not acknowledged
        }
        if (res.status === 201 && typeof body === 'object' && body.id) {
          roundAcks.push({ round, name, id: body.id });
        } else {
          stats.unexpected++;
          if (stats.unexpected <= 5)
            console.error(`round ${round}: POST ${name} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    clearTimeout(killer);
    const code = await server.exited;
    acked.push(...roundAcks);
    stats.acked += roundAcks.length;
    stats.verifiedChecks += lastRoundAcks.length;
    stats.rounds = round;
    console.log(
      `round ${String(round).padStart(2)}: up in ${(upMs / 1000).toFixed(1)} s, round ${round - 1}'s ${check.found}/${lastRoundAcks.length} found, ` +
        `killed after ${String(Date.now() - writesStarted).padStart(4)} ms (exit ${code}), ${roundAcks.length} writes acknowledged`,
    );
    lastRoundAcks = roundAcks;
  }

  // A last restart: everything acknowledged in any round must be there, and the audit
  // chain must be whole. Then a clean stop, which must exit 0.
  let auditOk = false;
  let auditLine = 'not checked';
  let cleanStop = false;
  if (stats.restartFailures === 0) {
    server = await startServer({ dataDir });
    try {
      await waitHealthy(server, 60_000);
      const session = await loginRetrying(server.base, 'town');
      const last = await checkPresent(server.base, session, lastRoundAcks);
      stats.found += last.found;
      stats.missing.push(...last.missing);
      stats.verifiedChecks += lastRoundAcks.length;
      const all = await checkPresent(server.base, session, acked);
      if (all.missing.length) {
        for (const m of all.missing) if (!stats.missing.some((x) => x.id === m.id)) stats.missing.push(m);
      }
      console.log(`final check: ${all.found}/${acked.length} acknowledged writes of all rounds present`);
      const admin = await loginRetrying(server.base, 'admin');
      const res = await fetch(`${server.base}/api/audit/verify`, { headers: { cookie: admin.cookie } });
      const body = (await res.json()) as { ok?: boolean; rows?: number; brokenAt?: number | null };
      auditOk = res.status === 200 && body.ok === true;
      auditLine =
        res.status === 200
          ? `${body.ok ? 'ok' : `BROKEN at row ${body.brokenAt}`}, ${body.rows} rows`
          : `HTTP ${res.status} ${JSON.stringify(body)}`;
    } catch (err) {
      stats.restartFailures++;
      console.error(`final restart failed:\n${err instanceof Error ? err.message : err}`);
    } finally {
      const code = await stopServer(server);
      cleanStop = code === 0;
    }
  }

  const seconds = (Date.now() - t0) / 1000;
  const failed = stats.missing.length > 0 || stats.restartFailures > 0 || !auditOk || !cleanStop;
  console.log(`\ncrash-safety result`);
  console.log(`  rounds (SIGKILL each)     ${stats.rounds}${stats.rounds < ROUNDS ? ` of ${ROUNDS}` : ''}`);
  console.log(`  writes acknowledged       ${stats.acked}`);
  console.log(
    `  writes found              ${stats.acked - stats.missing.length} (checked after the next restart, and all again at the end)`,
  );
  console.log(
    `  missing                   ${stats.missing.length}${stats.missing.length ? '  <-- LOST ACKNOWLEDGED WRITES' : ''}`,
  );
  console.log(`  restart failures          ${stats.restartFailures}`);
  console.log(`  other answers than 201    ${stats.unexpected}`);
  console.log(`  audit chain               ${auditLine}`);
  console.log(`  clean stop at the end     ${cleanStop ? 'yes' : 'NO'}`);
  console.log(`  time                      ${seconds.toFixed(0)} s`);
  for (const m of stats.missing.slice(0, 20)) console.log(`  missing: round ${m.round} ${m.name} ${m.id}`);
  if (failed) {
    console.log(`FAILED — data dir kept for inspection: ${dataDir}`);
    return 1;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  console.log('OK: every acknowledged write survived');
  return 0;
}

/** Signs in, waiting out the login rate limit if a fast run reaches it. */
async function loginRetrying(base: string, user: string): Promise<Session> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await login(base, user);
    } catch (err) {
      if (attempt >= 5 || !String(err).includes(' 429 ')) throw err;
      await sleep(15_000);
    }
  }
}

async function findNode(base: string, s: Session, name: string): Promise<string> {
  const res = await fetch(`${base}/api/org/tree`, { headers: { cookie: s.cookie } });
  const { nodes } = (await res.json()) as { nodes: { id: string; name: string; level: string }[] };
  const node = nodes.find((n) => n.name === name);
  if (!node) throw new Error(`no node named ${name} in the tree`);
  return node.id;
}

/** GETs each id, a few at a time; 200 = present, 404 = missing, anything else throws. */
async function checkPresent(base: string, s: Session, acks: Ack[]): Promise<{ found: number; missing: Ack[] }> {
  let found = 0;
  const missing: Ack[] = [];
  let next = 0;
  const worker = async () => {
    while (next < acks.length) {
      const a = acks[next++];
      const res = await fetch(`${base}/api/org/nodes/${a.id}`, { headers: { cookie: s.cookie } });
      await res.arrayBuffer();
      if (res.status === 200) found++;
      else if (res.status === 404) missing.push(a);
      else throw new Error(`GET /api/org/nodes/${a.id} answered ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return { found, missing };
}

crashBench().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
