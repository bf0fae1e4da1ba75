import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { once } from 'node:events';
import type { Database, QueryFn } from './client';

/**
 * A logical backup of every table: gzip'd JSON lines. Line 1 is a header; then for each
 * table a `{"table": …}` line followed by one line per row, exactly as PostgreSQL's
 * row_to_json wrote it (never parsed by JavaScript, so bigints and timestamps stay exact).
 * The same file restores into PGlite or a PostgreSQL server.
 */
export const BACKUP_FORMAT = 'cedu-backup';
const BATCH = 2000;

type Header = {
  format: string;
  version: 1;
  createdAt: string;
  migrations: number;
  source: string;
  tables: string[];
  blobs?: number;
};

/**
 * Uploaded files (`stored_files`: the bytes and thumbnails under CEDU_FILES_DIR) travel in
 * the same file after the tables, one `{"blob": key, "data": base64}` line each, so a restore
 * brings back the photos and materials the rows point at.
 */
const BLOB_KEY = /^[0-9a-f]{2}\/[0-9a-f]{32}$/;
export type BackupOptions = { filesDir?: string };

/** The app nodes' own state (when each periodic job ran), not data: a restore starts it afresh. */
const NOT_BACKED_UP = ['scheduled_jobs'];

/** Tables in an order that satisfies foreign keys (parents first). */
async function tablesInOrder(query: QueryFn): Promise<string[]> {
  const tables = (
    await query<{ t: string }>(
      `select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    )
  )
    .map((r) => r.t)
    .filter((t) => !NOT_BACKED_UP.includes(t));
  const deps = await query<{ child: string; parent: string }>(`
    select c.relname as child, p.relname as parent from pg_constraint k
    join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'f' and n.nspname = 'public' and c.relname <> p.relname`);
  const out: string[] = [];
  const visit = (t: string, seen: Set<string>) => {
    if (out.includes(t) || seen.has(t)) return;
    seen.add(t);
    for (const d of deps.filter((x) => x.child === t)) visit(d.parent, seen);
    out.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return out;
}

/** Rows in an order that lets them insert again: tree tables by depth, others by primary key. */
async function orderClause(query: QueryFn, table: string): Promise<string> {
  const cols = (
    await query<{ c: string }>(
      `select column_name as c from information_schema.columns where table_schema='public' and table_name=$1`,
      [table],
    )
  ).map((r) => r.c);
  if (cols.includes('depth')) return 'order by depth, 1';
  return 'order by 1';
}

async function migrationCount(query: QueryFn): Promise<number> {
  const [r] = await query<{ n: string }>(`select count(*)::text as n from drizzle.__drizzle_migrations`);
  return Number(r.n);
}

export async function backupDatabase(
  database: Database,
  file: string,
  opts: BackupOptions = {},
): Promise<{ tables: number; rows: number; blobs: number }> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.partial`;
  const gz = zlib.createGzip();
  const out = fs.createWriteStream(tmp);
  gz.pipe(out);
  const write = async (line: string) => {
    if (!gz.write(line + '\n')) await once(gz, 'drain');
  };
  let rows = 0;
  let tableCount = 0;
  let blobs = 0;
  // One snapshot for the whole dump, so related tables agree with each other.
  await database.transaction(
    async (query) => {
      const tables = await tablesInOrder(query);
      tableCount = tables.length;
      const header: Header = {
        format: BACKUP_FORMAT,
        version: 1,
        createdAt: new Date().toISOString(),
        migrations: await migrationCount(query),
        source: database.kind,
        tables,
      };
      await write(JSON.stringify(header));
      for (const t of tables) {
        await write(JSON.stringify({ table: t }));
        const order = await orderClause(query, t);
        for (let offset = 0; ; offset += BATCH) {
          const batch = await query<{ j: string }>(
            `select row_to_json(x)::text as j from "${t}" x ${order} limit ${BATCH} offset ${offset}`,
          );
          for (const r of batch) await write(r.j);
          rows += batch.length;
          if (batch.length < BATCH) break;
        }
      }
      if (opts.filesDir && tables.includes('stored_files')) {
        const keys = await query<{ k: string }>(
          `select storage_key as k from stored_files union select thumbnail_key from stored_files where thumbnail_key is not null order by 1`,
        );
        for (const { k } of keys) {
          if (!BLOB_KEY.test(k)) continue;
          const p = path.join(opts.filesDir, k);
          if (!fs.existsSync(p)) continue;
          await write(JSON.stringify({ blob: k, data: (await fs.promises.readFile(p)).toString('base64') }));
          blobs++;
        }
      }
    },
    { readOnlySnapshot: true },
  );
  gz.end();
  await once(out, 'close');
  fs.renameSync(tmp, file);
  return { tables: tableCount, rows, blobs };
}

export class RestoreError extends Error {}

/** Loads a backup into an empty, migrated database, in one transaction. */
export async function restoreDatabase(
  database: Database,
  file: string,
  opts: BackupOptions = {},
): Promise<{ tables: number; rows: number; blobs: number }> {
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(zlib.createGunzip()),
    crlfDelay: Infinity,
  });
  const it = lines[Symbol.asyncIterator]();
  const first = await it.next();
  const header = first.done ? null : (JSON.parse(first.value) as Header);
  if (!header || header.format !== BACKUP_FORMAT) throw new RestoreError('不是 cedu 备份文件 (not a cedu backup file)');
  let table = '';
  let batch: string[] = [];
  let rows = 0;
  const written: string[] = [];
  try {
    await database.transaction(async (query) => {
      const have = await migrationCount(query);
      if (have !== header.migrations) {
        throw new RestoreError(
          `备份来自数据库版本 ${header.migrations}，当前程序为版本 ${have}；请用相同版本的程序恢复。(backup schema version ${header.migrations}, this program ${have})`,
        );
      }
      for (const t of header.tables) {
        const [r] = await query<{ n: string }>(`select count(*)::text as n from "${t}"`);
        if (Number(r.n) > 0)
          throw new RestoreError(
            `目标数据库不是空的（${t} 已有 ${r.n} 行），未做任何修改。(the target database is not empty: ${t} has rows; nothing was changed)`,
          );
      }
      const flush = async () => {
        if (!batch.length) return;
        await query(`insert into "${table}" select * from json_populate_recordset(null::"${table}", $1::json)`, [
          `[${batch.join(',')}]`,
        ]);
        rows += batch.length;
        batch = [];
      };
      await query(`select set_config('cedu.restoring', 'on', true)`);
      for (let n = await it.next(); !n.done; n = await it.next()) {
        const line = n.value;
        if (!line) continue;
        if (line.startsWith('{"blob":')) {
          await flush();
          const { blob, data } = JSON.parse(line) as { blob: string; data: string };
          if (!BLOB_KEY.test(blob)) throw new RestoreError(`bad file name in backup: ${blob}`);
          if (!opts.filesDir) continue;
          const p = path.join(opts.filesDir, blob);
          await fs.promises.mkdir(path.dirname(p), { recursive: true, mode: 0o700 });
          await fs.promises.writeFile(p, Buffer.from(data, 'base64'), { mode: 0o600, flag: 'wx' });
          written.push(p);
          continue;
        }
        if (line.startsWith('{"table":')) {
          await flush();
          table = (JSON.parse(line) as { table: string }).table;
          if (!header.tables.includes(table)) throw new RestoreError(`unknown table ${table}`);
          continue;
        }
        batch.push(line);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      // Sequences continue after the restored ids.
      const seqs = await query<{ t: string; c: string }>(`
        select table_name as t, column_name as c from information_schema.columns
        where table_schema = 'public' and column_default like 'nextval(%'`);
      for (const s of seqs) {
        await query(
          `select setval(pg_get_serial_sequence('"${s.t}"', '${s.c}'), coalesce((select max("${s.c}") from "${s.t}"), 0) + 1, false)`,
        );
      }
    });
  } catch (err) {
    // Nothing half restored: the transaction rolled back, so the files go too.
    for (const p of written) fs.rmSync(p, { force: true });
    throw err;
  }
  return { tables: header.tables.length, rows, blobs: written.length };
}
