// `npm run bench:web`: the web app on a village connection. The real server (a fresh demo data
// dir, the built dist/web) and Debian's Chromium with the network throttled through the Chrome
// DevTools Protocol to 1.5 Mbit/s down and up and 150 ms latency. For each page: the time from
// navigation until its main content shows (a selector of real content, not the load event), the
// requests that went over the network and the bytes transferred — cold (a new browser context:
// empty cache) and warm (a second visit in the same context). A reference from the same run: the
// round trip of /api/health under the same throttling. Loopback only. The machine is shared:
// numbers are noisy; run it on a quiet machine.
//
// It builds nothing: run `npx vite build` first (it says so when dist/web is missing or stale).
// Env: BENCH_WEB_ONLY=<substring of a page name> to measure some pages only; BENCH_WEB_VERBOSE=1
// to list every request of each visit (when it started and ended, its bytes).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { webBuildReason } from '../scripts/web-build.mjs';
import { DEMO_PASSWORD, ROOT, login, startServer, stopServer, waitHealthy } from './server-process';

const WEB_DIR = path.join(ROOT, 'dist', 'web');
const KBIT = 1000 / 8; // bytes per second in one kbit/s
const NETWORK = { latency: 150, downloadThroughput: 1500 * KBIT, uploadThroughput: 1500 * KBIT };
const TARGETS = { staffColdMs: 4000, staffWarmMs: 1500, phoneColdMs: 3000 };
const CONTENT_TIMEOUT_MS = 60_000;
const VERBOSE = process.env.BENCH_WEB_VERBOSE === '1';

const DESKTOP = { viewport: { width: 1280, height: 860 }, locale: 'zh-CN' };
const PHONE = { viewport: { width: 360, height: 740 }, locale: 'zh-CN', isMobile: true, hasTouch: true };

type Who = 'anonymous' | 'staff' | 'resident';
type PageSpec = {
  name: string;
  kind: 'staff' | 'phone' | 'sign-in';
  path: () => string;
  who: Who;
  /** What shows once the page has its real content (not a spinner, not the boot text). */
  content: string;
};

let qrPath = '';
const PAGES: PageSpec[] = [
  { name: 'login', kind: 'staff', path: () => '/login', who: 'anonymous', content: 'input[type="password"]' },
  { name: 'workbench /', kind: 'staff', path: () => '/', who: 'staff', content: '[data-testid^="wb-"]' },
  {
    name: 'activities',
    kind: 'staff',
    path: () => '/activities',
    who: 'staff',
    content: '.ant-table-tbody tr.ant-table-row',
  },
  {
    name: 'phone login /m',
    kind: 'phone',
    path: () => '/m',
    who: 'anonymous',
    content: '.portal-body input[type="tel"]',
  },
  {
    name: 'phone home /m',
    kind: 'phone',
    path: () => '/m',
    who: 'resident',
    content: '[data-testid="portal-activity"], .portal-body .empty',
  },
  {
    name: 'phone record',
    kind: 'phone',
    path: () => '/m/record',
    who: 'resident',
    content: '[data-testid="portal-sign-in"], .portal-body .empty',
  },
  {
    name: 'phone credits',
    kind: 'phone',
    path: () => '/m/credits',
    who: 'resident',
    content: '.portal-body .stat',
  },
  { name: 'phone me', kind: 'phone', path: () => '/m/me', who: 'resident', content: '.portal-body [role="switch"]' },
  { name: 'QR sign-in /m/s/…', kind: 'sign-in', path: () => qrPath, who: 'anonymous', content: '#app h1' },
];

const STAFF_USER = 'centre';
const RESIDENT_PHONE = '13957100011';

type Visit = { ms: number; requests: number; cached: number; bytes: number };

/**
 * Opens `url` in a new tab of `ctx`, throttled, and measures until `content` is visible; then
 * waits for the network to go quiet, counting what the page fetched over the network.
 */
