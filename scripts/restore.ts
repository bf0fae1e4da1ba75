import fs from 'node:fs';
import path from 'node:path';
import { readConfig } from '../src/server/config';
import { restoreDatabase, RestoreError } from '../src/server/db/backup';
import { openForCli } from './db-open';

/** npm run restore -- FILE: loads a backup into an empty database (CEDU_DATA_DIR or DATABASE_URL). */
const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error('用法 usage: npm run restore -- <backup-file>   (the target data directory or database must be empty)');
  process.exit(2);
}
process.env.CEDU_NO_DEMO = '1';
const database = await openForCli();
try {
  const t = Date.now();
  const r = await restoreDatabase(database, path.resolve(file), { filesDir: readConfig().filesDir });
  console.log(`恢复完成 restored: ${r.tables} tables, ${r.rows} rows, ${r.blobs} uploaded files, ${Date.now() - t} ms`);
} catch (err) {
  if (err instanceof RestoreError) {
    console.error(err.message);
    process.exitCode = 1;
  } else throw err;
} finally {
  await database.close();
}
