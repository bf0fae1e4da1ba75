import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const RESULTS_DIR = path.join(ROOT, 'test-results');
export const DEMO_PASSWORD = 'Cedu@2026demo';

export type RunningServer = { url: string; close(): Promise<void> };

/** How long a server may take to answer its first /api/health (the e2e hook timeout leaves room for it). */
export const START_MS = 240_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The real server as a child process (`tsx src/server/main.ts`) on a free port, with a
 * fresh data directory (the demo county is seeded) and the built web app.
 */
export async function startServer(): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cedu-e2e-'));
  const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child: ChildProcess = spawn(process.execPath, [tsx, 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      CEDU_DATA_DIR: dataDir,
      CEDU_WEB_DIR: path.join(ROOT, 'dist', 'web'),
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;

  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  // A fresh start migrates and seeds the demo county: seconds on an idle machine, but more than
  // 90 s was seen on a busy one. Wait as long as the process lives, up to START_MS.
  const deadline = Date.now() + START_MS;
  for (;;) {
    if (child.exitCode !== null) {
      await close();
      throw new Error(`the server exited (code ${child.exitCode}) before answering:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(`the server did not answer /api/health within ${START_MS / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  // The web app must be served too, or every page test would fail obscurely.
  const page = await fetch(`${url}/org`);
  if (!page.ok || !(await page.text()).includes('id="root"')) {
    await close();
    throw new Error(`the server does not serve the web app from dist/web (GET /org → ${page.status}):\n${output}`);
  }
  return { url, close };
}

/** Debian's Chromium through playwright-core; never downloads a browser. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function resultPath(file: string): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  return path.join(RESULTS_DIR, file);
}

/** A request still unanswered after this long is printed (a page that never settles says what it waits for). */
const SLOW_REQUEST_MS = 10_000;

/**
 * Prints what a page reports going wrong (script errors, console errors, failed requests,
 * 5xx answers, requests unanswered after 10 s) to the test's output, so a browser test that
 * times out says why.
 */
export function watchPage(page: Page, label: string): void {
  const pending = new Map<object, NodeJS.Timeout>();
  page.on('request', (r) => {
    const timer = setTimeout(
      () => console.error(`[${label}] request unanswered after ${SLOW_REQUEST_MS / 1000} s: ${r.method()} ${r.url()}`),
      SLOW_REQUEST_MS,
    );
    timer.unref();
    pending.set(r, timer);
  });
  const settled = (r: object) => {
    clearTimeout(pending.get(r));
    pending.delete(r);
  };
  page.on('requestfinished', settled);
  page.on('requestfailed', settled);
  page.on('pageerror', (err) => console.error(`[${label}] page error: ${err.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') console.error(`[${label}] console error: ${m.text()}`);
  });
  page.on('requestfailed', (r) =>
    console.error(`[${label}] request failed: ${r.method()} ${r.url()} — ${r.failure()?.errorText}`),
  );
  page.on('response', (r) => {
    if (r.status() >= 500) console.error(`[${label}] ${r.status()} ${r.request().method()} ${r.url()}`);
  });
}

/**
 * After a failed test, keeps what the page showed: a screenshot and the page's text in
 * test-results/, and the text's first lines in the output (a wait that times out says what it saw).
 * Call in the describe body.
 */
export function keepPageOnFailure(getPage: () => Page | undefined, label: string): void {
  afterEach(async (ctx) => {
    const page = getPage();
    if (ctx.task.result?.state !== 'fail' || !page || page.isClosed()) return;
    const name = `${label}-${ctx.task.name}`.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
    try {
      await page.screenshot({ path: resultPath(`failed-${name}.png`), fullPage: true, timeout: 10_000 });
      const text = await page.evaluate(() => document.body.innerText, undefined);
      fs.writeFileSync(resultPath(`failed-${name}.txt`), `${page.url()}\n\n${text}`);
      console.error(`[${label}] after the failure the page at ${page.url()} showed:\n${text.slice(0, 1500)}`);
    } catch (err) {
      console.error(`[${label}] could not keep the page after the failure: ${(err as Error).message}`);
    }
  });
}
