import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNode, buildUser, TEST_PASSWORD, type NodeRef } from '../../../test/factories';
import { fakeId, residentBody } from '../../../test/people-factories';
import { signIn, type Client } from '../../../test/server';
import { signInAll, useTestServer } from '../../../test/server-fixture';
import { ID_CARD_MESSAGES } from '../../shared/id-card';
import { auditLog } from '../../server/db/audit.table';
import { residents } from './people.table';

const s = useTestServer();
let county: NodeRef, county2: NodeRef, town: NodeRef, v1: NodeRef, v2: NodeRef, v3: NodeRef;
let ca: Client, ta: Client, cm: Client, leader: Client, teacher: Client, ca2: Client;

beforeAll(async () => {
  county = await buildNode(s.database, null, { name: '青溪县', level: 'county' });
  county2 = await buildNode(s.database, null, { name: '白沙县', level: 'county' });
  town = await buildNode(s.database, county, { name: '云台镇', level: 'town' });
  v1 = await buildNode(s.database, town, { name: '东坡村', level: 'centre' });
  v2 = await buildNode(s.database, town, { name: '桃源村', level: 'centre' });
  const town2 = await buildNode(s.database, county2, { name: '白沙镇', level: 'town' });
  v3 = await buildNode(s.database, town2, { name: '白沙村', level: 'centre' });
  await buildUser(s.database, { username: 'ca', role: 'county_admin', node: county });
  await buildUser(s.database, { username: 'ca2', role: 'county_admin', node: county2 });
  await buildUser(s.database, { username: 'ta', role: 'town_admin', node: town });
  await buildUser(s.database, { username: 'cm', role: 'centre_manager', node: v1 });
  await buildUser(s.database, { username: 'ld', role: 'leader', node: town });
  await buildUser(s.database, { username: 'tc', role: 'teacher', node: v1 });
  [ca, ca2, ta, cm, leader, teacher] = await signInAll(s.app, 'ca', 'ca2', 'ta', 'cm', 'ld', 'tc');
});

const create = (c: Client, nodeId: string, v: Record<string, unknown> = {}) =>
  c.req('POST', '/api/residents', residentBody(nodeId, v));
const issue = (r: { json(): { error: { issues?: { path: string; message: string }[] } } }) =>
  r.json().error.issues?.[0];
const audits = (action: string, entityId?: string) =>
  s.database.db
    .select()
    .from(auditLog)
    .where(entityId ? and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)) : eq(auditLog.action, action));
const childBirth = () => `${new Date().getFullYear() - 9}-06-01`;
const guardian = {
  given: true,
  purpose: '学习服务',
  givenBy: 'guardian',
  guardianName: '王秀英',
  guardianRelation: '母亲',
  method: 'paper',
};

