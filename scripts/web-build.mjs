// Builds the web app into dist/web when it is missing or stale. Shared by `npm start`
// (scripts/start.ts) and `npm test` (scripts/test.mjs), hence plain JS.
//
// Stale means: a hash over every input of the build differs from the one saved in
// dist/web/.build-hash by the last successful build. Hashing the files' contents (not
// their times) keeps it right after a git checkout, which rewrites times.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIR = path.join(ROOT, 'dist', 'web');
const HASH_FILE = path.join(WEB_DIR, '.build-hash');

const SKIP_DIRS = new Set(['node_modules', 'dist', '.git']);

/** Every file the web build reads, relative to the repo root, sorted. */
export function webBuildInputs() {
  const files = new Set();
  const walk = (rel, keep = () => true) => {
    const abs = path.join(ROOT, rel);
    let entries;
    try {
      entries = fs.readdirSync(abs, { withFileTypes: true });
    } catch {
      return; // not there (yet): nothing to hash
    }
    for (const e of entries) {
      const child = path.posix.join(rel, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(child, keep);
      } else if (e.isFile() && keep(child)) {
        files.add(child);
      }
    }
  };
  walk('src/web');
  walk('src/shared');
  walk('public');
  for (const mod of safeReaddir(path.join(ROOT, 'src/modules'))) walk(`src/modules/${mod}/web`);
  walk('src', (f) => f.endsWith('.contract.ts'));
  for (const f of ['index.html', 'vite.config.ts', 'package-lock.json', 'tsconfig.json']) {
    if (fs.existsSync(path.join(ROOT, f))) files.add(f);
  }
  return [...files].sort();
}

/** A hash over the names and contents of the build's inputs. */
export function webBuildHash() {
  const h = crypto.createHash('sha256');
  for (const f of webBuildInputs()) {
    h.update(f).update('\0');
    h.update(fs.readFileSync(path.join(ROOT, f))).update('\0');
  }
  return h.digest('hex');
}

/** Why the web app needs building, or null when dist/web is up to date. */
export function webBuildReason() {
  if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) return 'dist/web/index.html is missing';
  let saved = '';
  try {
    saved = fs.readFileSync(HASH_FILE, 'utf8').trim();
  } catch {
    return 'dist/web/.build-hash is missing';
  }
  return saved === webBuildHash() ? null : 'its sources changed since the last build';
}

/**
 * A vite plugin: a successful `vite build` saves the hash of the inputs it read (taken when it
 * starts), so a build run by hand (`npx vite build`) counts as up to date too.
 */
export function markWebBuilt() {
  let hash = '';
  return {
    name: 'cedu-mark-web-built',
    apply: 'build',
    buildStart() {
      hash = webBuildHash();
    },
    writeBundle(options) {
      fs.writeFileSync(path.join(options.dir ?? WEB_DIR, '.build-hash'), hash + '\n');
    },
  };
}

/**
 * Builds the web app with `vite build` (inherited output) if it is missing or stale.
 * Resolves to true when it built, false when it was up to date; rejects when the build fails.
 */
export async function ensureWebBuilt({ force = false, log = console.log } = {}) {
  const reason = force ? 'forced' : webBuildReason();
  if (!reason) return false;
  log(`正在构建网页… building the web app (${reason})`);
  const hash = webBuildHash(); // of the inputs as the build sees them
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!fs.existsSync(vite)) throw new Error('vite is not installed: run `npm ci` first');
  const started = Date.now();
  const code = await new Promise((resolve, reject) => {
    // Always the production build, which is what users get: under the test runner NODE_ENV is
    // `test`, and vite would build React's and antd's development code (slower, with warnings).
    const env = { ...process.env, NODE_ENV: 'production' };
    const child = spawn(process.execPath, [vite, 'build'], { cwd: ROOT, stdio: 'inherit', env });
    child.on('error', reject);
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 128 : 1)));
  });
  if (code !== 0) throw new Error(`vite build failed (exit code ${code})`);
  if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) {
    throw new Error('vite build finished but dist/web/index.html is missing: check build.outDir in vite.config.ts');
  }
  fs.writeFileSync(HASH_FILE, hash + '\n');
  log(`网页已构建 web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

function safeReaddir(dir) {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

// `node scripts/web-build.mjs [--force|--check]`
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.includes('--check')) {
    const reason = webBuildReason();
    console.log(reason ? `stale: ${reason}` : 'up to date');
    process.exit(reason ? 1 : 0);
  }
  ensureWebBuilt({ force: args.includes('--force') }).then(
    (built) => {
      if (!built) console.log('网页已是最新 web app is up to date (dist/web)');
    },
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
