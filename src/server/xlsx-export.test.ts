import { beforeAll, describe, expect, it } from 'vitest';
import { buildActivity } from '../../test/activity-factories';
import { readSheet } from '../../test/matrix/exports';
import type { TestResponse } from '../../test/server';
import { useWorldServer } from '../../test/server-fixture';
import { buildResidentWithPhone } from '../../test/signin-factories';
import { buildTeacher } from '../../test/teacher-factories';
import { signIns } from '../modules/signin/signin.table';
import ExcelJS from 'exceljs';
import { hidden } from '../shared/app-error';
import { EXPORT_PAGE_SIZE, sendListExport } from './xlsx-export';

// The lists' exports (src/server/xlsx-export.ts) as a person opens them: exceljs reads the file
// back; headings, rows, masking and the tree are checked on the real routes.
const { s, w, clients } = useWorldServer(
  'a_centre_manager',
  'a_town_admin',
  'a_inspector',
  'a_county_admin',
  'b_county_admin',
);
const [centre, town, inspector, county, otherCounty] = clients;

const audits = (action: string, username: string) =>
  s.database.query<{ outcome: string; node_id: string | null; summary: { rows: number; filters: object } }>(
    `select outcome, node_id, summary from audit_log where action = $1 and actor_name like $2 order by id`,
    [action, `%(${username})`],
  );
const sheetOf = async (r: Promise<TestResponse>) => readSheet(await r);

let activityId: string;
beforeAll(async () => {
  await buildTeacher(s.database, { bank: w.nodes.A1, name: '镇库老师', phone: '13900001111' });
  await buildTeacher(s.database, { bank: w.nodes.A1a, name: '中心老师', phone: '13900002222', category: 'volunteer' });
  await buildTeacher(s.database, { bank: w.nodes.A2, name: '邻镇老师', phone: '13900003333' });
  await buildTeacher(s.database, { bank: w.nodes.B1, name: '外县老师', phone: '13900004444' });
  await buildTeacher(s.database, { bank: w.nodes.A1a, name: '=HYPERLINK("x")', phone: '13900005555' });

  activityId = (await buildActivity(s.database, { centre: w.nodes.A1a, title: '导出签到' })).id;
  const other = await buildActivity(s.database, { centre: w.nodes.A1a, title: '另一场' });
  const r1 = await buildResidentWithPhone(s.database, w.nodes.A1a, { name: '签到居民', phone: '13700001234' });
  const r2 = await buildResidentWithPhone(s.database, w.nodes.A1a, { name: '另一场居民', phone: '13700005678' });
  await s.database.db.insert(signIns).values([
    { activityId, residentId: r1, status: 'confirmed', method: 'manual' },
    { activityId, status: 'pending', method: 'qr', pendingName: '路人', pendingPhone: '13700009999' },
    { activityId: other.id, residentId: r2, status: 'confirmed', method: 'manual' },
  ]);
});

describe('teachers export', () => {
  it('has the list’s headings and rows, a formula-like name kept as text; no other town or county', async () => {
    const sheet = await sheetOf(centre.req('GET', '/api/teachers/export.xlsx'));
    expect(sheet.headers).toEqual([
      '姓名',
      '类别',
      '来源',
      '状态',
      '状态日期',
      '专长',
      '所属师资库',
      '联系电话',
      '工作单位',
      '政府或社区工作人员',
      '可支付授课费',
    ]);
    const byName = new Map(sheet.rows.map((r) => [r[0], r]));
    expect([...byName.keys()].sort()).toEqual(['\'=HYPERLINK("x")', '中心老师', '镇库老师'].sort());
    // A bank keeper sees the phones of the banks at and above their centre.
    expect(byName.get('中心老师')![7]).toBe('13900002222');
    expect(byName.get('镇库老师')![7]).toBe('13900001111');
    expect(byName.get('中心老师')![1]).toBe('志愿者');
    // A name that reads like a formula stays text.
    expect(byName.has('\'=HYPERLINK("x")')).toBe(true);
    const [audit] = await audits('teacher.export', 'a_centre_manager');
    expect(audit).toMatchObject({ outcome: 'ok', node_id: w.nodes.A1a.id, summary: { rows: 3, filters: {} } });
  });

  it('masks every phone for an inspector, who keeps no bank', async () => {
    const sheet = await sheetOf(inspector.req('GET', '/api/teachers/export.xlsx'));
    expect(new Map(sheet.rows.map((r) => [r[0], r[7]]))).toEqual(
      new Map([
        ['镇库老师', '139****1111'],
        ['中心老师', '139****2222'],
        ['\'=HYPERLINK("x")', '139****5555'],
      ]),
    );
  });

  it('applies the list’s filters and audits them', async () => {
    const sheet = await sheetOf(
      town.req('GET', `/api/teachers/export.xlsx?category=volunteer&bankNodeId=${w.nodes.A1a.id}`),
    );
    expect(sheet.rows.map((r) => r[0])).toEqual(['中心老师']);
    expect((await audits('teacher.export', 'a_town_admin')).at(-1)).toMatchObject({
      node_id: w.nodes.A1a.id,
      summary: { rows: 1, filters: { category: 'volunteer', bankNodeId: w.nodes.A1a.id } },
    });
  });

  it('refuses another county’s bank as the list does, with no export row', async () => {
    const r = await otherCounty.req('GET', `/api/teachers/export.xlsx?bankNodeId=${w.nodes.A1.id}`);
    expect(r.statusCode).toBe(404);
    const theirs = await sheetOf(otherCounty.req('GET', '/api/teachers/export.xlsx'));
    expect(theirs.rows.map((row) => row[0])).toEqual(['外县老师']);
    expect(await audits('teacher.export', 'b_county_admin')).toHaveLength(1);
  });
});