describe('validating what people type', () => {
  const idCases: [string, unknown, string][] = [
    [
      'wrong check digit',
      fakeId('19800101', '001').slice(0, 17) + (fakeId('19800101', '001').endsWith('0') ? '1' : '0'),
      ID_CARD_MESSAGES.check_digit.zh,
    ],
    ['15-digit legacy number', '339901800101001', ID_CARD_MESSAGES.legacy15.zh],
    ['impossible date (30 February)', fakeId('19800230', '001'), ID_CARD_MESSAGES.birth_date.zh],
    ['birth date in the future', fakeId(`${new Date().getFullYear() + 1}0101`, '001'), ID_CARD_MESSAGES.birth_date.zh],
    ['letters inside', '33990119800101A01X', ID_CARD_MESSAGES.format.zh],
  ];
  for (const [what, idNumber, message] of idCases) {
    it(`refuses an ID number: ${what}`, async () => {
      const r = await create(ca, v1.id, { idNumber, birthDate: null, gender: null });
      expect(r.statusCode).toBe(400);
      expect(issue(r)).toMatchObject({ path: 'idNumber', message });
    });
  }

  it('refuses an ID number whose birth date differs from the birth-date field', async () => {
    const r = await create(ca, v1.id, { idNumber: fakeId('19800101', '003'), birthDate: '1980-01-02', gender: null });
    expect(issue(r)).toMatchObject({ path: 'idNumber', message: ID_CARD_MESSAGES.birth_mismatch.zh });
  });

  it('accepts full-width digits and zero-width spaces, stores the normalised number, fills birth date and gender', async () => {
    const id = fakeId('19750304', '013');
    const typed = id
      .split('')
      .map((ch) => (/\d/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch))
      .join('\u200b');
    const r = await create(ca, v1.id, { name: '全角号', idNumber: typed, birthDate: null, gender: null });
    expect(r.statusCode, r.body).toBe(201);
    const d = (await ca.req('GET', `/api/residents/${r.json().id}`)).json();
    expect(d).toMatchObject({ birthDate: '1975-03-04', gender: 'male', idNumber: `339***********${id.slice(14)}` });
    const revealed = await ca.req('POST', `/api/residents/${r.json().id}/reveal`, { field: 'idNumber' });
    expect(revealed.json().value).toBe(id);
  });

  it('refuses a gender that contradicts the ID number', async () => {
    const r = await create(ca, v1.id, { idNumber: fakeId('19800101', '005'), birthDate: null, gender: 'female' });
    expect(issue(r)?.path).toBe('gender');
  });

  it('keeps names with · and characters beyond the BMP; normalises other dots', async () => {
    for (const [typed, stored] of [
      ['阿依·木拉提', '阿依·木拉提'],
      ['阿依.木拉提别克', '阿依·木拉提别克'],
      ['𠮷田春', '𠮷田春'],
      ['  李\u200b四  ', '李四'],
    ]) {
      const r = await create(ca, v1.id, { name: typed });
      expect(r.statusCode, typed).toBe(201);
      expect((await ca.req('GET', `/api/residents/${r.json().id}`)).json().name).toBe(stored);
    }
  });

  it('refuses bidi overrides, control characters and formula starts in names, in plain words', async () => {
    const bidi = await create(ca, v1.id, { name: '张\u202e三' });
    expect(issue(bidi)).toMatchObject({ path: 'name', message: expect.stringContaining('控制字符') });
    const ctrl = await create(ca, v1.id, { name: '张\u0007三' });
    expect(issue(ctrl)?.path).toBe('name');
    for (const name of ['=HYPERLINK("http://x","点我")', '+1', '-2', '@SUM(A1)']) {
      const r = await create(ca, v1.id, { name });
      expect(r.statusCode, name).toBe(400);
      expect(issue(r)).toMatchObject({ path: 'name', message: '姓名不能以 = + - @ 开头' });
    }
    expect(issue(await create(ca, v1.id, { phone: '12345' }))?.path).toBe('phone');
  });
});

