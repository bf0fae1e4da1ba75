import { and, count, eq, sql } from 'drizzle-orm';
import type { Database } from '../server/db/client';
import { hashPassword } from '../modules/accounts/password';
import { roleAssignments, users } from '../modules/accounts/account.table';
import { recordAudit } from '../server/audit';
import { orgLeaders, orgPopulations } from '../modules/organisations/org.table';
import { orgNodes } from '../server/db/tree.table';
import type { Role } from '../shared/roles';
import type { DemoContext } from './demo-context';
import { seedPeople } from '../modules/people/people.demo';
import { seedTeachers } from '../modules/teachers/teachers.demo';
import { seedActivities } from '../modules/activities/activities.demo';
import { seedPlans } from '../modules/plans/plans.demo';
import { seedCourses } from '../modules/courses/courses.demo';
import { seedSignIns } from '../modules/signin/signin.demo';
import { seedCredits } from '../modules/credits/credits.demo';
import { seedReports } from '../modules/reports/reports.demo';
import { seedSurveys } from '../modules/surveys/surveys.demo';
import { seedFunding } from '../modules/funding/funding.demo';
import { seedAwards } from '../modules/awards/awards.demo';

/**
 * The fictional demo county 青溪县. Every name here is invented; none comes from the seed
 * plans. Division codes use city code 99, which no real prefecture has. Each village or
 * community has its resident population (a small demo: a few hundred each); a town's is the sum
 * of its villages', the county's the sum of its towns'; last year's were a little lower.
 */
const COUNTY = { name: '青溪县', code: '339901000000' };

const TOWNS = [
  {
    name: '云台镇',
    code: '339901101000',
    key: 'yuntai',
    villages: [
      ['东坡村', 620],
      ['桃源村', 480],
      ['青竹村', 350],
      ['云台社区', 760],
      ['溪口村', 310],
    ],
    leaders: [
      ['陈晓东', 'leader', '镇党委书记'],
      ['林雅琴', 'deputy', '镇长'],
      ['周建国', 'deputy', '分管副镇长'],
      ['吴丽华', 'member', '社区教育学校校长'],
      ['郑文斌', 'member', '文化服务中心主任'],
    ],
  },
  {
    name: '柳湾镇',
    code: '339901102000',
    key: 'liuwan',
    villages: [
      ['柳湾社区', 680],
      ['杏花村', 420],
      ['南塘村', 530],
      ['石门村', 300],
    ],
    leaders: [
      ['孙海燕', 'leader', '镇党委书记'],
      ['马立新', 'deputy', '镇长'],
      ['何静怡', 'member', '社区教育学校校长'],
    ],
  },
  {
    name: '石桥街道',
    code: '339901001000',
    key: 'shiqiao',
    villages: [
      ['石桥社区', 820],
      ['新华社区', 590],
      ['滨江社区', 460],
      ['梧桐社区', 380],
      ['长乐社区', 510],
      ['望湖社区', 330],
    ],
    leaders: [
      ['许志强', 'leader', '街道党工委书记'],
      ['黄梦婷', 'deputy', '街道办主任'],
      ['刘春生', 'member', '社区教育学校校长'],
    ],
  },
] as const;

const DEPARTMENTS = ['社保所', '文化服务中心', '卫生院', '司法所', '派出所'];
const HEADS = ['赵雪梅', '钱国庆', '冯秀兰', '韩明远', '杨若溪', '唐文杰', '邓佳慧'];

/** One account per role; the README lists them. `at` names the node the role is held on. */
export const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role; at: string }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'system_admin', at: '青溪县' },
  { username: 'county', displayName: '县社区学院·王老师', role: 'county_admin', at: '青溪县' },
  { username: 'town', displayName: '云台镇社区教育办·李干事', role: 'town_admin', at: '云台镇' },
  { username: 'town2', displayName: '柳湾镇社区教育办·张干事', role: 'town_admin', at: '柳湾镇' },
  { username: 'centre', displayName: '东坡村学习中心·刘主任', role: 'centre_manager', at: '东坡村' },
  { username: 'dept', displayName: '云台镇社保所·联络员', role: 'dept_coordinator', at: '云台镇社保所' },
  { username: 'teacher', displayName: '东坡村·兼职教师', role: 'teacher', at: '东坡村' },
  { username: 'inspector', displayName: '县督查组·督查员', role: 'inspector', at: '青溪县' },
  { username: 'leader', displayName: '云台镇领导小组·成员', role: 'leader', at: '云台镇' },
];

/**
 * Whether to create the demo county (and its published password) on an empty database: on the
 * embedded quick start unless CEDU_DEMO=0, on PostgreSQL only with CEDU_DEMO=1.
 */
export const wantsDemo = (demo: boolean | undefined, kind: Database['kind']) => demo ?? kind === 'pglite';

/** Whether this database holds the demo county's admin (the start banner then lists the demo logins). */
export async function hasDemoAdmin(db: Database['db']): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(orgNodes, eq(orgNodes.id, users.homeNodeId))
    .where(and(eq(users.username, 'admin'), eq(orgNodes.name, COUNTY.name), eq(orgNodes.divisionCode, COUNTY.code)));
  return !!row;
}

