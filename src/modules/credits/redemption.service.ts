import { and, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../server/db/client';
import { reachPaths, type Actor } from '../../shared/actor';
import { AppError, hidden } from '../../shared/app-error';
import type { Page, PageQuery } from '../../shared/pagination';
import { userNames } from '../accounts';
import { underAnyPath } from '../../server/tree-scope';
import { orgNodes } from '../../server/db/tree.table';
import { pageOf } from '../../server/db/page';
import type { Ctx } from '../../server/types';
import { residentDirectory } from '../people';
import type { Redemption, RedemptionQuery } from './credits.contract';
import { CREDIT_STAFF_ROLES } from './credits.policy';
import { canKeepAccount, isOfferedTo } from './credits.policy';
import { creditRedemptions, creditRewards } from './credit-bank.table';
import { appendEntry, appendReversal, lockAccount, round1 } from './credit-ledger';
import type { ResidentRow } from './credit-accounts.service';
import { creditLedger } from './credits.table';
import { auditAccount, keptResident, loadResident } from './credit-accounts.service';

const offeredBy = alias(orgNodes, 'offered_by');

/**
 * Spends credits on one reward, in one transaction: the resident's account row is locked
 * first (so two redemptions of one resident run one after the other and the second sees the
 * first's entry), then the balance is derived from the ledger and checked, then the stock is
 * taken with `stock > 0` (the check constraint keeps it ≥ 0), then the entry is written.
 */
async function redeemInTx(
  tx: DbOrTx,
  v: { resident: ResidentRow; rewardId: string; channel: 'counter' | 'self'; actor: Actor | null },
): Promise<{ id: string; balance: number }> {
  const { resident } = v;
  if (resident.anonymized) throw new AppError('NOT_FOUND');
  const [rw] = await tx
    .select({ r: creditRewards, path: offeredBy.path })
    .from(creditRewards)
    .innerJoin(offeredBy, eq(offeredBy.id, creditRewards.nodeId))
    .where(eq(creditRewards.id, v.rewardId));
  if (!rw || !isOfferedTo(rw, resident)) throw hidden();
  if (!rw.r.active)
    throw new AppError('CONFLICT', { detail: '这个奖品已下架', detailEn: 'this reward is no longer offered' });
  const cost = Number(rw.r.cost);
  const balance = await lockAccount(tx, resident.id, resident.countyId);
  if (balance < cost)
    throw new AppError('CONFLICT', {
      detail: `学分不足：需要 ${cost} 分，现有 ${balance} 分`,
      detailEn: `not enough credits: ${cost} needed, ${balance} available`,
    });
  const [taken] = await tx
    .update(creditRewards)
    .set({ stock: sql`${creditRewards.stock} - 1`, updatedAt: new Date() })
    .where(and(eq(creditRewards.id, v.rewardId), gt(creditRewards.stock, 0)))
    .returning({ stock: creditRewards.stock });
  if (!taken) throw new AppError('CONFLICT', { detail: '这个奖品已经兑完了', detailEn: 'this reward is out of stock' });
  const id = crypto.randomUUID();
  const entry = await appendEntry(tx, {
    countyId: resident.countyId,
    residentId: resident.id,
    kind: 'redeem',
    amount: -cost,
    sourceType: 'redemption',
    sourceId: id,
    note: rw.r.name,
    createdBy: v.actor?.userId ?? null,
  });
  await tx.insert(creditRedemptions).values({
    id,
    countyId: resident.countyId,
    residentId: resident.id,
    rewardId: rw.r.id,
    ledgerId: entry!.id,
    cost: cost.toFixed(1),
    channel: v.channel,
    handledBy: v.actor?.userId ?? null,
  });
  await auditAccount(tx, v.actor, resident, 'credits.redeem', {
    reward: rw.r.name,
    cost,
    channel: v.channel,
    stockLeft: taken.stock,
  });
  return { id, balance: round1(balance - cost) };
}

/** Staff redeem on behalf of a resident at the centre counter. */
export async function redeemAtCounter({
  db,
  actor,
  residentId,
  rewardId,
}: Ctx & { residentId: string; rewardId: string }) {
  return db.transaction(async (tx) =>
    redeemInTx(tx, { resident: await keptResident(tx, actor, residentId), rewardId, channel: 'counter', actor }),
  );
}

/** The resident redeems on their phone (resident session; no staff actor). */
export async function redeemForSelf({ db, residentId, rewardId }: { db: Db; residentId: string; rewardId: string }) {
  return db.transaction(async (tx) => {
    const resident = await loadResident(tx, residentId);
    if (!resident) throw hidden();
    return redeemInTx(tx, { resident, rewardId, channel: 'self', actor: null });
  });
}

const handler = userNames('handler');
const residentDir = residentDirectory();

export async function pageOfRedemptions(db: DbOrTx, actor: Actor | null, where: SQL | undefined, paging: PageQuery) {
  const list = db
    .select({
      d: creditRedemptions,
      residentName: residentDir.name,
      nodeName: orgNodes.name,
      path: orgNodes.path,
      rewardName: creditRewards.name,
      handledByName: handler.displayName,
    })
    .from(creditRedemptions)
    .innerJoin(residentDir, eq(residentDir.id, creditRedemptions.residentId))
    .innerJoin(orgNodes, eq(orgNodes.id, residentDir.nodeId))
    .innerJoin(creditRewards, eq(creditRewards.id, creditRedemptions.rewardId))
    .leftJoin(handler, eq(handler.id, creditRedemptions.handledBy))
    .where(where)
    .$dynamic();
  const order = [desc(creditRedemptions.createdAt), desc(creditRedemptions.id)];
  return pageOf(db, list, order, paging, (r): Redemption => ({
    id: r.d.id,
    residentId: r.d.residentId,
    residentName: r.residentName,
    nodeName: r.nodeName,
    rewardName: r.rewardName,
    cost: Number(r.d.cost),
    channel: r.d.channel as Redemption['channel'],
    status: r.d.status as Redemption['status'],
    handledByName: actor ? r.handledByName : null,
    createdAt: r.d.createdAt.toISOString(),
    cancelledAt: r.d.cancelledAt?.toISOString() ?? null,
    cancelReason: r.d.cancelReason,
    canCancel: !!actor && r.d.status === 'done' && canKeepAccount(actor, { path: r.path }),
  }));
}

/** A resident's own redemptions, newest first (their phone). */
export function myRedemptions(db: DbOrTx, residentId: string, page: number, pageSize: number) {
  return pageOfRedemptions(db, null, eq(creditRedemptions.residentId, residentId), { page, pageSize });
}

/** Redemptions of residents the actor keeps. */
export async function findRedemptions({
  db,
  actor,
  query,
}: Ctx & { query: RedemptionQuery }): Promise<Page<Redemption>> {
  const conds = [underAnyPath(orgNodes.path, reachPaths(actor, CREDIT_STAFF_ROLES))];
  if (query.status) conds.push(eq(creditRedemptions.status, query.status));
  if (query.residentId) {
    await keptResident(db, actor, query.residentId);
    conds.push(eq(creditRedemptions.residentId, query.residentId));
  }
  return pageOfRedemptions(db, actor, and(...conds), query);
}

type RedemptionRow = typeof creditRedemptions.$inferSelect;

/** Cancels a redemption: its entry is reversed and the reward goes back in stock. */
export async function cancelInTx(
  tx: DbOrTx,
  actor: Actor,
  red: RedemptionRow,
  r: ResidentRow,
  reason: string,
): Promise<{ id: number }> {
  const [entry] = await tx.select().from(creditLedger).where(eq(creditLedger.id, red.ledgerId));
  const done = await appendReversal(tx, entry, { reason, createdBy: actor.userId });
  const changed = await tx
    .update(creditRedemptions)
    .set({ status: 'cancelled', cancelledAt: new Date(), cancelledBy: actor.userId, cancelReason: reason })
    .where(and(eq(creditRedemptions.id, red.id), eq(creditRedemptions.status, 'done')))
    .returning({ id: creditRedemptions.id });
  if (changed.length === 0)
    throw new AppError('CONFLICT', {
      detail: '这次兑换已经撤销了',
      detailEn: 'this redemption has already been cancelled',
    });
  await tx
    .update(creditRewards)
    .set({ stock: sql`${creditRewards.stock} + 1`, updatedAt: new Date() })
    .where(eq(creditRewards.id, red.rewardId));
  await auditAccount(tx, actor, r, 'credits.redeem.cancel', { redemption: red.id, cost: Number(red.cost), reason });
  return { id: done.id };
}

export async function cancelRedemption({ db, actor, id, reason }: Ctx & { id: string; reason: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const [red] = await tx.select().from(creditRedemptions).where(eq(creditRedemptions.id, id));
    if (!red) throw hidden();
    const r = await keptResident(tx, actor, red.residentId);
    await cancelInTx(tx, actor, red, r, reason);
  });
}
