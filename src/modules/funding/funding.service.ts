import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { auditChange } from '../../server/audit';
import type { DbOrTx } from '../../server/db/client';
import { orgNodes } from '../../server/db/tree.table';
import { loadCounty, loadNodeFor, underAnyPath, type NodeBrief } from '../../server/tree-scope';
import type { Ctx } from '../../server/types';
import { reachPaths, type Actor } from '../../shared/actor';
import { fieldError, forbidden } from '../../shared/app-error';
import { userNames } from '../accounts';
import { findPopulations } from '../organisations';
import {
  BUDGET_SOURCES,
  DEFAULT_STANDARD_FEN,
  EXPENSE_CATEGORIES,
  type AllocationsBody,
  type BudgetBody,
  type Standard,
  type TownFunding,
  type TownSummary,
} from './funding.contract';
import { canKeepBudget, canReadFunding, canSetStandard, FUNDING_READER_ROLES } from './funding.policy';
import {
  fundingAllocations,
  fundingBudgetLines,
  fundingBudgets,
  fundingExpenses,
  fundingStandards,
} from './funding.table';
import { perResidentFen, yuanText } from './money';

// The county standard, the towns' budgets and allocations, and the figures of a town's year.
// Spent means approved expenses dated in the year; pending, those still to review.

const countyOf = (path: string) => path.split('/')[1];
/** The town a node of depth ≥ 1 lies in: its path's second segment. */
const townOfPath = sql<string>`split_part(${orgNodes.path}, '/', 3)`;

/** SQL: an expense dated in the year. */
export const inYear = (year: number) =>
  sql`${fundingExpenses.spentOn} between ${`${year}-01-01`} and ${`${year}-12-31`}`;

/** The standard (fen per resident) of each county; the default where none is set. */
async function standardsOf(db: DbOrTx, countyIds: string[]): Promise<Map<string, number>> {
  const ids = [...new Set(countyIds)];
  const rows = ids.length
    ? await db.select().from(fundingStandards).where(inArray(fundingStandards.countyId, ids))
    : [];
  const set = new Map(rows.map((r) => [r.countyId, r.perResidentFen]));
  return new Map(ids.map((id) => [id, set.get(id) ?? DEFAULT_STANDARD_FEN]));
}

/** Each county the actor reads funding in (their own, or the one above their town or centre). */
export async function findStandards({ db, actor }: Ctx): Promise<Standard[]> {
  const ids = [
    ...new Set(actor.scopes.filter((s) => FUNDING_READER_ROLES.includes(s.role)).map((s) => countyOf(s.path))),
  ];
  const counties = ids.length
    ? await db
        .select({ id: orgNodes.id, name: orgNodes.name, path: orgNodes.path })
        .from(orgNodes)
        .where(and(inArray(orgNodes.id, ids.filter(Boolean)), eq(orgNodes.level, 'county')))
        .orderBy(asc(orgNodes.sortOrder), asc(orgNodes.name))
    : [];
  const rows = counties.length
    ? await db
        .select()
        .from(fundingStandards)
        .where(
          inArray(
            fundingStandards.countyId,
            counties.map((c) => c.id),
          ),
        )
    : [];
  return counties.map((c) => {
    const row = rows.find((r) => r.countyId === c.id);
    return {
      countyId: c.id,
      countyName: c.name,
      perResidentFen: row?.perResidentFen ?? DEFAULT_STANDARD_FEN,
      isDefault: !row,
      canEdit: canSetStandard(actor, c),
    };
  });
}