describe('uniqueness and warnings', () => {
  it('an ID number is unique within the county, not across counties', async () => {
    const id = fakeId('19760707', '021');
    expect((await create(ca, v1.id, { idNumber: id, birthDate: null, gender: null })).statusCode).toBe(201);
    const again = await create(ca, v2.id, { idNumber: id.toLowerCase(), birthDate: null, gender: null });
    expect(again.statusCode).toBe(400);
    expect(issue(again)).toMatchObject({ path: 'idNumber', message: expect.stringContaining('身份证号已登记') });
    expect((await create(ca2, v3.id, { idNumber: id, birthDate: null, gender: null })).statusCode).toBe(201);
  });

  it('a phone number shared with another resident is a warning, not a refusal', async () => {
    const first = await create(ca, v1.id, { name: '共用甲', phone: '138 0000 8000' });
    expect(first.json().warnings).toEqual([]);
    const second = await create(ca, v2.id, { name: '共用乙', phone: '+86 13800008000' });
    expect(second.statusCode).toBe(201);
    expect(second.json().warnings[0]).toMatchObject({
      path: 'phone',
      message: '这个手机号也登记在东坡村共用甲名下，请核对（家人共用可忽略）',
    });
  });

  it('a duplicate ID number or phone in another village outside the user’s reach neither names nor confirms the other person', async () => {
    // 桃源村 is outside the 东坡村 centre manager's reach; the town admin reaches both.
    const id = fakeId('19660606', '061');
    const other = await create(ta, v2.id, {
      name: '远方人',
      idNumber: id,
      phone: '13900006161',
      birthDate: null,
      gender: null,
    });
    expect(other.statusCode).toBe(201);
    const neutral = '这个身份证号无法在此登记，请核对号码；如确认无误，请联系县（区）管理员';
    const mine = await create(cm, v1.id, {
      name: '本村人',
      idNumber: id,
      phone: '13900006161',
      birthDate: null,
      gender: null,
    });
    expect(mine.statusCode).toBe(400);
    expect(issue(mine)).toEqual({
      path: 'idNumber',
      message: neutral,
      messageEn: 'This ID number cannot be registered here; check it, and if it is right, ask the county administrator',
    });
    expect(mine.body).not.toMatch(/远方人|桃源村/);
    // Editing one's own resident to carry that number answers the same.
    const own = await create(cm, v1.id, { name: '本村人', phone: '13900006161' });
    expect(own.statusCode).toBe(201);
    expect(own.json().warnings).toEqual([]);
    expect(own.body).not.toMatch(/远方人|桃源村/);
    const edit = await cm.req('PUT', `/api/residents/${own.json().id}`, {
      nodeId: v1.id,
      name: '本村人',
      idNumber: id,
      birthDate: null,
      gender: null,
    });
    expect(issue(edit)).toMatchObject({ path: 'idNumber', message: neutral });
    expect(edit.body).not.toMatch(/远方人|桃源村/);
    // Within reach, naming helps: the town admin learns who and where.
    const named = await create(ta, v1.id, {
      name: '本村人',
      idNumber: id,
      phone: '13900006161',
      birthDate: null,
      gender: null,
    });
    expect(issue(named)).toMatchObject({
      path: 'idNumber',
      message: '身份证号已登记：桃源村的居民“远方人”使用这个身份证号，请核对是否重复登记',
    });
    const phoneNamed = await create(ta, v1.id, { name: '又一人', phone: '13900006161' });
    expect(phoneNamed.json().warnings[0].message).toBe(
      '这个手机号也登记在东坡村本村人、桃源村远方人名下，请核对（家人共用可忽略）',
    );
  });
});

describe('consent', () => {
  it('needs the consent box, and a guardian with a name for a child under 14', async () => {
    const none = await create(ca, v1.id, { consent: { ...guardian, given: false } });
    expect(issue(none)?.path).toBe('consent.given');
    const self = await create(ca, v1.id, {
      name: '小明',
      birthDate: childBirth(),
      consent: { given: true, purpose: '学习', givenBy: 'self', method: 'paper' },
    });
    expect(issue(self)?.path).toBe('consent.givenBy');
    const nameless = await create(ca, v1.id, {
      name: '小明',
      birthDate: childBirth(),
      consent: { ...guardian, guardianName: '' },
    });
    expect(issue(nameless)?.path).toBe('consent.guardianName');
    const ok = await create(ca, v1.id, { name: '小明', birthDate: childBirth(), consent: guardian });
    expect(ok.statusCode).toBe(201);
    const d = (await ca.req('GET', `/api/residents/${ok.json().id}`)).json();
    expect(d.consents[0]).toMatchObject({
      givenBy: 'guardian',
      guardianName: '王秀英',
      method: 'paper',
      recordedByName: 'ca',
    });
  });
});

