import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../server/db/client';
import { reachPaths, type Actor } from '../../shared/actor';
import { fieldError, forbidden } from '../../shared/app-error';
import { ROLES } from '../../shared/roles';
import { chinaMonth } from '../../shared/china-time';
import { activeThemes } from '../themes';
import { heldPerMonth } from '../activities';
import { auditChange } from '../../server/audit';
import {
  checkCountyUnit,
  loadNodeFor,
  loadNodeToWrite,
  loadRowOnNode,
  type NodeBrief,
  underAnyPath,
} from '../../server/tree-scope';
import { orgNodes } from '../../server/db/tree.table';
import { readPage } from '../../server/db/page';
import {
  MIN_ACTIVITIES_PER_MONTH,
  type Plan,
  type PlanItemCreate,
  type PlanItemUpdate,
  type VersusPage,
} from './plans.contract';
import { canKeepPlan, canReadPlan } from './plans.policy';
import { planItems } from './plans.table';
import type { Ctx } from '../../server/types';

export const countyOf = (n: { path: string }) => n.path.split('/')[1];

export async function getPlan({ db, actor, centreId, year }: Ctx & { centreId: string; year: number }): Promise<Plan> {
  const centre = await loadNodeFor(db, centreId, (n) => canReadPlan(actor, n));
  const unit = alias(orgNodes, 'unit');
  const rows = await db
    .select({ row: planItems, unitName: unit.name })
    .from(planItems)
    .leftJoin(unit, eq(unit.id, planItems.responsibleUnitId))
    .where(and(eq(planItems.centreId, centre.id), eq(planItems.year, year)))
    .orderBy(asc(planItems.month), asc(planItems.createdAt))
    .limit(1000);
  const [town] = await db
    .select({ id: orgNodes.id, name: orgNodes.name })
    .from(orgNodes)
    .where(and(eq(orgNodes.id, centre.path.split('/')[2] ?? centre.id), eq(orgNodes.level, 'town')));
  return {
    centre: { id: centre.id, name: centre.name },
    town: town ?? null,
    year,
    items: rows.map(({ row, unitName }) => ({
      id: row.id,
      month: row.month,
      title: row.title,
      theme: row.theme,
      responsibleUnitId: row.responsibleUnitId,
      responsibleUnitName: unitName,
      note: row.note,
    })),
    actual: (await heldPerMonth(db, [centre.id], year)).get(centre.id)!,
    canKeep: canKeepPlan(actor, centre),
  };
}

async function checkItem(tx: DbOrTx, centre: NodeBrief, input: PlanItemUpdate): Promise<void> {
  if (!(await activeThemes(tx, countyOf(centre))).some((t) => t.key === input.theme))
    throw fieldError('theme', '请选择本县的活动主题', 'Choose one of the county’s themes');
  await checkCountyUnit(tx, countyOf(centre), input.responsibleUnitId, 'responsibleUnitId');
}

export async function createPlanItem({ db, actor, input }: Ctx & { input: PlanItemCreate }): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const centre = await loadNodeToWrite(
      tx,
      input.centreId,
      { mayRead: (n) => canReadPlan(actor, n), mayWrite: (n) => canKeepPlan(actor, n) },
      ['centre'],
      { field: 'centreId', zh: '年度计划属于村（社区）学习中心', en: 'An annual plan belongs to a centre' },
    );
    await checkItem(tx, centre, input);
    const [row] = await tx
      .insert(planItems)
      .values({ ...input, countyId: countyOf(centre), createdBy: actor.userId })
      .returning({ id: planItems.id });
    await auditChange(tx, actor, centre, 'plan.create', ['plan_item', row.id], {
      centre: centre.name,
      year: input.year,
      month: input.month,
      title: input.title,
    });
    return row;
  });
}

async function loadItem(tx: DbOrTx, actor: Actor, id: string) {
  const { row, node: centre } = await loadRowOnNode(tx, planItems, planItems.centreId, id, (n) =>
    canReadPlan(actor, n),
  );
  if (!canKeepPlan(actor, centre)) throw forbidden();
  return { row, centre };
}

export async function updatePlanItem({
  db,
  actor,
  id,
  input,
}: Ctx & { id: string; input: PlanItemUpdate }): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, centre } = await loadItem(tx, actor, id);
    await checkItem(tx, centre, input);
    await tx
      .update(planItems)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(planItems.id, id));
    await auditChange(tx, actor, centre, 'plan.update', ['plan_item', id], {
      centre: centre.name,
      year: row.year,
      from: { month: row.month, title: row.title },
      to: { month: input.month, title: input.title },
    });
  });
}

export async function removePlanItem({ db, actor, id }: Ctx & { id: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, centre } = await loadItem(tx, actor, id);
    await tx.delete(planItems).where(eq(planItems.id, id));
    await auditChange(tx, actor, centre, 'plan.remove', ['plan_item', id], {
      centre: centre.name,
      year: row.year,
      month: row.month,
      title: row.title,
    });
  });
}

/**
 * Plan versus actual for every centre in reach (or under `nodeId`) and month: planned items,
 * activities held, and whether the month met the rule (at least 2). A month not over yet is
 * "met" once it has 2, else still open (null).
 */
export async function findVersus({
  db,
  actor,
  query,
}: Ctx & { query: { year: number; nodeId?: string; page: number; pageSize: number } }): Promise<VersusPage> {
  const town = alias(orgNodes, 'town');
  const conds = [eq(orgNodes.level, 'centre'), underAnyPath(orgNodes.path, reachPaths(actor, ROLES))];
  if (query.nodeId)
    conds.push(underAnyPath(orgNodes.path, [(await loadNodeFor(db, query.nodeId, (n) => canReadPlan(actor, n))).path]));
  const list = db
    .select({ id: orgNodes.id, name: orgNodes.name, townName: town.name })
    .from(orgNodes)
    .leftJoin(town, eq(town.id, orgNodes.parentId))
    .where(and(...conds))
    .$dynamic();
  const { total, rows: centres } = await readPage(db, list, [asc(orgNodes.path)], query);
  const ids = centres.map((c) => c.id);
  const held = await heldPerMonth(db, ids, query.year);
  const planned = new Map(ids.map((id) => [id, Array<number>(12).fill(0)]));
  if (ids.length) {
    const rows = await db
      .select({ centreId: planItems.centreId, month: planItems.month, n: count() })
      .from(planItems)
      .where(and(inArray(planItems.centreId, ids), eq(planItems.year, query.year)))
      .groupBy(planItems.centreId, planItems.month);
    for (const r of rows) planned.get(r.centreId)![r.month - 1] = Number(r.n);
  }
  const [nowYear, nowMonth] = chinaMonth().split('-').map(Number);
  const over = (m: number) => query.year < nowYear || (query.year === nowYear && m < nowMonth);
  return {
    items: centres.map((c) => {
      const months = held.get(c.id)!.map((actual, i) => {
        const ok = actual >= MIN_ACTIVITIES_PER_MONTH;
        return { planned: planned.get(c.id)![i], actual, met: ok ? true : over(i + 1) ? false : null };
      });
      return {
        id: c.id,
        centreName: c.name,
        townName: c.townName ?? '',
        months,
        monthsMet: months.filter((m) => m.met === true).length,
        monthsMissed: months.filter((m) => m.met === false).length,
      };
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
    min: MIN_ACTIVITIES_PER_MONTH,
  };
}