/** County admins set their county's standard per resident (1 or 2 yuan). */
export async function setStandard({
  db,
  actor,
  countyId,
  perResidentFen: fen,
}: Ctx & { countyId: string; perResidentFen: number }): Promise<void> {
  await db.transaction(async (tx) => {
    const county = await loadCounty(tx, actor, countyId, canReadFunding);
    if (!canSetStandard(actor, county)) throw forbidden();
    const [before] = await tx.select().from(fundingStandards).where(eq(fundingStandards.countyId, countyId));
    await tx
      .insert(fundingStandards)
      .values({ countyId, perResidentFen: fen, updatedBy: actor.userId })
      .onConflictDoUpdate({
        target: fundingStandards.countyId,
        set: { perResidentFen: fen, updatedBy: actor.userId, updatedAt: new Date() },
      });
    await auditChange(tx, actor, county, 'funding.standard', ['org_node', countyId], {
      county: county.name,
      from: before?.perResidentFen ?? DEFAULT_STANDARD_FEN,
      to: fen,
    });
  });
}

/** A town the actor reads funding of, or NOT_FOUND. */
export const loadTown = (db: DbOrTx, actor: Actor, townId: string) =>
  loadNodeFor(db, townId, (n) => n.level === 'town' && canReadFunding(actor, n));

type Sums = { spentFen: number; pendingFen: number };

/** Approved and pending expense sums, grouped by `key` (an SQL expression), in the year. */
async function expenseSums(
  db: DbOrTx,
  key: ReturnType<typeof sql<string>>,
  where: ReturnType<typeof sql>,
  year: number,
) {
  const rows = await db
    .select({
      key,
      spent: sql<string>`coalesce(sum(${fundingExpenses.amountFen}) filter (where ${fundingExpenses.status} = 'approved'), 0)`,
      pending: sql<string>`coalesce(sum(${fundingExpenses.amountFen}) filter (where ${fundingExpenses.status} = 'recorded'), 0)`,
      count: sql<string>`count(*) filter (where ${fundingExpenses.status} <> 'rejected')`,
    })
    .from(fundingExpenses)
    .innerJoin(orgNodes, eq(orgNodes.id, fundingExpenses.nodeId))
    .where(and(where, inYear(year)))
    .groupBy(key);
  return new Map(
    rows.map((r) => [r.key, { spentFen: Number(r.spent), pendingFen: Number(r.pending), count: Number(r.count) }]),
  );
}

/** The budget total (sum of its lines) and allocated total of each town's budget for the year. */
async function budgetTotals(db: DbOrTx, townIds: string[], year: number) {
  const out = new Map<string, { budgetFen: number; allocatedFen: number }>();
  if (townIds.length === 0) return out;
  const budgets = await db
    .select({ id: fundingBudgets.id, townId: fundingBudgets.townId })
    .from(fundingBudgets)
    .where(and(inArray(fundingBudgets.townId, townIds), eq(fundingBudgets.year, year)));
  if (budgets.length === 0) return out;
  const ids = budgets.map((b) => b.id);
  const [lines, allocated] = await Promise.all([
    db
      .select({ id: fundingBudgetLines.budgetId, n: sql<string>`sum(${fundingBudgetLines.amountFen})` })
      .from(fundingBudgetLines)
      .where(inArray(fundingBudgetLines.budgetId, ids))
      .groupBy(fundingBudgetLines.budgetId),
    db
      .select({ id: fundingAllocations.budgetId, n: sql<string>`sum(${fundingAllocations.amountFen})` })
      .from(fundingAllocations)
      .where(inArray(fundingAllocations.budgetId, ids))
      .groupBy(fundingAllocations.budgetId),
  ]);
  const sum = (rows: { id: string; n: string }[], id: string) => Number(rows.find((r) => r.id === id)?.n ?? 0);
  for (const b of budgets) out.set(b.townId, { budgetFen: sum(lines, b.id), allocatedFen: sum(allocated, b.id) });
  return out;
}

/** The standard of a town's year: per resident × population; the shortfall when the budget is below it. */
export function standardFigures(perResident: number, population: number | null, budgetFen: number) {
  const standardFen = population === null ? null : perResident * population;
  return { standardFen, shortfallFen: standardFen === null ? null : Math.max(0, standardFen - budgetFen) };
}

