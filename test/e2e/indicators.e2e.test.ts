import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  DEMO_PASSWORD,
  keepPageOnFailure,
  launchBrowser,
  resultPath,
  startServer,
  watchPage,
  type RunningServer,
} from './harness';

/**
 * The county admin reads the county's indicators, computed from the demo county's records, and
 * changes a target; a town admin sees the same target, judged on the town's centres.
 */
describe('indicators in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page = await ctx.newPage();
    watchPage(page, 'indicators');
  });
  keepPageOnFailure(() => page, 'indicators');

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signInAs = async (p: Page, user: string) => {
    await p.goto(`${server.url}/login`);
    await p.getByLabel('用户名或手机号').fill(user);
    await p.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await p.getByRole('button', { name: '登录' }).click();
    await p.waitForURL((u) => !u.pathname.startsWith('/login'));
  };

  it('the county admin opens 指标统计 from the menu and sees the measures against their targets', async () => {
    await signInAs(page, 'county');
    await page.getByRole('menuitem', { name: '指标统计' }).click();
    await page.waitForURL(/\/indicators/);
    // Settled: the values have arrived (the grid lists the county's towns).
    await page.getByTestId('value-participants').waitFor();
    await page.getByRole('button', { name: '云台镇' }).waitFor();
    const held = page.getByTestId('value-activities_held').locator('..');
    await expect.poll(() => held.innerText()).toContain('目标 ≥ 2');
    // Not recorded yet: said so, never 0 %.
    await expect.poll(() => page.getByText('待“问卷调查”模块启用后自动计算').count()).toBe(3);
    await page.screenshot({ path: resultPath('indicators-county.png'), fullPage: true });
  });

  it('changes the target of activities per month to 3; the card is judged by it', async () => {
    await page.getByRole('button', { name: '目标设置' }).click();
    await page.getByLabel('每月活动场次 目标值').fill('3');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').waitFor();
    const held = page.getByTestId('value-activities_held').locator('..');
    await expect.poll(() => held.innerText()).toContain('目标 ≥ 3');
  });

  it('a town admin sees the county’s target, and no 目标设置 button; usable on a 360 px phone', async () => {
    const phone = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    const p = await phone.newPage();
    await signInAs(p, 'town');
    await p.goto(`${server.url}/indicators`);
    await p.getByTestId('value-participants').waitFor();
    await p.getByRole('button', { name: '东坡村' }).waitFor();
    expect(await p.getByTestId('value-activities_held').locator('..').innerText()).toContain('目标 ≥ 3');
    expect(await p.getByRole('button', { name: '目标设置' }).count()).toBe(0);
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await p.screenshot({ path: resultPath('indicators-phone.png'), fullPage: true });
    await phone.close();
  });
});