describe('masking, reveal and sensitive records', () => {
  let adultId: string;
  let childId: string;
  const id = fakeId('19580808', '041');

  beforeAll(async () => {
    adultId = (
      await create(ca, v1.id, {
        name: '赵老伯',
        idNumber: id,
        birthDate: null,
        gender: null,
        phone: '13912345678',
        tags: ['elderly', 'veteran'],
      })
    ).json().id;
    childId = (
      await create(ca, v1.id, {
        name: '钱小雨',
        birthDate: childBirth(),
        tags: ['left_behind_child'],
        consent: guardian,
      })
    ).json().id;
  });

  it('lists masked values for everyone, and only resident keepers may list', async () => {
    const list = (await cm.req('GET', '/api/residents?q=zlb')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      name: '赵老伯',
      phone: '139****5678',
      idNumber: `339***********${id.slice(14)}`,
      tags: ['elderly', 'veteran'],
    });
    expect(JSON.stringify(list)).not.toContain(id);
    expect(JSON.stringify(list)).not.toContain('13912345678');
    expect((await leader.req('GET', '/api/residents')).statusCode).toBe(403);
    expect((await teacher.req('GET', `/api/residents/${adultId}`)).statusCode).toBe(403);
  });

  it('reveals per role, and audits every reveal', async () => {
    expect((await cm.req('POST', `/api/residents/${adultId}/reveal`, { field: 'idNumber' })).statusCode).toBe(403);
    const phone = await cm.req('POST', `/api/residents/${adultId}/reveal`, { field: 'phone' });
    expect(phone.json()).toEqual({ value: '13912345678' });
    expect((await ta.req('POST', `/api/residents/${adultId}/reveal`, { field: 'idNumber' })).json()).toEqual({
      value: id,
    });
    expect((await ta.req('POST', `/api/residents/${adultId}/reveal`, { field: 'idNumber' })).statusCode).toBe(200);
    const rows = await audits('resident.reveal', adultId);
    expect(rows.map((r) => r.summary)).toEqual([{ field: 'phone' }, { field: 'idNumber' }, { field: 'idNumber' }]);
    const detail = (await cm.req('GET', `/api/residents/${adultId}`)).json();
    expect(detail.permissions).toMatchObject({ revealId: false, revealPhone: true, update: true });
  });

  it('a manager of another village sees nothing of this one', async () => {
    await buildUser(s.database, { username: 'cm2', role: 'centre_manager', node: v2 });
    const other = await signIn(s.app, 'cm2', TEST_PASSWORD);
    expect((await other.req('GET', `/api/residents/${adultId}`)).statusCode).toBe(404);
    expect((await other.req('GET', `/api/residents/${childId}`)).statusCode).toBe(404);
    expect((await other.req('GET', '/api/residents?q=zlb')).json().total).toBe(0);
  });

  it('audits every view of a child or a tagged resident, and rosters of sensitive tags', async () => {
    expect((await cm.req('GET', `/api/residents/${childId}`)).statusCode).toBe(200);
    expect(await audits('resident.view_sensitive', childId)).toHaveLength(1);
    const roster = await cm.req('GET', '/api/residents?tag=left_behind_child');
    expect(roster.json().items.map((r: { name: string }) => r.name)).toEqual(['钱小雨']);
    const [a] = await audits('resident.roster_view');
    expect(a.summary).toMatchObject({ tag: 'left_behind_child', shown: 1 });
  });

  it('statistics for a leader: counts, never names', async () => {
    const r = await leader.req('GET', `/api/residents/stats?nodeId=${v1.id}`);
    expect(r.statusCode).toBe(200);
    const stats = r.json();
    expect(stats.byTag.find((t: { code: string }) => t.code === 'left_behind_child')).toEqual({
      code: 'left_behind_child',
      label: '留守儿童',
      count: 1,
    });
    expect(stats.byAgeBand.find((b: { band: string }) => b.band === '0-13').count).toBeGreaterThanOrEqual(1);
    expect(stats.byAgeBand.find((b: { band: string }) => b.band === '60+').count).toBe(1);
    expect(JSON.stringify(stats)).not.toMatch(/赵老伯|钱小雨/);
    expect((await leader.req('GET', `/api/residents/${childId}`)).statusCode).toBe(403);
    expect((await leader.req('GET', `/api/residents/stats?nodeId=${v3.id}`)).statusCode).toBe(404);
  });
});

