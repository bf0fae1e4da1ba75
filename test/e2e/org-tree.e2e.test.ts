import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, resultPath, startServer, type RunningServer } from './harness';

/**
 * A town administrator signs in and sees exactly their own town's part of the tree:
 * 云台镇 as the root with its villages, never the other town 柳湾镇.
 */
/** The value cell beside a label of the node's detail (antd Descriptions, bordered). */
const detailValue = (p: Page, label: string) =>
  p
    .locator('.ant-descriptions-item-label', { hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::*[1]');

describe('organisation tree in the browser (town admin)', () => {
  let server: RunningServer;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    desktop = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    page = await desktop.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends a signed-out visitor to the sign-in page, keeping the page asked for', async () => {
    await page.goto(`${server.url}/org`);
    await page.waitForURL(/\/login\?next=%2Forg/);
    await page.getByLabel('用户名或手机号').waitFor();
  });

  it('signs in as the town admin and lands on the tree of their town only', async () => {
    await page.getByLabel('用户名或手机号').fill('town');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/org$/);

    // Settled: the town (the root, chosen) has its detail loaded, whose 上级组织 is the county.
    await expect.poll(() => page.getByTestId('node-title').textContent()).toBe('云台镇');
    await expect.poll(() => detailValue(page, '上级组织').textContent()).toBe('青溪县');

    // The tree: the town as its only root, expanded to its own villages and units, exactly
    // the nodes the server gives this user (all under 云台镇), counted in the panel.
    const mine = await page.evaluate(
      async () =>
        (await (await fetch('/api/org/tree')).json()) as {
          nodes: { id: string; parentId: string | null; name: string }[];
        },
    );
    const root = mine.nodes.find((n) => n.name === '云台镇')!;
    const shown = [root.name, ...mine.nodes.filter((n) => n.parentId === root.id).map((n) => n.name)];
    const tree = page.getByRole('tree');
    await expect
      .poll(async () => (await tree.locator('.ant-tree-title').allTextContents()).map((t) => t.trim()).sort())
      .toEqual(shown.sort());
    expect(shown).toContain('东坡村');
    await page.getByText(`共 ${mine.nodes.length} 个组织`).waitFor();
    // Never the other town; the county only as the town's 上级组织, never in the tree.
    expect(await page.getByText('柳湾镇').count()).toBe(0);
    expect(await tree.getByText('青溪县').count()).toBe(0);
    expect(await page.getByText('青溪县', { exact: true }).count()).toBe(1);
    expect(await detailValue(page, '上级组织').getByText('青溪县', { exact: true }).count()).toBe(1);
  });

  it('opens a village and shows its details', async () => {
    await page.getByRole('tree').getByText('东坡村', { exact: true }).click();
    await expect.poll(() => page.getByTestId('node-title').textContent()).toBe('东坡村');
    await expect.poll(() => detailValue(page, '上级组织').textContent()).toBe('云台镇');
    await page.getByText('常住人口', { exact: true }).first().waitFor();
    await page.getByText('339901101201').waitFor(); // its division code
    expect(page.url()).toMatch(/\/org\/[0-9a-f-]{36}$/);
    await page.screenshot({ path: resultPath('org-tree.png'), fullPage: true });
  });

  it('a menu item clicked before the tree has loaded is where the user stays', async () => {
    // On a slow connection the user may choose another page before the tree answers, while that
    // page's script is still on its way. The tree's answer must not send them back to the tree.
    const slow = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      locale: 'zh-CN',
      storageState: await desktop.storageState(),
    });
    const p = await slow.newPage();
    const hold = () => {
      let release!: () => void;
      let arrived!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const asked = new Promise<void>((r) => (arrived = r));
      return { held, release, asked, arrived };
    };
    const tree = hold();
    const script = hold();
    await p.route(/\/api\/org\/tree$/, async (route) => {
      tree.arrived();
      await tree.held;
      await route.continue();
    });
    await p.route(/\/assets\/import-page-[\w-]+\.js$/, async (route) => {
      script.arrived();
      await script.held;
      await route.continue();
    });
    try {
      await p.goto(`${server.url}/org`);
      // The tree page is on screen and has asked for the tree (on a busy machine its script may take a while).
      await tree.asked;
      await p.getByRole('menuitem', { name: '名册导入导出' }).click();
      await p.waitForURL(/\/imports$/);
      await script.asked;
      // The tree answers first; its page is still on screen while the next page's script loads.
      const answered = p.waitForResponse((r) => new URL(r.url()).pathname === '/api/org/tree');
      tree.release();
      await answered;
      await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
      script.release();
      await p.getByText('居民名册导入导出').waitFor();
      expect(new URL(p.url()).pathname).toBe('/imports');
    } finally {
      tree.release();
      script.release();
      await slow.close();
    }
  });

  it('is usable on a 360 px phone: tree and detail stacked, nothing wider than the screen', async () => {
    const phone = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'zh-CN',
      storageState: await desktop.storageState(),
      isMobile: true,
      hasTouch: true,
    });
    const p = await phone.newPage();
    await p.goto(page.url());
    // Settled before measuring: the village's detail (its parent and code) and the tree.
    await expect.poll(() => p.getByTestId('node-title').textContent()).toBe('东坡村');
    await expect.poll(() => detailValue(p, '上级组织').textContent()).toBe('云台镇');
    await p.getByText('339901101201').waitFor();
    await p.getByRole('tree').getByText('云台镇', { exact: true }).waitFor();
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await p.screenshot({ path: resultPath('org-tree-phone.png') });
    await phone.close();
  });
});
