import type { DemoContext } from '../../db/demo-context';
import { demoRandom } from '../../db/demo-random';
import { idCheckChar } from '../../shared/id-card';
import { nameSearchKeys } from '../../shared/pinyin';
import { DEFAULT_CONSENT_PURPOSE } from './people.contract';
import { consents, households, residents, residentTags } from './people.table';
import { ensureTagDefs } from './resident-write';

type DemoResident = {
  name: string;
  gender: 'male' | 'female';
  birth: string;
  phone?: string;
  withId?: boolean;
  tags?: string[];
  household?: string;
  relation?: string;
  building?: string;
  education?: string;
  employment?: string;
  occupation?: string;
  guardian?: [name: string, relation: string];
};

/** Every name is invented. Households are keyed by their head; `birth` is YYYY-MM-DD (CHILD: a child's, relative to today). */
const CHILD = 'child';
const VILLAGES: Record<
  string,
  { households: { key: string; building: string; address: string }[]; people: DemoResident[] }
> = {
  东坡村: {
    households: [
      { key: '陈德明', building: '东坡村 3 组', address: '东坡村 3 组 12 号' },
      { key: '周秀兰', building: '东坡村 1 组', address: '东坡村 1 组 5 号' },
    ],
    people: [
      {
        name: '陈德明',
        gender: 'male',
        birth: '1958-04-12',
        phone: '13957100011',
        withId: true,
        tags: ['elderly', 'veteran'],
        household: '陈德明',
        relation: 'head',
        building: '东坡村 3 组',
        education: 'junior',
        employment: 'retired',
      },
      {
        name: '吴桂芳',
        gender: 'female',
        birth: '1961-09-03',
        phone: '13957100012',
        withId: true,
        tags: ['elderly'],
        household: '陈德明',
        relation: 'spouse',
        building: '东坡村 3 组',
        education: 'primary',
        employment: 'farming',
      },
      {
        name: '陈小满',
        gender: 'female',
        birth: CHILD,
        tags: ['left_behind_child'],
        household: '陈德明',
        relation: 'grandchild',
        building: '东坡村 3 组',
        education: 'primary',
        employment: 'student',
        guardian: ['吴桂芳', '祖母'],
      },
      {
        name: '周秀兰',
        gender: 'female',
        birth: '1949-12-20',
        phone: '13957100014',
        withId: true,
        tags: ['elderly', 'disabled'],
        household: '周秀兰',
        relation: 'head',
        building: '东坡村 1 组',
        education: 'none',
        employment: 'retired',
      },
      {
        name: '黄建华',
        gender: 'male',
        birth: '1979-07-08',
        phone: '13957100015',
        withId: true,
        tags: ['landless_farmer'],
        building: '东坡村 2 组',
        education: 'senior',
        employment: 'self_employed',
        occupation: '果园种植',
      },
      {
        name: '郑国强',
        gender: 'male',
        birth: '1986-02-17',
        phone: '13957100016',
        withId: true,
        tags: ['unemployed'],
        building: '东坡村 2 组',
        education: 'vocational',
        employment: 'unemployed',
      },
      {
        name: '阿依古丽·买买提',
        gender: 'female',
        birth: '1992-05-30',
        phone: '13957100017',
        withId: true,
        tags: ['migrant_worker'],
        building: '东坡村 4 组',
        education: 'college',
        employment: 'employed',
        occupation: '电商客服',
      },
      {
        name: '唐一鸣',
        gender: 'male',
        birth: '2010-10-10',
        building: '东坡村 1 组',
        education: 'junior',
        employment: 'student',
        tags: ['youth'],
      },
    ],
  },
  桃源村: {
    households: [{ key: '许海波', building: '桃源村 2 组', address: '桃源村 2 组 8 号' }],
    people: [
      {
        name: '许海波',
        gender: 'male',
        birth: '1975-03-22',
        phone: '13957100021',
        withId: true,
        household: '许海波',
        relation: 'head',
        building: '桃源村 2 组',
        education: 'senior',
        employment: 'farming',
        occupation: '茶叶种植',
      },
      {
        name: '何丽萍',
        gender: 'female',
        birth: '1977-11-02',
        phone: '13957100021',
        household: '许海波',
        relation: 'spouse',
        building: '桃源村 2 组',
        education: 'junior',
        employment: 'farming',
      },
      {
        name: '朱永年',
        gender: 'male',
        birth: '1952-01-15',
        phone: '13957100023',
        withId: true,
        tags: ['elderly', 'veteran'],
        building: '桃源村 1 组',
        education: 'senior',
        employment: 'retired',
      },
      {
        name: '马春燕',
        gender: 'female',
        birth: '1988-06-18',
        phone: '13957100024',
        tags: ['rural_migrant'],
        building: '桃源村 3 组',
        education: 'junior',
        employment: 'employed',
        occupation: '家政服务',
      },
    ],
  },
  柳湾社区: {
    households: [],
    people: [
      {
        name: '罗志勇',
        gender: 'male',
        birth: '1969-08-09',
        phone: '13957100031',
        withId: true,
        building: '柳湾花园 5 栋',
        education: 'bachelor',
        employment: 'employed',
        occupation: '社区网格员',
      },
      {
        name: '梁晓燕',
        gender: 'female',
        birth: '1995-04-04',
        phone: '13957100032',
        withId: true,
        tags: ['migrant_worker'],
        building: '柳湾花园 2 栋',
        education: 'college',
        employment: 'employed',
        occupation: '幼儿园保育员',
      },
      {
        name: '宋玉珍',
        gender: 'female',
        birth: '1946-02-28',
        phone: '13957100033',
        tags: ['elderly'],
        building: '柳湾花园 1 栋',
        education: 'none',
        employment: 'retired',
      },
      {
        name: '谢卫东',
        gender: 'male',
        birth: '1983-12-12',
        phone: '13957100034',
        withId: true,
        tags: ['veteran'],
        building: '柳湾花园 3 栋',
        education: 'senior',
        employment: 'employed',
        occupation: '物业维修',
      },
    ],
  },
};

