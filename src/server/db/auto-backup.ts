import fs from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Job } from '../jobs';
import { backupDatabase } from './backup';
import type { Database } from './client';

const DAY_MS = 24 * 3600_000;
const KEEP = 7;

/**
 * PGlite never fsyncs, so the embedded database keeps its own daily backups in
 * `<data dir>/backups` (the last seven, uploaded files included), and runs VACUUM (ANALYZE)
 * after each. A PostgreSQL server has its own backup tools and autovacuum. A periodic job
 * (server/jobs.ts) that looks every hour whether the newest backup is a day old.
 */
export function autoBackupJob(
  database: Database,
  opts: { dataDir: string; filesDir: string },
  log: FastifyBaseLogger,
): Job {
  const dir = path.resolve(opts.dataDir, 'backups');
  const run = async () => {
    fs.mkdirSync(dir, { recursive: true });
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.startsWith('auto-') && f.endsWith('.jsonl.gz'))
      .sort();
    const newest = files.at(-1);
    if (newest && Date.now() - fs.statSync(path.join(dir, newest)).mtimeMs < DAY_MS - 60_000) return;
    const file = path.join(dir, `auto-${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}.jsonl.gz`);
    const r = await backupDatabase(database, file, { filesDir: opts.filesDir });
    log.info({ file, rows: r.rows, files: r.blobs }, 'automatic backup written');
    // PGlite runs no autovacuum: once a day, reclaim dead rows (sessions are touched on every
    // request) and refresh the planner's statistics.
    const t = Date.now();
    await database.query('vacuum (analyze)');
    log.info({ ms: Date.now() - t }, 'vacuum and analyze done');
    for (const old of [...files, path.basename(file)].slice(0, -KEEP)) fs.rmSync(path.join(dir, old), { force: true });
  };
  return { name: 'auto-backup', everyMs: 3600_000, leaseMs: 6 * 3600_000, run };
}