/** Creates the demo county when the database holds no node yet. Returns whether it did. */
export async function seedDemoIfEmpty(
  database: Database,
  password: string,
  protect: DemoContext['protect'],
): Promise<boolean> {
  const db = database.db;
  const [{ n }] = await db.select({ n: count() }).from(orgNodes);
  if (Number(n) > 0) return false;
  const passwordHash = await hashPassword(password);
  const year = new Date().getFullYear();
  let seeded = false;
  await db.transaction(async (tx) => {
    // Two app nodes starting together on an empty database: one seeds, the other finds it done.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('cedu:demo-seed'))`);
    const [{ n: now }] = await tx.select({ n: count() }).from(orgNodes);
    if (Number(now) > 0) return;
    seeded = true;
    const byName = new Map<string, { id: string; path: string; depth: number }>();
    let seq = 0;
    const add = async (
      parent: { id: string; path: string; depth: number } | null,
      v: {
        name: string;
        level: string;
        unitKind?: string;
        code?: string;
        population?: [lastYear: number, thisYear: number];
        address?: string;
      },
    ) => {
      const id = crypto.randomUUID();
      const path = `${parent?.path ?? '/'}${id}/`;
      const depth = (parent?.depth ?? -1) + 1;
      seq++;
      await tx.insert(orgNodes).values({
        id,
        parentId: parent?.id ?? null,
        path,
        depth,
        level: v.level,
        unitKind: v.unitKind ?? null,
        name: v.name,
        divisionCode: v.code ?? null,
        address: v.address ?? null,
        sortOrder: seq,
        headName: v.level === 'unit' ? null : HEADS[seq % HEADS.length],
        headPhone: v.level === 'unit' ? null : `1390000${String(1000 + seq).slice(-4)}`,
      });
      if (v.population) {
        await tx.insert(orgPopulations).values([
          { nodeId: id, year: year - 1, population: v.population[0] },
          { nodeId: id, year, population: v.population[1] },
        ]);
      }
      byName.set(v.name, { id, path, depth });
      return { id, path, depth };
    };
    const county = await add(null, {
      name: COUNTY.name,
      level: 'county',
      code: COUNTY.code,
      population: sumOf(TOWNS.flatMap((t): readonly (readonly [string, number])[] => t.villages)),
      address: '青溪县人民路 1 号',
    });
    await tx
      .update(orgNodes)
      .set({ officeLocation: '县社区学院 2 楼', officePhone: '057186000000', officeHead: '王老师' })
      .where(eqId(county.id));
    for (const [t, town] of TOWNS.entries()) {
      const townNode = await add(county, {
        name: town.name,
        level: 'town',
        code: town.code,
        population: sumOf(town.villages),
        address: `青溪县${town.name}政府路 ${t + 8} 号`,
      });
      await tx
        .update(orgNodes)
        .set({
          officeLocation: `${town.name}社区教育学校 1 楼`,
          officePhone: `05718600${1000 + t}`,
          officeHead: HEADS[(t + 2) % HEADS.length],
        })
        .where(eqId(townNode.id));
      await tx
        .insert(orgLeaders)
        .values(
          town.leaders.map(([name, post, title], i) => ({ nodeId: townNode.id, name, post, title, sortOrder: i })),
        );
      for (const [v, [village, population]] of town.villages.entries()) {
        const code = `${town.code.slice(0, 9)}${String(201 + v).padStart(3, '0')}`;
        await add(townNode, {
          name: village,
          level: 'centre',
          code,
          population: [lastYearOf(population), population],
          address: `${town.name}${village}村委会`,
        });
      }
      for (const dept of DEPARTMENTS)
        await add(townNode, { name: `${town.name}${dept}`, level: 'unit', unitKind: 'lead_dept' });
      await add(townNode, { name: `${town.name}中心小学`, level: 'unit', unitKind: 'school' });
    }
    await add(byName.get('东坡村')!, { name: '东坡村老年大学教学点', level: 'unit', unitKind: 'other' });

    const userIds = new Map<string, string>();
    for (const a of DEMO_ACCOUNTS) {
      const node = byName.get(a.at)!;
      const id = crypto.randomUUID();
      userIds.set(a.username, id);
      await tx
        .insert(users)
        .values({ id, username: a.username, displayName: a.displayName, homeNodeId: node.id, passwordHash });
      await tx.insert(roleAssignments).values({ userId: id, role: a.role, nodeId: node.id });
    }
    const ctx: DemoContext = { tx, nodes: byName, users: userIds, countyId: county.id, protect };
    // Each module's demo data, one line each.
    void ctx;
    await seedPeople(ctx);
    await seedTeachers(ctx);
    await seedActivities(ctx);
    await seedPlans(ctx);
    await seedCourses(ctx);
    await seedCredits(ctx);
    await seedSignIns(ctx);
    await seedSurveys(ctx);
    await seedReports(ctx);
    await seedFunding(ctx);
    await seedAwards(ctx);
    await recordAudit(tx, {
      actorName: 'system',
      node: { id: county.id, path: county.path },
      action: 'demo.seed',
      summary: { county: COUNTY.name, towns: TOWNS.length },
    });
  });
  return seeded;
}

const eqId = (id: string) => eq(orgNodes.id, id);

/** Last year's population of a village: about 2 % fewer. */
const lastYearOf = (population: number) => Math.round(population * 0.98);

/** A town's or the county's populations, last year's and this year's: the sums of its villages'. */
const sumOf = (villages: readonly (readonly [string, number])[]): [number, number] => [
  villages.reduce((n, [, p]) => n + lastYearOf(p), 0),
  villages.reduce((n, [, p]) => n + p, 0),
];
