import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNode, buildUser, TEST_PASSWORD } from '../../../test/factories';
import { buildCorpus, ELSEWHERE, type CorpusFile } from '../../../test/fixtures/roster-corpus';
import { buildRosterXlsx } from '../../../test/fixtures/roster-xlsx';
import { signIn, type Client } from '../../../test/server';
import { useTestServer } from '../../../test/server-fixture';
import { auditLog } from '../../server/db/audit.table';
import { residents, residentTagDefs } from '../people/people.table';
import type { ImportJob } from './imports.contract';
import { importMappings } from './imports.table';

const s = useTestServer();
let ta: Client;
let corpus: CorpusFile[];
const scopes: Record<CorpusFile['scope'], string> = { town: '', dongpo: '' };
const villages = new Map<string, string>();

async function upload(c: Client, file: Buffer, nodeId: string, fileName = 'roster.xlsx') {
  const r = await c.req('POST', '/api/imports/residents', { nodeId, fileName, contentBase64: file.toString('base64') });
  expect(r.statusCode, r.body.slice(0, 400)).toBe(201);
  return r.json() as ImportJob;
}

beforeAll(async () => {
  const county = await buildNode(s.database, null, { name: '青溪县', level: 'county' });
  const town = await buildNode(s.database, county, { name: '云台镇', level: 'town' });
  const town2 = await buildNode(s.database, county, { name: '柳湾镇', level: 'town' });
  for (const [parent, name] of [
    [town, '东坡村'],
    [town, '桃源村'],
    [town, '柳树社区'],
    [town2, '杏花村'],
  ] as const) {
    villages.set(name, (await buildNode(s.database, parent, { name, level: 'centre' })).id);
  }
  scopes.town = town.id;
  scopes.dongpo = villages.get('东坡村')!;
  await s.database.db
    .insert(residentTagDefs)
    .values({ countyId: county.id, code: 'elderly', label: '老年人', sensitive: false, sortOrder: 1 });
  await buildUser(s.database, { username: 'ta', role: 'town_admin', node: town });
  await buildUser(s.database, { username: 'ta2', role: 'town_admin', node: town2 });
  ta = await signIn(s.app, 'ta', TEST_PASSWORD);
  // Two people already registered: one in the importer's own town, one in the other town.
  const ta2 = await signIn(s.app, 'ta2', TEST_PASSWORD);
  for (const [c, node, p] of [
    [ta, town.id, ELSEWHERE.inTown],
    [ta2, town2.id, ELSEWHERE.outside],
  ] as const) {
    const job = await upload(
      c,
      await buildRosterXlsx({ headers: ['姓名', '身份证号', '村/社区'], rows: [[p.name, p.id, p.village]] }),
      node,
    );
    expect((await c.req('POST', `/api/imports/${job.id}/commit`)).statusCode).toBe(200);
  }
  corpus = await buildCorpus();
}, 60_000);

/** What the preview says of one row: good, skipped, or bad with its problems. */
function verdictOf(job: ImportJob, sheet: string, row: number): string {
  if (job.skipped.some((x) => x.sheet === sheet && x.row === row)) return 'skipped';
  const issues = job.issues.filter((i) => i.sheet === sheet && i.row === row);
  return issues.length ? `bad: ${issues.map((i) => `${i.column}｜${i.message}`).join(' / ')}` : 'good';
}

