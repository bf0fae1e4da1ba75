import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chinaToday } from '../../src/shared/china-time';
import {
  DEMO_PASSWORD,
  keepPageOnFailure,
  launchBrowser,
  resultPath,
  startServer,
  watchPage,
  type RunningServer,
  signInAs,
} from './harness';

/**
 * The everyday path of a centre manager (issue 11), walked as a person would and counted: create
 * next week's activity with a venue, print its sign-in sheet, on the day show its QR code, a
 * resident signs in on a phone, the attendance shows. Every click or tap (a pointerdown) and every
 * Enter pressed, on the staff's pages and the phone's, counts; typing does not. Signing in to cedu
 * on either device and the phone's camera opening the code's link are not counted. The limit is 10.
 */
const LIMIT = 10;
/** The town's rehearsal hall: no demo activity books it, so moving the activity to today clashes with nothing. */
const VENUE = '镇文化站排练厅';
/** A demo resident of 东坡村 with a phone account, signed in on her phone's resident pages. */
const RESIDENT = { phone: '13957100012', masked: '吴*芳' };
/** Another demo resident, on a phone that has never signed in (the first-time form: phone and name). */
const FIRST_TIME = { phone: '139 5710 0015', name: '黄建华' };

type Tap = { device: string; what: string };

/** Counts the person's own clicks, taps and Enter presses on every page of a browser context. */
function tapCounter() {
  const taps: Tap[] = [];
  let counting = false;
  return {
    taps,
    start: () => void (counting = true),
    stop: () => void (counting = false),
    async watch(ctx: BrowserContext, device: string) {
      await ctx.exposeBinding('__ceduTap', (_src, what: string) => {
        if (counting) taps.push({ device, what });
      });
      await ctx.addInitScript(() => {
        const send = (what: string) => (window as unknown as { __ceduTap?: (w: string) => void }).__ceduTap?.(what);
        const what = (e: Event) => {
          const el = e.target instanceof Element ? e.target : null;
          const hit = el?.closest('button, a, label, td, [role=option], .ant-select, .ant-picker') ?? el;
          return (hit?.textContent || hit?.getAttribute('aria-label') || hit?.tagName || '').trim().slice(0, 30);
        };
        document.addEventListener('pointerdown', (e) => e.isTrusted && send(`tap ${what(e)}`), true);
        document.addEventListener('keydown', (e) => e.isTrusted && e.key === 'Enter' && send(`enter ${what(e)}`), true);
      });
    },
  };
}

/** antd's opening animations are over (a person, too, clicks what has stopped moving). */
async function settled(page: Page) {
  await page.waitForTimeout(400);
  await page.waitForFunction(() => !document.querySelector('[class*="-appear-active"], [class*="-enter-active"]'));
}

/** A China date n days after another (2026-12-07 + 7 → 2026-12-14). */
const addDays = (date: string, n: number) =>
  new Date(new Date(`${date}T12:00:00+08:00`).getTime() + n * 86_400_000).toISOString().slice(0, 10);

/** The staff page's own API call (session cookie and CSRF token, as the web app sends them). */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/auth/me')).json();
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    { method, path, body },
  );
}

