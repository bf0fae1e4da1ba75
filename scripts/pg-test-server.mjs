// A throwaway PostgreSQL server for tests and benches: a fresh cluster in a temp dir,
// listening on 127.0.0.1 on a free port with trust auth, fsync off. Stopped and removed by
// stop(), and also when this process exits, even on failure or Ctrl-C.
//
//   import { findPgBin, startPgTestServer } from './pg-test-server.mjs';
//   const pg = await startPgTestServer();   // pg.url = postgres://postgres@127.0.0.1:PORT/postgres
//   ...; await pg.stop();
//
// As a command: `node scripts/pg-test-server.mjs [-- cmd args…]` runs cmd with DATABASE_URL
// set (or, without a command, keeps the server up until Ctrl-C).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The directory holding initdb and pg_ctl (newest Debian version first), or null. */
export function findPgBin() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  try {
    const versions = fs
      .readdirSync('/usr/lib/postgresql')
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(`/usr/lib/postgresql/${v}/bin`);
  } catch {
    /* no Debian packages */
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) candidates.push(dir);
  for (const dir of candidates) {
    if (isExecutable(path.join(dir, 'initdb')) && isExecutable(path.join(dir, 'pg_ctl'))) return dir;
  }
  return null;
}

/** A TCP port on 127.0.0.1 nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts a fresh cluster. Resolves to { url, port, host, dataDir, version, stop() }.
 * initdb refuses to run as root, so as root the cluster belongs to the `postgres` user.
 */
export async function startPgTestServer({ log = (line) => console.log(line), port } = {}) {
  const bin = findPgBin();
  if (!bin) throw new Error('PostgreSQL server binaries (initdb, pg_ctl) not found: apt-get install postgresql');
  const asUser = runAsPrefix();
  // As root the cluster's owner must reach it: /tmp, whatever TMPDIR says (it may be private).
  const base = fs.mkdtempSync(path.join(asUser ? '/tmp' : os.tmpdir(), 'cedu-pg-'));
  const dataDir = path.join(base, 'data');
  const logFile = path.join(base, 'server.log');
  let started = false;
  let stopped = false;

  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', stop);
    if (started) {
      spawnSync(
        ...cmd(asUser, path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', '-t', '30', 'stop']),
        { stdio: 'ignore' },
      );
    }
    fs.rmSync(base, { recursive: true, force: true });
  };
  process.on('exit', stop); // a last resort: exit handlers run synchronously, so does stop

  try {
    if (asUser) {
      const { uid, gid } = asUser;
      fs.chownSync(base, uid, gid);
    }
    run(
      asUser,
      path.join(bin, 'initdb'),
      ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
      'initdb',
    );
    port ??= await freePort();
    const opts = [
      `-p ${port}`,
      `-k ${base}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=300',
      '-c shared_buffers=128MB',
    ].join(' ');
    run(
      asUser,
      path.join(bin, 'pg_ctl'),
      ['-D', dataDir, '-l', logFile, '-o', opts, '-w', '-t', '60', 'start'],
      'pg_ctl start',
      logFile,
    );
    started = true;
  } catch (err) {
    stop();
    throw err;
  }
  const version = path.basename(path.dirname(bin));
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  log(`PostgreSQL ${version} test server on 127.0.0.1:${port} (${dataDir})`);
  return { url, port, host: '127.0.0.1', dataDir, version, stop: async () => stop() };
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** As root: who to run the server as and how (runuser, else su); otherwise null. */
function runAsPrefix() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  let uid;
  let gid;
  try {
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  } catch {
    throw new Error('running as root but there is no `postgres` user to own the test cluster (initdb refuses root)');
  }
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find(isExecutable);
  return { uid, gid, runuser };
}

function shellQuote(s) {
  return `'${String(s).replace(/'/g, `'\\''`)}'`;
}

function cmd(asUser, file, args) {
  if (!asUser) return [file, args];
  if (asUser.runuser) return [asUser.runuser, ['-u', 'postgres', '--', file, ...args]];
  return ['su', ['postgres', '-s', '/bin/sh', '-c', [file, ...args].map(shellQuote).join(' ')]];
}

function run(asUser, file, args, what, logFile) {
  const [c, a] = cmd(asUser, file, args);
  const res = spawnSync(c, a, { encoding: 'utf8', cwd: os.tmpdir() });
  if (res.status !== 0) {
    let serverLog = '';
    try {
      if (logFile) serverLog = `\n--- server log ---\n${fs.readFileSync(logFile, 'utf8')}`;
    } catch {
      /* none written */
    }
    throw new Error(
      `${what} failed (exit ${res.status ?? res.signal}): ${res.error?.message ?? ''}\n${res.stdout ?? ''}${res.stderr ?? ''}${serverLog}`,
    );
  }
}

// As a command.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dash = process.argv.indexOf('--');
  const command = dash >= 0 ? process.argv.slice(dash + 1) : [];
  const server = await startPgTestServer();
  const finish = async (code) => {
    await server.stop();
    process.exit(code);
  };
  if (command.length === 0) {
    console.log(`DATABASE_URL=${server.url}\nCtrl-C stops and removes it.`);
    process.on('SIGINT', () => void finish(0));
    process.on('SIGTERM', () => void finish(0));
    setInterval(() => {}, 1 << 30);
  } else {
    const child = spawn(command[0], command.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: server.url },
    });
    process.on('SIGINT', () => {}); // the child gets it too; clean up once it has gone
    process.on('SIGTERM', () => child.kill('SIGTERM'));
    child.on('error', (err) => {
      console.error(err.message);
      void finish(127);
    });
    child.on('exit', (code, signal) => void finish(code ?? (signal ? 130 : 1)));
  }
}
