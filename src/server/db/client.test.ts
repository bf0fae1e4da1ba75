import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';

describe('PGlite in its worker thread', () => {
  it('answers over its socket, and a killed process’s socket directory is cleaned up by the next start', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = path.join(os.tmpdir(), `cedu-pglite-${dead}-test`);
    fs.mkdirSync(stale, { recursive: true });
    const mine = path.join(os.tmpdir(), `cedu-pglite-${process.pid}-keep`);
    fs.mkdirSync(mine, { recursive: true });
    const db = await openDatabase({ dataDir: 'memory', migrate: false });
    try {
      expect(await db.query<{ x: number }>('select $1::int + 1 as x', [41])).toEqual([{ x: 42 }]);
      expect(fs.existsSync(stale)).toBe(false);
      expect(fs.existsSync(mine)).toBe(true);
    } finally {
      await db.close();
      fs.rmSync(mine, { recursive: true, force: true });
    }
  });
});
