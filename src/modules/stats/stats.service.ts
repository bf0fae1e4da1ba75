import { and, asc, eq, gt, gte, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { sqlRows } from '../../server/db/sql';
import { statCounts, statGroupCounts, statThemeCounts, statUnitCounts } from './stats.table';

/** A period: a month `yyyymm`, or a whole year `yyyy00`. */
export type Period = number;
export const monthPeriod = (year: number, month: number): Period => year * 100 + month;
export const yearPeriod = (year: number): Period => year * 100;

/** The kept figures of a node for a period (all zero when nothing was counted). */
export type NodeFigures = {
  nodeId: string;
  period: Period;
  personTimes: number;
  hours: number;
  participants: number;
  residentsReached: number;
  activitiesHeld: number;
};

/** The kept figures of these nodes for these periods, one entry per node and period asked for. */
export async function nodeFigures(db: DbOrTx, nodeIds: string[], periods: Period[]): Promise<NodeFigures[]> {
  if (nodeIds.length === 0 || periods.length === 0) return [];
  const rows = await db
    .select()
    .from(statCounts)
    .where(and(inArray(statCounts.nodeId, nodeIds), inArray(statCounts.period, periods)));
  const byKey = new Map(rows.map((r) => [`${r.nodeId}:${r.period}`, r]));
  return nodeIds.flatMap((nodeId) =>
    periods.map((period) => {
      const r = byKey.get(`${nodeId}:${period}`);
      return {
        nodeId,
        period,
        personTimes: r?.personTimes ?? 0,
        hours: Number(r?.hours ?? 0),
        participants: r?.participants ?? 0,
        residentsReached: r?.residentsReached ?? 0,
        activitiesHeld: r?.activitiesHeld ?? 0,
      };
    }),
  );
}

/** Residents of each special group living under a node who took part in a period (counts only). */
export async function groupFigures(
  db: DbOrTx,
  nodeId: string,
  period: Period,
): Promise<{ tag: string; residentsReached: number }[]> {
  const rows = await db
    .select({ tag: statGroupCounts.tag, residentsReached: statGroupCounts.residentsReached })
    .from(statGroupCounts)
    .where(
      and(
        eq(statGroupCounts.nodeId, nodeId),
        eq(statGroupCounts.period, period),
        gt(statGroupCounts.residentsReached, 0),
      ),
    )
    .orderBy(asc(statGroupCounts.tag));
  return rows;
}

/** Person-times and hours of the activities each unit (lead department) was responsible for. */
export async function unitFigures(
  db: DbOrTx,
  unitIds: string[],
  period: Period,
): Promise<{ unitId: string; activitiesHeld: number; personTimes: number; hours: number }[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .select()
    .from(statUnitCounts)
    .where(and(inArray(statUnitCounts.unitId, unitIds), eq(statUnitCounts.period, period)));
  return rows.map((r) => ({
    unitId: r.unitId,
    activitiesHeld: r.activitiesHeld,
    personTimes: r.personTimes,
    hours: Number(r.hours),
  }));
}

/** Activities held, person-times and hours by theme at each of these nodes in a period (themes with any). */
export async function themeFigures(
  db: DbOrTx,
  nodeIds: string[],
  period: Period,
): Promise<{ nodeId: string; theme: string; activitiesHeld: number; personTimes: number; hours: number }[]> {
  if (nodeIds.length === 0) return [];
  const rows = await db
    .select()
    .from(statThemeCounts)
    .where(and(inArray(statThemeCounts.nodeId, nodeIds), eq(statThemeCounts.period, period)))
    .orderBy(asc(statThemeCounts.theme));
  return rows
    .filter((r) => r.activitiesHeld !== 0 || r.personTimes !== 0)
    .map((r) => ({
      nodeId: r.nodeId,
      theme: r.theme,
      activitiesHeld: r.activitiesHeld,
      personTimes: r.personTimes,
      hours: Number(r.hours),
    }));
}

/** Activities held at each node in each month of a year: twelve counts per node. */
export async function heldByMonth(db: DbOrTx, nodeIds: string[], year: number): Promise<Map<string, number[]>> {
  const out = new Map(nodeIds.map((id) => [id, Array<number>(12).fill(0)]));
  if (nodeIds.length === 0) return out;
  const rows = await db
    .select({ nodeId: statCounts.nodeId, period: statCounts.period, n: statCounts.activitiesHeld })
    .from(statCounts)
    .where(
      and(
        inArray(statCounts.nodeId, nodeIds),
        gte(statCounts.period, monthPeriod(year, 1)),
        lte(statCounts.period, monthPeriod(year, 12)),
      ),
    );
  for (const r of rows) out.get(r.nodeId)![(r.period % 100) - 1] = r.n;
  return out;
}

/** Recomputes every kept figure from the records (after a bulk load made with the triggers off). */
export async function rebuildStats(db: DbOrTx): Promise<void> {
  await db.execute(sql`select stat_rebuild()`);
}

/** The kept tables as comparable text rows; rows whose figures are all zero are left out. */
async function keptRows(db: DbOrTx): Promise<string[]> {
  const rows = await sqlRows<{ row: string }>(
    db,
    sql`
    select 'attendance ' || resident_id || ' ' || month || ' ' || centre_id || ' ' || times || ' ' || hours as row
      from stat_attendance
    union all select 'residence ' || resident_id || ' ' || period || ' ' || times from stat_residence
    union all select 'counts ' || node_id || ' ' || period || ' ' || person_times || ' ' || hours || ' '
        || participants || ' ' || residents_reached || ' ' || activities_held
      from stat_counts
      where person_times <> 0 or hours <> 0 or participants <> 0 or residents_reached <> 0 or activities_held <> 0
    union all select 'group ' || node_id || ' ' || period || ' ' || tag || ' ' || residents_reached
      from stat_group_counts where residents_reached <> 0
    union all select 'unit ' || unit_id || ' ' || period || ' ' || person_times || ' ' || hours || ' ' || activities_held
      from stat_unit_counts where person_times <> 0 or hours <> 0 or activities_held <> 0
    union all select 'theme ' || node_id || ' ' || period || ' ' || theme || ' ' || activities_held || ' '
        || person_times || ' ' || hours
      from stat_theme_counts where person_times <> 0 or hours <> 0 or activities_held <> 0`,
  );
  return rows.map((r) => r.row).sort();
}

class Rollback extends Error {}

/**
 * The kept figures against a recomputation from scratch, without changing anything (the
 * recomputation is rolled back): the rows only kept, and the rows only recomputed. Both empty
 * when the triggers kept every figure right.
 */
export async function statsDifferences(
  db: DbOrTx,
): Promise<{ onlyKept: string[]; onlyRecomputed: string[]; rows: number }> {
  let result = { onlyKept: [] as string[], onlyRecomputed: [] as string[], rows: 0 };
  await db
    .transaction(async (tx) => {
      const kept = await keptRows(tx);
      await rebuildStats(tx);
      const fresh = await keptRows(tx);
      const freshSet = new Set(fresh);
      const keptSet = new Set(kept);
      result = {
        onlyKept: kept.filter((r) => !freshSet.has(r)),
        onlyRecomputed: fresh.filter((r) => !keptSet.has(r)),
        rows: fresh.length,
      };
      throw new Rollback();
    })
    .catch((err: unknown) => {
      if (!(err instanceof Rollback)) throw err;
    });
  return result;
}
