import type { DemoContext } from '../../db/demo-context';
import type { ThemeKey } from '../../shared/themes';
import type { TeacherCategory, TeacherSource } from './teachers.contract';
import { teachers, teacherStatusHistory, volunteerHours } from './teachers.table';

type DemoTeacher = {
  name: string;
  gender: 'male' | 'female';
  category: TeacherCategory;
  source: TeacherSource;
  specialities: ThemeKey[];
  workUnit?: string;
  qualifications?: string;
  gov?: boolean;
  fee?: boolean;
  user?: string;
  paused?: { ago: number; reason: string };
};

/** Invented people; none comes from the seed plans. */
const TOWN_BANK: DemoTeacher[] = [
  {
    name: '方志远',
    gender: 'male',
    category: 'full_time',
    source: 'teacher',
    specialities: ['ethics', 'family'],
    workUnit: '云台镇社区教育学校',
    qualifications: '中学一级教师',
    fee: true,
  },
  {
    name: '叶婉清',
    gender: 'female',
    category: 'part_time',
    source: 'doctor',
    specialities: ['health', 'elderly'],
    workUnit: '云台镇卫生院',
    qualifications: '全科主治医师',
    fee: true,
  },
  {
    name: '邱德明',
    gender: 'male',
    category: 'lecturer',
    source: 'retired_cadre',
    specialities: ['ethics', 'law'],
    qualifications: '退休前任镇司法所所长',
  },
  {
    name: '蒋秀芬',
    gender: 'female',
    category: 'part_time',
    source: 'craftsman',
    specialities: ['culture_sports', 'vocational'],
    qualifications: '竹编非遗传承人',
    fee: true,
  },
  {
    name: '罗嘉豪',
    gender: 'male',
    category: 'volunteer',
    source: 'student',
    specialities: ['digital', 'youth'],
    workUnit: '青溪职业技术学院',
  },
  {
    name: '谢静',
    gender: 'female',
    category: 'tutor',
    source: 'dept_staff',
    specialities: ['law'],
    workUnit: '云台镇司法所',
    gov: true,
  },
  {
    name: '潘立群',
    gender: 'male',
    category: 'part_time',
    source: 'teacher',
    specialities: ['technology', 'vocational'],
    workUnit: '云台镇农技站',
    qualifications: '农艺师',
    fee: true,
    paused: { ago: 40, reason: '外出参加省级培训，暂停授课三个月' },
  },
];

const CENTRE_BANK: DemoTeacher[] = [
  {
    name: '孔令华',
    gender: 'male',
    category: 'full_time',
    source: 'teacher',
    specialities: ['elderly', 'culture_sports'],
    workUnit: '东坡村村委会',
    fee: true,
  },
  {
    name: '白玉兰',
    gender: 'female',
    category: 'full_time',
    source: 'guide',
    specialities: ['family', 'ethics'],
    workUnit: '东坡村村委会',
    gov: true,
  },
  {
    name: '石磊',
    gender: 'male',
    category: 'part_time',
    source: 'craftsman',
    specialities: ['vocational'],
    qualifications: '木工技师',
    fee: true,
  },
  {
    name: '秦晓燕',
    gender: 'female',
    category: 'part_time',
    source: 'doctor',
    specialities: ['health'],
    workUnit: '东坡村卫生室',
    fee: true,
  },
  { name: '钟海波', gender: 'male', category: 'part_time', source: 'retired_cadre', specialities: ['law', 'ethics'] },
  {
    name: '龙小雨',
    gender: 'female',
    category: 'volunteer',
    source: 'other',
    specialities: ['digital', 'elderly'],
    user: 'teacher',
    qualifications: '会用智能手机，教老人上网',
  },
];

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toLocaleDateString('sv-SE');

/** A town bank for 云台镇 and a centre bank for 东坡村; the demo `teacher` account is a volunteer with hours. */
export async function seedTeachers(ctx: DemoContext): Promise<void> {
  const town = ctx.nodes.get('云台镇')!;
  const centre = ctx.nodes.get('东坡村')!;
  const townAdmin = ctx.users.get('town') ?? null;
  const manager = ctx.users.get('centre') ?? null;
  const ids = new Map<string, string>();
  const add = async (bankNodeId: string, t: DemoTeacher, by: string | null) => {
    const id = crypto.randomUUID();
    ids.set(t.name, id);
    const joined = daysAgo(400);
    await ctx.tx.insert(teachers).values({
      id,
      bankNodeId,
      name: t.name,
      gender: t.gender,
      category: t.category,
      source: t.source,
      specialities: t.specialities,
      workUnit: t.workUnit ?? null,
      qualifications: t.qualifications ?? null,
      isGovernmentStaff: t.gov ?? false,
      feeEligible: t.fee ?? false,
      phone: `1370000${String(1000 + ids.size).slice(-4)}`,
      userId: t.user ? (ctx.users.get(t.user) ?? null) : null,
      status: t.paused ? 'paused' : 'active',
      statusSince: t.paused ? daysAgo(t.paused.ago) : joined,
    });
    await ctx.tx.insert(teacherStatusHistory).values({
      teacherId: id,
      status: 'active',
      effectiveDate: joined,
      reason: '入库',
      changedBy: by,
      changedAt: new Date(`${joined}T09:00:00+08:00`),
    });
    if (t.paused)
      await ctx.tx.insert(teacherStatusHistory).values({
        teacherId: id,
        status: 'paused',
        effectiveDate: daysAgo(t.paused.ago),
        reason: t.paused.reason,
        changedBy: by,
        changedAt: new Date(`${daysAgo(t.paused.ago)}T10:30:00+08:00`),
      });
  };
  for (const t of TOWN_BANK) await add(town.id, t, townAdmin);
  for (const t of CENTRE_BANK) await add(centre.id, t, manager);

  const volunteer = ids.get('龙小雨')!;
  const hours: { ago: number; hours: string; description: string; status: 'approved' | 'pending' }[] = [
    { ago: 30, hours: '2.0', description: '老年人智能手机课助教：教大家视频通话和网上挂号', status: 'approved' },
    { ago: 18, hours: '3.5', description: '“书香东坡”读书会布置场地、签到', status: 'approved' },
    { ago: 9, hours: '1.5', description: '协助卫生室健康讲座登记血压', status: 'approved' },
    { ago: 2, hours: '2.0', description: '周末儿童手工课看护', status: 'pending' },
  ];
  for (const h of hours) {
    const reviewed = h.status === 'approved';
    await ctx.tx.insert(volunteerHours).values({
      teacherId: volunteer,
      nodeId: centre.id,
      serviceDate: daysAgo(h.ago),
      hours: h.hours,
      description: h.description,
      status: h.status,
      submittedBy: ctx.users.get('teacher') ?? null,
      submittedAt: new Date(Date.now() - (h.ago - 1) * 86_400_000),
      reviewedBy: reviewed ? manager : null,
      reviewedAt: reviewed ? new Date(Date.now() - (h.ago - 2) * 86_400_000) : null,
      reviewNote: reviewed ? '属实' : null,
    });
  }
}