/** The summaries of these towns' year. */
async function summaries(db: DbOrTx, actor: Actor, towns: NodeBrief[], year: number): Promise<TownSummary[]> {
  const ids = towns.map((t) => t.id);
  const [populations, standards, totals, sums] = await Promise.all([
    findPopulations(db, ids, year),
    standardsOf(
      db,
      towns.map((t) => countyOf(t.path)),
    ),
    budgetTotals(db, ids, year),
    ids.length
      ? expenseSums(
          db,
          townOfPath,
          sql`${townOfPath} in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`,
          year,
        )
      : new Map<string, Sums>(),
  ]);
  return towns.map((t) => {
    const population = populations.get(t.id) ?? null;
    const perResident = standards.get(countyOf(t.path))!;
    const { budgetFen, allocatedFen } = totals.get(t.id) ?? { budgetFen: 0, allocatedFen: 0 };
    const s = sums.get(t.id) ?? { spentFen: 0, pendingFen: 0 };
    return {
      townId: t.id,
      townName: t.name,
      population,
      perResidentFen: perResident,
      budgetFen,
      ...standardFigures(perResident, population, budgetFen),
      allocatedFen,
      spentFen: s.spentFen,
      pendingFen: s.pendingFen,
      canKeep: canKeepBudget(actor, t),
    };
  });
}

/** Every town in the actor's reach, with its year at a glance. */
export async function findTowns({ db, actor, year }: Ctx & { year: number }): Promise<TownSummary[]> {
  const towns = await db
    .select({ id: orgNodes.id, name: orgNodes.name, path: orgNodes.path, level: orgNodes.level })
    .from(orgNodes)
    .where(and(eq(orgNodes.level, 'town'), underAnyPath(orgNodes.path, reachPaths(actor, FUNDING_READER_ROLES))))
    .orderBy(asc(orgNodes.sortOrder), asc(orgNodes.name), asc(orgNodes.id))
    .limit(500);
  return summaries(db, actor, towns, year);
}

const updater = userNames('budget_updater');

/** One town's year: the budget and its lines, the standard and shortfall, each centre, spent by category. */
export async function getTownFunding({
  db,
  actor,
  townId,
  year,
}: Ctx & { townId: string; year: number }): Promise<TownFunding> {
  const town = await loadTown(db, actor, townId);
  const [summary] = await summaries(db, actor, [town], year);
  const [budget] = await db
    .select({ b: fundingBudgets, by: updater.displayName })
    .from(fundingBudgets)
    .leftJoin(updater, eq(updater.id, fundingBudgets.updatedBy))
    .where(and(eq(fundingBudgets.townId, townId), eq(fundingBudgets.year, year)));
  const lines = budget
    ? await db
        .select()
        .from(fundingBudgetLines)
        .where(eq(fundingBudgetLines.budgetId, budget.b.id))
        .orderBy(asc(fundingBudgetLines.sortOrder))
    : [];
  const allocations = budget
    ? await db.select().from(fundingAllocations).where(eq(fundingAllocations.budgetId, budget.b.id))
    : [];
  const centres = await db
    .select({ id: orgNodes.id, name: orgNodes.name })
    .from(orgNodes)
    .where(and(eq(orgNodes.parentId, townId), eq(orgNodes.level, 'centre')))
    .orderBy(asc(orgNodes.sortOrder), asc(orgNodes.name));
  const under = sql`${orgNodes.path} like ${`${town.path}%`}`;
  const [byNode, byCategory, populations] = await Promise.all([
    expenseSums(db, sql<string>`${fundingExpenses.nodeId}::text`, under, year),
    expenseSums(db, sql<string>`${fundingExpenses.category}`, under, year),
    findPopulations(
      db,
      centres.map((c) => c.id),
      year,
    ),
  ]);
  const zero = { spentFen: 0, pendingFen: 0, count: 0 };
  const population = summary.population;
  return {
    ...summary,
    year,
    countyId: countyOf(town.path),
    budget: budget
      ? {
          lines: lines.map((l) => ({
            source: l.source as (typeof BUDGET_SOURCES)[number],
            amountFen: l.amountFen,
            note: l.note,
          })),
          note: budget.b.note,
          updatedAt: budget.b.updatedAt.toISOString(),
          updatedByName: budget.by,
        }
      : null,
    bySource: BUDGET_SOURCES.map((source) => ({
      source,
      amountFen: lines.filter((l) => l.source === source).reduce((a, l) => a + l.amountFen, 0),
    })),
    centres: centres.map((c) => {
      const a = allocations.find((x) => x.centreId === c.id);
      const s = byNode.get(c.id) ?? zero;
      return {
        centreId: c.id,
        centreName: c.name,
        population: populations.get(c.id) ?? null,
        allocatedFen: a?.amountFen ?? 0,
        note: a?.note ?? null,
        spentFen: s.spentFen,
        pendingFen: s.pendingFen,
      };
    }),
    townOwn: (({ spentFen, pendingFen }) => ({ spentFen, pendingFen }))(byNode.get(townId) ?? zero),
    byCategory: EXPENSE_CATEGORIES.map((category) => ({ category, ...(byCategory.get(category) ?? zero) })),
    perResident: population
      ? {
          budgetFen: perResidentFen(summary.budgetFen, population)!,
          standardFen: summary.perResidentFen,
          spentFen: perResidentFen(summary.spentFen, population)!,
        }
      : null,
  };
}

