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

export type RunningServer = {
  url: string;
  close(): Promise<void>;
  /** What the server printed so far (its start banner: the setup code of an empty database). */
  output(): string;
};

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
 * fresh data directory (the demo county is seeded) and the built web app. With CEDU_E2E_URL set,
 * the server already running there instead (tests that write data then find what earlier runs wrote).
 */
export async function startServer(options: { env?: Record<string, string> } = {}): Promise<RunningServer> {
  // A server already running (while working on a page): CEDU_E2E_URL=http://127.0.0.1:3000
  if (process.env.CEDU_E2E_URL && !options.env)
    return { url: process.env.CEDU_E2E_URL, close: async () => undefined, output: () => '' };
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
      ...options.env,
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
  return { url, close, output: () => output };
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
 * A console message that is not a fault: the browser logs every 4xx answer as an error, and a
 * 401 from "who am I" (/api/auth/me, /api/resident/me) is how a page learns nobody is signed in yet.
 */
function expectedConsoleError(text: string, url: string): boolean {
  return /status of 401/.test(text) && /\/api\/(auth|resident)\/me(\?|$)/.test(url);
}

/**
 * antd's notice that a prop is deprecated: printed only by a development build (the browser tests
 * build under NODE_ENV=test), never by the build people use; printed, not counted as an error.
 */
const antdDeprecation = (text: string) => /^Warning: \[antd: \w+\] .*deprecated/.test(text);

/**
 * Prints what a page reports going wrong (script errors, console errors, failed requests,
 * 5xx answers, requests unanswered after 10 s) to the test's output, so a browser test that
 * times out says why. Returns the list it keeps of them (script errors, console errors other
 * than an expected "not signed in" 401 or antd's development-build deprecation notices, 5xx
 * answers), for a test that wants none.
 */
export function watchPage(page: Page, label: string): { errors: string[] } {
  const errors: string[] = [];
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
  page.on('pageerror', (err) => {
    console.error(`[${label}] page error: ${err.message}`);
    errors.push(`page error at ${page.url()}: ${err.message}`);
  });
  page.on('console', (m) => {
    if (m.type() !== 'error' || expectedConsoleError(m.text(), m.location().url)) return;
    console.error(`[${label}] console error: ${m.text()}`);
    if (antdDeprecation(m.text())) return;
    errors.push(`console error at ${page.url()}: ${m.text()} (${m.location().url})`);
  });
  page.on('requestfailed', (r) =>
    console.error(`[${label}] request failed: ${r.method()} ${r.url()} — ${r.failure()?.errorText}`),
  );
  page.on('response', (r) => {
    if (r.status() < 500) return;
    console.error(`[${label}] ${r.status()} ${r.request().method()} ${r.url()}`);
    errors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return { errors };
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

/**
 * Signs a staff user in through the login page (demo password) and waits for the first page
 * after it. `baseUrl`: the server's address, unless the page's context has a baseURL.
 */
export async function signInAs(page: Page, user: string, baseUrl = ''): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名或手机号').fill(user);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** One accessibility rule broken on a page, as axe-core reports it. */
export type AxeViolation = { rule: string; impact: string; help: string; targets: string[] };

const AXE_SOURCE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA, and best practices) on what the page shows now, once
 * it has settled (no request in flight, no spinner), and returns every violation: one row
 * per rule, with the elements that break it. Printed to the output with `label`.
 */
export async function axe(page: Page, label: string): Promise<AxeViolation[]> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning, .ant-skeleton-active')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  // antd fades pages and messages in; contrast measured mid-fade is not what a person reads.
  await page.waitForTimeout(400);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(fs.readFileSync(AXE_SOURCE, 'utf8'));
  const found = await page.evaluate(async () => {
    const engine = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await engine.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'minor',
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  for (const v of found)
    console.log(
      `[axe ${label}] ${v.impact} ${v.rule} (${v.targets.length}): ${v.help} — ${v.targets.slice(0, 3).join(' | ')}`,
    );
  return found;
}
