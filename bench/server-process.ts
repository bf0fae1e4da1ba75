// Helpers shared by the benches: run the real server as a child process on loopback,
// wait for it, sign in, read its memory. Only 127.0.0.1 is ever contacted.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO_PASSWORD = process.env.CEDU_DEMO_PASSWORD || 'Cedu@2026demo';

export type ServerChild = {
  child: ChildProcess;
  pid: number;
  port: number;
  base: string;
  /** Everything the server printed, for error reports. */
  output: () => string;
  /** Resolves with the exit code (or 128+signal) once the process has gone. */
  exited: Promise<number>;
};

/** A TCP port on 127.0.0.1 nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts src/server/main.ts in its own node process (not through the tsx CLI, which would
 * put a wrapper process between us and the server: the pid must be the server's own).
 */
export async function startServer(opts: {
  dataDir: string;
  port?: number;
  env?: Record<string, string>;
}): Promise<ServerChild> {
  const port = opts.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL; // PGlite unless the caller names a server
  delete env.CEDU_WEB_DIR;
  Object.assign(
    env,
    { PORT: String(port), HOST: '127.0.0.1', CEDU_DATA_DIR: opts.dataDir, LOG_LEVEL: 'warn', CEDU_DEMO: '1' },
    opts.env,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/server/main.ts')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (b: Buffer) => {
    out += b.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + (signalNumber[signal] ?? 0) : 1)));
  });
  return { child, pid: child.pid!, port, base: `http://127.0.0.1:${port}`, output: () => out, exited };
}

const signalNumber: Record<string, number> = { SIGKILL: 9, SIGTERM: 15, SIGINT: 2 };

/** Polls /api/health until it answers ok; throws if the process exits or time runs out. */
export async function waitHealthy(server: ServerChild, timeoutMs = 60_000): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(
        `server exited (${server.child.exitCode ?? server.child.signalCode}) before it was healthy:\n${server.output()}`,
      );
    }
    try {
      const res = await fetch(`${server.base}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok && ((await res.json()) as { status?: string }).status === 'ok') return Date.now() - t0;
    } catch {
      /* not listening yet */
    }
    await sleep(50);
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${server.output()}`);
}

export type Session = { cookie: string; csrf: string };

/** Signs in; returns the session cookie and the CSRF token for writes. */
export async function login(base: string, user: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: user, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${user} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('cedu_session='));
  if (!cookie) throw new Error(`login as ${user}: no cedu_session cookie`);
  return { cookie, csrf: body.csrfToken };
}

/** Resident memory of a process in MiB, from /proc/<pid>/status (Linux). */
export function rssMiB(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Stops the child: SIGTERM, then SIGKILL if it lingers. */
export async function stopServer(server: ServerChild, graceMs = 10_000): Promise<number> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return server.exited;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), graceMs);
  const code = await server.exited;
  clearTimeout(timer);
  return code;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
