import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  keepPageOnFailure,
  launchBrowser,
  resultPath,
  startServer,
  watchPage,
  type RunningServer,
  signInAs as signInPage,
} from './harness';

/**
 * The first screen after login: a town admin lands on the workbench (not the organisation tree),
 * sees what waits and a centre of the demo county that has not held its two activities this
 * month, with the link to that centre's records; a leader sees the numbers and nothing to do.
 */
describe('the workbench in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  keepPageOnFailure(() => page, 'workbench');

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signInAs = async (user: string, viewport = { width: 1280, height: 900 }) => {
    const ctx = await browser.newContext({ viewport, locale: 'zh-CN' });
    page = await ctx.newPage();
    watchPage(page, `workbench ${user}`);
    await signInPage(page, user, server.url);
    return page;
  };

  it('a town admin lands on the workbench: what waits, a centre behind on its activities and the link to its records', async () => {
    const p = await signInAs('town');
    expect(new URL(p.url()).pathname).toBe('/');
    await p.getByRole('heading', { name: '工作台 · 云台镇' }).waitFor();
    // 待办: the demo's course to review, with its count and due date, links to the review list.
    const waiting = p.getByTestId('waiting');
    const review = waiting.getByRole('link', { name: /待审核的课程/ });
    await review.waitFor();
    expect(await review.getAttribute('href')).toBe('/courses?view=review');
    expect(await review.innerText()).toMatch(/截止 \d{4}-\d{2}-\d{2}[\s\S]*1 项/);
    // A centre that has not held two activities this month (the demo county has some).
    const missed = p.getByTestId('missed-centres');
    await missed.getByText(/截至今天，本月开展活动不足 2 场的学习中心/).waitFor();
    const row = missed.locator('[data-testid^="missed-"]').first();
    const rowText = await row.innerText();
    expect(rowText).toMatch(/未达标\s*已开展 [01] 场/);
    const held = Number(/已开展 (\d) 场/.exec(rowText)![1]);
    const centreName = rowText.split(/\s/)[0];
    const centreId = (await row.getAttribute('data-testid'))!.slice('missed-'.length);
    const now = new Date(Date.now() + 8 * 3_600_000); // China time
    const [y, m] = [now.getUTCFullYear(), now.getUTCMonth() + 1];
    const drill = row.getByRole('link', { name: '查看活动记录' });
    expect(await drill.getAttribute('href')).toBe(
      `/indicators/records?nodeId=${centreId}&measure=activities_held&year=${y}&month=${m}`,
    );
    expect(await row.getByRole('link', { name: '指标' }).getAttribute('href')).toBe(`/indicators?nodeId=${centreId}`);
    // Quick actions are real links; this month's indicators say met or missed in words.
    expect(await p.getByRole('link', { name: /今日签到/ }).getAttribute('href')).toBe('/sign-in');
    await expect.poll(() => p.getByTestId('wb-activities_held').innerText()).toMatch(/未达标|达标/);
    await p.screenshot({ path: resultPath('workbench-town.png'), fullPage: true });
    // Login, then one click: the drill-down.
    await drill.click();
    await p.waitForURL((u) => u.pathname === '/indicators/records' && u.searchParams.get('nodeId') === centreId);
    // The drill-down: that centre's activities held this month, as many as the workbench said.
    await p.getByText(new RegExp(`^${centreName} · `)).waitFor();
    if (held > 0) await p.getByText(`共 ${held} 场活动`).waitFor();
    else await p.getByText('本期没有记录').first().waitFor();
    expect(await p.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(held);
    await p.screenshot({ path: resultPath('workbench-drill-down.png'), fullPage: true });
  });

  it('the menu’s first entry is 工作台', async () => {
    await page.goto(`${server.url}/org`);
    const first = page.getByRole('menuitem').first();
    expect(await first.innerText()).toContain('工作台');
    await first.click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByTestId('missed-centres').waitFor();
  });

  it('a leader sees the numbers only: no 待办, no quick actions', async () => {
    const p = await signInAs('leader', { width: 360, height: 740 });
    await p.getByText('领导查看：只显示数据').waitFor();
    await p.getByTestId('wb-activities_held').waitFor();
    await p.getByTestId('missed-centres').waitFor();
    expect(await p.getByText('待办事项').count()).toBe(0);
    expect(await p.getByText('快捷操作').count()).toBe(0);
    expect(await p.getByRole('link', { name: /新建活动/ }).count()).toBe(0);
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await p.screenshot({ path: resultPath('workbench-leader-phone.png'), fullPage: true });
  });
});