async function visit(ctx: BrowserContext, url: string, content: string): Promise<Visit> {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...NETWORK });
  const sent = new Set<string>();
  const cached = new Set<string>();
  const log = new Map<string, { url: string; start: number; end?: number; bytes?: number }>();
  let bytes = 0;
  let t0 = 0;
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.request.url.startsWith('data:')) return;
    sent.add(e.requestId);
    log.set(e.requestId, { url: e.request.url.replace(/^https?:\/\/[^/]+/, ''), start: performance.now() - t0 });
  });
  cdp.on('Network.requestServedFromCache', (e) => cached.add(e.requestId));
  cdp.on('Network.responseReceived', (e) => {
    if (e.response.fromDiskCache || e.response.fromPrefetchCache) cached.add(e.requestId);
  });
  cdp.on('Network.loadingFinished', (e) => {
    if (!sent.has(e.requestId)) return;
    bytes += e.encodedDataLength;
    Object.assign(log.get(e.requestId)!, { end: performance.now() - t0, bytes: e.encodedDataLength });
  });
  t0 = performance.now();
  await page.goto(url, { waitUntil: 'commit', timeout: CONTENT_TIMEOUT_MS });
  await page.locator(content).first().waitFor({ state: 'visible', timeout: CONTENT_TIMEOUT_MS });
  const ms = performance.now() - t0;
  await quiet(page);
  const result = { ms, requests: sent.size - cached.size, cached: cached.size, bytes };
  if (VERBOSE) {
    console.log(`  ${url} → content at ${ms.toFixed(0)} ms`);
    for (const [id, r] of log) {
      const at = `${r.start.toFixed(0).padStart(6)}–${(r.end?.toFixed(0) ?? '?').padStart(6)} ms`;
      console.log(`    ${at} ${String(r.bytes ?? '').padStart(8)} B ${cached.has(id) ? '(cache) ' : ''}${r.url}`);
    }
  }
  await page.close();
  return result;
}

/** Network idle (nothing in flight for 500 ms), or 20 s at most (a page that polls never is). */
async function quiet(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => {});
}

async function signIn(ctx: BrowserContext, base: string, who: Who): Promise<void> {
  if (who === 'anonymous') return;
  const res =
    who === 'staff'
      ? await ctx.request.post(`${base}/api/auth/login`, { data: { login: STAFF_USER, password: DEMO_PASSWORD } })
      : await ctx.request.post(`${base}/api/resident/login`, {
          data: { phone: RESIDENT_PHONE, password: DEMO_PASSWORD, remember: true },
        });
  if (!res.ok()) throw new Error(`${who} login failed: ${res.status()} ${await res.text()}`);
}

/** An open activity starting in five minutes, as the centre manager; the path of its QR sign-in page. */
async function openActivityQr(base: string): Promise<string> {
  const s = await login(base, STAFF_USER);
  const headers = { 'content-type': 'application/json', 'x-csrf-token': s.csrf, cookie: s.cookie, origin: base };
  const me = (await (await fetch(`${base}/api/auth/me`, { headers })).json()) as { user: { homeNodeId: string } };
  const start = new Date(Date.now() + 5 * 60_000);
  const created = await fetch(`${base}/api/activities`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      centreId: me.user.homeNodeId,
      title: '网速测试·防诈骗讲座',
      theme: 'law',
      form: 'lecture',
      place: '村委会二楼会议室',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
      hours: 2,
      capacity: 40,
      confirmShortNotice: true,
    }),
  });
  if (!created.ok) throw new Error(`create activity: ${created.status} ${await created.text()}`);
  const json = (await created.json()) as { id?: string; ids?: string[] };
  const id = json.id ?? json.ids?.[0];
  const opened = await fetch(`${base}/api/activities/${id}/status`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ status: 'open' }),
  });
  if (!opened.ok) throw new Error(`open activity: ${opened.status} ${await opened.text()}`);
  const qr = await fetch(`${base}/api/sign-in/activities/${id}/qr`, { headers });
  const { url } = (await qr.json()) as { url: string | null };
  if (!url) throw new Error('the QR screen shows no code');
  return new URL(url).pathname;
}

