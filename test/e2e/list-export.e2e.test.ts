import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import fs from 'node:fs';
import { readXlsx } from '../fixtures/roster-xlsx';
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
 * A list's 导出 Excel button downloads what the list shows with its current filters: the town
 * admin filters the teacher bank to part-time teachers and exports; the file holds exactly the
 * list's rows (its total), every one part-time.
 */
describe('list export in the browser (town admin)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const ctx = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    page = await ctx.newPage();
    watchPage(page, 'list export');
  });

  keepPageOnFailure(() => page, 'list-export');

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('exports the filtered teacher list: the same rows as the list, the filter applied', async () => {
    await signInAs(page, 'town', server.url);
    await page.goto(`${server.url}/teachers?category=part_time&pageSize=100`);
    const total = Number((await page.getByText(/^共 \d+ 人$/).innerText()).match(/\d+/)![0]);
    expect(total).toBeGreaterThan(0);
    const shown = await page.locator('.ant-table-tbody tr.ant-table-row td:first-child').allInnerTexts();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^师资库-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const ws = await readXlsx(fs.readFileSync((await download.path())!));
    const rows: string[][] = [];
    ws.eachRow((row, n) => n > 1 && rows.push([row.getCell(1).text, row.getCell(2).text]));
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['兼职']));
    expect(rows.map((r) => r[0])).toEqual(shown);
    await page.screenshot({ path: resultPath('list-export-teachers.png'), fullPage: true });
  });
});
