import type { DemoContext } from '../../db/demo-context';
import { chinaInstant } from '../../shared/china-time';
import { dayAfter, prevMonth, thisMonth } from './report-calendar';
import { computeFigures } from './report-figures';
import { reportScope } from './report-read.service';
import type { ReportStatus } from './reports.contract';
import { monthlyReports, reportSettings } from './reports.table';

// Fictional monthly reports of 青溪县 for the three months before this one, so that the reports
// screen, the reporting rate and the workbench mean something on first start: most accepted,
// one returned, some late, some missing. Figures are frozen from the seeded records. The county's
// start month (起报月份) is the first of those months: the months before show 无需报送, not 未报.

/** Per node, for the months three, two and one before this: status and 'late' (null: never started). */
type Plan = [ReportStatus, boolean] | null;
const CENTRES: Record<string, [Plan, Plan, Plan]> = {
  东坡村: [
    ['accepted', false],
    ['accepted', false],
    ['returned', false],
  ],
  桃源村: [
    ['accepted', false],
    ['accepted', true],
    ['accepted', false],
  ],
  青竹村: [
    ['accepted', false],
    ['accepted', false],
    ['submitted', false],
  ],
  云台社区: [['accepted', true], ['accepted', false], null],
  溪口村: [['accepted', false], null, ['submitted', true]],
  柳湾社区: [
    ['accepted', false],
    ['accepted', false],
    ['accepted', false],
  ],
  杏花村: [
    ['accepted', false],
    ['accepted', false],
    ['submitted', false],
  ],
  南塘村: [['accepted', false], ['accepted', true], null],
  石门村: [null, ['accepted', false], ['draft', false]],
  石桥社区: [
    ['accepted', false],
    ['accepted', false],
    ['accepted', false],
  ],
  新华社区: [
    ['accepted', false],
    ['accepted', false],
    ['accepted', true],
  ],
};
const TOWNS: Record<string, [Plan, Plan, Plan]> = {
  云台镇: [
    ['accepted', false],
    ['accepted', false],
    ['draft', false],
  ],
  柳湾镇: [['accepted', false], ['submitted', true], null],
  石桥街道: [['accepted', false], null, null],
};

const BODY = (name: string, sessions: number, people: number) =>
  `${name}本月组织开展社区教育活动 ${sessions} 场，参与居民 ${people} 人。活动围绕健康养生、法治宣传和数字技能等主题，` +
  `居民参与积极。\n存在问题：青年居民参与偏少。\n下月打算：结合农时安排实用技术培训，继续做好老年人智能手机课堂。`;

export async function seedReports(ctx: DemoContext): Promise<void> {
  const { tx, countyId } = ctx;
  const months = [3, 2, 1].map((back) => {
    let m = thisMonth();
    for (let i = 0; i < back; i++) m = prevMonth(m);
    return m;
  });
  const centreBy = ctx.users.get('centre') ?? null;
  const townBy = ctx.users.get('town') ?? null;
  const countyBy = ctx.users.get('county') ?? null;
  await tx
    .insert(reportSettings)
    .values({ countyId, startMonth: months[0], updatedBy: countyBy })
    .onConflictDoUpdate({ target: reportSettings.countyId, set: { startMonth: months[0] } });
  const write = async (nodeName: string, i: number, plan: Plan, level: 'centre' | 'town') => {
    const node = ctx.nodes.get(nodeName);
    if (!node || !plan) return;
    const month = months[i];
    const [status, late] = plan;
    const brief = { id: node.id, name: nodeName, path: node.path, level };
    const scope = await reportScope(tx, brief, month);
    const figures = await computeFigures(tx, countyId, scope.nodeIds, { from: month, to: month }, scope.included);
    const submittedAt =
      status === 'draft' ? null : new Date(chinaInstant(dayAfter(month, late ? 8 : 3), late ? '16:20' : '10:30'));
    const reviewed = status === 'accepted' || status === 'returned';
    await tx.insert(monthlyReports).values({
      countyId,
      nodeId: node.id,
      month,
      status,
      body: BODY(nodeName, figures.sessions, figures.participants),
      figures: submittedAt ? figures : null,
      submittedAt,
      firstSubmittedAt: submittedAt,
      submittedBy: submittedAt ? (level === 'town' ? townBy : centreBy) : null,
      reviewedAt: reviewed && submittedAt ? new Date(submittedAt.getTime() + 2 * 86_400_000) : null,
      reviewedBy: reviewed ? (level === 'town' ? countyBy : townBy) : null,
      reviewComment: status === 'returned' ? '请补充活动照片和通讯稿后重新报送' : null,
      late,
    });
  };
  for (let i = 0; i < 3; i++) {
    for (const [name, plans] of Object.entries(CENTRES)) await write(name, i, plans[i], 'centre');
    for (const [name, plans] of Object.entries(TOWNS)) await write(name, i, plans[i], 'town');
  }
}
