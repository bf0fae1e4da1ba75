import { eq } from 'drizzle-orm';
import type { DemoContext } from '../../db/demo-context';
import { chinaToday, chinaYear } from '../../shared/china-time';
import { activities } from '../activities/activities.table';
import { teachers } from '../teachers/teachers.table';
import type { BudgetSource, ExpenseCategory, ExpenseStatus } from './funding.contract';
import {
  fundingAllocations,
  fundingBudgetLines,
  fundingBudgets,
  fundingExpenses,
  fundingStandards,
} from './funding.table';

type Line = [BudgetSource, yuan: number, note: string];

/**
 * Each town's budget for this year, in whole yuan (stored in fen). 云台镇's falls below the
 * standard (2 yuan × its residents); the others meet it. Invented figures.
 */
const BUDGETS: Record<string, Line[]> = {
  云台镇: [
    ['government', 4000, '镇财政社区教育专项'],
    ['donation', 500, '乡贤助学捐赠'],
  ],
  柳湾镇: [
    ['government', 3200, '镇财政社区教育专项'],
    ['grant', 1000, '县老年教育项目资助'],
  ],
  石桥街道: [
    ['government', 6000, '街道财政社区教育专项'],
    ['donation', 800, '辖区企业捐赠'],
    ['other', 300, '场地租金收入'],
  ],
};

/** What each town gives its centres this year, in whole yuan (the rest stays with the town office). */
const ALLOCATIONS: Record<string, Record<string, number>> = {
  云台镇: { 东坡村: 1600, 桃源村: 500, 青竹村: 450, 云台社区: 700, 溪口村: 300 },
  柳湾镇: { 柳湾社区: 900, 杏花村: 1100, 南塘村: 600, 石门村: 400 },
  石桥街道: { 石桥社区: 2500, 新华社区: 500, 滨江社区: 500, 梧桐社区: 400, 长乐社区: 500, 望湖社区: 400 },
};

type DemoExpense = {
  at: string;
  category: ExpenseCategory;
  payee?: string;
  teacher?: string;
  yuan: number;
  fen?: number;
  ago: number;
  description: string;
  status: ExpenseStatus;
  by: 'centre' | 'town' | 'town2' | null;
  reviewer?: 'town' | 'town2' | null;
  note?: string;
  activity?: boolean;
};

