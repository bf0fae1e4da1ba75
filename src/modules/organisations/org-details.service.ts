import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { AppError, fieldError, forbidden } from '../../shared/app-error';
import { auditChange } from '../../server/audit';
import { getNodeRow } from './org.service';
import { canUpdateNode } from './org.policy';
import { orgLeaders, orgPopulations } from './org.table';
import type { Ctx } from '../../server/types';

// What a node records besides its own fields: the resident population of each year and the
// leadership group. Neither changes the tree, so no cache hears of them.

/**
 * The resident population (常住人口) of each node in a year, for rates per resident; a node
 * without a figure for that year is left out. No reach check: pass nodes already in reach.
 */
export async function findPopulations(db: DbOrTx, nodeIds: string[], year: number): Promise<Map<string, number>> {
  if (nodeIds.length === 0) return new Map();
  const rows = await db
    .select({ nodeId: orgPopulations.nodeId, population: orgPopulations.population })
    .from(orgPopulations)
    .where(and(inArray(orgPopulations.nodeId, nodeIds), eq(orgPopulations.year, year)));
  return new Map(rows.map((r) => [r.nodeId, r.population]));
}

export async function setPopulation({
  db,
  actor,
  id,
  year,
  population,
}: Ctx & { id: string; year: number; population: number }): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await getNodeRow(tx, actor, id);
    if (!canUpdateNode(actor, row)) throw forbidden();
    const [before] = await tx
      .select()
      .from(orgPopulations)
      .where(and(eq(orgPopulations.nodeId, id), eq(orgPopulations.year, year)));
    await tx
      .insert(orgPopulations)
      .values({ nodeId: id, year, population })
      .onConflictDoUpdate({
        target: [orgPopulations.nodeId, orgPopulations.year],
        set: { population, updatedAt: new Date() },
      });
    await auditChange(tx, actor, row, 'org.population.set', ['org_node', id], {
      year,
      from: before?.population ?? null,
      to: population,
    });
  });
}

export async function removePopulation({ db, actor, id, year }: Ctx & { id: string; year: number }): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await getNodeRow(tx, actor, id);
    if (!canUpdateNode(actor, row)) throw forbidden();
    const deleted = await tx
      .delete(orgPopulations)
      .where(and(eq(orgPopulations.nodeId, id), eq(orgPopulations.year, year)))
      .returning();
    if (deleted.length === 0) throw new AppError('NOT_FOUND');
    await auditChange(tx, actor, row, 'org.population.delete', ['org_node', id], { year, was: deleted[0].population });
  });
}

/** Replaces the leadership group as a whole: the form edits the list, then saves it. */
export async function setLeaders({
  db,
  actor,
  id,
  leaders,
}: Ctx & {
  id: string;
  leaders: { name: string; post: string; title: string | null; phone: string | null }[];
}): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await getNodeRow(tx, actor, id);
    if (!canUpdateNode(actor, row)) throw forbidden();
    if (row.level === 'unit' || row.level === 'centre') {
      if (leaders.length > 0)
        throw fieldError('leaders', '领导小组只设在县和镇（街道）', 'Leadership groups belong to counties and towns');
    }
    const before = await tx
      .select({ name: orgLeaders.name, post: orgLeaders.post })
      .from(orgLeaders)
      .where(eq(orgLeaders.nodeId, id));
    await tx.delete(orgLeaders).where(eq(orgLeaders.nodeId, id));
    if (leaders.length) await tx.insert(orgLeaders).values(leaders.map((l, i) => ({ ...l, nodeId: id, sortOrder: i })));
    await auditChange(tx, actor, row, 'org.leaders.set', ['org_node', id], {
      before,
      after: leaders.map((l) => ({ name: l.name, post: l.post })),
    });
  });
}
