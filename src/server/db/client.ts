import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from '../../db/schema';
import { createCacheBus, listenOnServer, registerCacheBus, sessionListener, type CacheBus } from '../cache-bus';
import { lockDataDir } from './lock';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle or the database: services accept either. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbKind = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  kind: DbKind;
  /** Runs plain SQL with parameters; rows as plain objects. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction on one connection (plain SQL; commit unless it throws). */
  transaction<R>(fn: (query: QueryFn) => Promise<R>, opts?: { readOnlySnapshot?: boolean }): Promise<R>;
  close(): Promise<void>;
  /** What this node's caches hear of changes in the database (server/cache-bus.ts). */
  bus: CacheBus;
  /** PGlite only: whether the database thread finished a statement within the last few seconds (busy, not stuck). */
  progressing?: () => boolean;
};

export type QueryFn = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../db/migrations');

export type OpenOptions = {
  /** postgres://… — when set, a PostgreSQL server is used. */
  url?: string;
  /** PGlite data directory, or 'memory' for a throwaway database (tests). */
  dataDir?: string;
  migrate?: boolean;
};

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const database = opts.url ? openPostgres(opts.url) : await openPglite(opts.dataDir ?? 'data');
  if (opts.migrate !== false) await migrateDatabase(database, opts.url);
  return database;
}

/** Any fixed number: the advisory lock under which nodes starting together migrate one at a time. */
const MIGRATION_LOCK = 7_140_301;

export async function migrateDatabase(database: Database, url?: string): Promise<void> {
  if (!url) return migratePg(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
  // Held on a connection of its own: session-level, released when that connection ends.
  const lock = new pg.Client({ connectionString: url, application_name: 'cedu-migrate' });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await lock.end();
  }
}

/**
 * PGlite's defaults suit a browser tab; a server process wants less memory held idle and a
 * bounded WAL on disk. 32 MB of shared buffers holds a county's working set (measured: the
 * process idles ~130 MB lower than with the default 128 MB).
 */
const PGLITE_SETTINGS = [
  '-c',
  'shared_buffers=32MB',
  '-c',
  'wal_buffers=1MB',
  '-c',
  'max_wal_size=256MB',
  '-c',
  'min_wal_size=64MB',
];

/** Socket directories left by processes that were killed (their pid is gone). */
function removeStaleSocketDirs(): void {
  try {
    for (const name of fs.readdirSync(os.tmpdir())) {
      const pid = Number(/^cedu-pglite-(\d+)-/.exec(name)?.[1]);
      if (!pid || pid === process.pid) continue;
      try {
        process.kill(pid, 0);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ESRCH')
          fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
      }
    }
  } catch {
    /* best effort: a leftover empty directory harms nothing */
  }
}

/** A PGlite thread that finished no statement for this long is stuck rather than busy. */
const PROGRESS_WINDOW_MS = 5000;

/** Creates a PGlite data directory in a child process, whose memory goes when it exits. */
async function initInChild(pgdata: string, startParams: string[]): Promise<void> {
  const { spawn } = await import('node:child_process');
  const code = `import { PGlite } from ${JSON.stringify(import.meta.resolve('@electric-sql/pglite'))};
    const pg = new PGlite(${JSON.stringify(pgdata)}, { startParams: ${JSON.stringify(startParams)} });
    await pg.waitReady;
    await pg.close();`;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (c) => (c === 0 ? resolve() : reject(new Error(`PGlite initdb exited with ${c}`))));
  });
}

/**
 * PGlite runs in a worker thread (pglite-server.worker.mjs) and is spoken to with
 * node-postgres over a Unix socket in a private directory: its WebAssembly never blocks the
 * event loop, and both databases go through the same driver. One connection: PGlite has one
 * session, so statements and transactions queue in the pool as they did in PGlite's own mutex.
 */
