import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { keepPageOnFailure, launchBrowser, resultPath, startServer, watchPage, type RunningServer } from './harness';

// A real county goes live (issue 14): on an empty database without the demo, the operator
// creates the first system admin with the setup code the server printed, signs in, and sets the
// county up from the official division list — 重庆市 › 市辖区 › 潼南区 (500152): 23 towns and
// streets, 304 villages and communities in the 2023 edition — in one drawer.

const PASSWORD = 'Setup@2026real';
let server: RunningServer;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  server = await startServer({ env: { CEDU_DEMO: '0' } });
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' })).newPage();
  errors = watchPage(page, 'county setup').errors;
});
keepPageOnFailure(() => page, 'county-setup');

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a real county set up from the division list', () => {
  it('creates the first system admin with the setup code from the start banner', async () => {
    const code = /setup code: ([0-9A-F-]+)/.exec(server.output())?.[1];
    expect(code, server.output()).toBeTruthy();
    await page.goto(`${server.url}/setup`);
    await page.getByLabel('设置码').fill(code!);
    await page.getByLabel('县（区）名称').fill('潼南区');
    await page.getByLabel('用户名').fill('sysadmin');
    await page.getByLabel('姓名').fill('系统管理员');
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByLabel('再次输入密码').fill(PASSWORD);
    await page.getByRole('button', { name: '创建系统管理员' }).click();
    await page.waitForURL(/\/login/);
    await page.getByLabel('用户名或手机号').fill('sysadmin');
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  });

  it('sets the county up in one drawer: every town, every village ticked, codes kept', async () => {
    await page.goto(`${server.url}/org`);
    // The county without towns says so and offers the list.
    await page.getByText('本县（区）还没有乡镇和村（社区）').waitFor();
    let clicks = 0;
    const click = async (l: ReturnType<Page['locator']>) => {
      clicks++;
      await l.click();
    };
    await click(page.getByRole('button', { name: '从区划代码表添加' }).first());
    const choose = async (label: string, text: string) => {
      const select = page.getByLabel(label);
      await expect.poll(() => select.isEnabled()).toBe(true);
      await click(select);
      await page.keyboard.type(text); // the list is long (virtual): search it, as a person would
      const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text });
      await click(option.first());
    };
    await choose('省（自治区、直辖市）', '重庆市');
    await choose('市（地区、州）', '市辖区');
    await choose('县（区、市）', '潼南区');
    await page.getByText('将新建 23 个乡镇（街道）、304 个学习中心').waitFor();
    // Untick one village (no centre there yet): expand the first town, untick its first village.
    await click(page.locator('.ant-drawer .ant-tree-switcher').first());
    const firstVillage = page.locator('.ant-drawer .ant-tree-treenode', { hasText: '500152001001' });
    await click(firstVillage.locator('.ant-tree-checkbox'));
    await page.getByText('将新建 23 个乡镇（街道）、303 个学习中心').waitFor();
    await page.screenshot({ path: resultPath('county-setup-drawer.png') });
    await click(page.getByRole('button', { name: '保存' }));
    await page.getByText('已新建 23 个乡镇（街道）、303 个学习中心').waitFor();
    console.log(`county setup: ${clicks} clicks from the organisation page to 303 centres`);
    expect(clicks).toBeLessThanOrEqual(10);

    // What the server now has: the county coded, 23 towns, 303 centres, one village's code.
    const tree = await page.evaluate(
      async () =>
        (await (await fetch('/api/org/tree')).json()) as { nodes: { id: string; level: string; name: string }[] },
    );
    expect(tree.nodes.filter((n) => n.level === 'town')).toHaveLength(23);
    expect(tree.nodes.filter((n) => n.level === 'centre')).toHaveLength(303);
    const lianhua = tree.nodes.find((n) => n.name === '井田社区')!;
    const detail = await page.evaluate(
      async (id) => (await (await fetch(`/api/org/nodes/${id}`)).json()) as { divisionCode: string },
      lianhua.id,
    );
    expect(detail.divisionCode).toBe('500152001002');

    // The village left out is offered later, from the same list, and a second setup is refused.
    await page.reload();
    await click(page.getByRole('button', { name: '从区划代码表添加' }).first());
    await page.getByText('将新建 0 个乡镇（街道）、1 个学习中心').waitFor();
    await page.screenshot({ path: resultPath('county-setup-later.png') });
    expect(errors).toEqual([]);
  });

  it('makes an account for every town office and centre, and prints the handout per town', async () => {
    await page.goto(`${server.url}/users`);
    await page.getByRole('button', { name: '批量开通账号' }).click();
    await page.getByRole('button', { name: '开通并打印发放单' }).click();
    await page.waitForURL(/\/print\/accounts$/);
    // One sheet per town: its office and its centres, 23 + 303 accounts in all.
    await expect.poll(() => page.locator('.print-town').count(), { timeout: 30_000 }).toBe(23);
    expect(await page.locator('.print-town tbody tr').count()).toBe(23 + 303);
    const first = page.locator('.print-town').first();
    await expect.poll(() => first.locator('h1').textContent()).toBe('桂林街道 社区教育平台账号');
    const row = first.locator('tbody tr', { hasText: '井田社区' });
    const username = (await row.locator('td').nth(3).textContent())!;
    const password = (await row.locator('td').nth(4).textContent())!;
    expect(username).toBe('500152001002');
    expect(password).toMatch(/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/);
    await page.screenshot({ path: resultPath('county-setup-handout.png') });
    // The handout's password signs in once, and asks for a password of one's own.
    const r = await page.evaluate(
      async ([login, pw]) =>
        (await fetch('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ login, password: pw }),
        }).then((x) => x.json())) as { user: { mustChangePassword: boolean } },
      [username, password],
    );
    expect(r.user.mustChangePassword).toBe(true);
    expect(errors).toEqual([]);
  });
});
