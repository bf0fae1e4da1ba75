import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DemoContext } from '../../db/demo-context';
import { activities } from '../activities/activities.table';
import { residents } from '../people/people.table';
import { signIns } from '../signin/signin.table';
import { creditRedemptions, creditRewards, creditRules } from './credit-bank.table';
import { paySignIn } from '../signin/signin-credits';
import { appendEntry } from './credit-ledger';
import { VOLUNTEER_RULE_KEY } from './credits.contract';

/** 青溪县's rules: law and health pay more; culture and sports only once the activity is done. */
const RULES: [theme: string, perHour: string, grantAt: 'sign_in' | 'done'][] = [
  ['law', '2.0', 'sign_in'],
  ['health', '1.5', 'sign_in'],
  ['culture_sports', '1.0', 'done'],
  ['digital', '2.0', 'sign_in'],
  [VOLUNTEER_RULE_KEY, '1.0', 'sign_in'],
];

/** Invented rewards of the county and two towns. */
const REWARDS: [node: string, name: string, description: string, cost: string, stock: number, active?: boolean][] = [
  ['青溪县', '《家庭教育读本》', '县社区学院编印', '10.0', 50],
  ['青溪县', '老年大学体验课一次', '凭兑换记录到县老年大学报名', '30.0', 12],
  ['云台镇', '环保购物袋', '', '5.0', 100],
  ['云台镇', '不锈钢保温杯', '', '20.0', 30],
  ['云台镇', '理发券', '镇文化服务中心便民服务', '8.0', 0],
  ['柳湾镇', '老花镜', '', '15.0', 20],
  ['柳湾镇', '春联（节日限定）', '', '3.0', 40, false],
];

/** Awards to residents of 东坡村, and one counter redemption, so the credit screens are not empty. */
const AWARDS: [name: string, amount: number, reason: string][] = [
  ['陈德明', 20, '2026 年“百姓学习之星”'],
  ['吴桂芳', 12, '参加全民终身学习活动周展演'],
  ['周秀兰', 8, '坚持参加老年大学课程满一年'],
  ['黄建华', 15, '担任果树修剪培训助教'],
  ['阿依古丽·买买提', 6, '协助开展数字技能进社区活动'],
];

export async function seedCredits(ctx: DemoContext): Promise<void> {
  const { tx, nodes, countyId, users } = ctx;
  await tx
    .insert(creditRules)
    .values(RULES.map(([theme, creditsPerHour, grantAt]) => ({ countyId, theme, creditsPerHour, grantAt })));
  const rewardIds = new Map<string, string>();
  for (const [node, name, description, cost, stock, active] of REWARDS) {
    const [r] = await tx
      .insert(creditRewards)
      .values({ countyId, nodeId: nodes.get(node)!.id, name, description, cost, stock, active: active ?? true })
      .returning({ id: creditRewards.id });
    rewardIds.set(name, r.id);
  }
  // Runs before the sign-in demo, whose sign-ins earn by these rules; any attendance recorded earlier is paid here (once).
  const signed = await tx
    .select({ id: signIns.id })
    .from(signIns)
    .innerJoin(activities, eq(activities.id, signIns.activityId))
    .where(and(eq(activities.countyId, countyId), eq(signIns.status, 'confirmed')))
    .orderBy(asc(signIns.signedAt));
  const centreUser = users.get('centre') ?? null;
  for (const s of signed) await paySignIn(tx, { signInId: s.id, actorId: centreUser });
  const village = nodes.get('东坡村')!;
  const people = new Map(
    (
      await tx
        .select({ id: residents.id, name: residents.name })
        .from(residents)
        .where(eq(residents.nodeId, village.id))
    ).map((r) => [r.name, r]),
  );
  for (const [name, amount, reason] of AWARDS) {
    const p = people.get(name);
    if (p)
      await appendEntry(tx, {
        countyId,
        residentId: p.id,
        kind: 'award',
        amount,
        sourceType: 'award',
        sourceId: crypto.randomUUID(),
        note: reason,
        createdBy: centreUser,
      });
  }
  const buyer = people.get('陈德明');
  const bagId = rewardIds.get('环保购物袋')!;
  if (buyer) {
    const id = crypto.randomUUID();
    const entry = await appendEntry(tx, {
      countyId,
      residentId: buyer.id,
      kind: 'redeem',
      amount: -5,
      sourceType: 'redemption',
      sourceId: id,
      note: '环保购物袋',
      createdBy: centreUser,
    });
    await tx.insert(creditRedemptions).values({
      id,
      countyId,
      residentId: buyer.id,
      rewardId: bagId,
      ledgerId: entry!.id,
      cost: '5.0',
      channel: 'counter',
      handledBy: centreUser,
    });
    await tx
      .update(creditRewards)
      .set({ stock: 99 })
      .where(inArray(creditRewards.id, [bagId]));
  }
}
