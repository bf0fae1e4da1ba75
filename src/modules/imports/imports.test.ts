import crypto from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNode, buildUser, type NodeRef } from '../../../test/factories';
import { badCheckId, buildRosterXlsx, validId, type RosterCell } from '../../../test/fixtures/roster-xlsx';
import type { Client } from '../../../test/server';
import { signInAll, useTestServer } from '../../../test/server-fixture';
import { auditLog } from '../../server/db/audit.table';
import { consents, households, residents, residentTagDefs, residentTags } from '../people/people.table';
import { importJobs } from './imports.table';
import { readXlsx } from '../../../test/fixtures/roster-xlsx';

const s = useTestServer();
let town: NodeRef;
let dongpo: NodeRef;
let ta: Client;
let cm: Client;
let teacher: Client;

const HEADERS = [
  '序号',
  '联系电话',
  '姓 名',
  '公民身份号码',
  '性别',
  '出生年月',
  '所属村居',
  '户主',
  '与户主关系',
  '组别',
  '人员类别',
  '文化程度',
];
const ID1 = validId('19800101', 123);
const ID2 = validId('19820305', 246);
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** The messy roster: 4 good rows (2, 3, 4, 13 of the data) and 10 bad ones. */
function messyRows(over: { phone1?: string; tags1?: string } = {}): RosterCell[][] {
  return [
    [
      1,
      over.phone1 ?? '138 0013 8000',
      '王大明',
      ID1,
      '男',
      new Date(Date.UTC(1980, 0, 1)),
      '东坡村',
      '王大明',
      '户主',
      '一组',
      over.tags1 ?? '老年人',
      '初中',
    ],
    [
      2,
      fullWidth('13800138001'),
      '李小红',
      fullWidth(ID2),
      '女',
      '1982/3/5',
      '东坡村',
      '王大明',
      '配偶',
      '一组',
      '',
      '高中',
    ],
    [3, '', '王小宝', '', '男', '2018年6月1日', '东坡村学习中心', '王大明', '子', '一组', '留守儿童', ''],
    [4, '13800138002', '赵数字', 1.10105198001011e17, '男', '1980-01-01', '东坡村', '', '', '', '', ''],
    [
      5,
      '13800138003',
      { formula: 'HYPERLINK("http://evil.example","点我")', result: '点我' },
      '',
      '男',
      '1990-01-01',
      '东坡村',
      '',
      '',
      '',
      '',
      '',
    ],
    [6, '13800138004', '钱校验', badCheckId('19700101', 11), '', '', '东坡村', '', '', '', '', ''],
    [7, '13800138005', '孙旧号', '110105800101123', '', '1980-01-01', '东坡村', '', '', '', '', ''],
    [8, '13800138006', '周无村', '', '女', '1990-01-01', '不存在村', '', '', '', '', ''],
    [9, '13800138007', '吴外镇', '', '女', '1990-01-01', '杏花村', '', '', '', '', ''],
    [10, '13800138008', '郑重复', ID1, '', '', '桃源村', '', '', '', '', ''],
    [11, '13800138009', '冯标签', '', '女', '1990-01-01', '东坡村', '', '', '', '外星人', ''],
    [12, '', '陈小孩', '', '女', '20200202', '东坡村', '', '', '', '', ''],
    [13, 13900001111, '褚平常', '', '女', '19750315', '桃源村', '', '', '', '失业/下岗人员； 老年人', '小学'],
    [14, '13800138010', "=cmd|' /C calc'!A0", '', '男', '1990-01-01', '东坡村', '', '', '', '', ''],
  ];
}

const messyFile = (over?: Parameters<typeof messyRows>[0]) =>
  buildRosterXlsx({
    titleRows: ['云台镇居民花名册（2026 年）', '填报单位：（盖章）'],
    headers: HEADERS,
    rows: messyRows(over),
  });