/**
 * The town's budget row for the year, created empty when there is none, and locked until the
 * transaction ends: a budget change and an allocation change of the same town wait for each other.
 */
async function lockBudget(tx: DbOrTx, actor: Actor, townId: string, year: number) {
  await tx
    .insert(fundingBudgets)
    .values({ townId, year, updatedBy: actor.userId })
    .onConflictDoNothing({ target: [fundingBudgets.townId, fundingBudgets.year] });
  const [row] = await tx
    .select()
    .from(fundingBudgets)
    .where(and(eq(fundingBudgets.townId, townId), eq(fundingBudgets.year, year)))
    .for('update');
  return row;
}

async function allocatedOf(tx: DbOrTx, budgetId: string): Promise<number> {
  const [{ n }] = await tx
    .select({ n: sql<string>`coalesce(sum(${fundingAllocations.amountFen}), 0)` })
    .from(fundingAllocations)
    .where(eq(fundingAllocations.budgetId, budgetId));
  return Number(n);
}

/** A town office sets its budget for a year, line by source; never below what it has allocated. */
export async function setBudget({ db, actor, townId, input }: Ctx & { townId: string; input: BudgetBody }) {
  await db.transaction(async (tx) => {
    const town = await loadTown(tx, actor, townId);
    if (!canKeepBudget(actor, town)) throw forbidden();
    const budget = await lockBudget(tx, actor, townId, input.year);
    const before = await tx.select().from(fundingBudgetLines).where(eq(fundingBudgetLines.budgetId, budget.id));
    const total = input.lines.reduce((a, l) => a + l.amountFen, 0);
    const allocated = await allocatedOf(tx, budget.id);
    if (total < allocated)
      throw fieldError(
        'lines',
        `预算合计 ${yuanText(total)} 元少于已分配给学习中心的 ${yuanText(allocated)} 元，请先减少分配`,
        `The budget total of ${yuanText(total)} yuan is below the ${yuanText(allocated)} yuan already allocated to centres; reduce the allocations first`,
      );
    await tx.delete(fundingBudgetLines).where(eq(fundingBudgetLines.budgetId, budget.id));
    if (input.lines.length)
      await tx
        .insert(fundingBudgetLines)
        .values(input.lines.map((l, i) => ({ budgetId: budget.id, ...l, sortOrder: i })));
    await tx
      .update(fundingBudgets)
      .set({ note: input.note, updatedBy: actor.userId, updatedAt: new Date() })
      .where(eq(fundingBudgets.id, budget.id));
    await auditChange(tx, actor, town, 'funding.budget', ['funding_budget', budget.id], {
      town: town.name,
      year: input.year,
      fromFen: before.reduce((a, l) => a + l.amountFen, 0),
      toFen: total,
      lines: input.lines,
    });
  });
}

