import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  keepPageOnFailure,
  launchBrowser,
  resultPath,
  startServer,
  watchPage,
  type RunningServer,
  signInAs,
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

  it('the county admin opens 指标统计 from the menu and sees the measures against their targets', async () => {
    await signInAs(page, 'county', server.url);
    await page.getByRole('menuitem', { name: '指标统计' }).click();
    await page.waitForURL(/\/indicators/);
    // Settled: the values have arrived (the grid lists the county's towns).
    await page.getByTestId('value-participants').waitFor();
    await page.getByRole('button', { name: '云台镇' }).waitFor();
    const held = page.getByTestId('value-activities_held').locator('..');
    await expect.poll(() => held.innerText()).toContain('目标 ≥ 2');
    // Staffing: the county's full-time and part-time teachers, its centres judged by the staffing norm.
    const staff = page.getByTestId('value-staffing');
    await expect.poll(() => staff.innerText()).toMatch(/^专职 \d+ · 兼职 \d+$/);
    const staffCard = await staff.locator('..').innerText();
    expect(staffCard).toContain('按教师配备标准考核');
    expect(staffCard).toMatch(/\d+ \/ \d+ 达标（学习中心）/);
    // The survey rates come from the demo's rate survey (42 respondents): a share, with its sample.
    await expect.poll(() => page.getByTestId('value-satisfaction_rate').innerText()).toMatch(/%$/);
    await expect.poll(() => page.getByTestId('value-satisfaction_rate').locator('..').innerText()).toMatch(/\d+ \/ 42/);
    await page.screenshot({ path: resultPath('indicators-county.png'), fullPage: true });
  });

  it('changes the target of activities per month to 3; the card is judged by it', async () => {
    await page.getByRole('button', { name: '目标设置' }).click();
    await page.getByLabel('每月活动场次 目标值').fill('3');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').waitFor();
    // The drawer saved every measure, staffing without a threshold (the staffing norm judges it).
    const held = page.getByTestId('value-activities_held').locator('..');
    await expect.poll(() => held.innerText()).toContain('目标 ≥ 3');
  });

  it('opens a drill-down from a value and sees the records behind it, with a way back', async () => {
    await page.goto(`${server.url}/indicators?year=2026&month=all`);
    const value = page.getByTestId('value-person_times');
    await value.waitFor();
    const shown = (await value.innerText()).replace(/,/g, '');
    await value.getByRole('link').click();
    await page.waitForURL(/\/indicators\/records\?.*measure=person_times/);
    // The residents who took part, named for the county admin; the count says how many.
    await page.getByRole('heading', { name: '参与人次明细' }).waitFor();
    await page.getByRole('columnheader', { name: '居住村（社区）' }).waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    expect(Number(shown)).toBeGreaterThan(0);
    await page.screenshot({ path: resultPath('indicators-records.png'), fullPage: true });
    await page.getByRole('link', { name: '指标统计' }).first().click();
    await page.waitForURL(/\/indicators\?/);
    await page.getByTestId('value-participants').waitFor();
  });

  it('opens 数据看板 from the menu: the charts are drawn, the centres’ attainment is marked in words', async () => {
    await page.getByRole('menuitem', { name: '数据看板' }).click();
    await page.waitForURL(/\/dashboards/);
    await page.getByRole('combobox', { name: '月份' }).waitFor();
    await page.goto(`${server.url}/dashboards?year=2026&month=all`);
    // Each chart is an SVG drawn by ECharts inside its box.
    for (const name of ['逐月趋势（2026年）', '按主题', '各镇（街道）对比'])
      await page.getByRole('img', { name }).locator('svg').first().waitFor();
    await expect.poll(() => page.getByText(/✓ 达标|✗ 未达标/).count()).toBeGreaterThan(0);
    const exportLinks = page.getByRole('link', { name: /导出/ });
    expect(await exportLinks.count()).toBeGreaterThan(3);
    const href = await page.getByRole('link', { name: /导出全部表格/ }).getAttribute('href');
    const res = await page.request.get(`${server.url}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('spreadsheetml');
    await page.screenshot({ path: resultPath('dashboards-county.png'), fullPage: true });
  });

  it('a town admin sees the county’s target, and no 目标设置 button; usable on a 360 px phone', async () => {
    const phone = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    const p = await phone.newPage();
    await signInAs(p, 'town', server.url);
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