async function upload(c: Client, file: Buffer, nodeId = town.id, fileName = '花名册.xlsx') {
  const r = await c.req('POST', '/api/imports/residents', { nodeId, fileName, contentBase64: file.toString('base64') });
  // An upload that fails for no reason the test expects (seen once in CI, unexplained): say what came back.
  if (r.statusCode >= 409 || (r.statusCode === 400 && r.body.includes('无法读取')))
    console.error(`upload answered ${r.statusCode}: ${r.body}`);
  return r;
}

const residentCount = async () => Number((await s.database.db.select({ n: count() }).from(residents))[0].n);
const auditCount = async (action: string) =>
  Number((await s.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, action)))[0].n);

beforeAll(async () => {
  const county = await buildNode(s.database, null, { name: '青溪县', level: 'county' });
  town = await buildNode(s.database, county, { name: '云台镇', level: 'town' });
  dongpo = await buildNode(s.database, town, { name: '东坡村', level: 'centre' });
  await buildNode(s.database, town, { name: '桃源村', level: 'centre' });
  const town2 = await buildNode(s.database, county, { name: '柳湾镇', level: 'town' });
  await buildNode(s.database, town2, { name: '杏花村', level: 'centre' });
  await s.database.db.insert(residentTagDefs).values([
    { countyId: county.id, code: 'elderly', label: '老年人', sensitive: false, sortOrder: 1 },
    { countyId: county.id, code: 'left_behind', label: '留守儿童', sensitive: true, sortOrder: 2 },
    { countyId: county.id, code: 'unemployed', label: '失业/下岗人员', sensitive: true, sortOrder: 3 },
  ]);
  await buildUser(s.database, { username: 'ta', role: 'town_admin', node: town });
  await buildUser(s.database, { username: 'cm', role: 'centre_manager', node: dongpo });
  await buildUser(s.database, { username: 'tt', role: 'teacher', node: dongpo });
  [ta, cm, teacher] = await signInAll(s.app, 'ta', 'cm', 'tt');
});

describe('preview of a messy roster', () => {
  it('finds the header under title rows, reads variants and shuffled columns, and reports every bad row', async () => {
    const r = await upload(ta, await messyFile());
    expect(r.statusCode, r.body).toBe(201);
    const job = r.json();
    expect(job.counts).toEqual({ total: 14, skipped: 0, good: 4, bad: 10, new: 4, update: 0, unchanged: 0 });
    const at = (row: number) =>
      job.issues
        .filter((i: { row: number }) => i.row === row + 3)
        .map((i: { column: string; message: string }) => `${i.column}｜${i.message}`)
        .join(' / ');
    expect(at(4)).toMatch(/^公民身份号码｜身份证号被 Excel 当成了数字/);
    expect(at(5)).toMatch(/^姓 名｜单元格是公式/);
    expect(at(6)).toBe('公民身份号码｜身份证号校验位不对，请核对是否抄错');
    expect(at(7)).toMatch(/15 位旧身份证号/);
    expect(at(8)).toMatch(/^所属村居｜找不到村（社区）“不存在村”。云台镇下有：/);
    expect(at(9)).toBe('所属村居｜“杏花村”不在本次导入范围（云台镇）内');
    expect(at(10)).toBe('公民身份号码｜与第 4 行身份证号相同');
    expect(at(11)).toBe('人员类别｜不认识的人群类别：外星人。可填：老年人、留守儿童、失业/下岗人员');
    expect(at(12)).toBe('户主｜14 岁以下须填写监护人（户主）');
    expect(at(14)).toMatch(/^姓 名｜姓名只能包含文字/);
    expect(job.issues.every((i: { messageEn: string }) => i.messageEn.length > 0)).toBe(true);
    expect(await residentCount()).toBe(0);
  });

  it('refuses what is not an .xlsx, and a file without a header row', async () => {
    const r1 = await ta.req('POST', '/api/imports/residents', {
      nodeId: town.id,
      fileName: 'a.xls',
      contentBase64: Buffer.from('not a zip').toString('base64'),
    });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.issues[0].message).toMatch(/不是 .xlsx/);
    const r2 = await upload(ta, await buildRosterXlsx({ headers: ['甲', '乙'], rows: [['1', '2']] }));
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.issues[0].message).toMatch(/找不到表头/);
  });

  it('is only for those who keep the roster, within their tree', async () => {
    expect((await upload(teacher, await messyFile())).statusCode).toBe(403);
    expect((await upload(cm, await messyFile(), town.id)).statusCode).toBe(404);
  });
});

