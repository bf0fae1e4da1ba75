import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { auditChange } from '../../server/audit';
import type { Db, DbOrTx } from '../../server/db/client';
import { orgNodes } from '../../server/db/tree.table';
import type { Ctx } from '../../server/types';
import { forbidden } from '../../shared/app-error';
import { payAward } from '../credits';
import { residentRef } from '../people';
import type { Results } from './awards.contract';
import { canKeepSelection } from './awards.policy';
import { awardNominations, awardSelections } from './awards.table';
import { loadSelection, published, toSelection, type SelectionRow } from './selections.service';

/**
 * Publishes the results: every approved nomination becomes a winner (published), the selection
 * closes, and its credits (if it carries any) are paid to each winning resident — a family's
 * members each — through the ledger, keyed by the nomination, so a second publish or a retry pays
 * nothing more. The selection row is locked: an approval cannot slip in between.
 */
export async function publishSelection({
  db,
  actor,
  id,
}: Ctx & { id: string }): Promise<{ winners: number; credits: number }> {
  return db.transaction(async (tx) => {
    const { row: sel, owner } = await loadSelection(tx, actor, id, true);
    if (!canKeepSelection(actor, owner)) throw forbidden();
    if (sel.status !== 'open') throw published();
    const winners = await tx
      .update(awardNominations)
      .set({ status: 'published', updatedAt: new Date() })
      .where(and(eq(awardNominations.selectionId, id), eq(awardNominations.status, 'approved')))
      .returning();
    await tx
      .update(awardSelections)
      .set({ status: 'published', publishedAt: new Date(), publishedBy: actor.userId, updatedAt: new Date() })
      .where(eq(awardSelections.id, id));
    const credits = await payWinners(tx, sel, winners, actor.userId);
    await auditChange(tx, actor, owner, 'award.selection.publish', ['award_selection', id], {
      title: sel.title,
      winners: winners.map((w) => w.nomineeName),
      credits,
    });
    return { winners: winners.length, credits };
  });
}

/** The credits of the award to each winning resident (a family's members each); what was paid now. */
export async function payWinners(
  tx: DbOrTx,
  sel: SelectionRow,
  winners: (typeof awardNominations.$inferSelect)[],
  actorId: string | null,
): Promise<number> {
  const amount = sel.rewardCredits === null ? 0 : Number(sel.rewardCredits);
  if (amount <= 0) return 0;
  let paid = 0;
  for (const w of winners) {
    const ids = w.residentId ? [w.residentId] : w.members.map((m) => m.id);
    for (const residentId of ids) {
      const r = await residentRef(tx, residentId);
      if (!r || r.anonymized) continue;
      paid += await payAward(tx, { awardId: w.id, residentId, countyId: r.countyId, amount, note: sel.title, actorId });
    }
  }
  return Math.round(paid * 10) / 10;
}

const town = alias(orgNodes, 'town');

/** The winners of a published selection, by town and centre (the 表彰名单 and the residents' page). */
export async function winnersOf(db: Db, selectionIds: string[]) {
  if (selectionIds.length === 0) return [];
  return db
    .select({
      selectionId: awardNominations.selectionId,
      nominationId: awardNominations.id,
      nomineeName: awardNominations.nomineeName,
      members: awardNominations.members,
      nodeName: orgNodes.name,
      townName: town.name,
    })
    .from(awardNominations)
    .innerJoin(orgNodes, eq(orgNodes.id, awardNominations.nodeId))
    .leftJoin(town, eq(town.id, orgNodes.parentId))
    .where(and(inArray(awardNominations.selectionId, selectionIds), eq(awardNominations.status, 'published')))
    .orderBy(asc(orgNodes.path), asc(awardNominations.nomineeName));
}

/** The published results of a selection the actor may read; an open selection has none to show yet. */
export async function getResults({ db, actor, id }: Ctx & { id: string }): Promise<Results> {
  const { row, owner } = await loadSelection(db, actor, id);
  const winners = row.status === 'published' ? await winnersOf(db, [id]) : [];
  return {
    selection: toSelection(row, owner),
    winners: winners.map((w) => ({
      nominationId: w.nominationId,
      nomineeName: w.nomineeName,
      nodeName: w.nodeName,
      townName: w.townName,
      members: w.members.map((m) => m.name),
    })),
  };
}
