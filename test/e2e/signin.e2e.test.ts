import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, resultPath, startServer, type RunningServer, signInAs } from './harness';

/** Nothing on the page is wider than the phone's screen. */
const fitsWidth = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

/**
 * The sign-in loop: a centre manager creates an activity, opens its QR screen; a resident
 * scans it on a 360 px phone and signs in with phone + name; the staff see the attendance.
 */
describe('QR sign-in in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let desktop: BrowserContext;
  let staff: Page;
  let phone: Page;
  let activityId = '';
  let scanUrl = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    desktop = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    staff = await desktop.newPage();
    const mobile = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    phone = await mobile.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the centre manager signs in and creates an activity (through the API)', async () => {
    await signInAs(staff, 'centre', server.url);
    activityId = await staff.evaluate(async () => {
      const me = await (await fetch('/api/auth/me')).json();
      const headers = { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken };
      const start = new Date(Date.now() + 5 * 60_000);
      const body = {
        centreId: me.user.homeNodeId,
        title: '浏览器测试·防诈骗讲座',
        theme: 'law',
        form: 'lecture',
        place: '村委会二楼会议室',
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
        hours: 2,
        capacity: 40,
        confirmShortNotice: true,
      };
      const created = await fetch('/api/activities', { method: 'POST', headers, body: JSON.stringify(body) });
      if (!created.ok) throw new Error(`create: ${created.status} ${await created.text()}`);
      const json = await created.json();
      const id: string = json.id ?? json.ids?.[0] ?? json.items?.[0]?.id;
      const opened = await fetch(`/api/activities/${id}/status`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ status: 'open' }),
      });
      if (!opened.ok) throw new Error(`open: ${opened.status} ${await opened.text()}`);
      return id;
    });
    expect(activityId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('opens the QR screen: a code that names the sign-in page', async () => {
    await staff.goto(`${server.url}/sign-in/${activityId}/qr`);
    const qr = staff.getByTestId('signin-qr');
    await qr.locator('svg').waitFor();
    scanUrl = (await qr.getAttribute('data-url')) ?? '';
    expect(scanUrl).toMatch(/\/m\/s\/q\.[0-9a-f]{32}\./);
    await staff.getByText('浏览器测试·防诈骗讲座').waitFor();
    await staff.screenshot({ path: resultPath('signin-qr-screen.png') });
  });

  it('the sign-in page ships under 60 KB of gzipped script', async () => {
    const html = await (await fetch(scanUrl)).text();
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    let total = 0;
    for (const s of scripts)
      total += zlib.gzipSync(Buffer.from(await (await fetch(`${server.url}${s}`)).arrayBuffer()), { level: 9 }).length;
    console.log(`sign-in page script: ${scripts.length} files, ${total} bytes gzipped`);
    expect(total).toBeLessThan(60 * 1024);
  });

  it('a resident signs in on a 360 px phone with phone number and name', async () => {
    await phone.goto(scanUrl);
    await phone.getByText('浏览器测试·防诈骗讲座').waitFor();
    await phone.getByLabel('手机号').fill('139 5710 0011');
    await phone.getByLabel('姓名').fill('陈德明');
    expect(await fitsWidth(phone)).toBe(true);
    await phone.screenshot({ path: resultPath('signin-phone-form.png'), fullPage: true });
    await phone.getByRole('button', { name: '签到', exact: true }).click();
    await phone.getByText('签到成功').waitFor();
    expect(await phone.locator('[data-status]').getAttribute('data-status')).toBe('confirmed');
    await phone.screenshot({ path: resultPath('signin-phone-done.png'), fullPage: true });
    // The phone is remembered: scanning again knows who it is and says they are in.
    await phone.reload();
    await phone.getByText('您已经签到过了').waitFor();
  });

  it('the staff see the resident in the attendance list', async () => {
    await staff.goto(`${server.url}/sign-in/${activityId}`);
    const row = staff.getByRole('row').filter({ hasText: '陈德明' });
    await row.waitFor();
    await row.getByText('已签到').waitFor();
    await row.getByText('扫码').waitFor();
    await staff.screenshot({ path: resultPath('signin-attendance.png'), fullPage: true });
    await staff.goto(`${server.url}/sign-in/${activityId}/qr`);
    await staff.getByText('已签到 1 人 · 待确认 0 人').waitFor();
  });

  /** A new activity of the centre through the API, starting `hoursFromNow` (negative: in the past). */
  const createActivity = (title: string, hoursFromNow: number) =>
    staff.evaluate(
      async ({ title, hoursFromNow }) => {
        const me = await (await fetch('/api/auth/me')).json();
        const headers = { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken };
        const start = new Date(Date.now() + hoursFromNow * 3_600_000);
        const body = {
          centreId: me.user.homeNodeId,
          title,
          theme: 'law',
          form: 'lecture',
          place: '村委会二楼会议室',
          startsAt: start.toISOString(),
          endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
          hours: 2,
          capacity: 40,
          confirmShortNotice: true,
        };
        const created = await fetch('/api/activities', { method: 'POST', headers, body: JSON.stringify(body) });
        if (!created.ok) throw new Error(`create: ${created.status} ${await created.text()}`);
        const json = await created.json();
        return (json.id ?? json.ids?.[0] ?? json.items?.[0]?.id) as string;
      },
      { title, hoursFromNow },
    );
  const sheetUrl = (id: string) =>
    staff.evaluate(async (id) => (await (await fetch(`/api/sign-in/activities/${id}/sheet`)).json()).url as string, id);

  it('too early: the big screen shows no code but when scanning opens; the sheet’s code says so on the phone', async () => {
    const id = await createActivity('浏览器测试·下周的讲座', 7 * 24);
    await staff.goto(`${server.url}/sign-in/${id}/qr`);
    await staff.getByTestId('signin-qr-closed').waitFor();
    await staff.getByText('签到尚未开始').waitFor();
    expect(await staff.getByTestId('signin-qr').count()).toBe(0);
    await staff.screenshot({ path: resultPath('signin-qr-screen-early.png') });
    const p = await browser
      .newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN', isMobile: true, hasTouch: true })
      .then((c) => c.newPage());
    await p.goto(await sheetUrl(id));
    await p.getByText('签到还没有开始').waitFor();
    await p.getByText(/开始签到，到时候再扫一次/).waitFor();
    expect(await p.getByLabel('手机号').count()).toBe(0);
    expect(await fitsWidth(p)).toBe(true);
    expect(await p.content()).not.toContain('数据冲突');
    await p.screenshot({ path: resultPath('signin-phone-early.png'), fullPage: true });
    await p.context().close();
  });

  it('too late: an activity of three days ago says sign-in has closed and to ask the staff', async () => {
    const id = await createActivity('浏览器测试·三天前的讲座', -3 * 24);
    await staff.goto(`${server.url}/sign-in/${id}/qr`);
    await staff.getByText('扫码签到已结束').waitFor();
    const p = await browser
      .newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN', isMobile: true, hasTouch: true })
      .then((c) => c.newPage());
    await p.goto(await sheetUrl(id));
    await p.getByText('签到已经结束').waitFor();
    await p.getByText(/请找工作人员补登/).waitFor();
    expect(await p.content()).not.toContain('数据冲突');
    await p.screenshot({ path: resultPath('signin-phone-late.png'), fullPage: true });
    await p.context().close();
  });

  it('a slow typist: the scan’s ticket outlives the screen’s code; past it, the phone says “expired” in plain words and offers to scan again', async () => {
    const qr = await staff.evaluate(
      async (id) =>
        (await (await fetch(`/api/sign-in/activities/${id}/qr`)).json()) as { url: string; expiresAt: string },
      activityId,
    );
    const ctx = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    const slow = await ctx.newPage();
    await slow.goto(qr.url);
    await slow.getByLabel('手机号').fill('13957100098');
    await slow.getByLabel('姓名').fill('慢打字');
    // Type past the life of the screen's code (up to a minute).
    await slow.waitForTimeout(Math.max(0, new Date(qr.expiresAt).getTime() - Date.now()) + 1500);
    // Five minutes of typing, shortened: the request carries a ticket that no longer holds.
    await slow.route('**/api/sign-in/scan/*', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const body = JSON.parse(route.request().postData() ?? '{}');
      await route.continue({ postData: JSON.stringify({ ...body, ticket: 'expired.0.x' }) });
    });
    await slow.getByRole('button', { name: '签到', exact: true }).click();
    await slow.getByText('二维码已过期').waitFor();
    await slow.getByText(/请用手机重新扫描现场大屏幕或签到表上的二维码/).waitFor();
    await slow.getByText('您填的手机号和姓名会保留。').waitFor();
    expect(await slow.content()).not.toContain('数据冲突');
    expect(await fitsWidth(slow)).toBe(true);
    await slow.screenshot({ path: resultPath('signin-phone-expired.png'), fullPage: true });
    await slow.getByRole('button', { name: '重新扫码后，点这里继续' }).waitFor();
    // Scanning the screen again: the form is back and the sign-in goes through.
    await slow.unroute('**/api/sign-in/scan/*');
    const fresh = await staff.evaluate(
      async (id) => (await (await fetch(`/api/sign-in/activities/${id}/qr`)).json()).url as string,
      activityId,
    );
    await slow.goto(fresh);
    await slow.getByLabel('手机号').fill('13957100098');
    await slow.getByLabel('姓名').fill('慢打字');
    await slow.getByRole('button', { name: '签到', exact: true }).click();
    await slow.locator('[data-status]').waitFor();
    expect(await slow.locator('[data-status]').getAttribute('data-status')).toMatch(/confirmed|pending/);
    await ctx.close();
  });

  it('the resident’s phone pages work at 360 px, with elder mode remembered on the phone', async () => {
    // Their own light entry: no antd, and only the resident's own session endpoint (never the staff one).
    const asked: string[] = [];
    phone.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await phone.goto(`${server.url}/m`);
    await phone.getByLabel('手机号').fill('13957100011');
    await phone.getByLabel('密码').fill(DEMO_PASSWORD);
    await phone.getByRole('button', { name: '登录' }).click();
    await phone.getByText('陈德明，您好').waitFor();
    await phone.getByRole('link', { name: '学习记录' }).click();
    await phone.getByTestId('portal-sign-in').filter({ hasText: '浏览器测试·防诈骗讲座' }).waitFor();
    expect(await fitsWidth(phone)).toBe(true);
    await phone.screenshot({ path: resultPath('portal-record.png'), fullPage: true });
    await phone.getByRole('link', { name: '我的' }).click();
    await phone.getByRole('switch', { name: '大字模式' }).click();
    await phone.reload();
    await phone.getByRole('switch', { name: '大字模式' }).waitFor();
    expect(await phone.getByRole('switch', { name: '大字模式' }).getAttribute('aria-checked')).toBe('true');
    await phone.getByRole('link', { name: '活动' }).click();
    // Measure the activities page once it has settled (in CI a button was measured mid-change).
    await phone.waitForURL((u) => u.pathname === '/m');
    await phone.locator('.portal-body .choice').waitFor();
    await phone.waitForLoadState('networkidle');
    const size = await phone.evaluate(() =>
      parseFloat(getComputedStyle(document.querySelector('.portal-body .choice') ?? document.body).fontSize),
    );
    expect(size).toBeGreaterThanOrEqual(18);
    const targets = await phone.evaluate(() =>
      [...document.querySelectorAll('.portal button, .portal-tabs a')]
        .map((b) => ({ h: b.getBoundingClientRect().height, what: b.outerHTML.slice(0, 160) }))
        .filter((t) => t.h > 0),
    );
    const smallest = targets.reduce((a, t) => (t.h < a.h ? t : a));
    expect(smallest.h, smallest.what).toBeGreaterThanOrEqual(44);
    expect(await fitsWidth(phone)).toBe(true);
    await phone.screenshot({ path: resultPath('portal-elder.png'), fullPage: true });
    expect(asked).toContain('/api/resident/me');
    expect(asked.filter((p) => p === '/api/auth/me' || /\/assets\/antd-/.test(p))).toEqual([]);
  });

  it('a county admin sets the county’s sign-in window on the sign-in desk; the centre reads it', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    const admin = await ctx.newPage();
    await signInAs(admin, 'county', server.url);
    await admin.goto(`${server.url}/sign-in`);
    const card = admin.getByTestId('signin-window-card');
    await card.getByText('扫码签到时间').waitFor();
    await card.getByLabel('活动开始前').fill('45');
    await card.getByRole('button', { name: /保\s*存/ }).click();
    await admin.getByText('已保存签到时间').waitFor();
    await admin.screenshot({ path: resultPath('signin-window-card.png') });
    await ctx.close();
    await staff.goto(`${server.url}/sign-in`);
    await staff.getByText(/活动开始前 45 分钟至结束后 30 分钟可扫码签到/).waitFor();
  });
});