describe('commit, re-import and update', () => {
  it('imports the good rows with households, tags and consents, in one go', async () => {
    const up = await upload(ta, await messyFile());
    expect(up.statusCode, up.body).toBe(201);
    const job = up.json();
    const r = await ta.req('POST', `/api/imports/${job.id}/commit`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'committed', result: { created: 4, updated: 0, unchanged: 0 } });
    const rows = await s.database.db.select().from(residents).orderBy(residents.name);
    expect(rows.map((x) => x.name).sort()).toEqual(['李小红', '王大明', '王小宝', '褚平常'].sort());
    const wang = rows.find((x) => x.name === '王大明')!;
    expect(wang).toMatchObject({
      gender: 'male',
      birthDate: '1980-01-01',
      phone: '13800138000',
      idLast4: ID1.slice(-4),
      namePinyin: 'wangdaming',
      nameInitials: 'wdm',
      nodeId: dongpo.id,
    });
    expect(wang.idNumberEnc).not.toContain(ID1);
    expect(s.app.protector.decrypt(wang.idNumberEnc!)).toBe(ID1);
    const li = rows.find((x) => x.name === '李小红')!;
    expect(li).toMatchObject({ phone: '13800138001', birthDate: '1982-03-05', gender: 'female' });
    const chu = rows.find((x) => x.name === '褚平常')!;
    expect(chu).toMatchObject({ phone: '13900001111', birthDate: '1975-03-15', education: '小学' });
    expect(
      (await s.database.db.select().from(residentTags).where(eq(residentTags.residentId, chu.id)))
        .map((t) => t.tag)
        .sort(),
    ).toEqual(['elderly', 'unemployed']);
    const hh = await s.database.db.select().from(households);
    expect(hh).toHaveLength(1);
    expect(hh[0]).toMatchObject({ headName: '王大明', building: '一组', nodeId: dongpo.id });
    expect(rows.filter((x) => x.householdId === hh[0].id)).toHaveLength(3);
    const child = rows.find((x) => x.name === '王小宝')!;
    const [consent] = await s.database.db.select().from(consents).where(eq(consents.residentId, child.id));
    expect(consent).toMatchObject({
      purpose: '名册导入',
      givenBy: 'guardian',
      guardianName: '王大明',
      method: 'paper',
    });
    expect(Number((await s.database.db.select({ n: count() }).from(consents))[0].n)).toBe(4);
    expect(
      (await s.database.db.select().from(residentTags).where(eq(residentTags.residentId, child.id))).map((t) => t.tag),
    ).toEqual(['left_behind']);
    expect(await auditCount('import.commit')).toBe(1);
    expect((await ta.req('POST', `/api/imports/${job.id}/commit`)).statusCode).toBe(409);
  });

  it('re-importing the same file changes nothing and leaves no audit noise', async () => {
    const before = await s.database.db.select({ id: residents.id, updatedAt: residents.updatedAt }).from(residents);
    const job = (await upload(ta, await messyFile())).json();
    expect(job.counts).toMatchObject({ good: 4, new: 0, update: 0, unchanged: 4 });
    const r = (await ta.req('POST', `/api/imports/${job.id}/commit`)).json();
    expect(r.result).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(await s.database.db.select({ id: residents.id, updatedAt: residents.updatedAt }).from(residents)).toEqual(
      before,
    );
    expect(await auditCount('import.commit')).toBe(1);
    expect(await s.database.db.select().from(households)).toHaveLength(1);
  });

  it('an updated file updates the matched people instead of adding them again', async () => {
    const job = (await upload(ta, await messyFile({ phone1: '13911112222', tags1: '' }))).json();
    expect(job.counts).toMatchObject({ new: 0, update: 1, unchanged: 3 });
    await ta.req('POST', `/api/imports/${job.id}/commit`);
    expect(await residentCount()).toBe(4);
    const [wang] = await s.database.db.select().from(residents).where(eq(residents.name, '王大明'));
    expect(wang.phone).toBe('13911112222');
    // A blank 人群类别 keeps the tags that are there.
    expect(
      (await s.database.db.select().from(residentTags).where(eq(residentTags.residentId, wang.id))).map((t) => t.tag),
    ).toEqual(['elderly']);
    // No ID number: matched by phone and name within the village.
    const byPhone = await buildRosterXlsx({
      headers: ['姓名', '手机', '村/社区', '职业'],
      rows: [['褚平常', '13900001111', '桃源村', '裁缝']],
    });
    const j2 = (await upload(ta, byPhone)).json();
    expect(j2.counts).toMatchObject({ good: 1, update: 1, new: 0 });
    await ta.req('POST', `/api/imports/${j2.id}/commit`);
    expect((await s.database.db.select().from(residents).where(eq(residents.name, '褚平常')))[0].occupation).toBe(
      '裁缝',
    );
    expect(await residentCount()).toBe(4);
  });

  it('someone added between preview and commit is matched at commit, not added twice', async () => {
    const ID3 = validId('19770707', 357);
    const file = await buildRosterXlsx({
      headers: HEADERS,
      rows: [[1, '13800139999', '蒋中途', ID3, '男', '1977-07-07', '东坡村', '', '', '', '', '']],
    });
    const job = (await upload(ta, file)).json();
    expect(job.counts).toMatchObject({ good: 1, new: 1 });
    const made = await ta.req('POST', '/api/residents', {
      nodeId: dongpo.id,
      name: '蒋中途',
      gender: 'male',
      birthDate: '1977-07-07',
      idNumber: ID3,
      consent: { given: true, purpose: '社区教育学习服务', givenBy: 'self', method: 'paper' },
    });
    expect(made.statusCode, made.body).toBe(201);
    const before = await residentCount();
    const r = await ta.req('POST', `/api/imports/${job.id}/commit`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().result).toMatchObject({ created: 0 });
    expect(await residentCount()).toBe(before);
    const [jiang] = await s.database.db.select().from(residents).where(eq(residents.name, '蒋中途'));
    expect(jiang.phone).toBe('13800139999');
  });

  it('a big import (1,200 rows) writes residents, households, tags and consents whole, and leaves foreign keys enforced', async () => {
    const C = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉';
    const cn = (n: number) => `${C[n % 20]}${C[Math.floor(n / 20) % 20]}${C[Math.floor(n / 400) % 20]}`;
    const rows: RosterCell[][] = Array.from({ length: 1200 }, (_, i) => [
      i + 1,
      `1371000${String(i).padStart(4, '0')}`,
      `批${cn(i)}`,
      '',
      i % 2 ? '女' : '男',
      '1960-01-01',
      Math.floor(i / 4) % 3 ? '东坡村' : '桃源村',
      `户${cn(Math.floor(i / 4))}`,
      i % 4 ? '其他' : '户主',
      '五组',
      i % 5 ? '' : '老年人',
      '',
    ]);
    const job = (await upload(ta, await buildRosterXlsx({ headers: HEADERS, rows }))).json();
    expect(job.counts, JSON.stringify(job.issues?.slice(0, 3))).toMatchObject({ good: 1200, new: 1200 });
    const before = {
      residents: await residentCount(),
      consents: Number((await s.database.db.select({ n: count() }).from(consents))[0].n),
    };
    const r = await ta.req('POST', `/api/imports/${job.id}/commit`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().result).toMatchObject({ created: 1200 });
    expect(await residentCount()).toBe(before.residents + 1200);
    expect(Number((await s.database.db.select({ n: count() }).from(consents))[0].n)).toBe(before.consents + 1200);
    const [heads] = await s.database.query<{ n: number; members: number }>(
      `select count(distinct h.id)::int as n, count(r.id)::int as members from households h join residents r on r.household_id = h.id where h.head_name like '户%'`,
    );
    expect(heads).toEqual({ n: 300, members: 1200 });
    const [tagged] = await s.database.query<{ n: number }>(
      `select count(*)::int as n from resident_tags t join residents r on r.id = t.resident_id where r.name like '批%'`,
    );
    expect(tagged.n).toBe(240);
    // Whatever the import did to triggers, they are on again: a consent for nobody is refused.
    await expect(
      s.database.query(
        `insert into consents (resident_id, purpose, given_by, method) values ($1, 'x', 'self', 'paper')`,
        [crypto.randomUUID()],
      ),
    ).rejects.toThrow(/foreign key/);
    expect(await auditCount('import.commit')).toBeGreaterThan(0);
  });

  it('a centre manager imports into their own village without a village column', async () => {
    const file = await buildRosterXlsx({
      headers: ['名字', '电话', '出生日期'],
      rows: [['蒋村民', '13700000001', '1966-06-06']],
    });
    const job = (await upload(cm, file, dongpo.id)).json();
    expect(job.counts).toMatchObject({ good: 1, new: 1 });
    await cm.req('POST', `/api/imports/${job.id}/commit`);
    expect((await s.database.db.select().from(residents).where(eq(residents.name, '蒋村民')))[0].nodeId).toBe(
      dongpo.id,
    );
  });

  it('nothing is half-imported when the import fails', async () => {
    const rows: RosterCell[][] = Array.from({ length: 700 }, (_, i) => [
      `批量${String.fromCharCode(0x4e00 + i)}`,
      `137${String(i).padStart(8, '0')}`,
      '桃源村',
    ]);
    rows.push(['触发失败', '13799999999', '桃源村']);
    const job = (await upload(ta, await buildRosterXlsx({ headers: ['姓名', '手机号', '村/社区'], rows }))).json();
    expect(job.counts, JSON.stringify(job.issues)).toMatchObject({ good: 701, new: 701 });
    const before = await residentCount();
    await s.database.db.execute(
      sql`create function cedu_test_fail() returns trigger language plpgsql as $$ begin if new.name = '触发失败' then raise exception 'boom'; end if; return new; end $$`,
    );
    await s.database.db.execute(
      sql`create trigger cedu_test_fail before insert on residents for each row execute function cedu_test_fail()`,
    );
    try {
      expect((await ta.req('POST', `/api/imports/${job.id}/commit`)).statusCode).toBe(500);
    } finally {
      await s.database.db.execute(sql`drop trigger cedu_test_fail on residents`);
      await s.database.db.execute(sql`drop function cedu_test_fail()`);
    }
    expect(await residentCount()).toBe(before);
    expect((await s.database.db.select().from(importJobs).where(eq(importJobs.id, job.id)))[0].status).toBe(
      'previewed',
    );
    // It can be committed once the cause is gone.
    expect((await ta.req('POST', `/api/imports/${job.id}/commit`)).json().result.created).toBe(701);
  });

  it('discards a preview: the file is dropped and nothing imported', async () => {
    const file = await buildRosterXlsx({
      headers: ['姓名', '手机号', '村/社区'],
      rows: [['沈不要', '13600000000', '东坡村']],
    });
    const job = (await upload(ta, file)).json();
    expect((await ta.req('DELETE', `/api/imports/${job.id}`)).statusCode).toBe(200);
    const [row] = await s.database.db.select().from(importJobs).where(eq(importJobs.id, job.id));
    expect(row).toMatchObject({ status: 'discarded', file: null });
    expect((await ta.req('POST', `/api/imports/${job.id}/commit`)).statusCode).toBe(409);
    expect(await s.database.db.select().from(residents).where(eq(residents.name, '沈不要'))).toHaveLength(0);
  });
});