/** About thirty expenses across categories and states; teaching fees only to fee-eligible teachers. */
const EXPENSES: DemoExpense[] = [
  {
    at: '东坡村',
    category: 'teaching_fee',
    teacher: '方志远',
    yuan: 200,
    ago: 40,
    description: '家风家训讲座授课费',
    status: 'approved',
    by: 'centre',
    reviewer: 'town',
    activity: true,
  },
  {
    at: '东坡村',
    category: 'teaching_fee',
    teacher: '叶婉清',
    yuan: 150,
    ago: 33,
    description: '老年健康讲座授课费',
    status: 'approved',
    by: 'centre',
    reviewer: 'town',
    activity: true,
  },
  {
    at: '东坡村',
    category: 'teaching_fee',
    teacher: '蒋秀芬',
    yuan: 180,
    ago: 12,
    description: '竹编技艺课授课费（两课时）',
    status: 'recorded',
    by: 'centre',
    activity: true,
  },
  {
    at: '东坡村',
    category: 'allowance',
    payee: '东坡村村民代表（6 人）',
    yuan: 180,
    ago: 38,
    description: '参加议事协商学习误工补贴',
    status: 'approved',
    by: 'centre',
    reviewer: 'town',
  },
  {
    at: '东坡村',
    category: 'allowance',
    payee: '东坡村志愿服务队',
    yuan: 120,
    ago: 8,
    description: '周末儿童手工课看护误工补贴',
    status: 'recorded',
    by: 'centre',
  },
  {
    at: '东坡村',
    category: 'award',
    payee: '东坡村“学习之星”3 人',
    yuan: 300,
    ago: 25,
    description: '学习之星奖品',
    status: 'approved',
    by: 'centre',
    reviewer: 'town',
  },
  {
    at: '东坡村',
    category: 'activity',
    payee: '云台镇文具店',
    yuan: 86,
    fen: 50,
    ago: 35,
    description: '读书会文具、纸张',
    status: 'approved',
    by: 'centre',
    reviewer: 'town',
    activity: true,
  },
  {
    at: '东坡村',
    category: 'activity',
    payee: '云台镇印务社',
    yuan: 64,
    ago: 20,
    description: '宣传海报印刷',
    status: 'rejected',
    by: 'centre',
    reviewer: 'town',
    note: '发票抬头有误，请重开发票后再登记',
  },
  {
    at: '东坡村',
    category: 'equipment',
    payee: '青溪县电器商行',
    yuan: 399,
    ago: 60,
    description: '教学用音箱一套',
    status: 'approved',
    by: 'centre',
    reviewer: 'town',
  },
  {
    at: '东坡村',
    category: 'activity',
    payee: '东坡村小卖部',
    yuan: 45,
    fen: 80,
    ago: 3,
    description: '健康讲座饮用水',
    status: 'recorded',
    by: 'centre',
  },
  {
    at: '桃源村',
    category: 'activity',
    payee: '桃源村村委会',
    yuan: 150,
    ago: 28,
    description: '农技培训场地布置',
    status: 'recorded',
    by: 'town',
  },
  {
    at: '桃源村',
    category: 'allowance',
    payee: '桃源村学员代表（4 人）',
    yuan: 120,
    ago: 15,
    description: '外出参观学习误工补贴',
    status: 'recorded',
    by: 'town',
  },
  {
    at: '青竹村',
    category: 'equipment',
    payee: '青溪县办公用品店',
    yuan: 380,
    ago: 45,
    description: '学习中心书架两组',
    status: 'recorded',
    by: 'town',
  },
  {
    at: '云台社区',
    category: 'award',
    payee: '云台社区优秀学员 5 人',
    yuan: 250,
    ago: 22,
    description: '优秀学员奖品',
    status: 'recorded',
    by: 'town',
  },
  {
    at: '云台镇',
    category: 'activity',
    payee: '云台镇社区教育学校',
    yuan: 420,
    ago: 50,
    description: '全民终身学习活动周开幕式物料',
    status: 'recorded',
    by: 'town',
  },
  {
    at: '溪口村',
    category: 'activity',
    payee: '溪口村村委会',
    yuan: 98,
    fen: 60,
    ago: 6,
    description: '防诈骗讲座资料复印',
    status: 'recorded',
    by: 'town',
  },
  {
    at: '柳湾社区',
    category: 'activity',
    payee: '柳湾镇印务社',
    yuan: 210,
    ago: 55,
    description: '社区学习节宣传品',
    status: 'approved',
    by: null,
    reviewer: 'town2',
  },
  {
    at: '柳湾社区',
    category: 'allowance',
    payee: '柳湾社区居民代表（8 人）',
    yuan: 240,
    ago: 42,
    description: '参加文明实践培训误工补贴',
    status: 'approved',
    by: null,
    reviewer: 'town2',
  },
  {
    at: '杏花村',
    category: 'equipment',
    payee: '青溪县电器商行',
    yuan: 680,
    ago: 70,
    description: '学习中心音响一套',
    status: 'approved',
    by: null,
    reviewer: 'town2',
  },
  {
    at: '杏花村',
    category: 'award',
    payee: '杏花村学习型家庭 2 户',
    yuan: 400,
    ago: 18,
    description: '学习型家庭奖励',
    status: 'recorded',
    by: 'town2',
  },
  {
    at: '南塘村',
    category: 'activity',
    payee: '南塘村村委会',
    yuan: 132,
    ago: 27,
    description: '书法兴趣班宣纸、墨汁',
    status: 'approved',
    by: null,
    reviewer: 'town2',
  },
  {
    at: '石门村',
    category: 'allowance',
    payee: '石门村学员代表（3 人）',
    yuan: 90,
    ago: 11,
    description: '外出学习误工补贴',
    status: 'recorded',
    by: 'town2',
  },
  {
    at: '柳湾镇',
    category: 'activity',
    payee: '柳湾镇文化站',
    yuan: 560,
    ago: 65,
    description: '镇级读书节场地与物料',
    status: 'approved',
    by: null,
    reviewer: 'town2',
  },
  {
    at: '石桥社区',
    category: 'equipment',
    payee: '青溪县电脑城',
    yuan: 2350,
    ago: 80,
    description: '电脑教室电脑两台',
    status: 'approved',
    by: null,
    reviewer: null,
  },
  {
    at: '新华社区',
    category: 'activity',
    payee: '新华社区居委会',
    yuan: 260,
    ago: 36,
    description: '亲子阅读活动绘本',
    status: 'approved',
    by: null,
    reviewer: null,
  },
  {
    at: '滨江社区',
    category: 'award',
    payee: '滨江社区百姓学习之星 2 人',
    yuan: 200,
    ago: 30,
    description: '百姓学习之星奖励',
    status: 'approved',
    by: null,
    reviewer: null,
  },
  {
    at: '梧桐社区',
    category: 'allowance',
    payee: '梧桐社区志愿者（5 人）',
    yuan: 150,
    ago: 14,
    description: '社区课堂值守误工补贴',
    status: 'recorded',
    by: null,
  },
  {
    at: '长乐社区',
    category: 'activity',
    payee: '长乐社区居委会',
    yuan: 175,
    fen: 40,
    ago: 9,
    description: '太极拳班场地布置',
    status: 'approved',
    by: null,
    reviewer: null,
  },
  {
    at: '望湖社区',
    category: 'activity',
    payee: '望湖社区居委会',
    yuan: 88,
    ago: 4,
    description: '手机课学员资料',
    status: 'recorded',
    by: null,
  },
  {
    at: '石桥街道',
    category: 'activity',
    payee: '石桥街道社区教育学校',
    yuan: 640,
    ago: 48,
    description: '街道学习成果展',
    status: 'approved',
    by: null,
    reviewer: null,
  },
];

