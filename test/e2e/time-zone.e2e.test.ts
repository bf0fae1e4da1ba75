import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chinaToday } from '../../src/shared/china-time';
import { DEMO_PASSWORD, launchBrowser, resultPath, startServer, type RunningServer } from './harness';

/**
 * House rule 14: a browser in New York still reads China time in one format. An activity
 * at 10:15–12:15 China time is 21:15–23:15 the day before in New York; every staff page must
 * say 10:15 on the China date.
 */
describe('China time in a browser in New York', () => {
  let server: RunningServer;
  let browser: Browser;
  let staff: Page;
  let activityId = '';
  const title = '时区测试·晚间在纽约看的讲座';
  // Three days ahead in China, so the activity is upcoming whatever the hour.
  const date = chinaToday(Date.now() + 3 * 86_400_000);

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const ctx = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      locale: 'zh-CN',
      timezoneId: 'America/New_York',
    });
    staff = await ctx.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the browser really is in New York, and the centre manager creates an activity at 10:15 China time', async () => {
    await staff.goto(`${server.url}/login`);
    expect(await staff.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/New_York');
    await staff.getByLabel('用户名或手机号').fill('centre');
    await staff.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await staff.getByRole('button', { name: '登录' }).click();
    await staff.waitForURL((u) => !u.pathname.startsWith('/login'));
    activityId = await staff.evaluate(
      async ({ date, title }) => {
        const me = await (await fetch('/api/auth/me')).json();
        const headers = { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken };
        const body = {
          centreId: me.user.homeNodeId,
          title,
          theme: 'law',
          form: 'lecture',
          place: '村委会二楼会议室',
          startsAt: `${date}T10:15:00+08:00`,
          endsAt: `${date}T12:15:00+08:00`,
          hours: 2,
          capacity: 40,
          confirmShortNotice: true,
        };
        const created = await fetch('/api/activities', { method: 'POST', headers, body: JSON.stringify(body) });
        if (!created.ok) throw new Error(`create: ${created.status} ${await created.text()}`);
        const json = await created.json();
        return (json.id ?? json.ids?.[0] ?? json.items?.[0]?.id) as string;
      },
      { date, title },
    );
    expect(activityId).toMatch(/^[0-9a-f-]{36}$/);
    // What New York's own clock would say, so the checks below cannot pass by accident.
    const local = await staff.evaluate(
      (d) => new Date(`${d}T10:15:00+08:00`).toLocaleTimeString('sv-SE').slice(0, 5),
      date,
    );
    expect(local).toBe('21:15');
  });

  it('the activities list shows the China date and 10:15–12:15', async () => {
    await staff.goto(`${server.url}/activities?month=${date.slice(0, 7)}`);
    const row = staff.getByRole('row').filter({ hasText: title });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain(`${date} 10:15–12:15`);
  });

  it('the sign-in desk and the big QR screen show the China date and 10:15', async () => {
    await staff.goto(`${server.url}/sign-in?when=upcoming`);
    const row = staff.getByRole('row').filter({ hasText: title });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain(`${date} 10:15`);
    expect(text).not.toContain('21:15');
    await staff.screenshot({ path: resultPath('time-zone-sign-in-desk.png') });

    await staff.goto(`${server.url}/sign-in/${activityId}/qr`);
    await staff.getByText(title).waitFor();
    await staff.getByText(`${date} 10:15 · 村委会二楼会议室`).waitFor();
    await staff.screenshot({ path: resultPath('time-zone-qr-screen.png') });
  });
});
