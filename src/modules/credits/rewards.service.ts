import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { reachOf, type Actor } from '../../shared/actor';
import { fieldError, forbidden, hidden } from '../../shared/app-error';
import type { Page, PageQuery } from '../../shared/pagination';
import { auditChange, diffFields } from '../../server/audit';
import { loadNodeFor, underAnyPath } from '../../server/tree-scope';
import { orgNodes } from '../../server/db/tree.table';
import { pageOf } from '../../server/db/page';
import type { Ctx } from '../../server/types';
import { ZRewardInput, type Reward, type RewardInput, type RewardQuery } from './credits.contract';
import { CREDIT_STAFF_ROLES } from './credits.policy';
import { canKeepReward, canSeeReward } from './credits.policy';
import { creditRewards } from './credit-bank.table';
import { keptResident, type ResidentRow } from './credit-accounts.service';

/** Path prefixes of `path` and each of its ancestors: the nodes whose rewards reach it. */
const selfAndAncestors = (path: string) => {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
};

async function pageOfRewards(db: DbOrTx, actor: Actor | null, where: SQL | undefined, paging: PageQuery) {
  const list = db
    .select({ r: creditRewards, nodeName: orgNodes.name, path: orgNodes.path })
    .from(creditRewards)
    .innerJoin(orgNodes, eq(orgNodes.id, creditRewards.nodeId))
    .where(where)
    .$dynamic();
  const order = [asc(orgNodes.depth), asc(creditRewards.cost), asc(creditRewards.name), asc(creditRewards.id)];
  return pageOf(db, list, order, paging, ({ r, nodeName, path }): Reward => ({
    id: r.id,
    nodeId: r.nodeId,
    nodeName,
    name: r.name,
    description: r.description,
    cost: Number(r.cost),
    stock: r.stock,
    active: r.active,
    canEdit: !!actor && canKeepReward(actor, { path }),
  }));
}

/** Active rewards offered to this resident (by their county or town). */
export function rewardsFor(
  db: DbOrTx,
  resident: ResidentRow,
  actor: Actor | null,
  page: number,
  pageSize: number,
): Promise<Page<Reward>> {
  const where = and(eq(creditRewards.active, true), inArray(orgNodes.path, selfAndAncestors(resident.path)));
  return pageOfRewards(db, actor, where, { page, pageSize });
}

/**
 * The catalogue the actor works with: rewards of nodes they keep, and those offered over
 * their part of the tree (a centre manager sees the town's and the county's, to redeem them).
 */
export async function findRewards({ db, actor, query }: Ctx & { query: RewardQuery }): Promise<Page<Reward>> {
  if (query.forResidentId)
    return rewardsFor(db, await keptResident(db, actor, query.forResidentId), actor, query.page, query.pageSize);
  const staff = actor.scopes.filter((s) => CREDIT_STAFF_ROLES.includes(s.role)).map(reachOf);
  const above = [...new Set(staff.flatMap(selfAndAncestors))];
  const where = or(underAnyPath(orgNodes.path, staff), above.length ? inArray(orgNodes.path, above) : undefined);
  return pageOfRewards(db, actor, where, query);
}

/** The node that offers a reward must be a county or town the actor administers. */
async function offeringNode(db: DbOrTx, actor: Actor, nodeId: string) {
  const n = await loadNodeFor(db, nodeId, (node) => canKeepReward(actor, node));
  if (n.level !== 'county' && n.level !== 'town')
    throw fieldError('nodeId', '奖品由县或镇（街道）提供', 'Rewards are offered by a county or a town');
  return n;
}

export async function createReward({ db, actor, input }: Ctx & { input: RewardInput }): Promise<{ id: string }> {
  const v = ZRewardInput.parse(input);
  return db.transaction(async (tx) => {
    const n = await offeringNode(tx, actor, v.nodeId);
    const [row] = await tx
      .insert(creditRewards)
      .values({
        countyId: n.path.split('/')[1],
        nodeId: n.id,
        name: v.name,
        description: v.description,
        cost: v.cost.toFixed(1),
        stock: v.stock,
        active: v.active,
        createdBy: actor.userId,
      })
      .returning({ id: creditRewards.id });
    await auditChange(tx, actor, n, 'credits.reward.create', ['credit_reward', row.id], {
      name: v.name,
      cost: v.cost,
      stock: v.stock,
      offeredBy: n.name,
    });
    return { id: row.id };
  });
}

/** Edits a reward (name, cost, stock, on/off); it stays with the node that offers it. */
export async function updateReward({ db, actor, id, input }: Ctx & { id: string; input: RewardInput }): Promise<void> {
  const v = ZRewardInput.parse(input);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ r: creditRewards, path: orgNodes.path })
      .from(creditRewards)
      .innerJoin(orgNodes, eq(orgNodes.id, creditRewards.nodeId))
      .where(eq(creditRewards.id, id))
      .for('update');
    if (!row || !canSeeReward(actor, row)) throw hidden();
    if (!canKeepReward(actor, row)) throw forbidden();
    if (v.nodeId !== row.r.nodeId) throw fieldError('nodeId', '提供单位不能更改', 'The offering node cannot change');
    const next = {
      name: v.name,
      description: v.description,
      cost: v.cost.toFixed(1),
      stock: v.stock,
      active: v.active,
    };
    const changed = diffFields(row.r, next);
    await tx
      .update(creditRewards)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(creditRewards.id, id));
    await auditChange(tx, actor, { id: row.r.nodeId, path: row.path }, 'credits.reward.update', ['credit_reward', id], {
      name: v.name,
      changed,
    });
  });
}
