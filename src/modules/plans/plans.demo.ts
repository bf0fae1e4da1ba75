import type { DemoContext } from '../../db/demo-context';
import { chinaYear } from '../../shared/china-time';
import { planItems, scheduleItems } from './plans.table';

/** Per month: [title, theme, responsible unit (a 云台镇 department) or null]. */
const DONGPO: [string, string, string | null][][] = [
  [
    ['新春家风家训分享会', 'family', null],
    ['冬季农村常见病预防讲座', 'health', '卫生院'],
  ],
  [
    ['元宵文艺汇演排练', 'culture_sports', '文化服务中心'],
    ['春耕实用技术培训', 'technology', null],
  ],
  [
    ['学雷锋志愿服务', 'ethics', null],
    ['妇女健康知识讲座', 'health', '卫生院'],
  ],
  [
    ['清明文明祭扫宣传', 'ethics', null],
    ['竹编技艺培训', 'vocational', '社保所'],
  ],
  [
    ['防范电信诈骗宣讲', 'law', '派出所'],
    ['老年人智能手机课堂', 'digital', null],
  ],
  [
    ['防溺水安全教育', 'youth', '中心小学'],
    ['端午民俗活动', 'culture_sports', '文化服务中心'],
  ],
  [
    ['暑期青少年书法班', 'youth', null],
    ['夏季防暑养生讲座', 'health', '卫生院'],
  ],
  [
    ['农产品电商直播培训', 'vocational', '社保所'],
    ['民法典宣讲', 'law', '司法所'],
  ],
  [
    ['敬老院重阳慰问准备', 'elderly', null],
    ['果树修剪实用技术', 'technology', null],
  ],
  [
    ['重阳敬老文艺活动', 'elderly', '文化服务中心'],
    ['全民终身学习活动周', 'ethics', null],
  ],
  [
    ['老年人智能手机课堂', 'digital', null],
    ['秋冬季养生健康讲座', 'health', '卫生院'],
  ],
  [
    ['年终学习成果展示', 'culture_sports', null],
    ['冬季消防安全培训', 'law', '派出所'],
  ],
];

/** 云台镇 配档表: [month, work item, responsible departments, others]. */
const SCHEDULE: [number, string, string[], string | null][] = [
  [1, '制定年度社区教育工作计划和各村学习中心计划', [], '镇社区教育学校、各村学习中心'],
  [1, '召开社区教育领导小组年度工作会议', [], '镇社区教育办公室'],
  [2, '开展新春文化进万家活动', ['文化服务中心'], '各村学习中心'],
  [3, '“学雷锋”志愿服务月活动', [], '各村学习中心'],
  [3, '妇女健康知识系列讲座', ['卫生院'], null],
  [4, '春季农业实用技术培训', [], '镇农技站'],
  [5, '防范电信网络诈骗宣传月', ['派出所', '司法所'], null],
  [6, '青少年防溺水安全教育', ['中心小学'], '各村学习中心'],
  [7, '暑期青少年校外教育活动', ['中心小学'], '各村学习中心'],
  [8, '农村电商与职业技能培训', ['社保所'], null],
  [9, '上半年工作督查与台账检查', [], '镇社区教育办公室'],
  [10, '全民终身学习活动周', ['文化服务中心'], '镇社区教育学校、各村学习中心'],
  [10, '重阳敬老系列活动', [], '各村学习中心'],
  [11, '民法典宣讲进村入户', ['司法所'], null],
  [12, '年度考核、评选表彰与工作总结', [], '镇社区教育领导小组'],
];

/** 东坡村's and 桃源村's annual plans and 云台镇's 配档表 for this year. */
export async function seedPlans(ctx: DemoContext): Promise<void> {
  const { tx } = ctx;
  const year = chinaYear();
  const unit = (dept: string | null) => (dept ? (ctx.nodes.get(`云台镇${dept}`)?.id ?? null) : null);
  const by = ctx.users.get('centre') ?? null;
  const dongpo = ctx.nodes.get('东坡村')!.id;
  const taoyuan = ctx.nodes.get('桃源村')!.id;
  await tx.insert(planItems).values(
    DONGPO.flatMap((items, m) =>
      items.map(([title, theme, dept]) => ({
        countyId: ctx.countyId,
        centreId: dongpo,
        year,
        month: m + 1,
        title,
        theme,
        responsibleUnitId: unit(dept),
        createdBy: by,
      })),
    ),
  );
  await tx.insert(planItems).values(
    DONGPO.map((items, m) => ({
      countyId: ctx.countyId,
      centreId: taoyuan,
      year,
      month: m + 1,
      title: items[1][0],
      theme: items[1][1],
      responsibleUnitId: unit(items[1][2]),
    })),
  );
  await tx.insert(scheduleItems).values(
    SCHEDULE.map(([month, workItem, depts, text], i) => ({
      countyId: ctx.countyId,
      townId: ctx.nodes.get('云台镇')!.id,
      year,
      month,
      workItem,
      unitIds: depts.map((d) => unit(d)).filter((x): x is string => !!x),
      responsibleText: text,
      sort: i,
      createdBy: ctx.users.get('town') ?? null,
    })),
  );
}