describe('search', () => {
  beforeAll(async () => {
    await create(ca, v2.id, {
      name: '张三',
      phone: '13700001234',
      idNumber: fakeId('19900101', '051'),
      birthDate: null,
      gender: null,
    });
    await create(ca, v2.id, { name: '李四', phone: '13700005678' });
  });
  const names = async (q: string) =>
    (await ta.req('GET', `/api/residents?nodeId=${v2.id}&q=${encodeURIComponent(q)}`))
      .json()
      .items.map((r: { name: string }) => r.name);

  it('finds by initials, pinyin, name, phone tail, ID tail and whole ID number', async () => {
    expect(await names('zs')).toEqual(['张三']);
    expect(await names('ZhangS')).toEqual(['张三']);
    expect(await names('张')).toEqual(['张三']);
    expect(await names('1234')).toEqual(['张三']);
    expect(await names('5678')).toEqual(['李四']);
    const id = fakeId('19900101', '051');
    expect(await names(id.slice(14))).toEqual(['张三']);
    expect(await names(id)).toEqual(['张三']);
  });

  it('filters by age band and gender, paginated on the server', async () => {
    const r = (await ta.req('GET', `/api/residents?nodeId=${v2.id}&ageBand=18-59&gender=male&pageSize=1`)).json();
    expect(r).toMatchObject({ total: 1, pageSize: 1 });
    expect(r.items[0].name).toBe('张三');
  });
});

describe('households', () => {
  it('creates a household, sets the head by relation, shows the members', async () => {
    const h = await ta.req('POST', '/api/households', { nodeId: v1.id, headName: '待定', building: '3组' });
    expect(h.statusCode).toBe(201);
    const hid = h.json().id;
    const head = await create(ta, v1.id, { name: '孙大山', householdId: hid, relationToHead: 'head', gender: 'male' });
    expect(head.statusCode, head.body).toBe(201);
    await create(ta, v1.id, {
      name: '孙小禾',
      householdId: hid,
      relationToHead: 'child',
      birthDate: childBirth(),
      consent: guardian,
    });
    const d = (await cm.req('GET', `/api/households/${hid}`)).json();
    expect(d).toMatchObject({ headName: '孙大山', memberCount: 2, canUpdate: true });
    expect(d.members.map((m: { name: string }) => m.name).sort()).toEqual(['孙大山', '孙小禾']);
    expect((await create(ta, v2.id, { name: '串户', householdId: hid, relationToHead: 'spouse' })).statusCode).toBe(
      400,
    );
    expect(
      (await ta.req('PUT', `/api/households/${hid}`, { nodeId: v1.id, headName: '孙大山', building: '4组' }))
        .statusCode,
    ).toBe(200);
  });
});