/** A valid fictional ID number of the demo county (region 339901). */
function demoId(birth: string, seq: number, gender: 'male' | 'female'): string {
  const s = String(seq * 2 + (gender === 'male' ? 1 : 0))
    .padStart(3, '0')
    .slice(-3);
  const first17 = `339901${birth.replaceAll('-', '')}${s}`;
  return first17 + idCheckChar(first17);
}

/**
 * How many residents each village's or community's roster holds in all (the named ones above
 * included): a share of its population (demo.ts), more where the centre is busier.
 */
const ROSTER: Record<string, number> = {
  东坡村: 255,
  桃源村: 123,
  青竹村: 60,
  云台社区: 258,
  溪口村: 60,
  柳湾社区: 232,
  杏花村: 94,
  南塘村: 152,
  石门村: 50,
  石桥社区: 265,
  新华社区: 209,
  滨江社区: 97,
  梧桐社区: 73,
  长乐社区: 141,
  望湖社区: 56,
};

// Invented names: a surname and one or two given-name characters drawn from these lists.
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁沈任姚卢钟姜崔谭陆范汪廖石金贾夏韦方邹熊孟秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = {
  male: [...'建国志明伟强军海林华平忠德文俊宇峰涛斌磊鹏辉勇永庆春生荣福根水金长发'],
  female: [...'秀丽芳英兰玲静敏燕霞娟萍梅琴红艳婷雪慧颖倩洁琳凤桂珍月素云玉'],
  child: [...'子涵梓轩欣怡睿宸诗语浩然嘉佳乐瑶可晨雨泽一天奕'],
};

type Made = typeof residents.$inferInsert;

/**
 * Households of invented residents for every village and community, up to its roster size:
 * couples, older people with grandchildren (some left behind), a few living alone; special-group
 * tags where they fit; ID numbers (encrypted as the app stores them) for most adults.
 */
