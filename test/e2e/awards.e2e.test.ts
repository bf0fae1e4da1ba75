import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chinaYear } from '../../src/shared/china-time';
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
 * 评选表彰 end to end: 东坡村 nominates 周秀兰's family for this year's 学习型家庭, the town (云台镇)
 * reviews it with the rubric, the leadership group approves it, the county publishes the results,
 * and the family's certificate prints with its name.
 */
describe('awards in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let nominationUrl = '';
  const year = chinaYear();

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  keepPageOnFailure(() => page, 'awards');

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const as = async (user: string, path: string) => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page = await ctx.newPage();
    watchPage(page, `awards-${user}`);
    await signInAs(page, user, server.url);
    await page.goto(`${server.url}${path}`);
    return page;
  };
  const drawer = (p: Page, text: string) => p.getByRole('dialog').filter({ hasText: text });

  it('the centre nominates a family: its members and the evidence cedu gathered show; it submits', async () => {
    const p = await as('centre', '/awards');
    await p.getByRole('button', { name: `${year}年度“学习型家庭”评选` }).click();
    await p.getByRole('button', { name: /推荐提名/ }).click();
    const form = drawer(p, '事迹材料');
    await form.getByRole('combobox', { name: /被提名对象/ }).fill('周秀兰');
    await p.locator('.ant-select-item-option', { hasText: '周秀兰家庭' }).click();
    await form.locator('[contenteditable="true"]').fill('全家坚持参加老年大学和读书会，带动邻里共同学习。');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await p.waitForURL(/\/awards\/nominations\?.*open=/);
    nominationUrl = new URL(p.url()).searchParams.get('open') ?? '';
    const d = drawer(p, '系统记录');
    await d.getByText('家庭成员').waitFor();
    await d.getByText('参加学习（次）').waitFor();
    await d.getByRole('button', { name: /提交审核/ }).click();
    await d.locator('.ant-tag', { hasText: '已提交' }).waitFor();
    await p.screenshot({ path: resultPath('awards-nominated.png'), fullPage: true });
  });

  it('the town reviews it with the rubric; the town gets no approve button', async () => {
    const p = await as('town', `/awards/nominations?open=${nominationUrl}`);
    const d = drawer(p, '系统记录');
    await d.getByRole('button', { name: /审\s*核/ }).click();
    const modal = p.getByRole('dialog').filter({ hasText: '事迹突出' });
    await modal.getByLabel('事迹突出（40 分）').fill('36');
    await modal.getByLabel('学习成效（30 分）').fill('26');
    await modal.getByLabel('示范带动（30 分）').fill('25');
    await modal.getByLabel('审核意见').fill('事迹真实，同意上报');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await d.locator('.ant-tag', { hasText: '已审核' }).waitFor();
    await d.getByText('87 分').waitFor();
    expect(await d.getByRole('button', { name: /批\s*准/ }).count()).toBe(0);
  });

  it('the leadership group approves it', async () => {
    const p = await as('leader', `/awards/nominations?open=${nominationUrl}`);
    const d = drawer(p, '系统记录');
    await d.getByRole('button', { name: /批\s*准/ }).click();
    await d.locator('.ant-tag', { hasText: '已批准' }).waitFor();
  });

  it('the county publishes the results; the honour roll and the certificate print with the family’s name', async () => {
    const p = await as('county', '/awards');
    await p.getByRole('button', { name: `${year}年度“学习型家庭”评选` }).click();
    const d = drawer(p, '名额');
    await d.getByRole('button', { name: /公布结果/ }).click();
    await p
      .getByRole('dialog')
      .filter({ hasText: '确定公布吗' })
      .getByRole('button', { name: /公布结果/ })
      .click();
    await d.locator('.ant-tag', { hasText: '已公布' }).waitFor();
    await p.goto(`${server.url}/print/awards/${new URL(p.url()).searchParams.get('open')}`);
    await p.getByText('周秀兰家庭').first().waitFor();
    await p.getByText('陈德明家庭').first().waitFor();
    await p.screenshot({ path: resultPath('awards-roll.png'), fullPage: true });
    await p.goto(`${server.url}/print/award-certificate/${nominationUrl}`);
    await p.getByRole('heading', { name: '荣誉证书' }).waitFor();
    expect(await p.locator('.cert .name').innerText()).toBe('周秀兰家庭');
    await p.screenshot({ path: resultPath('awards-certificate.png'), fullPage: true });
  });
});
