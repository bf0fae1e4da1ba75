import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { DataDirLockedError, lockDataDir } from './lock';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cedu-lock-'));

describe('data directory lock', () => {
  it('a second opener of the same directory stops at once and touches nothing', async () => {
    const dir = tmp();
    const db = await openDatabase({ dataDir: dir });
    const before = fs.readdirSync(path.join(dir, 'pgdata')).sort();
    await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    expect(fs.readdirSync(path.join(dir, 'pgdata')).sort()).toEqual(before);
    await db.close();
    expect(fs.existsSync(path.join(dir, 'cedu.lock'))).toBe(false);
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  });

  it('takes over a lock left by a process that is gone', () => {
    const dir = tmp();
    // A pid that surely is not running: a child that has already exited.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    fs.writeFileSync(
      path.join(dir, 'cedu.lock'),
      JSON.stringify({ pid: Number(dead), host: os.hostname(), startedAt: 'then' }),
    );
    const release = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'cedu.lock'), 'utf8')).pid).toBe(process.pid);
    release();
  });

  it('refuses a lock held by a live process', () => {
    const dir = tmp();
    fs.writeFileSync(
      path.join(dir, 'cedu.lock'),
      JSON.stringify({ pid: process.ppid, host: os.hostname(), startedAt: 'now' }),
    );
    expect(() => lockDataDir(dir)).toThrow(/in use by another process/);
  });
});
