import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * An exclusive lock on a PGlite data directory. Two processes on one directory corrupt it
 * silently, so the second one must stop before it opens anything. The lock file is created
 * with O_EXCL (atomic); a lock left by a process that died (SIGKILL, power loss) is taken
 * over once we have checked that its process is gone.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: string,
  ) {
    super(
      `数据目录 ${dir} 正被另一个进程使用（${holder}），本进程已停止，未做任何修改。\n` +
        `The data directory ${dir} is in use by another process (${holder}); this process stopped and changed nothing.`,
    );
    this.name = 'DataDirLockedError';
  }
}

type Holder = { pid: number; host: string; startedAt: string };

export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'cedu.lock');
  const me: Holder = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, JSON.stringify(me));
      fs.closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          const current = readHolder(file);
          if (current?.pid === me.pid) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(file);
      if (holder && isAlive(holder)) {
        throw new DataDirLockedError(dir, `pid ${holder.pid} @ ${holder.host}, since ${holder.startedAt}`);
      }
      // Stale: its process is gone. Remove it and try again; O_EXCL decides any race.
      try {
        fs.unlinkSync(file);
      } catch {
        /* someone else removed it first */
      }
    }
  }
  throw new DataDirLockedError(dir, 'unknown');
}

function readHolder(file: string): Holder | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Holder;
  } catch {
    return null; // half-written by a process killed mid-write: treat as stale
  }
}

function isAlive(h: Holder): boolean {
  if (h.host !== os.hostname()) return true; // another machine on a shared disk: never take over
  if (h.pid === process.pid) return true;
  try {
    process.kill(h.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
