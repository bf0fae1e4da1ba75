import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DemoContext } from '../../db/demo-context';
import { demoRandom } from '../../db/demo-random';
import { chinaInstant, chinaToday } from '../../shared/china-time';
import { residents } from '../people/people.table';
import { teachers } from '../teachers/teachers.table';
import { activities, activityTeachers } from './activities.table';
import { activityRecords } from './activity-records.table';
import { registerResident } from './registration.service';
import { activityEquipment, equipmentItems, venues } from './venues.table';

const DAY = 86_400_000;
const at = (date: string, clock: string) => new Date(chinaInstant(date, clock));
const shift = (date: string, days: number) => chinaToday(at(date, '12:00').getTime() + days * DAY);

type Seed = {
  centre: string;
  title: string;
  theme: string;
  form: string;
  date: string;
  from: string;
  to: string;
  status: string;
  venue?: string;
  place?: string;
  teachers?: string[];
  items?: string[];
  capacity?: number;
  audience?: string;
  hours: number;
  seriesId?: string;
  record?: { newsTitle: string; newsBody: string; summary: string };
};

/**
 * How often each other centre holds two or more activities in a month (the rest of its months
 * have one or none): the busy ones nearly always, the quiet ones seldom. 东坡村, 桃源村 and 青竹村
 * have this year's activities written out below; last year every centre follows its rhythm.
 */
const RHYTHM: Record<string, number> = {
  东坡村: 0.95,
  桃源村: 0.6,
  青竹村: 0.2,
  云台社区: 0.85,
  溪口村: 0.3,
  柳湾社区: 0.9,
  杏花村: 0.5,
  南塘村: 0.7,
  石门村: 0.25,
  石桥社区: 0.9,
  新华社区: 0.8,
  滨江社区: 0.55,
  梧桐社区: 0.4,
  长乐社区: 0.65,
  望湖社区: 0.3,
};

/** Invented activities a centre holds, and the town department that leads some of them. */
const REPERTOIRE: [title: string, theme: string, form: string, dept?: string][] = [
  ['防范电信诈骗宣讲', 'law', 'lecture', '派出所'],
  ['民法典与百姓生活', 'law', 'lecture', '司法所'],
  ['高血压防治讲座', 'health', 'lecture', '卫生院'],
  ['急救知识培训', 'health', 'training', '卫生院'],
  ['智能手机使用课堂', 'digital', 'training'],
  ['网上办事一点通', 'digital', 'practice'],
  ['电商直播入门', 'vocational', 'training', '社保所'],
  ['家政服务技能培训', 'vocational', 'training', '社保所'],
  ['太极拳晨练班', 'culture_sports', 'practice', '文化服务中心'],
  ['广场舞交流展示', 'culture_sports', 'practice', '文化服务中心'],
  ['书画欣赏与习作', 'culture_sports', 'practice'],
  ['家庭教育分享会', 'family', 'forum'],
  ['垃圾分类知识讲座', 'technology', 'lecture'],
  ['蔬菜病虫害防治', 'technology', 'training'],
];

/**
 * Done activities of a centre over some months (`months` of `year`; the current month only up to
 * yesterday), following its rhythm: a day, a time and an item of the repertoire each.
 */
function pastOf(centre: string, year: number, months: number[], today: string, lastDay?: number) {
  const rng = demoRandom(`activities:${centre}:${year}`);
  const out: { title: string; theme: string; form: string; dept?: string; date: string; from: string; to: string }[] =
    [];
  for (const m of months) {
    const mm = `${year}-${String(m).padStart(2, '0')}`;
    const days = m === months[months.length - 1] && lastDay !== undefined ? lastDay : 28;
    if (days < 1) continue;
    const n = rng.chance(RHYTHM[centre] ?? 0.5) ? rng.int(2, 3) : rng.int(0, 1);
    const used = new Set<number>();
    for (let k = 0; k < n && used.size < days; k++) {
      let day = rng.int(1, days);
      while (used.has(day)) day = (day % days) + 1;
      used.add(day);
      const date = `${mm}-${String(day).padStart(2, '0')}`;
      if (date >= today) continue;
      const [title, theme, form, dept] = rng.pick(REPERTOIRE);
      const [from, to] = rng.pick([
        ['09:00', '10:30'],
        ['14:30', '16:00'],
        ['19:00', '20:30'],
      ]);
      out.push({ title, theme, form, dept, date, from, to });
    }
  }
  return out;
}