/** A town office sets each centre's allocation for the year: centres of the town, within the budget. */
export async function setAllocations({ db, actor, townId, input }: Ctx & { townId: string; input: AllocationsBody }) {
  await db.transaction(async (tx) => {
    const town = await loadTown(tx, actor, townId);
    if (!canKeepBudget(actor, town)) throw forbidden();
    const ids = input.items.map((i) => i.centreId);
    const centres = ids.length
      ? await tx
          .select({ id: orgNodes.id })
          .from(orgNodes)
          .where(and(inArray(orgNodes.id, ids), eq(orgNodes.parentId, townId), eq(orgNodes.level, 'centre')))
      : [];
    const seen = new Set<string>();
    input.items.forEach((item, i) => {
      if (!centres.some((c) => c.id === item.centreId))
        throw fieldError(`items.${i}.centreId`, '请选择本镇（街道）的学习中心', 'Choose a centre of this town');
      if (seen.has(item.centreId))
        throw fieldError(`items.${i}.centreId`, '同一学习中心只能分配一次', 'Each centre may appear once');
      seen.add(item.centreId);
    });
    const budget = await lockBudget(tx, actor, townId, input.year);
    const [{ n }] = await tx
      .select({ n: sql<string>`coalesce(sum(${fundingBudgetLines.amountFen}), 0)` })
      .from(fundingBudgetLines)
      .where(eq(fundingBudgetLines.budgetId, budget.id));
    const budgetFen = Number(n);
    const total = input.items.reduce((a, x) => a + x.amountFen, 0);
    if (total > budgetFen)
      throw fieldError(
        'items',
        `分配合计 ${yuanText(total)} 元超过本年预算 ${yuanText(budgetFen)} 元`,
        `The allocations total ${yuanText(total)} yuan, more than the year’s budget of ${yuanText(budgetFen)} yuan`,
      );
    const before = await allocatedOf(tx, budget.id);
    await tx.delete(fundingAllocations).where(eq(fundingAllocations.budgetId, budget.id));
    if (input.items.length)
      await tx.insert(fundingAllocations).values(input.items.map((x) => ({ budgetId: budget.id, ...x })));
    await auditChange(tx, actor, town, 'funding.allocations', ['funding_budget', budget.id], {
      town: town.name,
      year: input.year,
      fromFen: before,
      toFen: total,
      items: input.items,
    });
  });
}

/**
 * Approved expenses dated in the year under each of these nodes (its own and its subtree's), in
 * fen; the indicators' funding per resident divides it by the resident population.
 */
export async function fundingSpentUnder(
  db: DbOrTx,
  nodes: { id: string; path: string }[],
  year: number,
): Promise<Map<string, number>> {
  if (nodes.length === 0) return new Map();
  const rows = await db
    .select({ path: orgNodes.path, fen: sql<string>`sum(${fundingExpenses.amountFen})` })
    .from(fundingExpenses)
    .innerJoin(orgNodes, eq(orgNodes.id, fundingExpenses.nodeId))
    .where(
      and(
        eq(fundingExpenses.status, 'approved'),
        inYear(year),
        underAnyPath(
          orgNodes.path,
          nodes.map((n) => n.path),
        ),
      ),
    )
    .groupBy(orgNodes.path);
  return new Map(
    nodes.map((n) => [n.id, rows.filter((r) => r.path.startsWith(n.path)).reduce((a, r) => a + Number(r.fen), 0)]),
  );
}
