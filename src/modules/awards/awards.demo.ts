import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DemoContext } from '../../db/demo-context';
import { chinaYear } from '../../shared/china-time';
import { households, residents } from '../people/people.table';
import { teachers } from '../teachers/teachers.table';
import { awardNominations, awardSelections } from './awards.table';
import { gatherEvidence, resolveNominee } from './nominee';
import { nomineeColumns } from './nominations.service';
import { payWinners } from './publish.service';

type Status = 'draft' | 'submitted' | 'returned' | 'reviewed' | 'approved' | 'rejected' | 'published';

/** Invented accounts of deeds (事迹材料). */
const ACCOUNT = {
  family:
    '<p>全家三代坚持参加村学习中心的课程，老人上老年大学，年轻人参加电商培训，孩子参加周末读书会。</p><ul><li>家庭藏书三百余册，常年向邻里开放借阅</li><li>带动本组六户家庭参加“家庭读书月”活动</li></ul>',
  star: '<p>坚持参加社区教育课程，自学智能手机应用后，<strong>义务教邻居老人</strong>使用健康码、视频通话和网上缴费。</p>',
  teacher: '<p>常年到村学习中心授课，课程贴近农时，深受村民欢迎；带出一支由五名村民组成的志愿讲师队伍。</p>',
  community: '<p>建成“十分钟学习圈”，全年开展活动四十余场，居民参与率居全镇前列。</p>',
};

/**
 * 青溪县's awards: this year's selections with nominations in every state (a draft, submitted,
 * returned, reviewed, approved and rejected), and last year's published results with their credits
 * paid through the ledger. Every name is invented (people.demo.ts, teachers.demo.ts).
 */