/** /api/health from inside a throttled page: the round trip every request pays, median of 5. */
async function healthRoundTrip(browser: Browser, base: string): Promise<number> {
  const ctx = await browser.newContext(DESKTOP);
  const page = await ctx.newPage();
  await page.goto(`${base}/api/health`);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...NETWORK });
  const times = await page.evaluate(async () => {
    const out: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await (await fetch('/api/health', { cache: 'no-store' })).json();
      out.push(performance.now() - t);
    }
    return out;
  });
  await ctx.close();
  return times.sort((a, b) => a - b)[2];
}

const targetOf = (p: PageSpec, warm: boolean) =>
  p.kind === 'staff'
    ? warm
      ? TARGETS.staffWarmMs
      : TARGETS.staffColdMs
    : p.kind === 'phone' && !warm
      ? TARGETS.phoneColdMs
      : null;

async function main() {
  if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) {
    console.error('dist/web is missing: run `npx vite build` first (this bench measures the built app).');
    process.exit(1);
  }
  const stale = webBuildReason();
  if (stale)
    console.warn(`注意 warning: dist/web may be stale (${stale}); run \`npx vite build\` for current numbers.`);
  const only = process.env.BENCH_WEB_ONLY;
  const pages = PAGES.filter((p) => !only || p.name.includes(only));

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cedu-bench-web-'));
  // No automatic backup at start: on PGlite it holds the database for seconds, and the first
  // pages measured would wait for it instead of the network.
  const server = await startServer({ dataDir, env: { CEDU_WEB_DIR: WEB_DIR, CEDU_AUTO_BACKUP: '0' } });
  let browser: Browser | undefined;
  try {
    const startMs = await waitHealthy(server, 300_000);
    console.log(
      `server up (demo county seeded) in ${(startMs / 1000).toFixed(1)} s; ${os.loadavg()[0].toFixed(2)} load`,
    );
    await login(server.base, STAFF_USER); // warms the server's first queries up, unmeasured
    if (pages.some((p) => p.kind === 'sign-in')) qrPath = await openActivityQr(server.base);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Playwright gives the browser a fresh temporary profile (user-data-dir) of its own.
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic'],
    });
    const rtt = await healthRoundTrip(browser, server.base);
    console.log(
      `network: ${NETWORK.downloadThroughput / KBIT} kbit/s down and up, ${NETWORK.latency} ms latency; ` +
        `reference: /api/health round trip ${rtt.toFixed(0)} ms (median of 5)\n`,
    );

    const rows: string[][] = [];
    const misses: string[] = [];
    for (const p of pages) {
      const ctx = await browser.newContext(p.kind === 'staff' ? DESKTOP : PHONE);
      await signIn(ctx, server.base, p.who);
      const url = server.base + p.path();
      const cold = await visit(ctx, url, p.content);
      const warm = await visit(ctx, url, p.content);
      await ctx.close();
      for (const [label, v] of [
        ['cold', cold],
        ['warm', warm],
      ] as const) {
        const target = targetOf(p, label === 'warm');
        const ok = target === null ? '' : v.ms < target ? `< ${target / 1000} s ok` : `> ${target / 1000} s MISS`;
        if (ok.endsWith('MISS')) misses.push(`${p.name} ${label}`);
        rows.push([
          p.name,
          label,
          (v.ms / 1000).toFixed(2),
          String(v.requests),
          String(v.cached),
          (v.bytes / 1024).toFixed(0),
          ok,
        ]);
      }
      console.log(
        `measured ${p.name}: cold ${(cold.ms / 1000).toFixed(2)} s, ${cold.requests} requests; warm ${(warm.ms / 1000).toFixed(2)} s`,
      );
    }
    const head = ['page', 'visit', 'content s', 'requests', 'cached', 'KB sent', 'target'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
    console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
    for (const r of rows) console.log(line(r));
    console.log(
      `\nrequests: over the network; cached: answered from the browser's cache; KB sent: bytes on the wire (headers included).` +
        `\ntargets: staff pages < ${TARGETS.staffColdMs / 1000} s cold and < ${TARGETS.staffWarmMs / 1000} s warm; phone pages < ${TARGETS.phoneColdMs / 1000} s cold.` +
        `\n${misses.length ? `missed: ${misses.join(', ')}` : 'all targets met'} (load ${os.loadavg()[0].toFixed(2)} at the end)`,
    );
  } finally {
    await browser?.close();
    await stopServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
