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
  type RunningServer,
} from './harness';

/** A demo resident with a phone account (src/modules/signin/signin.demo.ts: DEMO_RESIDENT_PHONES). */
const RESIDENT_PHONE = '13957100011';

type Rate = { value: number | null; numerator: number | null; denominator: number | null; status: string };

/**
 * The main path of surveys: the county admin publishes a 知晓率/认同率/满意率 survey from the ready
 * template; a resident answers it on a 360 px phone in elder mode, signed in on the phone; the
 * county's satisfaction rate on 指标统计 and the workbench counts the answer.
 */
describe('a satisfaction survey answered on a phone, its rate on the indicators', () => {
  let server: RunningServer;
  let browser: Browser;
  let staff: Page;
  let phoneCtx: BrowserContext;
  let phone: Page;
  let surveyId = '';
  let before: Rate;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    staff = await ctx.newPage();
    errors.push(...watchPage(staff, 'surveys-staff').errors);
    phoneCtx = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    phone = await phoneCtx.newPage();
    errors.push(...watchPage(phone, 'surveys-phone').errors);
  });
  keepPageOnFailure(() => phone, 'surveys-phone');
  keepPageOnFailure(() => staff, 'surveys-staff');

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The county's satisfaction rate for this year, read as the county admin. */
  const countyRate = async (): Promise<Rate> => {
    const me = await (await staff.request.get(`${server.url}/api/survey-owners`)).json();
    const county = me.items.find((n: { level: string }) => n.level === 'county');
    const year = new Date().getFullYear();
    const r = await (await staff.request.get(`${server.url}/api/indicators?nodeId=${county.id}&year=${year}`)).json();
    return r.values.find((v: { measure: string }) => v.measure === 'satisfaction_rate');
  };

  it('the county admin creates a rate survey from the template and publishes it', async () => {
    await signInAs(staff, 'county', server.url);
    before = await countyRate();
    // The demo's survey already gives a rate (42 respondents, above the minimum of 30).
    expect(before.denominator).toBeGreaterThanOrEqual(42);
    await staff.getByRole('menuitem', { name: '问卷调查' }).click();
    await staff.waitForURL(/\/surveys/);
    await staff.getByRole('button', { name: /用“三率”模板新建/ }).hover();
    await staff.getByRole('menuitem', { name: '用“三率”模板新建' }).click();
    const drawer = staff.locator('.ant-drawer-open');
    await drawer.getByLabel('发布单位').click();
    await staff
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '青溪县' })
      .click();
    await drawer.getByLabel('问卷标题').fill('浏览器测试满意度调查');
    await staff.getByRole('button', { name: /保\s*存/ }).click();
    await staff.getByText('已创建问卷“浏览器测试满意度调查”').waitFor();
    await staff.waitForURL(/open=/);
    surveyId = new URL(staff.url()).searchParams.get('open')!;
    await staff.getByRole('button', { name: '发布' }).click();
    await staff.getByRole('button', { name: /确\s*定|OK/ }).click();
    await staff.getByText('已发布').first().waitFor();
    await staff.getByRole('button', { name: '二维码海报' }).waitFor();
  });

  it('a resident signed in on a 360 px phone answers it in elder mode, matrix rows one after another', async () => {
    // Signed in on the phone (the resident cookie), as the phone pages do.
    const login = await phone.request.post(`${server.url}/api/resident/login`, {
      data: { phone: RESIDENT_PHONE, password: DEMO_PASSWORD },
      headers: { origin: server.url },
    });
    expect(login.status()).toBe(200);
    const name = (await login.json()).resident.name as string;
    await phone.goto(`${server.url}/m/q/${surveyId}`);
    await phone.getByRole('heading', { name: '浏览器测试满意度调查' }).waitFor();
    await phone.getByRole('switch', { name: '大字模式' }).click();
    expect(await phone.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true);
    await phone.getByText(`您正以“${name}”的身份填写`).waitFor();
    // Fits the phone: nothing wider than the screen.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // Submitting with nothing answered marks the required questions and sends nothing.
    await phone.getByRole('button', { name: '提交问卷' }).click();
    await phone.getByText('请回答标红的题目').waitFor();
    await phone.getByText('知道，并参加过').click();
    await phone.getByText('认同', { exact: true }).click();
    await phone.locator('fieldset[data-q="satisfied"] .opt', { hasText: '5' }).click();
    // The matrix: each row its own small question.
    for (const row of ['课程内容', '授课老师', '时间安排', '场地设施'])
      await phone.locator('fieldset.row-q', { hasText: row }).getByText('满意', { exact: true }).click();
    await phone.getByRole('textbox', { name: '您对社区教育还有哪些意见和建议？' }).fill('希望多开书法课');
    await phone.screenshot({ path: resultPath('survey-phone-360.png'), fullPage: true });
    await phone.getByRole('button', { name: '提交问卷' }).click();
    await phone.getByText('提交成功，感谢您的参与！').waitFor();
    // A second visit: already answered.
    await phone.reload();
    await phone.getByText('您已经填写过这份问卷，感谢参与！').waitFor();
  });

  it('the county’s satisfaction rate counts the answer, on 指标统计 and the workbench', async () => {
    const after = await countyRate();
    expect(after.denominator).toBe(before.denominator! + 1);
    expect(after.numerator).toBe(before.numerator! + 1);
    await staff.goto(`${server.url}/indicators`);
    const card = staff.getByTestId('value-satisfaction_rate').locator('..');
    await expect.poll(() => card.innerText()).toContain(`${after.numerator} / ${after.denominator}`);
    await staff.goto(`${server.url}/`);
    await expect.poll(() => staff.getByTestId('wb-satisfaction_rate').innerText()).toContain('满意率');
    await staff.screenshot({ path: resultPath('survey-workbench.png'), fullPage: true });
    // The results page shows the new survey's one answer with its sample.
    await staff.goto(`${server.url}/surveys/${surveyId}/results`);
    await staff.getByText('满意率：1 / 1 = 100%（样本 1 人）').waitFor();
    await expect.poll(() => staff.getByText('样本不足（县设定最少 30 人），暂不计入指标').count()).toBe(3);
    expect(errors).toEqual([]);
  });

  it('the list with its drawer, the results, the QR poster and the phone page pass axe-core (no serious or critical violation)', async () => {
    const blocking = async (p: Page, label: string) =>
      (await axe(p, label))
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${label}: ${v.impact} ${v.rule} ${v.targets.slice(0, 3).join(' | ')}`);
    const found: string[] = [];
    await staff.goto(`${server.url}/surveys?open=${surveyId}`);
    await staff.getByRole('button', { name: '查看结果' }).waitFor();
    found.push(...(await blocking(staff, 'list and drawer')));
    await staff.goto(`${server.url}/surveys/${surveyId}/results`);
    await staff.getByText('满意率：1 / 1 = 100%（样本 1 人）').waitFor();
    found.push(...(await blocking(staff, 'results')));
    await staff.goto(`${server.url}/print/survey/${surveyId}`);
    await staff.getByText('请用手机扫描二维码填写问卷').waitFor();
    found.push(...(await blocking(staff, 'poster')));
    // A phone nobody signed in on, opened from the poster: phone and name are asked.
    const fresh = await (
      await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' })
    ).newPage();
    await fresh.goto(`${server.url}/m/q/${surveyId}?via=poster`);
    await fresh.getByText('请先填写您的手机号和姓名').waitFor();
    found.push(...(await blocking(fresh, 'phone page')));
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  });
});