export async function seedAwards(ctx: DemoContext): Promise<void> {
  const { tx, nodes, users } = ctx;
  const year = chinaYear();
  const node = (name: string) => {
    const n = nodes.get(name);
    if (!n) throw new Error(`demo: no node ${name}`);
    return { id: n.id, path: n.path, name, level: 'centre' };
  };
  const user = (name: string) => users.get(name) ?? null;

  const selection = async ({
    owner,
    ...v
  }: Partial<typeof awardSelections.$inferInsert> & { owner: string; kind: string; title: string }) => {
    const published = v.status === 'published';
    const [row] = await tx
      .insert(awardSelections)
      .values({
        ownerNodeId: node(owner).id,
        year,
        nominateFrom: `${v.year ?? year}-01-01`,
        nominateUntil: `${v.year ?? year}-12-31`,
        quotaScope: 'town',
        quota: 2,
        createdBy: user(owner === '青溪县' ? 'county' : 'town'),
        publishedAt: published ? new Date(`${v.year}-12-20T10:00:00+08:00`) : null,
        publishedBy: published ? user('county') : null,
        ...v,
      })
      .returning();
    return row;
  };

  const nominate = async (
    sel: typeof awardSelections.$inferSelect,
    centreName: string,
    nominee: { id: string | null; name: string | null },
    status: Status,
    account: string,
    by = centreName === '东坡村' ? 'centre' : 'county',
  ) => {
    const centre = node(centreName);
    const n = await resolveNominee(tx, sel, centre, nominee);
    const evidence = await gatherEvidence(tx, sel, n);
    const reviewed = ['returned', 'reviewed', 'approved', 'rejected', 'published'].includes(status);
    const decided = ['approved', 'rejected', 'published'].includes(status);
    const town = centre.path.startsWith(node('柳湾镇').path) ? 'town2' : 'town';
    const scores = { deeds: 34, learning: 26, influence: 24 };
    const [row] = await tx
      .insert(awardNominations)
      .values({
        selectionId: sel.id,
        nodeId: centre.id,
        ...nomineeColumns(n),
        accountHtml: account,
        evidence,
        status,
        submittedAt: status === 'draft' ? null : new Date(),
        reviewScores: reviewed ? scores : null,
        reviewScore: reviewed ? 84 : null,
        reviewComment: status === 'returned' ? '请补充参加学习的照片和时间' : reviewed ? '事迹真实，推荐上报' : null,
        reviewedBy: reviewed ? user(town) : null,
        reviewedAt: reviewed ? new Date() : null,
        decidedBy: decided ? user('leader') : null,
        decidedAt: decided ? new Date() : null,
        decisionComment: status === 'rejected' ? '本年度学习时长偏少，明年再报' : null,
        createdBy: user(by),
      })
      .returning();
    return row;
  };

  const household = async (head: string) => {
    const [h] = await tx.select({ id: households.id }).from(households).where(eq(households.headName, head));
    return { id: h.id, name: null };
  };
  /** The first residents (not anonymised, adults by the roster's order) of a centre. */
  const residentsOf = async (centreName: string, n: number) =>
    (
      await tx
        .select({ id: residents.id })
        .from(residents)
        .where(and(eq(residents.nodeId, node(centreName).id), isNull(residents.anonymizedAt)))
        .orderBy(asc(residents.birthDate), asc(residents.name))
        .limit(n)
    ).map((r) => ({ id: r.id, name: null }));

  // Last year: published, the credits paid.
  const lastStar = await selection({
    owner: '青溪县',
    year: year - 1,
    kind: 'star',
    title: `${year - 1}年度“百姓学习之星”评选`,
    status: 'published',
    rewardCredits: '10.0',
    rewardText: '荣誉证书及《家庭教育读本》一册',
  });
  const lastWinners = [
    ...(await residentsOf('云台社区', 1)),
    ...(await residentsOf('柳湾社区', 1)),
    ...(await residentsOf('石桥社区', 1)),
  ];
  const won = [];
  for (const [i, r] of lastWinners.entries())
    won.push(await nominate(lastStar, ['云台社区', '柳湾社区', '石桥社区'][i], r, 'published', ACCOUNT.star));
  await payWinners(tx, lastStar, won, user('county'));
  const lastCommunity = await selection({
    owner: '青溪县',
    year: year - 1,
    kind: 'community',
    title: `${year - 1}年度“学习型社区”评选`,
    status: 'published',
    quota: 1,
    rewardText: '“学习型社区”铜牌一块',
  });
  for (const c of ['云台社区', '新华社区'])
    await nominate(lastCommunity, c, { id: null, name: null }, 'published', ACCOUNT.community);

  // This year: open, nominations in every state.
  const family = await selection({
    owner: '青溪县',
    kind: 'family',
    title: `${year}年度“学习型家庭”评选`,
    quotaScope: 'centre',
    quota: 2,
    excludeWinnerYears: 2,
    rewardCredits: '5.0',
    rewardText: '“学习型家庭”牌匾一块',
  });
  await nominate(family, '东坡村', await household('陈德明'), 'approved', ACCOUNT.family);
  await nominate(family, '桃源村', await household('许海波'), 'submitted', ACCOUNT.family);

  const star = await selection({
    owner: '青溪县',
    kind: 'star',
    title: `${year}年度“百姓学习之星”评选`,
    minHours: '2.0',
    excludeWinnerYears: 1,
    rewardCredits: '10.0',
    rewardText: '荣誉证书及《家庭教育读本》一册',
  });
  const [d1, d2] = await residentsOf('东坡村', 2);
  await nominate(star, '东坡村', d1, 'draft', ACCOUNT.star);
  await nominate(star, '东坡村', d2, 'returned', ACCOUNT.star);
  const [q1] = await residentsOf('青竹村', 1);
  await nominate(star, '青竹村', q1, 'reviewed', ACCOUNT.star);
  const [x1] = await residentsOf('溪口村', 1);
  await nominate(star, '溪口村', x1, 'rejected', ACCOUNT.star);
  const [l1] = await residentsOf('杏花村', 1);
  await nominate(star, '杏花村', l1, 'submitted', ACCOUNT.star);

  const teacher = await selection({
    owner: '云台镇',
    kind: 'teacher',
    title: `${year}年度云台镇“优秀教师”评选`,
    quota: 1,
  });
  const [t] = await tx
    .select({ id: teachers.id })
    .from(teachers)
    .where(and(eq(teachers.bankNodeId, node('云台镇').id), eq(teachers.status, 'active')))
    .orderBy(asc(teachers.name))
    .limit(1);
  if (t) await nominate(teacher, '东坡村', { id: t.id, name: null }, 'reviewed', ACCOUNT.teacher, 'county');
}