function makeVillage(
  ctx: DemoContext,
  village: string,
  nodeId: string,
  count: number,
  ids: Set<string>,
  nextPhone: () => string,
) {
  const rng = demoRandom(`people:${village}`);
  const year = new Date().getFullYear();
  const community = village.endsWith('社区');
  const made: { row: Made; tags: string[]; guardian?: [string, string]; household: number }[] = [];
  const homes: { headName: string; building: string; address: string }[] = [];
  const nameOf = (surname: string, kind: keyof typeof GIVEN) =>
    surname + rng.pick(GIVEN[kind]) + (rng.chance(0.75) ? rng.pick(GIVEN[kind]) : '');
  const person = (
    household: number,
    relation: string,
    surname: string,
    gender: 'male' | 'female',
    age: number,
    building: string,
  ) => {
    const child = age < 18;
    const name = nameOf(surname, child ? 'child' : gender);
    const birth = `${year - age}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    let id = !child && rng.chance(0.7) ? demoId(birth, rng.int(100, 499), gender) : null;
    if (id && ids.has(id)) id = null;
    if (id) ids.add(id);
    const employment = child
      ? 'student'
      : age >= 60
        ? community || rng.chance(0.5)
          ? 'retired'
          : 'farming'
        : age < 20
          ? 'student'
          : rng.pick(
              community
                ? ['employed', 'employed', 'self_employed', 'unemployed']
                : ['farming', 'employed', 'self_employed', 'farming', 'unemployed'],
            );
    const education =
      age < 12
        ? 'primary'
        : age < 15
          ? 'junior'
          : age < 20
            ? rng.pick(['senior', 'vocational'])
            : age >= 65
              ? rng.pick(['none', 'primary', 'primary', 'junior'])
              : age >= 40
                ? rng.pick(['primary', 'junior', 'junior', 'senior', 'vocational'])
                : rng.pick(['senior', 'vocational', 'college', 'bachelor']);
    const tags: string[] = [];
    if (age >= 60 && rng.chance(0.9)) tags.push('elderly');
    if (age >= 14 && age <= 28 && rng.chance(0.3)) tags.push('youth');
    if (rng.chance(0.03)) tags.push('disabled');
    if (gender === 'male' && age >= 35 && rng.chance(0.05)) tags.push('veteran');
    if (employment === 'unemployed') tags.push('unemployed');
    if (employment === 'employed' && rng.chance(community ? 0.12 : 0.06))
      tags.push(community ? 'migrant_worker' : 'rural_migrant');
    if (!community && age >= 40 && age < 70 && rng.chance(0.05)) tags.push('landless_farmer');
    const keys = nameSearchKeys(name);
    made.push({
      household,
      tags,
      row: {
        id: crypto.randomUUID(),
        countyId: ctx.countyId,
        nodeId,
        relationToHead: relation,
        building,
        name,
        namePinyin: keys.pinyin,
        nameInitials: keys.initials,
        gender,
        birthDate: birth,
        phone: age >= 16 && rng.chance(0.85) ? nextPhone() : null,
        idNumberEnc: id ? ctx.protect.encrypt(id) : null,
        idNumberHash: id ? ctx.protect.digest(id) : null,
        idLast4: id ? id.slice(-4) : null,
        education,
        employment,
        occupation:
          employment === 'employed' || employment === 'self_employed'
            ? rng.pick(['超市收银员', '快递员', '家政服务', '厨师', '电工', '网店店主', '物业保洁', '货车司机'])
            : null,
        createdBy: ctx.users.get('centre') ?? null,
      },
    });
    return made[made.length - 1];
  };
  while (made.length < count) {
    const h = homes.length;
    const group = rng.int(1, 6);
    const building = community ? `${village.replace('社区', '')}花园 ${group} 栋` : `${village} ${group} 组`;
    const address = community
      ? `${building} ${rng.int(1, 3)} 单元 ${rng.int(1, 6)}0${rng.int(1, 4)} 室`
      : `${building} ${rng.int(1, 60)} 号`;
    const surname = rng.pick(SURNAMES);
    const headGender = rng.chance(0.7) ? 'male' : 'female';
    const headAge = rng.int(26, 84);
    const head = person(h, 'head', surname, headGender, headAge, building);
    homes.push({ headName: head.row.name, building, address });
    const size = rng.pick([1, 2, 2, 2, 3, 3, 4]);
    if (size >= 2 && made.length < count)
      person(
        h,
        'spouse',
        rng.pick(SURNAMES),
        headGender === 'male' ? 'female' : 'male',
        Math.max(22, headAge + rng.int(-4, 3)),
        building,
      );
    for (let k = 2; k < size && made.length < count; k++) {
      if (headAge >= 56) {
        const child = person(h, 'grandchild', surname, rng.chance(0.5) ? 'male' : 'female', rng.int(6, 15), building);
        if (rng.chance(0.45)) child.tags.push('left_behind_child');
        child.guardian = [head.row.name, headGender === 'male' ? '祖父' : '祖母'];
      } else {
        const age = headAge >= 40 ? rng.int(12, 19) : rng.int(6, 12);
        const child = person(h, 'child', surname, rng.chance(0.5) ? 'male' : 'female', age, building);
        if (age < 18) child.guardian = [head.row.name, headGender === 'male' ? '父亲' : '母亲'];
      }
    }
  }
  return { made, homes };
}

/** Multi-row inserts of at most `size` rows each (a statement's parameters are limited). */
async function insertChunks<T>(rows: T[], size: number, insert: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Residents of the demo villages: the named ones of three villages (households, special-group
 * tags, a child with a guardian's consent), then invented households in every village and
 * community up to its roster size, written in bulk as the resident service writes them.
 */
export async function seedPeople(ctx: DemoContext): Promise<void> {
  const { tx, protect } = ctx;
  await ensureTagDefs(tx, ctx.countyId);
  const recordedBy = ctx.users.get('centre') ?? null;
  const ids = new Set<string>();
  let seq = 10;
  const named = new Map<string, number>();
  for (const [village, v] of Object.entries(VILLAGES)) {
    const node = ctx.nodes.get(village);
    if (!node) continue;
    named.set(village, v.people.length);
    const householdIds = new Map<string, string>();
    for (const h of v.households) {
      const [row] = await tx
        .insert(households)
        .values({ nodeId: node.id, headName: h.key, building: h.building, address: h.address })
        .returning({ id: households.id });
      householdIds.set(h.key, row.id);
    }
    for (const p of v.people) {
      seq++;
      const birth = p.birth === CHILD ? `${new Date().getFullYear() - 9}-03-15` : p.birth;
      const id = p.withId ? demoId(birth, seq, p.gender) : null;
      if (id) ids.add(id);
      const keys = nameSearchKeys(p.name);
      const [row] = await tx
        .insert(residents)
        .values({
          countyId: ctx.countyId,
          nodeId: node.id,
          householdId: p.household ? householdIds.get(p.household) : null,
          relationToHead: p.relation ?? null,
          building: p.building ?? null,
          name: p.name,
          namePinyin: keys.pinyin,
          nameInitials: keys.initials,
          gender: p.gender,
          birthDate: birth,
          phone: p.phone ?? null,
          idNumberEnc: id ? protect.encrypt(id) : null,
          idNumberHash: id ? protect.digest(id) : null,
          idLast4: id ? id.slice(-4) : null,
          education: p.education ?? null,
          employment: p.employment ?? null,
          occupation: p.occupation ?? null,
          createdBy: recordedBy,
        })
        .returning({ id: residents.id });
      if (p.tags?.length) await tx.insert(residentTags).values(p.tags.map((tag) => ({ residentId: row.id, tag })));
      await tx.insert(consents).values(consentOf(row.id, p.guardian, recordedBy));
    }
  }

  let phones = 0;
  const nextPhone = () => `13958${String(200_000 + ++phones)}`;
  for (const [village, size] of Object.entries(ROSTER)) {
    const node = ctx.nodes.get(village);
    if (!node) continue;
    const { made, homes } = makeVillage(ctx, village, node.id, size - (named.get(village) ?? 0), ids, nextPhone);
    const homeRows = homes.map((h) => ({ id: crypto.randomUUID(), nodeId: node.id, ...h }));
    await insertChunks(homeRows, 500, (part) => tx.insert(households).values(part));
    for (const m of made) m.row.householdId = homeRows[m.household].id;
    await insertChunks(made, 400, (part) => tx.insert(residents).values(part.map((m) => m.row)));
    const tags = made.flatMap((m) => m.tags.map((tag) => ({ residentId: m.row.id!, tag })));
    await insertChunks(tags, 1000, (part) => tx.insert(residentTags).values(part));
    await insertChunks(made, 1000, (part) =>
      tx.insert(consents).values(part.map((m) => consentOf(m.row.id!, m.guardian, recordedBy))),
    );
  }
}

/** The consent the centre recorded on paper: the resident's own, or a child's guardian's. */
const consentOf = (residentId: string, guardian: [string, string] | undefined, recordedBy: string | null) =>
  guardian
    ? {
        residentId,
        purpose: DEFAULT_CONSENT_PURPOSE,
        givenBy: 'guardian',
        guardianName: guardian[0],
        guardianRelation: guardian[1],
        method: 'paper',
        recordedBy,
      }
    : { residentId, purpose: DEFAULT_CONSENT_PURPOSE, givenBy: 'self', method: 'paper', recordedBy };