describe('a corpus of real-world roster layouts: the verdict of every row', () => {
  it('has at least eight layouts', async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(8);
  });

  it.each(Array.from({ length: 11 }, (_, i) => i))('layout %i', async (i) => {
    const f = corpus[i];
    const job = await upload(ta, f.file, scopes[f.scope], f.name);
    const actual = f.rows.map((r) => {
      const v = verdictOf(job, r.sheet, r.row);
      // A bad row passes when one of its problems says what is expected; otherwise the whole verdict shows in the diff.
      const shown =
        r.verdict.kind === 'bad' && v.startsWith('bad:') && v.includes(r.verdict.message)
          ? `bad: …${r.verdict.message}…`
          : v;
      return `${r.sheet}!${r.row} ${r.label}: ${shown}`;
    });
    const expected = f.rows.map(
      (r) =>
        `${r.sheet}!${r.row} ${r.label}: ${r.verdict.kind === 'bad' ? `bad: …${r.verdict.message}…` : r.verdict.kind}`,
    );
    console.log(`${f.name} (${f.about})\n  ${actual.join('\n  ')}`);
    expect(actual).toEqual(expected);
    // Nothing else was reported: no issue or skipped row outside the expected rows.
    const known = new Set(f.rows.map((r) => `${r.sheet}!${r.row}`));
    expect(job.issues.filter((x) => !known.has(`${x.sheet}!${x.row}`))).toEqual([]);
    expect(job.skipped.filter((x) => !known.has(`${x.sheet}!${x.row}`))).toEqual([]);
    const n = (k: string) => f.rows.filter((r) => r.verdict.kind === k).length;
    expect(job.counts).toMatchObject({
      total: n('good') + n('bad'),
      good: n('good'),
      bad: n('bad'),
      skipped: n('skipped'),
    });
    expect(job.issues.every((x) => x.messageEn && x.messageEn !== x.message && /^[A-Z]/.test(x.messageEn))).toBe(true);
    await ta.req('DELETE', `/api/imports/${job.id}`);
  });

  it('a person outside the importer’s reach is neither named nor placed', async () => {
    const f = corpus.find((x) => x.name.startsWith('09'))!;
    const job = await upload(ta, f.file, scopes.dongpo);
    const text = JSON.stringify(job.issues);
    expect(text).not.toContain('杏花村');
    expect(text).not.toContain('柳湾镇');
    expect(text).not.toContain(ELSEWHERE.outside.name);
    await ta.req('DELETE', `/api/imports/${job.id}`);
  });

  it('shows which column went to which field, over two header rows and across sheets', async () => {
    const two = await upload(ta, corpus.find((x) => x.name.startsWith('02'))!.file, scopes.town);
    expect(two.sheets[0].headerRow).toBe(3);
    expect(two.sheets[0].columns.map((c) => `${c.header}→${c.field ?? '-'}`)).toEqual([
      '序号→-',
      '姓名→name',
      '性别→gender',
      '出生年月→birthDate',
      '联系方式/手机号码→phone',
      '联系方式/固定电话→-',
      '现住村居→village',
    ]);
    const many = await upload(ta, corpus.find((x) => x.name.startsWith('06'))!.file, scopes.town);
    expect(many.sheets.map((x) => `${x.name}:${x.rows}`)).toEqual(['东坡村:2', '桃源村:2', '杏花村:1']);
    expect(many.unreadSheets).toEqual(['填写说明']);
    for (const j of [two, many]) await ta.req('DELETE', `/api/imports/${j.id}`);
  });

  it('imports the good rows of a layout; the sheet name gives the village', async () => {
    const job = await upload(ta, corpus.find((x) => x.name.startsWith('06'))!.file, scopes.town);
    const r = await ta.req('POST', `/api/imports/${job.id}/commit`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().result).toMatchObject({ created: 4 });
    const [jiang] = await s.database.db.select().from(residents).where(eq(residents.name, '蒋东二'));
    expect(jiang.nodeId).toBe(villages.get('东坡村'));
    const [zhu] = await s.database.db.select().from(residents).where(eq(residents.name, '朱桃二'));
    expect(zhu.nodeId).toBe(villages.get('柳树社区'));
  });

  it('a merged village column gives every row of its block that village', async () => {
    const job = await upload(ta, corpus.find((x) => x.name.startsWith('11'))!.file, scopes.town);
    const r = await ta.req('POST', `/api/imports/${job.id}/commit`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().result).toMatchObject({ created: 5 });
    const place = async (name: string) =>
      (await s.database.db.select().from(residents).where(eq(residents.name, name)))[0].nodeId;
    for (const name of ['周大山', '吴小花', '周小宝']) expect(await place(name), name).toBe(villages.get('东坡村'));
    for (const name of ['郑老根', '郑小禾']) expect(await place(name), name).toBe(villages.get('桃源村'));
  });

  it('a year-month birth takes the day from the ID number, or the first of the month without one', async () => {
    const job = await upload(ta, corpus.find((x) => x.name.startsWith('03'))!.file, scopes.town);
    expect((await ta.req('POST', `/api/imports/${job.id}/commit`)).statusCode).toBe(200);
    const birth = async (name: string) =>
      (await s.database.db.select().from(residents).where(eq(residents.name, name)))[0].birthDate;
    expect(await birth('陈甲一')).toBe('1957-09-15');
    expect(await birth('陈甲二')).toBe('1957-09-01');
    expect(await birth('陈乙一')).toBe('1957-10-08');
    expect(await birth('陈甲八')).toBe('1957-09-20');
  });

  it('a commit with no good row left answers 400 in both languages, and writes nothing', async () => {
    const before = Number((await s.database.db.select({ n: count() }).from(residents))[0].n);
    const job = await upload(ta, corpus.find((x) => x.name.startsWith('10'))!.file, scopes.town);
    expect(job.counts).toMatchObject({ good: 0, bad: 2, skipped: 1 });
    const r = await ta.req('POST', `/api/imports/${job.id}/commit`);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.issues[0]).toMatchObject({
      message: expect.stringContaining('没有可以导入的正确行'),
      messageEn: expect.stringContaining('No good row to import'),
    });
    expect(Number((await s.database.db.select({ n: count() }).from(residents))[0].n)).toBe(before);
  });
});