describe('the everyday path, counted', () => {
  let server: RunningServer;
  let browser: Browser;
  let desktop: BrowserContext;
  let mobile: BrowserContext;
  let staff: Page;
  let phone: Page;
  let current: Page | undefined;
  const counter = tapCounter();
  const nextWeek = addDays(chinaToday(), 7);
  let activityId = '';
  let title = '';
  let scanUrl = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    desktop = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    mobile = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    await counter.watch(desktop, 'staff');
    await counter.watch(mobile, 'phone');
    // Headless Chromium has no printer: the sheet's print dialog is recorded instead.
    await desktop.addInitScript(() => {
      window.print = () => {
        document.documentElement.dataset.printed = 'yes';
      };
    });
    staff = await desktop.newPage();
    phone = await mobile.newPage();
    watchPage(staff, 'staff');
    watchPage(phone, 'phone');

    // Signed in on both devices (not counted).
    await signInAs(staff, 'centre', server.url);
    await phone.goto(`${server.url}/m`);
    await phone.getByLabel('手机号').fill(RESIDENT.phone);
    await phone.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await phone.getByRole('button', { name: '登录' }).click();
    await phone.getByLabel('密码', { exact: true }).waitFor({ state: 'detached' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  keepPageOnFailure(() => current, 'everyday-path');

  it('creates next week’s activity from the workbench: centre, theme, form and hours filled in, Chinese pickers', async () => {
    current = staff;
    await staff.goto(`${server.url}/`);
    await staff.getByRole('button', { name: '新建活动' }).waitFor();
    counter.start();
    await staff.getByRole('button', { name: '新建活动' }).click();
    const drawer = staff.locator('.ant-drawer').filter({ hasText: '新建活动' });
    // The centre is the manager's only one: filled in, and the form offers its venues at once.
    await drawer.locator('label.ant-radio-button-wrapper', { hasText: VENUE }).waitFor();
    expect(await drawer.locator('.ant-form-item', { hasText: '学习中心' }).first().innerText()).toContain('东坡村');
    await settled(staff);

    // The course fills the title, theme, form and hours.
    await drawer.getByLabel('对应课程').click();
    await settled(staff);
    const course = staff
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .first();
    await course.click();
    console.log(
      'after the course:',
      counter.taps.map((t) => t.what),
    );
    await expect.poll(() => drawer.getByLabel('活动名称').inputValue()).not.toBe('');
    title = await drawer.getByLabel('活动名称').inputValue();

    // The date: the app's Chinese date picker, not the browser's mm/dd/yyyy box.
    await drawer.getByLabel('日期').click();
    await settled(staff);
    const picker = staff.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
    expect(await picker.locator('.ant-picker-content th').allTextContents()).toEqual([
      '一',
      '二',
      '三',
      '四',
      '五',
      '六',
      '日',
    ]);
    if (!(await picker.locator(`td[title="${nextWeek}"]`).count()))
      await picker.locator('.ant-picker-header-next-btn').click();
    await picker.locator(`td[title="${nextWeek}"]`).click();
    expect(await drawer.getByLabel('日期').inputValue()).toBe(nextWeek);

    // The venue: one click on its button.
    await drawer.locator('label.ant-radio-button-wrapper', { hasText: VENUE }).click();
    await staff.screenshot({ path: resultPath('everyday-form.png') });

    await drawer.getByRole('button', { name: '保存' }).click();
    await staff.waitForURL((u) => u.searchParams.has('open'));
    activityId = new URL(staff.url()).searchParams.get('open')!;
    const panel = staff.getByTestId('activity-signin');
    await panel.waitFor();
    const created = counter.taps.length;
    console.log(
      `creating the activity: ${created} clicks`,
      counter.taps.map((t) => t.what),
    );
    expect(created).toBeLessThanOrEqual(7);
  });

  it('the panel offers the sign-in first, with what a sign-in earns under the county’s rule', async () => {
    const panel = staff.getByTestId('activity-signin');
    for (const name of ['投屏签到二维码', '打印签到表', '签到台']) await panel.getByRole('button', { name }).waitFor();
    const text = await panel.innerText();
    expect(text).toMatch(/每人签到可得 [\d.]+ 学分/);
    expect(text).not.toMatch(/可得 0 学分/);
    await staff.screenshot({ path: resultPath('everyday-panel.png') });
  });

  it('prints the sheet in one click: the venue as the place, a blank row with 现场补登 for each free place', async () => {
    const [sheet] = await Promise.all([
      desktop.waitForEvent('page'),
      staff.getByTestId('activity-signin').getByRole('button', { name: '打印签到表' }).click(),
    ]);
    current = sheet;
    await sheet.waitForFunction(() => document.documentElement.dataset.printed === 'yes');
    expect(await sheet.getByTestId('sheet-place').innerText()).toContain(VENUE);
    const rows = sheet.locator('.print-sheet tbody tr');
    // No limit of places and nobody registered yet: eight blank rows, each for a late entry.
    expect(await rows.count()).toBe(8);
    expect(await rows.filter({ hasText: '现场补登' }).count()).toBe(8);
    await sheet.screenshot({ path: resultPath('everyday-sheet.png'), fullPage: true });
    await sheet.close();
    current = staff;
  });

  it('on the day: the workbench leads to the QR screen, which shows the venue', async () => {
    // A week passes (not counted): the activity is moved to start in ten minutes.
    counter.stop();
    const a = await api<Record<string, unknown> & { equipment: { id: string }[]; teachers: { id: string }[] }>(
      staff,
      'GET',
      `/api/activities/${activityId}`,
    );
    const start = Math.ceil((Date.now() + 10 * 60_000) / 60_000) * 60_000;
    const length = new Date(a.endsAt as string).getTime() - new Date(a.startsAt as string).getTime();
    await api(staff, 'PUT', `/api/activities/${activityId}`, {
      title: a.title,
      theme: a.theme,
      form: a.form,
      courseId: a.courseId,
      responsibleUnitId: a.responsibleUnitId,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + length).toISOString(),
      venueId: a.venueId,
      place: a.place,
      equipmentIds: a.equipment.map((e) => e.id),
      teacherIds: a.teachers.map((e) => e.id),
      capacity: a.capacity,
      audience: a.audience,
      hours: a.hours,
      credits: a.credits,
      description: a.description,
      confirmShortNotice: true,
    });
    await staff.goto(`${server.url}/`);
    const qrButton = staff.getByRole('button', { name: `签到二维码 · ${title}` });
    await qrButton.waitFor();
    await staff.screenshot({ path: resultPath('everyday-workbench.png'), fullPage: true });
    counter.start();
    await qrButton.click();
    const qr = staff.getByTestId('signin-qr');
    await qr.locator('svg').waitFor();
    expect(await staff.getByTestId('signin-place').innerText()).toContain(VENUE);
    scanUrl = (await qr.getAttribute('data-url')) ?? '';
    expect(scanUrl).toMatch(/\/m\/s\//);
    await staff.screenshot({ path: resultPath('everyday-qr.png') });
  });

  it('a resident signs in with one tap on her phone, and the QR screen shows the attendance', async () => {
    current = phone;
    // The phone's camera opens the code's link (not a tap in the page).
    await phone.goto(scanUrl);
    const go = phone.getByRole('button', { name: `我是 ${RESIDENT.masked}，签到` });
    await go.waitFor();
    expect(await phone.locator('.muted', { hasText: '地点' }).innerText()).toContain(VENUE);
    await phone.screenshot({ path: resultPath('everyday-phone.png'), fullPage: true });
    await go.tap();
    await phone.getByText('签到成功').waitFor();
    current = staff;
    await staff.getByTestId('signin-counts').filter({ hasText: '已签到 1 人' }).waitFor({ timeout: 45_000 });
    counter.stop();

    const byDevice = (d: string) => counter.taps.filter((t) => t.device === d).length;
    console.log(
      `the everyday path: ${counter.taps.length} in all (staff ${byDevice('staff')}, phone ${byDevice('phone')})`,
      counter.taps,
    );
    expect(byDevice('phone')).toBe(1);
    expect(counter.taps.length).toBeLessThanOrEqual(LIMIT);
  });

  it('a phone that never signed in before takes three taps (phone number, name, 签到), measured', async () => {
    const fresh = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    const first = tapCounter();
    await first.watch(fresh, 'phone');
    const p = await fresh.newPage();
    current = p;
    scanUrl = (await staff.getByTestId('signin-qr').getAttribute('data-url')) ?? '';
    await p.goto(scanUrl);
    await p.getByLabel('手机号').waitFor();
    first.start();
    await p.getByLabel('手机号').tap();
    await p.keyboard.type(FIRST_TIME.phone);
    await p.getByLabel('姓名').tap();
    await p.keyboard.type(FIRST_TIME.name);
    await p.getByRole('button', { name: '签到', exact: true }).tap();
    await p.getByText('签到成功').waitFor();
    first.stop();
    console.log(`a first-time phone: ${first.taps.length} taps`, first.taps);
    expect(first.taps.length).toBe(3);
    await fresh.close();
    current = staff;
  });

  it('staff find a resident’s phone account from her own page; the accounts list shows before a search', async () => {
    counter.stop();
    current = staff;
    const found = await api<{ items: { id: string; name: string }[] }>(staff, 'GET', '/api/residents?q=吴桂芳');
    const resident = found.items.find((r) => r.name === '吴桂芳')!;
    await staff.goto(`${server.url}/residents?open=${resident.id}`);
    await staff.getByRole('button', { name: '手机账号' }).click();
    await staff.waitForURL((u) => u.pathname === '/resident-accounts');
    const modal = staff.locator('.ant-modal').filter({ hasText: '吴桂芳' });
    await modal.getByText(/已开通/).waitFor();
    await staff.screenshot({ path: resultPath('everyday-resident-account.png') });
    await modal.getByRole('button', { name: '关闭' }).first().click();
    // No search typed: the first page of residents, not a blank page.
    await staff.goto(`${server.url}/resident-accounts`);
    await staff.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    expect(await staff.locator('.ant-table-tbody tr.ant-table-row').count()).toBeGreaterThan(1);
  });

  it('a sheet for an activity with places has a blank row for each place still free', async () => {
    counter.stop();
    const me = await api<{ user: { homeNodeId: string } }>(staff, 'GET', '/api/auth/me');
    const start = new Date(`${addDays(chinaToday(), 10)}T09:00:00+08:00`);
    const made = await api<{ id: string }>(staff, 'POST', '/api/activities', {
      centreId: me.user.homeNodeId,
      title: '十二个名额的讲座',
      theme: 'law',
      form: 'lecture',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
      hours: 1,
      capacity: 12,
    });
    await staff.goto(`${server.url}/print/sign-in/${made.id}`);
    current = staff;
    const rows = staff.locator('.print-sheet tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(12);
    expect(await rows.filter({ hasText: '现场补登' }).count()).toBe(12);
    // Opened without ?print=1 (from the QR screen's desk, a bookmark): no print dialog.
    expect(await staff.evaluate(() => document.documentElement.dataset.printed ?? null)).toBeNull();
  });
});