describe('template and error report', () => {
  it('the template has the headers, text-formatted ID and phone columns, notes and the tag list', async () => {
    const r = await ta.req('GET', `/api/imports/residents/template.xlsx?nodeId=${town.id}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toContain("filename*=UTF-8''");
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as never);
    const ws = wb.getWorksheet('居民名册')!;
    expect(ws.getRow(1).values).toContain('身份证号');
    expect(ws.getCell('D2').numFmt).toBe('@');
    expect(typeof ws.getCell('D2').value).toBe('string');
    expect(ws.getColumn(4).numFmt).toBe('@');
    const notes = wb.getWorksheet('填写说明')!;
    const text = notes.getSheetValues().flat().join(' ');
    expect(text).toContain('留守儿童');
    expect(text).toContain('公民身份号码');
  });

  it('the error report holds the bad rows only, as they were, with 错误说明', async () => {
    const job = (await upload(ta, await messyFile())).json();
    const r = await ta.req('GET', `/api/imports/${job.id}/errors.xlsx`);
    expect(r.statusCode).toBe(200);
    const ws = await readXlsx(r.rawPayload);
    expect(ws.getRow(1).values).toContain('错误说明');
    expect(ws.rowCount).toBe(1 + 10);
    const lastCol = ws.getRow(1).cellCount;
    const messages = Array.from({ length: 10 }, (_, i) => String(ws.getRow(i + 2).getCell(lastCol).value));
    expect(messages.some((m) => m.includes('校验位不对'))).toBe(true);
    // The formula name is written back as inert text.
    const names = Array.from({ length: 10 }, (_, i) => ws.getRow(i + 2).getCell(3).value);
    expect(names).toContain(`'=HYPERLINK("http://evil.example","点我")`);
    expect(names).toContain(`'=cmd|' /C calc'!A0`);
  });
});

describe('export', () => {
  beforeAll(async () => {
    const [wang] = await s.database.db.select().from(residents).where(eq(residents.name, '王大明'));
    await s.database.db
      .update(residents)
      .set({ note: '=HYPERLINK("http://evil.example","x")', occupation: '\t+1' })
      .where(eq(residents.id, wang.id));
  });

  async function exportAs(c: Client, query = '') {
    const r = await c.req('GET', `/api/residents/export.xlsx${query}`);
    expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
    const ws = await readXlsx(r.rawPayload);
    const header = (ws.getRow(1).values as string[]).slice(1);
    const rows: Record<string, ExcelJSCell>[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1)])));
    });
    return rows;
  }
  type ExcelJSCell = { value: unknown; numFmt: string; type: number };

  it('writes ID numbers and phones as text and neutralises formulas', async () => {
    const rows = await exportAs(ta, `?nodeId=${town.id}`);
    const wang = rows.find((r) => r['姓名'].value === '王大明')!;
    expect(wang['身份证号'].value).toBe(ID1);
    expect(wang['身份证号'].numFmt).toBe('@');
    expect(typeof wang['手机号'].value).toBe('string');
    expect(wang['手机号'].numFmt).toBe('@');
    expect(wang['备注'].value).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(wang['职业'].value).toBe("'\t+1");
    expect(wang['人群类别'].value).toBe('老年人');
    expect(rows.length).toBe(await residentCount());
    const [a] = await s.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'residents.export')))
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    expect(a.summary).toMatchObject({ nodeId: town.id, rows: rows.length });
  });

  it('masks ID numbers for a centre manager, and shows only their village', async () => {
    const rows = await exportAs(cm);
    expect(rows.length).toBeGreaterThan(0);
    const wang = rows.find((r) => r['姓名'].value === '王大明')!;
    expect(wang['身份证号'].value).toBe(`${ID1.slice(0, 3)}***********${ID1.slice(14)}`);
    expect(wang['手机号'].value).toBe('13911112222');
    expect(rows.every((r) => r['村/社区'].value === '东坡村')).toBe(true);
  });

  it('filters by tag, and is refused to those who do not keep the roster', async () => {
    const rows = await exportAs(ta, '?tag=left_behind');
    expect(rows.map((r) => r['姓名'].value)).toEqual(['王小宝']);
    expect((await teacher.req('GET', '/api/residents/export.xlsx')).statusCode).toBe(403);
  });

  it('an exported file imports again without changes', async () => {
    const r = await ta.req('GET', `/api/residents/export.xlsx?nodeId=${town.id}&tag=elderly`);
    const job = (await upload(ta, r.rawPayload)).json();
    expect(job.counts).toMatchObject({ new: 0 });
  });
});
