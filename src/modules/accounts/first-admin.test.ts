import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../../test/server';
import { useTestServer } from '../../../test/server-fixture';
import { wantsDemo } from '../../db/demo';
import { auditLog } from '../../server/db/audit.table';
import { orgNodes } from '../../server/db/tree.table';
import { roleAssignments, users } from './account.table';
import { createSystemAdmin, firstRunCode } from './first-admin.service';

const s = useTestServer();
let code: string;
const setup = (body: Record<string, unknown>) =>
  s.app.inject({ method: 'POST', url: '/api/setup', payload: body, remoteAddress: '10.7.0.1' });
const userCount = async () => Number((await s.database.db.select({ n: count() }).from(users))[0].n);

beforeAll(async () => {
  code = firstRunCode(s.app.protector);
});

describe('the demo county', () => {
  it('is created on the embedded database unless CEDU_DEMO=0, on PostgreSQL only with CEDU_DEMO=1', () => {
    expect(wantsDemo(undefined, 'pglite')).toBe(true);
    expect(wantsDemo(false, 'pglite')).toBe(false);
    expect(wantsDemo(undefined, 'postgres')).toBe(false);
    expect(wantsDemo(true, 'postgres')).toBe(true);
  });
});

describe('first-run page', () => {
  it('is offered while there is no account, and asks for a county when there is none', async () => {
    expect((await s.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({
      needed: true,
      hasCounty: false,
    });
  });

  it('refuses a wrong setup code, a weak password and a missing county name, and creates nothing', async () => {
    const base = {
      setupCode: code,
      username: 'chief',
      displayName: '县管理员',
      password: 'Qingxi-strong-2026',
      countyName: '青石县',
    };
    const wrong = await setup({ ...base, setupCode: 'AAAA-BBBB-CCCC' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues[0]).toMatchObject({
      path: 'setupCode',
      messageEn: expect.stringContaining('Wrong setup code'),
    });
    const weak = await setup({ ...base, password: '12345678' });
    expect(weak.json().error.issues[0]).toMatchObject({
      path: 'password',
      message: '这个密码太常见，容易被猜到，请换一个',
    });
    const noCounty = await setup({ ...base, countyName: undefined });
    expect(noCounty.json().error.issues[0]).toMatchObject({ path: 'countyName' });
    expect(await userCount()).toBe(0);
    expect((await s.database.db.select({ n: count() }).from(orgNodes))[0].n).toBe(0);
    const denied = await s.database.db.select().from(auditLog).where(eq(auditLog.action, 'setup.first_admin'));
    expect(denied).toEqual([expect.objectContaining({ outcome: 'denied', ip: '10.7.0.1' })]);
  });

  it('two first-run requests at once: one creates the admin, the other is refused; then the page is closed', async () => {
    const both = () =>
      Promise.all([
        setup({
          setupCode: code.toLowerCase(),
          username: 'chief_a',
          displayName: '甲',
          password: 'Qingxi-strong-2026',
          countyName: '青石县',
        }),
        setup({
          setupCode: code.replace(/-/g, ''),
          username: 'chief_b',
          displayName: '乙',
          password: 'Qingxi-strong-2026',
          countyName: '白石县',
        }),
      ]);
    // On PostgreSQL, make the two overlap for certain: hold inserts into the tree until both
    // have started, so each has counted the accounts before either writes. (PGlite has one session.)
    const [a, b] =
      s.database.kind === 'postgres'
        ? await (
            await s.database.transaction(async (q) => {
              await q('lock table org_nodes in share row exclusive mode');
              const racing = both();
              await new Promise((r) => setTimeout(r, 1500));
              return { racing }; // committed (the lock let go) before the requests are awaited
            })
          ).racing
        : await both();
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('系统已有账号，首次设置已关闭'),
    });
    expect(await userCount()).toBe(1);
    expect((await s.database.db.select({ n: count() }).from(orgNodes))[0].n).toBe(1);
    const winner = (a.statusCode === 201 ? a : b).json().username as string;

    const admin = await signIn(s.app, winner, 'Qingxi-strong-2026');
    const me = (await admin.req('GET', '/api/auth/me')).json();
    expect(me.scopes).toEqual([expect.objectContaining({ role: 'system_admin' })]);
    expect(me.user.mustChangePassword).toBe(false);
    const audit = await s.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.create'));
    expect(audit).toEqual([
      expect.objectContaining({
        actorName: 'system',
        summary: expect.objectContaining({ username: winner, role: 'system_admin', via: 'first-run' }),
      }),
    ]);

    expect((await s.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({
      needed: false,
      hasCounty: true,
    });
    const late = await setup({ setupCode: code, username: 'late', displayName: '迟', password: 'Qingxi-strong-2026' });
    expect(late.statusCode).toBe(409);
    expect(await userCount()).toBe(1);
  });

  it('the command adds a system admin later on the existing county, with the password rules and unique names', async () => {
    const [county] = await s.database.db.select().from(orgNodes);
    const out = await createSystemAdmin(s.database.db, {
      username: 'second',
      displayName: '第二位',
      password: 'Another-good-pass-7',
      via: 'command',
    });
    expect(out).toMatchObject({ countyId: county.id, countyCreated: false });
    const roles = await s.database.db.select().from(roleAssignments).where(eq(roleAssignments.userId, out.id));
    expect(roles).toEqual([expect.objectContaining({ role: 'system_admin', nodeId: county.id })]);
    await expect(
      createSystemAdmin(s.database.db, {
        username: 'SECOND',
        displayName: '重名',
        password: 'Another-good-pass-7',
        via: 'command',
      }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: 'username' })] });
    await expect(
      createSystemAdmin(s.database.db, { username: 'third', displayName: '弱', password: 'third', via: 'command' }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: 'password' })] });
  });
});

describe('npm run admin:create', () => {
  // Creating through the command is createSystemAdmin (above); here: the script refuses bad input before it opens the database.
  it('refuses a common password and a bad username, with the rule in both languages', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cedu-admin-create-'));
    const run = (args: string[], password: string) =>
      promisify(execFile)(
        process.execPath,
        [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/admin-create.ts', ...args],
        {
          env: { ...process.env, DATABASE_URL: '', CEDU_DATA_DIR: dir, CEDU_ADMIN_PASSWORD: password },
        },
      ).then(
        (r) => ({ code: 0, out: r.stdout + r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
      );
    try {
      const weak = await run(['boss', '--county', '测试县'], 'password');
      expect(weak).toMatchObject({
        code: 1,
        out: expect.stringContaining('这个密码太常见，容易被猜到，请换一个 — This password is too common'),
      });
      const badName = await run(['b o s s'], 'Boss-pass-2026!');
      expect(badName).toMatchObject({ code: 2, out: expect.stringContaining('Username: 3–32 letters') });
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