describe('choosing the columns', () => {
  const headers = ['名字', '电话', '单位', '出生'];
  const rows = [
    ['柏选一', '13800011001', '桃源村', '1950-01-01'],
    ['柏选二', '13800011002', '东坡村', '1951-02-02'],
  ];

  it('an unrecognised column can be given a field (and another ignored); the file is checked again, audited, and remembered for the county', async () => {
    const job = await upload(ta, await buildRosterXlsx({ headers, rows }), scopes.town);
    expect(job.sheets[0].source).toBe('auto');
    expect(job.sheets[0].columns.find((c) => c.header === '单位')!.field).toBeNull();
    expect(job.counts).toMatchObject({ good: 0, bad: 2 });
    const r = await ta.req('POST', `/api/imports/${job.id}/mapping`, { mapping: { 单位: 'village', 电话: null } });
    expect(r.statusCode, r.body).toBe(200);
    const again = r.json() as ImportJob;
    expect(again.sheets[0].source).toBe('chosen');
    expect(again.sheets[0].columns.map((c) => `${c.header}→${c.field ?? '-'}`)).toEqual([
      '名字→name',
      '电话→-',
      '单位→village',
      '出生→birthDate',
    ]);
    expect(again.counts).toMatchObject({ good: 2, bad: 0, new: 2 });
    expect((await s.database.db.select().from(auditLog).where(eq(auditLog.action, 'import.remap'))).length).toBe(1);
    expect((await s.database.db.select().from(importMappings)).length).toBe(1);
    // The commit reads the chosen columns (the kept file is read again when the preview is gone).
    const c = await ta.req('POST', `/api/imports/${job.id}/commit`);
    expect(c.statusCode, c.body).toBe(200);
    const [bai] = await s.database.db.select().from(residents).where(eq(residents.name, '柏选一'));
    expect(bai).toMatchObject({ nodeId: villages.get('桃源村'), phone: null });
  });

  it('the next file with the same headers, in another order, is read with the remembered columns', async () => {
    const order = [2, 0, 3, 1];
    const job = await upload(
      ta,
      await buildRosterXlsx({
        headers: order.map((i) => headers[i]),
        rows: [order.map((i) => ['柏选三', '13800011003', '东坡村', '1952-03-03'][i])],
      }),
      scopes.town,
    );
    expect(job.sheets[0].source).toBe('remembered');
    expect(job.counts).toMatchObject({ good: 1, bad: 0 });
    await ta.req('DELETE', `/api/imports/${job.id}`);
  });

  it('a mapping without a name column, or for a job out of reach, is refused', async () => {
    const job = await upload(ta, await buildRosterXlsx({ headers, rows }), scopes.town);
    const r = await ta.req('POST', `/api/imports/${job.id}/mapping`, { mapping: { 名字: null } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.issues[0].message).toMatch(/没有对应“姓名”的列/);
    const bad = await ta.req('POST', `/api/imports/${job.id}/mapping`, { mapping: { 名字: 'nickname' } });
    expect(bad.statusCode).toBe(400);
    const other = await signIn(s.app, 'ta2', TEST_PASSWORD);
    expect(
      (await other.req('POST', `/api/imports/${job.id}/mapping`, { mapping: { 单位: 'village' } })).statusCode,
    ).toBe(404);
    expect((await ta.req('GET', `/api/imports/${job.id}`)).json().sheets[0].source).toBe('remembered');
  });
});