/**
 * Venues and equipment of 云台镇 and its villages; a weekly smartphone class for older people
 * in 东坡村 (8 sessions, the first ones done); done activities in earlier months (some centres
 * miss the two-a-month rule); this month's activities with registrations and a waiting list;
 * and every centre's done activities of this year and last year, following its rhythm.
 */
export async function seedActivities(ctx: DemoContext): Promise<void> {
  const { tx } = ctx;
  const node = (name: string) => ctx.nodes.get(name)!;
  const venueIds = new Map<string, string>();
  for (const [owner, name, seats, address] of [
    ['云台镇', '社区教育学校多功能厅', 120, '云台镇政府路 8 号 2 楼'],
    ['云台镇', '镇文化站排练厅', 60, '云台镇文化站'],
    ['东坡村', '村文化活动室', 40, '东坡村村委会 1 楼'],
    ['东坡村', '老年大学教室', 30, '东坡村村委会 2 楼'],
    ['桃源村', '农家书屋', 20, '桃源村村委会'],
  ] as const) {
    const [v] = await tx
      .insert(venues)
      .values({ countyId: ctx.countyId, nodeId: node(owner).id, name, seats, address })
      .returning({ id: venues.id });
    venueIds.set(name, v.id);
  }
  const itemIds = new Map<string, string>();
  for (const [owner, name] of [
    ['云台镇', '投影仪'],
    ['云台镇', '音响'],
    ['云台镇', '话筒'],
    ['东坡村', '电视'],
    ['东坡村', '音响（小）'],
    ['桃源村', '投影仪（便携）'],
  ] as const) {
    const [i] = await tx
      .insert(equipmentItems)
      .values({ countyId: ctx.countyId, nodeId: node(owner).id, name })
      .returning({ id: equipmentItems.id });
    itemIds.set(name, i.id);
  }
  const bank = await tx
    .select({ id: teachers.id, name: teachers.name })
    .from(teachers)
    .where(inArray(teachers.bankNodeId, [node('云台镇').id, node('东坡村').id]));
  const teacherId = new Map(bank.map((t) => [t.name, t.id]));

  const today = chinaToday();
  const year = Number(today.slice(0, 4));
  const seeds: Seed[] = [];

  // A weekly series: 8 Tuesdays, starting three weeks ago.
  const weekday = new Date(`${today}T12:00:00+08:00`).getUTCDay();
  const firstTuesday = shift(today, ((2 - weekday + 7) % 7) - 21);
  const seriesId = crypto.randomUUID();
  for (let k = 0; k < 8; k++) {
    const date = shift(firstTuesday, k * 7);
    seeds.push({
      centre: '东坡村',
      title: '老年人智能手机课堂',
      theme: 'digital',
      form: 'training',
      date,
      from: '14:30',
      to: '16:00',
      seriesId,
      status: date < today ? 'done' : k < 5 ? 'open' : 'planned',
      venue: '老年大学教室',
      teachers: ['龙小雨'],
      items: ['电视'],
      capacity: 25,
      audience: '60 岁以上老年人',
      hours: 1.5,
      ...(k === 0
        ? {
            record: {
              newsTitle: '东坡村开办老年人智能手机课堂',
              newsBody:
                '东坡村学习中心开办老年人智能手机课堂，志愿者龙小雨手把手教老人使用健康码、视频通话和防范电信诈骗。首期 22 位老人参加。',
              summary: '到课 22 人。老人最想学视频通话和手机支付，下期增加防诈骗内容。',
            },
          }
        : {}),
    });
  }

  // Earlier months of this year: 东坡村 always meets the rule; 桃源村 sometimes; 青竹村 rarely.
  const past: [string, string, string, string][] = [
    ['东坡村', '农村常见病预防讲座', 'health', '叶婉清'],
    ['东坡村', '家风家训分享会', 'family', '白玉兰'],
    ['桃源村', '防范电信诈骗宣讲', 'law', '谢静'],
    ['东坡村', '竹编技艺培训', 'vocational', '蒋秀芬'],
    ['青竹村', '果树修剪实用技术', 'technology', '潘立群'],
    ['桃源村', '广场舞交流', 'culture_sports', '蒋秀芬'],
  ];
  const thisMonthNo = Number(today.slice(5, 7));
  for (let m = 1; m < thisMonthNo; m++) {
    const mm = `${year}-${String(m).padStart(2, '0')}`;
    past.forEach(([centre, title, theme, teacher], i) => {
      if (centre === '桃源村' && m % 2 === 0 && i === 5) return;
      if (centre === '青竹村' && m % 3 !== 0) return;
      seeds.push({
        centre,
        title,
        theme,
        form: i % 2 ? 'forum' : 'lecture',
        date: `${mm}-${String(6 + i * 4).padStart(2, '0')}`,
        from: '09:00',
        to: '10:30',
        status: 'done',
        venue: centre === '东坡村' ? '村文化活动室' : centre === '桃源村' ? '农家书屋' : undefined,
        place: centre === '青竹村' ? '青竹村果园' : undefined,
        teachers: [teacher],
        capacity: 40,
        hours: 1.5,
        ...(m === thisMonthNo - 1 && i === 0
          ? {
              record: {
                newsTitle: `${centre}开展${title}`,
                newsBody: `近日，${centre}学习中心邀请镇卫生院医生开展${title}，讲解高血压、糖尿病的日常预防和用药常识，并为到场居民免费测量血压。`,
                summary: '到场 36 人，测量血压 30 人次。',
              },
            }
          : {}),
      });
    });
  }

  // This month, beside the series: open ones with registrations, one at the town hall.
  seeds.push(
    {
      centre: '东坡村',
      title: '秋冬季养生健康讲座',
      theme: 'health',
      form: 'lecture',
      date: shift(today, 4),
      from: '09:00',
      to: '10:30',
      status: 'open',
      venue: '村文化活动室',
      teachers: ['秦晓燕'],
      items: ['音响（小）'],
      capacity: 6,
      audience: '全体村民',
      hours: 1.5,
    },
    {
      centre: '云台社区',
      title: '民法典进社区',
      theme: 'law',
      form: 'lecture',
      date: shift(today, 6),
      from: '19:00',
      to: '20:30',
      status: 'open',
      venue: '社区教育学校多功能厅',
      teachers: ['邱德明'],
      items: ['投影仪', '话筒'],
      capacity: 100,
      audience: '社区居民',
      hours: 1.5,
    },
    {
      centre: '桃源村',
      title: '茶叶种植技术培训',
      theme: 'technology',
      form: 'training',
      date: shift(today, 9),
      from: '08:30',
      to: '11:30',
      status: 'planned',
      venue: '农家书屋',
      teachers: ['潘立群'],
      items: ['投影仪（便携）'],
      capacity: 20,
      audience: '茶农',
      hours: 3,
    },
  );

  const ids = new Map<string, string>();
  for (const s of seeds) {
    const startsAt = at(s.date, s.from);
    const [row] = await tx
      .insert(activities)
      .values({
        countyId: ctx.countyId,
        centreId: node(s.centre).id,
        title: s.title,
        theme: s.theme,
        form: s.form,
        startsAt,
        endsAt: at(s.date, s.to),
        venueId: s.venue ? venueIds.get(s.venue)! : null,
        place: s.place ?? null,
        capacity: s.capacity ?? null,
        audience: s.audience ?? null,
        hours: s.hours.toFixed(1),
        credits: '1.0',
        status: s.status,
        seriesId: s.seriesId ?? null,
        createdBy: ctx.users.get('centre') ?? null,
      })
      .returning({ id: activities.id });
    const tIds = (s.teachers ?? []).map((n) => teacherId.get(n)).filter((x): x is string => !!x);
    if (tIds.length)
      await tx.insert(activityTeachers).values(tIds.map((teacherId) => ({ activityId: row.id, teacherId })));
    if (s.items?.length)
      await tx.insert(activityEquipment).values(s.items.map((n) => ({ activityId: row.id, itemId: itemIds.get(n)! })));
    if (s.record)
      await tx
        .insert(activityRecords)
        .values({ activityId: row.id, ...s.record, lectureNotes: '', updatedBy: ctx.users.get('centre') ?? null });
    if (!ids.has(s.title)) ids.set(s.title, row.id);
  }

  // Every centre's activities held by its rhythm: all of last year, and this year's at the centres not written out above.
  const nameOf = new Map([...ctx.nodes].map(([name, n]) => [n.id, name]));
  const generated: (typeof activities.$inferInsert)[] = [];
  const thisDay = Number(today.slice(8, 10));
  for (const centre of Object.keys(RHYTHM)) {
    const c = ctx.nodes.get(centre);
    if (!c) continue;
    const town = nameOf.get(c.path.split('/')[2]) ?? '';
    const held = pastOf(
      centre,
      year - 1,
      Array.from({ length: 12 }, (_, i) => i + 1),
      today,
    );
    if (!['东坡村', '桃源村', '青竹村'].includes(centre))
      held.push(
        ...pastOf(
          centre,
          year,
          Array.from({ length: thisMonthNo }, (_, i) => i + 1),
          today,
          thisDay - 1,
        ),
      );
    for (const h of held)
      generated.push({
        countyId: ctx.countyId,
        centreId: c.id,
        responsibleUnitId: h.dept ? (ctx.nodes.get(`${town}${h.dept}`)?.id ?? null) : null,
        title: h.title,
        theme: h.theme,
        form: h.form,
        startsAt: at(h.date, h.from),
        endsAt: at(h.date, h.to),
        place: centre.endsWith('社区') ? `${centre}居民活动室` : `${centre}文化礼堂`,
        capacity: 60,
        audience: '全体居民',
        hours: '1.5',
        credits: '1.0',
        status: 'done',
        createdBy: ctx.users.get('centre') ?? null,
      });
  }
  for (let i = 0; i < generated.length; i += 500) await tx.insert(activities).values(generated.slice(i, i + 500));

  // One going on now, whenever the demo is started, so the QR sign-in can be tried at once.
  const startsNow = new Date(Math.floor((Date.now() - 30 * 60_000) / (30 * 60_000)) * 30 * 60_000);
  const [now] = await tx
    .insert(activities)
    .values({
      countyId: ctx.countyId,
      centreId: node('东坡村').id,
      title: '书法兴趣课',
      theme: 'culture_sports',
      form: 'practice',
      startsAt: startsNow,
      endsAt: new Date(startsNow.getTime() + 3 * 3600_000),
      venueId: venueIds.get('村文化活动室')!,
      capacity: 30,
      audience: '书法爱好者',
      hours: '3.0',
      credits: '1.0',
      status: 'open',
      createdBy: ctx.users.get('centre') ?? null,
    })
    .returning({ id: activities.id });
  const calligraphy = bank.find((t) => t.name === '蒋秀芬');
  if (calligraphy) await tx.insert(activityTeachers).values({ activityId: now.id, teacherId: calligraphy.id });

  // Registrations: the health talk fills its 10 places and two wait; the smartphone class has a few.
  const people = await tx
    .select({ id: residents.id })
    .from(residents)
    .where(and(eq(residents.nodeId, node('东坡村').id)))
    .orderBy(asc(residents.createdAt), asc(residents.id))
    .limit(12);
  for (const p of people) await registerResident(tx, { activityId: ids.get('秋冬季养生健康讲座')!, residentId: p.id });
  const open = await tx
    .select({ id: activities.id })
    .from(activities)
    .where(and(eq(activities.seriesId, seriesId), eq(activities.status, 'open')))
    .orderBy(asc(activities.startsAt))
    .limit(1);
  if (open[0])
    for (const p of people.slice(0, 6)) await registerResident(tx, { activityId: open[0].id, residentId: p.id });
}
