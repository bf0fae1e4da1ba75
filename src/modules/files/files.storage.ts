import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readConfig } from '../../server/config';

/**
 * Where uploaded bytes live: CEDU_FILES_DIR (default `<data dir>/files`), one directory that
 * every app node shares, never under the web root, each file under a random name (two hex
 * characters of fan-out, then 32). Names are made here and checked on the way back, so a
 * stored key can never point outside the directory.
 */
let root: string | null = null;

const KEY = /^[0-9a-f]{2}\/[0-9a-f]{32}$/;

/**
 * Sets the directory once per process (the files routes call it with the server's config).
 * Under the test runner each process gets its own temporary directory instead, so tests never
 * write into the working tree.
 */
export function configureFileStore(opts: { filesDir: string; webDir?: string }): string {
  if (process.env.VITEST && root) return root;
  const dir = fileStoreDir(process.env.VITEST ? { filesDir: testDir() } : opts);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  root = dir;
  return dir;
}

/** The directory, absolute; refused (the server does not start) when the web root would serve it. */
export function fileStoreDir(opts: { filesDir: string; webDir?: string }): string {
  const dir = path.resolve(opts.filesDir);
  if (opts.webDir && isInside(dir, path.resolve(opts.webDir)))
    throw new Error(`The file store ${dir} (CEDU_FILES_DIR) must not be inside the web root ${opts.webDir}`);
  return dir;
}

function testDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cedu-files-'));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function storeRoot(): string {
  return root ?? configureFileStore(readConfig());
}

const isInside = (child: string, parent: string) => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** The path of a stored key, or null for anything that is not one of our keys. */
export function keyPath(key: string): string | null {
  if (!KEY.test(key)) return null;
  const base = storeRoot();
  const p = path.join(base, key);
  return isInside(p, base) ? p : null;
}

/** Writes bytes under a new random key (write to a temporary name, then rename). */
export async function writeBlob(bytes: Buffer): Promise<string> {
  const name = crypto.randomBytes(16).toString('hex');
  const key = `${name.slice(0, 2)}/${name}`;
  const p = keyPath(key)!;
  await fs.promises.mkdir(path.dirname(p), { recursive: true, mode: 0o700 });
  const tmp = `${p}.tmp`;
  await fs.promises.writeFile(tmp, bytes, { mode: 0o600, flag: 'wx' });
  await fs.promises.rename(tmp, p);
  return key;
}

export async function readBlob(key: string): Promise<Buffer | null> {
  const p = keyPath(key);
  if (!p) return null;
  try {
    return await fs.promises.readFile(p);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

export async function removeBlob(key: string | null): Promise<void> {
  const p = key ? keyPath(key) : null;
  if (p) await fs.promises.rm(p, { force: true });
}
