import path from 'node:path';
import { readConfig } from '../src/server/config';
import { backupDatabase } from '../src/server/db/backup';
import { openForCli } from './db-open';

/** npm run backup [-- FILE]: writes the whole database to one file (default: backups/cedu-<time>.jsonl.gz). */
const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
const file = path.resolve(process.argv[2] ?? `backups/cedu-${stamp}.jsonl.gz`);
const database = await openForCli();
try {
  const t = Date.now();
  const r = await backupDatabase(database, file, { filesDir: readConfig().filesDir });
  console.log(
    `备份完成 backup written: ${file}\n  ${r.tables} tables, ${r.rows} rows, ${r.blobs} uploaded files, ${Date.now() - t} ms`,
  );
} finally {
  await database.close();
}
