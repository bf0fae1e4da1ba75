// `npm test`: every check CI runs, in order, each under a clear header, then a summary.
// Runs all steps even when one fails; exits non-zero if any failed.
//
//   npm test                      all steps
//   npm test -- lint unit         only the named steps (typecheck, format, lint, modules, unit, pg, e2e)
//
// Steps that need a system program (PostgreSQL server, Chromium) are SKIPPED when it is
// missing on a developer's machine, and fail under CI (CI=true), where .ci/run installs them.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureWebBuilt, ROOT } from './web-build.mjs';
import { findPgBin, startPgTestServer } from './pg-test-server.mjs';

const CI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
const STEP_TIMEOUT_MS = Number(process.env.CEDU_STEP_TIMEOUT_MIN || 25) * 60_000;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const bin = (rel) => path.join(ROOT, 'node_modules', rel);

class Skip extends Error {}

/** Skips on a developer's machine, fails under CI. */
function requireTool(ok, what, ciHint = 'CI must install it (.ci/run)') {
  if (ok) return;
  if (CI) throw new Error(`${what} — ${ciHint}`);
  throw new Skip(what);
}

const steps = [
  {
    id: 'typecheck',
    title: 'typecheck — tsc --noEmit -p tsconfig.json',
    run: () => exec([bin('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json']),
  },
  {
    id: 'format',
    title: 'format — prettier --check .',
    run: () => exec([bin('prettier/bin/prettier.cjs'), '--check', '--log-level', 'warn', '.']),
  },
  {
    id: 'lint',
    title: 'lint — eslint .',
    run: () => exec([bin('eslint/bin/eslint.js'), '.']),
  },
  {
    id: 'modules',
    title: 'module boundaries — node scripts/check-modules.mjs',
    run: () => exec([path.join(ROOT, 'scripts', 'check-modules.mjs')]),
  },
  {
    id: 'unit',
    title: 'tests on PGlite — vitest run',
    run: () => exec([bin('vitest/vitest.mjs'), 'run'], { DATABASE_URL: undefined }),
  },
  {
    id: 'pg',
    title: 'tests on PostgreSQL — vitest run (DATABASE_URL set)',
    run: async () => {
      requireTool(findPgBin(), 'PostgreSQL server binaries (initdb, pg_ctl) not found: apt-get install postgresql');
      const server = await startPgTestServer();
      cleanups.add(server.stop);
      try {
        return await exec([bin('vitest/vitest.mjs'), 'run'], { DATABASE_URL: server.url });
      } finally {
        cleanups.delete(server.stop);
        await server.stop();
        console.log('PostgreSQL test server stopped and removed');
      }
    },
  },
  {
    id: 'e2e',
    title: 'browser tests — vitest run --config vitest.e2e.config.ts',
    run: async () => {
      requireTool(fs.existsSync(CHROMIUM), `${CHROMIUM} not found: apt-get install chromium`);
      requireTool(
        fs.existsSync(path.join(ROOT, 'vitest.e2e.config.ts')),
        'vitest.e2e.config.ts not found',
        'the browser tests must exist in CI',
      );
      await ensureWebBuilt();
      return exec([bin('vitest/vitest.mjs'), 'run', '--config', 'vitest.e2e.config.ts'], { DATABASE_URL: undefined });
    },
  },
];

const cleanups = new Set();
let current = null; // the running child process
let interrupted = false;

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${sig}: stopping…`);
    // On Ctrl-C the terminal signals the child as well; otherwise pass it on.
    if (current && sig !== 'SIGINT') current.kill(sig);
    if (!current) void finishInterrupted();
  });
}

async function finishInterrupted() {
  for (const c of cleanups) await c();
  process.exit(130);
}

/** Runs node with args, output inherited; resolves to the exit code. */
function exec(args, envPatch = {}) {
  const env = { ...process.env };
  for (const [k, v] of Object.entries(envPatch)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  console.log(`$ ${['node', ...args.map((a) => path.relative(ROOT, a) || a)].join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env });
    current = child;
    const timer = setTimeout(() => {
      console.error(`\n!! step took longer than ${STEP_TIMEOUT_MS / 60_000} min: stopping it`);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    }, STEP_TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      current = null;
      reject(err);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      current = null;
      resolve(code ?? (signal ? `signal ${signal}` : 1));
    });
  });
}

const fmt = (ms) => `${(ms / 1000).toFixed(1)} s`;
const line = (ch = '━') => ch.repeat(72);

async function runAll() {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = wanted.filter((w) => !steps.some((s) => s.id === w));
  if (unknown.length) {
    console.error(`unknown step(s): ${unknown.join(', ')}; steps are: ${steps.map((s) => s.id).join(', ')}`);
    process.exit(2);
  }
  const chosen = wanted.length ? steps.filter((s) => wanted.includes(s.id)) : steps;
  const results = [];
  const t0 = Date.now();
  console.log(`cedu test run${CI ? ' (CI)' : ''}: ${chosen.map((s) => s.id).join(' → ')}`);

  for (const [i, step] of chosen.entries()) {
    if (interrupted) break;
    console.log(`\n${line()}\n▶ [${i + 1}/${chosen.length}] ${step.title}\n${line()}`);
    const started = Date.now();
    let status;
    let note = '';
    try {
      const code = await step.run();
      status = code === 0 ? 'passed' : 'failed';
      if (code !== 0) note = `exit ${code}`;
    } catch (err) {
      if (err instanceof Skip) {
        status = 'skipped';
        note = err.message;
        console.log(`\n!!!!!!!! SKIPPED: ${step.id} — ${err.message} !!!!!!!!`);
      } else {
        status = 'failed';
        note = err instanceof Error ? err.message.split('\n')[0] : String(err);
        console.error(err instanceof Error ? err.message : err);
      }
    }
    const ms = Date.now() - started;
    results.push({ step, status, note, ms });
    const mark = { passed: '✔ PASSED', failed: '✘ FAILED', skipped: '– SKIPPED' }[status];
    console.log(`${mark}: ${step.id} (${fmt(ms)})${note && status === 'failed' ? ` — ${note}` : ''}`);
  }

  const count = (s) => results.filter((r) => r.status === s).length;
  console.log(`\n${line()}\nsummary (${fmt(Date.now() - t0)})${interrupted ? ' — INTERRUPTED' : ''}\n${line()}`);
  for (const r of results) {
    const mark = { passed: '✔', failed: '✘', skipped: '–' }[r.status];
    console.log(
      `  ${mark} ${r.step.id.padEnd(10)} ${r.status.padEnd(8)} ${fmt(r.ms).padStart(8)}${r.note ? `  ${r.note}` : ''}`,
    );
  }
  const skipped = count('skipped');
  console.log(`${count('passed')} passed, ${count('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`);
  for (const c of cleanups) await c();
  process.exit(interrupted ? 130 : count('failed') > 0 ? 1 : 0);
}

await runAll();