describe('attendance export', () => {
  it('lists one activity’s sign-ins with phones masked; another activity’s are absent', async () => {
    const sheet = await sheetOf(inspector.req('GET', `/api/sign-in/activities/${activityId}/attendance.xlsx`));
    expect(sheet.headers).toEqual(['姓名', '联系电话', '状态', '方式', '签到时间', '签退时间', '学习时长（小时）']);
    expect(sheet.rows.map((r) => r.slice(0, 4))).toEqual([
      ['路人', '137****9999', '待确认', '扫码'],
      ['签到居民', '137****1234', '已签到', '手工'],
    ]);
    expect(sheet.rows.flat().join()).not.toContain('另一场居民');
    const [audit] = await audits('sign_in.export', 'a_inspector');
    expect(audit).toMatchObject({ node_id: w.nodes.A1a.id, summary: { rows: 2, filters: { activityId } } });
  });

  it('filters by status, and refuses another county’s staff (404, nothing audited)', async () => {
    const sheet = await sheetOf(
      centre.req('GET', `/api/sign-in/activities/${activityId}/attendance.xlsx?status=confirmed`),
    );
    expect(sheet.rows.map((r) => r[0])).toEqual(['签到居民']);
    const r = await otherCounty.req('GET', `/api/sign-in/activities/${activityId}/attendance.xlsx`);
    expect(r.statusCode).toBe(404);
    expect(await audits('sign_in.export', 'b_county_admin')).toEqual([]);
  });
});

describe('a large list', () => {
  it(`streams ${EXPORT_PAGE_SIZE * 10 + 7} rows read a page at a time, in the list’s order, and audits the count`, async () => {
    const n = EXPORT_PAGE_SIZE * 10 + 7;
    await s.database.query(
      `insert into teachers (bank_node_id, name, category, source, phone)
       select $1, '批量' || lpad(g::text, 5, '0'), 'part_time', 'other', '1390000' || lpad(g::text, 4, '0')
       from generate_series(1, $2::int) g`,
      [w.nodes.A2.id, n],
    );
    const t0 = Date.now();
    const sheet = await sheetOf(county.req('GET', `/api/teachers/export.xlsx?bankNodeId=${w.nodes.A2.id}`));
    const ms = Date.now() - t0;
    expect(sheet.rows).toHaveLength(n + 1);
    const names = sheet.rows.map((r) => r[0]);
    expect(names.slice(0, 3)).toEqual(['批量00001', '批量00002', '批量00003']);
    expect(new Set(names).size).toBe(n + 1); // no row twice across the pages
    expect(names).toContain('邻镇老师');
    expect((await audits('teacher.export', 'a_county_admin')).at(-1)).toMatchObject({
      outcome: 'ok',
      node_id: w.nodes.A2.id,
      summary: { rows: n + 1 },
    });
    console.log(`export of ${n + 1} teachers: ${ms} ms`);
  });
});

describe('sendListExport when reading fails', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `第${i + 1}行` }));
  const serve = async (readPage: (page: number) => Promise<{ items: { name: string }[] }>) => {
    const { default: Fastify } = await import('fastify');
    const app = Fastify({ logger: false });
    const u = w.users['A:town_admin'];
    const actor = {
      userId: u.id,
      username: u.username,
      displayName: '镇管理员',
      scopes: [{ role: 'town_admin' as const, nodeId: w.nodes.A1.id, nodeName: '县A镇1', path: w.nodes.A1.path }],
    };
    app.get('/x', (_req, reply) =>
      sendListExport(
        reply,
        { db: s.database.db, actor },
        {
          name: '测试',
          action: 'test.export',
          entityType: 'test',
          filters: { q: '张' },
          columns: [{ header: '名称', value: (r) => r.name }],
          readPage,
        },
      ),
    );
    const r = await app.inject({ method: 'GET', url: '/x' }).catch((err: unknown) => err as Error);
    await new Promise((done) => setTimeout(done, 200));
    await app.close();
    return r;
  };
  const testAudits = () =>
    s.database.query<{ outcome: string; summary: { rows: number; error?: string } }>(
      `select outcome, summary from audit_log where action = 'test.export' order by id`,
    );

  it('a failure on a later page cuts the download (no whole-looking file) and is audited as failed', async () => {
    const r = await serve(async (page) => {
      if (page === 1) return { items: rows(EXPORT_PAGE_SIZE) };
      throw new Error('database went away');
    });
    if (!(r instanceof Error)) {
      const wb = new ExcelJS.Workbook();
      await expect(wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer)).rejects.toThrow();
    }
    expect((await testAudits()).at(-1)).toMatchObject({
      outcome: 'failed',
      summary: { rows: EXPORT_PAGE_SIZE, error: 'database went away' },
    });
  });

  it('a refusal on the first page is the list’s answer: no file, no export row', async () => {
    const before = (await testAudits()).length;
    const r = await serve(async () => {
      throw hidden();
    });
    expect(r).not.toBeInstanceOf(Error);
    expect((r as { statusCode: number }).statusCode).toBe(404);
    expect(await testAudits()).toHaveLength(before);
  });
});