/** A China date `days` before today, never before 1 January of this year (the demo's year). */
function dateAgo(days: number): string {
  const d = chinaToday(Date.now() - days * 86_400_000);
  const first = `${chinaYear()}-01-01`;
  return d < first ? first : d;
}

/** The county standard (2 yuan), this year's budgets, allocations and expenses of the demo county. */
export async function seedFunding(ctx: DemoContext): Promise<void> {
  const year = chinaYear();
  const user = (k: string | null | undefined) => (k ? (ctx.users.get(k) ?? null) : null);
  await ctx.tx
    .insert(fundingStandards)
    .values({ countyId: ctx.countyId, perResidentFen: 200, updatedBy: user('county') });
  for (const [town, lines] of Object.entries(BUDGETS)) {
    const node = ctx.nodes.get(town)!;
    const [b] = await ctx.tx
      .insert(fundingBudgets)
      .values({ townId: node.id, year, updatedBy: user(town === '柳湾镇' ? 'town2' : 'town') })
      .returning({ id: fundingBudgets.id });
    await ctx.tx
      .insert(fundingBudgetLines)
      .values(
        lines.map(([source, yuan, note], i) => ({ budgetId: b.id, source, amountFen: yuan * 100, note, sortOrder: i })),
      );
    await ctx.tx.insert(fundingAllocations).values(
      Object.entries(ALLOCATIONS[town]).map(([centre, yuan]) => ({
        budgetId: b.id,
        centreId: ctx.nodes.get(centre)!.id,
        amountFen: yuan * 100,
      })),
    );
  }
  const bank = await ctx.tx
    .select({ id: teachers.id, name: teachers.name })
    .from(teachers)
    .where(eq(teachers.feeEligible, true));
  for (const [i, e] of EXPENSES.entries()) {
    const node = ctx.nodes.get(e.at)!;
    const teacher = e.teacher ? bank.find((t) => t.name === e.teacher) : undefined;
    if (e.teacher && !teacher) continue;
    const spentOn = dateAgo(e.ago);
    const [activity] = e.activity
      ? await ctx.tx
          .select({ id: activities.id })
          .from(activities)
          .where(eq(activities.centreId, node.id))
          .orderBy(activities.startsAt)
          .offset(i % 4)
          .limit(1)
      : [];
    const reviewed = e.status !== 'recorded';
    const recordedAt = new Date(`${spentOn}T10:00:00+08:00`);
    await ctx.tx.insert(fundingExpenses).values({
      nodeId: node.id,
      category: e.category,
      teacherId: teacher?.id ?? null,
      payee: teacher?.name ?? e.payee!,
      amountFen: e.yuan * 100 + (e.fen ?? 0),
      spentOn,
      description: e.description,
      activityId: activity?.id ?? null,
      status: e.status,
      recordedBy: user(e.by),
      recordedAt,
      reviewedBy: reviewed ? user(e.reviewer) : null,
      reviewedAt: reviewed ? new Date(recordedAt.getTime() + 2 * 86_400_000) : null,
      reviewNote: e.note ?? (e.status === 'approved' ? '票据齐全，同意' : null),
    });
  }
}
