import { inArray } from 'drizzle-orm';
import type { DemoContext } from '../../db/demo-context';
import { chinaToday } from '../../shared/china-time';
import type { ThemeKey } from '../../shared/themes';
import { teachers } from '../teachers/teachers.table';
import type { CourseForm, CourseStatus, TargetGroup } from './courses.contract';
import { seedThemes } from '../themes/themes.demo';
import { courseReviewEvents, courses, courseTeachers } from './courses.table';

type DemoCourse = {
  title: string;
  node: string;
  theme: ThemeKey;
  form: CourseForm;
  groups: TargetGroup[];
  hours: number;
  credits: number;
  status: CourseStatus;
  firstIn: number;
  by: string;
  reviewer?: string;
  comment?: string;
  featuredAt?: string;
  teachers?: string[];
  html: string;
};

/** Invented courses of 青溪县 in every state of the review. */
const COURSES: DemoCourse[] = [
  {
    title: '老年人慢病防治与合理用药',
    node: '云台镇卫生院',
    theme: 'health',
    form: 'lecture',
    groups: ['elderly'],
    hours: 2,
    credits: 1,
    status: 'approved',
    firstIn: 20,
    by: 'town',
    reviewer: 'county',
    featuredAt: '东坡村',
    teachers: ['叶婉清'],
    html: '<h3>课程内容</h3><ul><li>高血压、糖尿病的日常管理</li><li>常用药物怎么吃、哪些不能一起吃</li><li>现场量血压、答疑</li></ul>',
  },
  {
    title: '智能手机入门（老年班）',
    node: '东坡村',
    theme: 'digital',
    form: 'training',
    groups: ['elderly'],
    hours: 8,
    credits: 4,
    status: 'approved',
    firstIn: 25,
    by: 'centre',
    reviewer: 'town',
    teachers: ['龙小雨'],
    html: '<p>分四次课：微信聊天与视频、扫码与出行码、手机支付防骗、网上挂号。</p><p><strong>请带上自己的手机。</strong></p>',
  },
  {
    title: '灵活就业人员社保政策讲解',
    node: '云台镇社保所',
    theme: 'vocational',
    form: 'lecture',
    groups: ['unemployed', 'migrant_workers'],
    hours: 1.5,
    credits: 1,
    status: 'approved',
    firstIn: 30,
    by: 'dept',
    reviewer: 'town',
    html: '<p>讲解灵活就业人员参保、缴费档次和待遇领取，现场解答个人问题。</p>',
  },
  {
    title: '防范电信网络诈骗',
    node: '云台镇司法所',
    theme: 'law',
    form: 'lecture',
    groups: ['residents', 'elderly'],
    hours: 2,
    credits: 1,
    status: 'submitted',
    firstIn: 40,
    by: 'dept',
    teachers: ['邱德明', '谢静'],
    html: '<h3>常见骗局</h3><ol><li>冒充客服退款</li><li>“保健品”会销</li><li>刷单返利</li></ol><p>以真实案例讲解，教大家识别和求助。</p>',
  },
  {
    title: '广场舞基础与编排',
    node: '云台镇文化服务中心',
    theme: 'culture_sports',
    form: 'training',
    groups: ['women', 'elderly'],
    hours: 12,
    credits: 3,
    status: 'returned',
    firstIn: 35,
    by: 'dept',
    reviewer: 'town',
    comment: '请补充每次课的安排和活动场地，并注明授课老师。',
    html: '<p>从基本步伐开始，六次课学会一支完整的广场舞。</p>',
  },
  {
    title: '与青春期孩子好好说话',
    node: '云台镇',
    theme: 'family',
    form: 'forum',
    groups: ['parents'],
    hours: 2,
    credits: 1,
    status: 'draft',
    firstIn: 45,
    by: 'town',
    teachers: ['方志远'],
    html: '<p>家长座谈：孩子不爱说话、沉迷手机怎么办？请家长带着问题来。</p>',
  },
  {
    title: '电商直播带货入门',
    node: '云台镇社保所',
    theme: 'vocational',
    form: 'training',
    groups: ['farmers', 'youth'],
    hours: 6,
    credits: 2,
    status: 'draft',
    firstIn: 50,
    by: 'dept',
    html: '<p>手机拍摄、开通店铺、直播话术，帮助农户把竹编、茶叶卖出去。</p>',
  },
  {
    title: '农村妇女健康讲座',
    node: '柳湾镇卫生院',
    theme: 'health',
    form: 'lecture',
    groups: ['women'],
    hours: 2,
    credits: 1,
    status: 'approved',
    firstIn: 18,
    by: 'county',
    reviewer: 'town2',
    featuredAt: '杏花村',
    html: '<p>常见妇科疾病的预防与筛查，医生现场咨询。</p>',
  },
];

const TOWNS = ['云台镇', '柳湾镇', '石桥街道'];

const dayIn = (n: number) => chinaToday(Date.now() + n * 86_400_000);
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

/** The county's themes (themes.demo.ts) and a handful of courses. */
export async function seedCourses(ctx: DemoContext): Promise<void> {
  const { tx, nodes, users } = ctx;
  await seedThemes(ctx);
  const names = [...new Set(COURSES.flatMap((c) => c.teachers ?? []))];
  const teacherRows = await tx
    .select({ id: teachers.id, name: teachers.name })
    .from(teachers)
    .where(inArray(teachers.name, names));
  for (const c of COURSES) {
    const node = nodes.get(c.node)!;
    const townName = TOWNS.find((t) => node.path.startsWith(nodes.get(t)!.path));
    const by = users.get(c.by) ?? null;
    const reviewer = c.reviewer ? (users.get(c.reviewer) ?? null) : null;
    const submittedAt = c.status === 'draft' ? null : hoursAgo(72);
    const reviewedAt = c.status === 'approved' || c.status === 'returned' ? hoursAgo(20) : null;
    const [row] = await tx
      .insert(courses)
      .values({
        countyId: ctx.countyId,
        townId: townName ? nodes.get(townName)!.id : null,
        nodeId: node.id,
        title: c.title,
        theme: c.theme,
        targetGroups: c.groups,
        form: c.form,
        hours: String(c.hours),
        credits: String(c.credits),
        descriptionHtml: c.html,
        firstSessionDate: dayIn(c.firstIn),
        status: c.status,
        featured: !!c.featuredAt,
        featuredCentreId: c.featuredAt ? nodes.get(c.featuredAt)!.id : null,
        submittedBy: submittedAt ? by : null,
        submittedAt,
        reviewedBy: reviewedAt ? reviewer : null,
        reviewedAt,
        reviewComment: c.comment ?? null,
        createdBy: by,
      })
      .returning({ id: courses.id });
    const ids = teacherRows.filter((t) => c.teachers?.includes(t.name)).map((t) => t.id);
    if (ids.length)
      await tx.insert(courseTeachers).values([...new Set(ids)].map((teacherId) => ({ courseId: row.id, teacherId })));
    const events: (typeof courseReviewEvents.$inferInsert)[] = [];
    if (submittedAt) events.push({ courseId: row.id, action: 'submitted', actorId: by, at: submittedAt });
    if (reviewedAt)
      events.push({
        courseId: row.id,
        action: c.status,
        comment: c.comment ?? null,
        actorId: reviewer,
        at: reviewedAt,
      });
    if (c.featuredAt)
      events.push({ courseId: row.id, action: 'featured', comment: c.featuredAt, actorId: reviewer, at: hoursAgo(10) });
    if (events.length) await tx.insert(courseReviewEvents).values(events);
  }
}
