import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from '../../db/demo';
import { verifyAuditChain } from '../../modules/audit/audit.query';
import { createTestDatabase } from '../../../test/db';
import { signIn, startTestServer, type TestServer } from '../../../test/server';
import { backupDatabase, restoreDatabase } from './backup';
import type { Database } from './client';

let s: TestServer;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cedu-backup-'));

/** Every row of every table, as PostgreSQL renders it, in a stable order. */
async function snapshot(db: Database): Promise<Record<string, string[]>> {
  const tables = (
    await db.query<{ t: string }>(
      `select table_name as t from information_schema.tables where table_schema='public' and table_type='BASE TABLE' order by 1`,
    )
  ).map((r) => r.t);
  const out: Record<string, string[]> = {};
  for (const t of tables)
    out[t] = (await db.query<{ j: string }>(`select row_to_json(x)::text as j from "${t}" x`)).map((r) => r.j).sort();
  return out;
}

beforeAll(async () => {
  s = await startTestServer();
  await seedDemoIfEmpty(s.database, 'Demo-pass-2026', s.app.protector);
  const c = await signIn(s.app, 'town', 'Demo-pass-2026');
  const tree = (await c.req('GET', '/api/org/tree')).json().nodes;
  const v = tree.find((n: { level: string }) => n.level === 'centre');
  await c.req('PUT', `/api/org/nodes/${v.id}`, {
    name: '东坡村（改）',
    longitude: 120.123456,
    latitude: 30.5,
    address: '含 "引号" 与 \\ 反斜杠\n换行',
  });
  await c.req('PUT', `/api/org/nodes/${v.id}/populations/2030`, { population: 2345 });
  // An uploaded file: its row in the database, its bytes in the files directory.
  fs.mkdirSync(path.join(filesA, 'ab'), { recursive: true });
  fs.writeFileSync(path.join(filesA, blobKey), blobBytes);
  await s.database.query(
    `insert into stored_files (node_id, purpose, original_name, mime, size, sha256, storage_key) values ($1, 'material', '讲义.pdf', 'application/pdf', $2, 'x', $3)`,
    [v.id, blobBytes.length, blobKey],
  );
});
const filesA = path.join(dir, 'files-a');
const filesB = path.join(dir, 'files-b');
const blobKey = `ab/${'0123456789abcdef'.repeat(2)}`;
const blobBytes = Buffer.from('%PDF-1.4 讲义 \u0000\u00ff bytes');
afterAll(async () => {
  await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('round-trips every table exactly, and the audit chain still verifies', async () => {
    const file = path.join(dir, 'a.jsonl.gz');
    const b = await backupDatabase(s.database, file, { filesDir: filesA });
    expect(b.rows).toBeGreaterThan(50);
    expect(b.blobs).toBe(1);
    const target = await createTestDatabase();
    try {
      const r = await restoreDatabase(target, file, { filesDir: filesB });
      expect(r.rows).toBe(b.rows);
      expect(fs.readFileSync(path.join(filesB, blobKey))).toEqual(blobBytes);
      expect(await snapshot(target)).toEqual(await snapshot(s.database));
      expect(await verifyAuditChain((sql) => target.query(sql))).toMatchObject({ ok: true });
      // New rows continue the sequences and the chain after the restored ones.
      await target.query(`insert into audit_log(action, outcome) values ('after.restore', 'ok')`);
      expect(await verifyAuditChain((sql) => target.query(sql))).toMatchObject({ ok: true });
    } finally {
      await target.close();
    }
  });

  it('refuses to restore into a database that is not empty, and changes nothing', async () => {
    const file = path.join(dir, 'b.jsonl.gz');
    await backupDatabase(s.database, file);
    const before = await snapshot(s.database);
    await expect(restoreDatabase(s.database, file)).rejects.toThrow(/不是空的/);
    expect(await snapshot(s.database)).toEqual(before);
  });
});
