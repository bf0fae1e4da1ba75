import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chinaMonth } from '../../src/shared/china-time';
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
 * The monthly report (月报) from centre to town to county: 东坡村 submits this month's report, the
 * town (云台镇) returns it with a comment, the centre resubmits, the town accepts, and the county
 * sees the reporting rate; a month before the county's start month (起报月份) is 无需报送.
 */
describe('monthly reports in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let page: Page;
  const month = chinaMonth();

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  keepPageOnFailure(() => page, 'reports');

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh browser session of a demo user, on the reports page for this month. */
  const as = async (user: string) => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    contexts.push(ctx);
    page = await ctx.newPage();
    watchPage(page, `reports-${user}`);
    await signInAs(page, user, server.url);
    await page.getByRole('menuitem', { name: '月报' }).click();
    await page.waitForURL(/\/reports/);
    await page.goto(`${server.url}/reports?month=${month}`);
    return page;
  };
  /** Opens the report of the table row that names `text` (a month or a node). */
  const openRow = async (p: Page, text: string) => {
    await p
      .getByRole('row', { name: new RegExp(text) })
      .first()
      .getByRole('button', { name: /查\s*看/ })
      .click();
    await p.getByText('报送截止').first().waitFor();
  };
  const drawer = (p: Page) => p.getByRole('dialog').filter({ hasText: '报送截止' });

  let centre: Page;
  let town: Page;

  it('the centre writes and submits this month’s report: the figures are pre-filled from its records', async () => {
    centre = await as('centre');
    await openRow(centre, month);
    await drawer(centre).getByText('活动场次').waitFor();
    await centre.getByRole('textbox', { name: '工作情况' }).fill('本月开展健康讲座和智能手机课堂，居民参与积极。');
    await centre.getByRole('button', { name: /报\s*送/ }).click();
    await centre.getByRole('button', { name: '重新报送' }).waitFor();
    await centre.screenshot({ path: resultPath('reports-centre.png'), fullPage: true });
  });

  it('the town returns it with a comment', async () => {
    town = await as('town');
    await town
      .getByRole('row', { name: /东坡村/ })
      .getByText('已报送')
      .waitFor();
    await openRow(town, '东坡村');
    await drawer(town)
      .getByRole('button', { name: /退\s*回/ })
      .click();
    await town.getByLabel('退回原因').fill('请补充本月活动照片');
    await town
      .getByRole('dialog')
      .filter({ hasText: '退回原因' })
      .getByRole('button', { name: /退\s*回/ })
      .click();
    await drawer(town).getByText('审核意见：请补充本月活动照片').waitFor();
  });

  it('the centre sees the comment and resubmits; the town accepts', async () => {
    await centre.reload();
    await drawer(centre).getByText('审核意见：请补充本月活动照片').waitFor();
    await centre.getByRole('textbox', { name: '工作情况' }).fill('本月开展健康讲座和智能手机课堂，已补充活动照片。');
    await centre.getByRole('button', { name: /报\s*送/ }).click();
    await centre.getByRole('button', { name: '重新报送' }).waitFor();

    await town.reload();
    await drawer(town)
      .getByRole('button', { name: /采\s*纳/ })
      .click();
    await drawer(town).locator('.ant-tag', { hasText: '已采纳' }).waitFor();
    await town.screenshot({ path: resultPath('reports-town.png'), fullPage: true });
  });

  it('the county sees the reporting rate of its towns', async () => {
    const county = await as('county');
    const row = county.getByRole('row', { name: /云台镇/ });
    await row.waitFor();
    // 云台镇's five centres this month: 东坡村 on time, the others not yet due.
    await expect.poll(() => row.getByTestId('report-rate').innerText()).toContain('按时 1');
    expect(await row.getByTestId('report-rate').innerText()).toContain('共 5 个');
    // Last month: 云台社区 never reported, 溪口村 was late (the demo county's records).
    await county.goto(`${server.url}/reports?month=${lastMonth(month)}`);
    const last = county.getByRole('row', { name: /云台镇/ }).getByTestId('report-rate');
    await expect.poll(() => last.innerText()).toContain('逾期 1');
    expect(await last.innerText()).toContain('未报 1');
    await county.screenshot({ path: resultPath('reports-county.png'), fullPage: true });
  });

  it('the county’s start month: the demo starts three months back; a month before it is 无需报送', async () => {
    const county = await as('county');
    const start = lastMonth(lastMonth(lastMonth(month)));
    await county.getByRole('button', { name: '报送设置' }).click();
    const dialog = county.getByRole('dialog').filter({ hasText: '起报月份' });
    await expect.poll(() => dialog.getByLabel('起报月份').inputValue()).toBe(start);
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await county.goto(`${server.url}/reports?month=${lastMonth(start)}`);
    const row = county.getByRole('row', { name: /云台镇/ });
    await row.getByText('无需报送').first().waitFor();
    // Its five centres owe nothing that month: none counted, none missing.
    await expect.poll(() => row.getByTestId('report-rate').innerText()).toContain('共 0 个');
    expect(await row.getByTestId('report-rate').innerText()).toContain('无需报送 5');
    await county.screenshot({ path: resultPath('reports-county-before-start.png'), fullPage: true });
  });
});

function lastMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number);
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
}
