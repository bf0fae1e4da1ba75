import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  keepPageOnFailure,
  launchBrowser,
  resultPath,
  signInAs,
  startServer,
  watchPage,
  type RunningServer,
} from './harness';

/**
 * Funding in the browser, on the demo county: the county admin sees 云台镇's budget flagged below
 * the standard (2 yuan × 2520 residents = 5,040 yuan; budget 4,500 yuan); a centre manager's
 * teaching fee to a volunteer is refused with the teacher bank's rule, and nothing is recorded.
 */
describe('funding in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  /** A fresh browser context (signed out) for each person. */
  const freshPage = async () => {
    await page?.context().close();
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page = await ctx.newPage();
    watchPage(page, 'funding');
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  keepPageOnFailure(() => page, 'funding');

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the county admin opens 经费管理 and sees the budget below the standard flagged', async () => {
    await freshPage();
    await signInAs(page, 'county', server.url);
    await page.getByRole('menuitem', { name: '经费管理' }).click();
    await page.waitForURL(/\/funding$/);
    const row = page.getByRole('row', { name: /云台镇/ });
    await expect.poll(() => row.innerText()).toContain('低于标准 540.00 元');
    expect(await page.getByRole('row', { name: /柳湾镇/ }).innerText()).toContain('达到标准');
    await row.getByRole('button', { name: '云台镇' }).click();
    const alert = page.getByTestId('funding-shortfall');
    await expect
      .poll(() => alert.innerText())
      .toBe('预算 4,500.00 元低于标准 5,040.00 元（2.00 元 × 2520 人），缺口 540.00 元');
    // The county reads; the town office keeps the budget.
    expect(await page.getByRole('button', { name: '编辑预算' }).count()).toBe(0);
    await page.screenshot({ path: resultPath('funding-town.png'), fullPage: true });
  });

  it('a teaching fee to a volunteer is refused with the reason, and nothing is recorded', async () => {
    await freshPage();
    await signInAs(page, 'centre', server.url);
    await page.goto(`${server.url}/funding/expenses`);
    const totals = page.getByText(/^合计 .* 元，其中已审核/);
    await totals.waitFor();
    const before = await totals.innerText();
    await page.getByRole('button', { name: '登记支出' }).click();
    const drawer = page.getByRole('dialog', { name: '登记经费支出' });
    // The centre manager's own centre is chosen for them.
    await expect.poll(() => drawer.locator('.ant-form-item').first().innerText()).toContain('东坡村');
    await drawer.getByLabel('类别').click();
    await page.locator('.ant-select-item-option', { hasText: '授课费' }).click();
    await drawer.getByLabel('金额（元）').fill('100');
    await drawer.getByLabel('授课教师').click();
    await page.keyboard.type('龙小雨');
    // Each key asks the server again: choose once the last answer is in (under load an earlier
    // answer arrived after the click and replaced the options, leaving the field empty).
    await page.waitForLoadState('networkidle');
    await page.locator('.ant-select-item-option', { hasText: '龙小雨' }).click();
    const teacherItem = drawer.locator('.ant-form-item', { has: page.getByLabel('授课教师') });
    await expect.poll(() => teacherItem.innerText()).toContain('龙小雨');
    await drawer.getByLabel('用途').fill('手机课授课费');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await drawer.getByText('不能向“龙小雨”支付授课费：志愿者不能领取授课费（师资库授课费规定）').waitFor();
    await page.screenshot({ path: resultPath('funding-fee-refused.png'), fullPage: true });
    await page.getByRole('button', { name: /取\s*消/ }).click();
    await page.reload();
    await totals.waitFor();
    expect(await totals.innerText()).toBe(before);
  });
});