async function openPglite(dataDir: string): Promise<Database> {
  const memory = dataDir === 'memory';
  const release = memory ? () => {} : lockDataDir(path.resolve(dataDir));
  let worker: Worker | undefined;
  let socketDir: string | undefined;
  const progress = new SharedArrayBuffer(4);
  try {
    const startParams = [...PGlite.defaultStartParams, ...PGLITE_SETTINGS];
    const pgdata = path.resolve(dataDir, 'pgdata');
    const fresh = !memory && !fs.existsSync(path.join(pgdata, 'PG_VERSION'));
    // initdb leaves ~500 MB behind in the thread that ran it (measured): run it apart.
    if (fresh) await initInChild(pgdata, startParams);
    removeStaleSocketDirs();
    socketDir = fs.mkdtempSync(path.join(os.tmpdir(), `cedu-pglite-${process.pid}-`));
    const socketPath = path.join(socketDir, '.s.PGSQL.5432');
    worker = new Worker(new URL('./pglite-server.worker.mjs', import.meta.url), {
      workerData: { pgdata: memory ? null : pgdata, startParams, socketPath, progress },
    });
    const w = worker;
    await new Promise<void>((resolve, reject) => {
      w.once('message', (m: { ready?: boolean; error?: string }) => (m.ready ? resolve() : reject(new Error(m.error))));
      w.once('error', reject);
      w.once('exit', (code) => reject(new Error(`PGlite worker exited with ${code}`)));
    });
  } catch (err) {
    await worker?.terminate();
    if (socketDir) fs.rmSync(socketDir, { recursive: true, force: true });
    release();
    throw err;
  }
  const w = worker;
  const dir = socketDir;
  const base = openPool({ host: dir, user: 'postgres', database: 'postgres', max: 1, idleTimeoutMillis: 0 }, 'pglite');
  const ticks = new Int32Array(progress);
  let seen = 0;
  let changedAt = Date.now();
  const sampler = setInterval(() => {
    const now = Atomics.load(ticks, 0);
    if (now !== seen) [seen, changedAt] = [now, Date.now()];
  }, 200).unref();
  let closed = false;
  return {
    ...base,
    progressing: () => Date.now() - changedAt < PROGRESS_WINDOW_MS,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sampler);
      try {
        await base.close();
        await new Promise<void>((resolve) => {
          w.once('message', () => resolve());
          w.once('exit', () => resolve());
          w.postMessage('close');
        });
        await w.terminate();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
        release();
      }
    },
  };
}

function openPostgres(url: string): Database {
  return openPool({ connectionString: url, max: Number(process.env.CEDU_PG_POOL ?? 10) }, 'postgres');
}

function openPool(config: pg.PoolConfig, kind: DbKind): Database {
  const bus = createCacheBus();
  const pool = new pg.Pool(kind === 'pglite' ? { ...config, Client: sessionListener(bus) } : config);
  // An idle connection that the server ends (restart, admin) must not crash the process;
  // the pool replaces it on the next query.
  pool.on('error', (err) => console.error(`PostgreSQL connection lost: ${err.message}`));
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  registerCacheBus(db, bus);
  if (kind === 'postgres') listenOnServer(bus, config.connectionString!);
  let closed = false;
  return {
    db,
    kind,
    bus,
    async query<T>(sql: string, params?: unknown[]) {
      return (await pool.query(sql, params as unknown[])).rows as T[];
    },
    async transaction(fn, opts) {
      const conn = await pool.connect();
      try {
        await conn.query(opts?.readOnlySnapshot ? 'begin isolation level repeatable read read only' : 'begin');
        const result = await fn(
          async <T>(sql: string, params?: unknown[]) => (await conn.query(sql, params as unknown[])).rows as T[],
        );
        await conn.query('commit');
        return result;
      } catch (err) {
        await conn.query('rollback').catch(() => {});
        throw err;
      } finally {
        conn.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await bus.close();
      await pool.end();
    },
  };
}

/** The SQLSTATE of a database error, through Drizzle's wrapper. */
export function pgErrorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const code = typeof e?.cause?.code === 'string' ? e.cause.code : e?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The constraint or table named in a database error, if any. */
export function pgErrorDetail(err: unknown): { constraint?: string; table?: string } {
  const e = err as { constraint?: string; table?: string; cause?: { constraint?: string; table?: string } };
  return { constraint: e?.cause?.constraint ?? e?.constraint, table: e?.cause?.table ?? e?.table };
}