describe('the person’s rights: export, correct, delete', () => {
  it('corrects a resident, keeping the ID number when the field is left out', async () => {
    const id = fakeId('19850505', '061');
    const r = (await create(ca, v1.id, { name: '周正', idNumber: id, birthDate: null, gender: null })).json();
    const put = await ca.req('PUT', `/api/residents/${r.id}`, {
      nodeId: v2.id,
      name: '周政',
      gender: 'male',
      birthDate: '1985-05-05',
      tags: ['veteran'],
    });
    expect(put.statusCode, put.body).toBe(200);
    const d = (await ca.req('GET', `/api/residents/${r.id}`)).json();
    expect(d).toMatchObject({
      name: '周政',
      nodeName: '桃源村',
      tags: ['veteran'],
      idNumber: `339***********${id.slice(14)}`,
    });
    const bad = await ca.req('PUT', `/api/residents/${r.id}`, {
      nodeId: v2.id,
      name: '周政',
      gender: 'male',
      birthDate: '1985-05-06',
    });
    expect(issue(bad)?.path).toBe('birthDate');
    const [a] = await audits('resident.update', r.id);
    expect(a.summary).toMatchObject({ fields: expect.arrayContaining(['name', 'nodeId', 'tags']) });
    expect(JSON.stringify(a.summary)).not.toContain('周');
  });

  it('exports everything held about one person as a file, and audits it', async () => {
    const r = (await create(ca, v1.id, { name: '吴导出', phone: '13611112222', tags: ['disabled'] })).json();
    const res = await ca.req('GET', `/api/residents/${r.id}/export`);
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.json()).toMatchObject({
      resident: { name: '吴导出', phone: '13611112222', village: '东坡村' },
      tags: [{ code: 'disabled', label: '残疾人' }],
    });
    expect(res.json().consents).toHaveLength(1);
    expect(res.json().history.map((h: { action: string }) => h.action)).toContain('resident.create');
    expect(await audits('resident.export', r.id)).toHaveLength(1);
  });

  it('deletes a resident without other records, and anonymises one that others reference', async () => {
    const plain = (await create(ca, v1.id, { name: '郑可删' })).json();
    const del = await ca.req('DELETE', `/api/residents/${plain.id}`);
    expect(del.json()).toEqual({ outcome: 'deleted', reasons: [] });
    expect(await s.database.db.select().from(residents).where(eq(residents.id, plain.id))).toEqual([]);

    const id = fakeId('19720202', '071');
    const kept = (
      await create(ca, v1.id, {
        name: '冯留存',
        idNumber: id,
        birthDate: null,
        gender: null,
        phone: '13733334444',
        tags: ['elderly'],
      })
    ).json();
    await s.database.query(
      `insert into teachers (bank_node_id, resident_id, name, category, source) values ($1, $2, '冯老师', 'volunteer', 'retired_cadre')`,
      [town.id, kept.id],
    );
    const anon = await ca.req('DELETE', `/api/residents/${kept.id}`);
    expect(anon.json()).toMatchObject({
      outcome: 'anonymized',
      reasons: [{ table: 'teachers', count: 1, label: '师资库记录' }],
    });
    const [row] = await s.database.db.select().from(residents).where(eq(residents.id, kept.id));
    expect(row).toMatchObject({
      name: '已注销居民',
      idNumberHash: null,
      idNumberEnc: null,
      phone: null,
      birthDate: null,
      namePinyin: '',
    });
    expect(row.anonymizedAt).not.toBeNull();
    const d = (await ca.req('GET', `/api/residents/${kept.id}`)).json();
    expect(d).toMatchObject({ anonymized: true, tags: [], permissions: { update: false, remove: false } });
    expect(d.consents[0].withdrawnAt).not.toBeNull();
    // The number is free again, and the anonymised person is gone from the roster.
    expect((await create(ca, v1.id, { idNumber: id, birthDate: null, gender: null })).statusCode).toBe(201);
    expect((await ca.req('GET', '/api/residents?q=flc')).json().total).toBe(0);
    expect(await audits('resident.anonymize', kept.id)).toHaveLength(1);
  });
});

describe('the county tag list', () => {
  it('is seeded with the default list on first use; county admins keep it', async () => {
    const list = (await ta.req('GET', `/api/counties/${county.id}/resident-tags`)).json();
    expect(list.canManage).toBe(false);
    expect(list.tags.map((t: { label: string }) => t.label)).toContain('留守儿童');
    expect(
      (await ta.req('POST', `/api/counties/${county.id}/resident-tags`, { code: 'x_tag', label: '新标签' })).statusCode,
    ).toBe(403);
    expect(
      (await ca.req('POST', `/api/counties/${county.id}/resident-tags`, { code: 'Bad Code', label: '坏' })).statusCode,
    ).toBe(400);
    expect(
      (
        await ca.req('POST', `/api/counties/${county.id}/resident-tags`, {
          code: 'new_citizen',
          label: '新市民',
          sensitive: false,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await ca.req('PUT', `/api/counties/${county.id}/resident-tags/new_citizen`, {
          label: '新市民群体',
          sensitive: true,
          sortOrder: 5,
        })
      ).statusCode,
    ).toBe(200);
    expect((await create(ca, v1.id, { name: '新来', tags: ['new_citizen'] })).statusCode).toBe(201);
    expect(issue(await create(ca, v1.id, { tags: ['no_such_tag'] }))?.path).toBe('tags');
    const inUse = await ca.req('DELETE', `/api/counties/${county.id}/resident-tags/new_citizen`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.message).toContain('1 位居民');
    expect(
      (await ca.req('POST', `/api/counties/${county.id}/resident-tags`, { code: 'temp_tag', label: '临时' }))
        .statusCode,
    ).toBe(201);
    expect((await ca.req('DELETE', `/api/counties/${county.id}/resident-tags/temp_tag`)).statusCode).toBe(200);
    expect((await ca2.req('GET', `/api/counties/${county.id}/resident-tags`)).statusCode).toBe(404);
  });
});
