import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  axe,
  DEMO_PASSWORD,
  keepPageOnFailure,
  launchBrowser,
  resultPath,
  signInAs,
  startServer,
  watchPage,
  type AxeViolation,
  type RunningServer,
} from './harness';

/** What WCAG 2.1 AA is held to here: no serious or critical violation on any page. */
const BLOCKING = new Set(['serious', 'critical']);

/** The staff pages below a menu page (reached from it, not from the menu): each shows a breadcrumb. */
const DEEPER = [
  '/residents/tags',
  '/courses/themes',
  '/indicators/records',
  '/venues',
  '/staffing',
  '/resident-accounts',
  '/funding/expenses',
  '/awards/nominations',
];

/**
 * Every page — the staff pages of every menu entry (county, town, centre), the pages below them,
 * the printed pages, the resident's phone pages and the sign-in page — passes axe-core with no
 * serious or critical violation, has one main landmark and one level-one heading, and logs no
 * error in the console. Elder mode is offered on the phone login and the sign-in page and meets
 * the elder-friendly sizes.
 */
describe('every page is readable by everyone (axe-core, WCAG 2.1 AA)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page | undefined;
  let errors: string[] = [];
  /** Every violation of every page, of any impact: the summary printed at the end. */
  const seen: { label: string; found: AxeViolation[] }[] = [];
  const ids = { activity: '', resident: '', household: '', teacher: '', town: '', scan: '' };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    const byRule = new Map<string, { impact: string; pages: number; nodes: number }>();
    for (const { found } of seen)
      for (const v of found) {
        const row = byRule.get(v.rule) ?? { impact: v.impact, pages: 0, nodes: 0 };
        row.pages += 1;
        row.nodes += v.targets.length;
        byRule.set(v.rule, row);
      }
    const lines = [...byRule].map(
      ([rule, r]) => `${r.impact.padEnd(9)} ${rule}: ${r.nodes} elements on ${r.pages} pages`,
    );
    console.log(`axe-core over ${seen.length} pages:\n${lines.join('\n') || 'no violation'}`);
    fs.writeFileSync(resultPath('axe-violations.json'), JSON.stringify(seen, null, 1));
    await browser?.close();
    await server?.close();
  });

  keepPageOnFailure(() => page, 'a11y');

  /** A fresh browser context (desktop, or a 360 px phone) whose page is watched for errors. */
  async function open(kind: 'desktop' | 'phone', locale = 'zh-CN'): Promise<Page> {
    const ctx: BrowserContext = await browser.newContext({
      baseURL: server.url,
      locale,
      ...(kind === 'desktop'
        ? { viewport: { width: 1280, height: 860 } }
        : { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }),
    });
    page = await ctx.newPage();
    errors = watchPage(page, `a11y ${kind}`).errors;
    return page;
  }

  /** The page now shown: no serious or critical axe violation, one main landmark, one h1, no console error. */
  async function check(p: Page, label: string) {
    const found = await axe(p, label);
    seen.push({ label, found });
    const blocking = found.filter((v) => BLOCKING.has(v.impact));
    // Soft: every page is visited and reported, not only the first that fails.
    expect
      .soft(
        blocking.map((v) => `${v.impact} ${v.rule}: ${v.targets.slice(0, 4).join(' | ')}`),
        `${label}: serious or critical axe violations`,
      )
      .toEqual([]);
    expect.soft(await p.locator('main, [role=main]').count(), `${label}: main landmarks`).toBe(1);
    expect.soft(await p.locator('h1, [role=heading][aria-level="1"]').count(), `${label}: level-one headings`).toBe(1);
    expect.soft(errors.splice(0), `${label}: console errors`).toEqual([]);
  }

  /** Visits each staff page and checks it. */
  async function staffPages(p: Page, who: string, paths: string[]) {
    for (const path of paths) {
      await p.goto(path);
      await check(p, `${who} ${path}`);
    }
  }

  /** The paths of the side menu the signed-in user sees. */
  async function menuPaths(p: Page): Promise<string[]> {
    await p.goto('/');
    await p.locator('.ant-layout-sider .ant-menu-item').first().waitFor();
    const labels = await p.locator('.ant-layout-sider .ant-menu-item').allInnerTexts();
    const paths: string[] = [];
    for (const label of labels) {
      await p.locator('.ant-layout-sider .ant-menu-item').filter({ hasText: label.trim() }).first().click();
      await p.waitForLoadState('networkidle');
      paths.push(new URL(p.url()).pathname);
    }
    return paths;
  }

  it('the staff login page', async () => {
    const p = await open('desktop');
    await p.goto('/login');
    await p.getByLabel('用户名或手机号').waitFor();
    await check(p, 'login');
  });

  it('every page of the county admin: each menu page, the pages below them, the QR screen', async () => {
    const p = await open('desktop');
    await signInAs(p, 'centre');
    // The data behind the detail and print pages, read through the API as a user would reach them.
    Object.assign(
      ids,
      await p.evaluate(async () => {
        const me = await (await fetch('/api/auth/me')).json();
        const headers = { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken };
        const start = new Date(Date.now() + 5 * 60_000);
        const created = await fetch('/api/activities', {
          method: 'POST',
          headers,
          body: JSON.stringify({
            centreId: me.user.homeNodeId,
            title: '无障碍检查·健康讲座',
            theme: 'health',
            form: 'lecture',
            place: '村委会二楼会议室',
            startsAt: start.toISOString(),
            endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
            hours: 2,
            capacity: 30,
            confirmShortNotice: true,
          }),
        });
        if (!created.ok) throw new Error(`create: ${created.status} ${await created.text()}`);
        const activity: string = (await created.json()).id;
        const opened = await fetch(`/api/activities/${activity}/status`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ status: 'open' }),
        });
        if (!opened.ok) throw new Error(`open: ${opened.status} ${await opened.text()}`);
        // The printed sheet's code: it lives as long as the activity (the screen's changes every minute).
        const scan = (await (await fetch(`/api/sign-in/activities/${activity}/sheet`)).json()).url as string;
        return { activity, scan };
      }),
    );
    await p.context().close();

    const county = await open('desktop');
    await signInAs(county, 'county');
    Object.assign(
      ids,
      await county.evaluate(async () => {
        const get = async (url: string) => (await fetch(url)).json();
        const residents = (await get('/api/residents?pageSize=50')).items as {
          id: string;
          householdId: string | null;
        }[];
        const teachers = (await get('/api/teachers?pageSize=1')).items as { id: string }[];
        const tree = (await get('/api/org/tree')).nodes as { id: string; name: string; level: string }[];
        return {
          resident: residents[0].id,
          household: residents.find((r) => r.householdId)!.householdId!,
          teacher: teachers[0].id,
          town: tree.find((n) => n.level === 'town')!.id,
        };
      }),
    );
    const menu = await menuPaths(county);
    expect(menu.length).toBeGreaterThanOrEqual(15);
    await staffPages(county, 'county', [
      ...menu,
      ...DEEPER,
      `/sign-in/${ids.activity}`,
      `/residents/households/${ids.household}`,
      `/org/${ids.town}`,
      '/change-password',
      '/no-such-page',
    ]);
  }, 300_000);

  it('the pages below a menu page show where they are: a breadcrumb back to the menu page', async () => {
    const p = page!;
    for (const path of [...DEEPER, `/sign-in/${ids.activity}`, `/residents/households/${ids.household}`]) {
      await p.goto(path);
      const crumbs = p.getByRole('navigation', { name: '位置' });
      await crumbs.waitFor();
      expect(await crumbs.getByRole('link').count(), path).toBeGreaterThanOrEqual(1);
    }
    await p.goto('/activities');
    await p.getByRole('heading', { level: 1 }).waitFor();
    expect(await p.getByRole('navigation', { name: '位置' }).count()).toBe(0);
  });

  it('the printed pages: sign-in sheet, learning record, service record, schedule', async () => {
    const p = page!;
    await staffPages(p, 'print', [
      `/print/sign-in/${ids.activity}`,
      `/print/learning-record/${ids.resident}`,
      `/print/service-record/${ids.teacher}?from=2026-01-01&to=2026-12-31`,
      `/print/schedule?townId=${ids.town}&year=2026`,
      `/sign-in/${ids.activity}/qr`,
    ]);
    await p.context().close();
  });

  for (const who of ['town', 'centre']) {
    it(`every menu page of the ${who} admin`, async () => {
      const p = await open('desktop');
      await signInAs(p, who);
      await staffPages(p, who, await menuPaths(p));
      await p.context().close();
    }, 240_000);
  }

  it('the staff pages on a 360 px phone (the menu in a drawer)', async () => {
    const p = await open('phone');
    await signInAs(p, 'centre');
    await staffPages(p, 'phone staff', ['/', '/activities', '/sign-in']);
    await p.getByRole('button', { name: '菜单' }).click();
    await p.locator('.ant-drawer .ant-menu-item').first().waitFor();
    await check(p, 'phone staff menu drawer');
    await p.context().close();
  });

  it('the phone login page follows the phone’s language and offers elder mode as a large switch', async () => {
    const en = await open('phone', 'en-US');
    await en.goto('/m');
    await en.getByLabel('Phone number').waitFor();
    await check(en, 'phone login (English phone)');
    await en.context().close();

    const p = await open('phone');
    await p.goto('/m');
    await p.getByLabel('手机号').waitFor();
    await check(p, 'phone login');
    const elder = p.getByRole('switch', { name: '大字模式' });
    expect(await elder.getAttribute('aria-checked')).toBe('false');
    await elder.click();
    await expect.poll(() => p.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true);
    await check(p, 'phone login, elder mode');
    await expectElderSizes(p, '.portal');
    await p.screenshot({ path: resultPath('a11y-phone-login-elder.png'), fullPage: true });
  });

  it('the sign-in page: elder mode as a large switch there too, then the resident’s phone pages', async () => {
    const p = page!;
    // Elder mode is remembered on the phone: the sign-in page opens in it.
    await p.goto(ids.scan);
    await p.getByText('无障碍检查·健康讲座').waitFor();
    const elder = p.getByRole('switch', { name: '大字模式' });
    expect(await elder.getAttribute('aria-checked')).toBe('true');
    await check(p, 'sign-in page, elder mode');
    await expectElderSizes(p, 'main');
    await p.screenshot({ path: resultPath('a11y-signin-elder.png'), fullPage: true });
    await elder.click();
    expect(await elder.getAttribute('aria-checked')).toBe('false');
    await check(p, 'sign-in page');

    await p.goto('/m');
    await p.getByLabel('手机号').fill('13957100011');
    await p.getByLabel('密码').fill(DEMO_PASSWORD);
    await p.getByRole('button', { name: '登录' }).click();
    await p.getByText('陈德明，您好').waitFor();
    for (const path of ['/m', '/m/record', '/m/credits', '/m/me']) {
      await p.goto(path);
      await check(p, `phone ${path}`);
    }
    await p.getByRole('switch', { name: '大字模式' }).click();
    for (const path of ['/m', '/m/me']) {
      await p.goto(path);
      await check(p, `phone ${path}, elder mode`);
      await expectElderSizes(p, '.portal');
    }
    await p.context().close();
  });
});

