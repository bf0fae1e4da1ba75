import type { DemoContext } from '../../db/demo-context';
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

/** Residents of three demo villages: households, special-group tags, a child with a guardian's consent. */
export async function seedPeople(ctx: DemoContext): Promise<void> {
  const { tx, protect } = ctx;
  await ensureTagDefs(tx, ctx.countyId);
  const recordedBy = ctx.users.get('centre') ?? null;
  let seq = 10;
  for (const [village, v] of Object.entries(VILLAGES)) {
    const node = ctx.nodes.get(village);
    if (!node) continue;
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
      await tx.insert(consents).values(
        p.guardian
          ? {
              residentId: row.id,
              purpose: DEFAULT_CONSENT_PURPOSE,
              givenBy: 'guardian',
              guardianName: p.guardian[0],
              guardianRelation: p.guardian[1],
              method: 'paper',
              recordedBy,
            }
          : { residentId: row.id, purpose: DEFAULT_CONSENT_PURPOSE, givenBy: 'self', method: 'paper', recordedBy },
      );
    }
  }
}