/**
 * The elder-friendly sizes (适老化): body text ≥ 18 px at line height ≥ 1.3, and every button,
 * link, input and switch at least 60 px tall.
 */
async function expectElderSizes(p: Page, within: string) {
  const { text, targets } = await p.evaluate((within) => {
    const root = document.querySelector(within) ?? document.body;
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    const text = [...root.querySelectorAll('p, span, label, div, a, button, input, li, td')]
      .filter((el) => visible(el) && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()))
      .map((el) => {
        const s = getComputedStyle(el);
        const size = parseFloat(s.fontSize);
        const lh = s.lineHeight === 'normal' ? 1.2 : parseFloat(s.lineHeight) / size;
        return { size, lh, what: el.outerHTML.slice(0, 120) };
      });
    const targets = [
      ...root.querySelectorAll(
        'button, a[href], input:not([type=checkbox]):not([type=radio]), [role=switch], .ant-segmented-item, .ant-checkbox-wrapper, .choice label, label.check',
      ),
    ]
      // An input inside a box (a password with its eye) is tapped through the box.
      .map((el) => el.closest('.ant-input-affix-wrapper') ?? el)
      .filter(visible)
      .map((el) => ({ h: el.getBoundingClientRect().height, what: el.outerHTML.slice(0, 120) }));
    return { text, targets };
  }, within);
  const small = text.filter((t) => t.size < 18);
  expect(small.map((t) => `${t.size}px ${t.what}`)).toEqual([]);
  const tight = text.filter((t) => t.lh < 1.3);
  expect(tight.map((t) => `${t.lh.toFixed(2)} ${t.what}`)).toEqual([]);
  const low = targets.filter((t) => t.h < 60);
  expect(low.map((t) => `${Math.round(t.h)}px ${t.what}`)).toEqual([]);
}
