import { and, asc, eq, inArray, like, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { orgNodes } from '../../server/db/tree.table';
import { recordAudit } from '../../server/audit';
import { escapeLike, loadCounty, loadNodeFor, nodeBrief } from '../../server/tree-scope';
import type { Ctx } from '../../server/types';
import { fieldError, hidden } from '../../shared/app-error';
import { chinaMonth } from '../../shared/china-time';
import type { NodeLevel } from '../../shared/roles';
import { fundingSpentUnder } from '../funding';
import { findPopulations } from '../organisations';
import { ensureTagDefs } from '../people';
import { surveyRates, type SurveyRates } from '../surveys';
import { staffingOfCentres, type CentreStaff } from '../teachers';
import {
  groupFigures,
  heldByMonth,
  monthPeriod,
  nodeFigures,
  unitFigures,
  yearPeriod,
  type NodeFigures,
} from '../stats';
import type {
  IndicatorQuery,
  IndicatorReport,
  IndicatorStatus,
  IndicatorValue,
  Target,
  TargetFields,
  Targets,
} from './indicators.contract';
import { judgesAt, MEASURE_DEFS, MEASURES, type Measure } from './indicators.measures';
import { canReadIndicators, canReadTargets, canSetTargets } from './indicators.policy';
import { indicatorTargets } from './indicators.table';

export type Node = { id: string; name: string; level: NodeLevel; path: string };

const defaultTarget = (measure: Measure): Target => {
  const d = MEASURE_DEFS[measure];
  return {
    measure,
    enabled: true,
    threshold: d.threshold,
    direction: d.direction,
    levels: [...d.levels],
    isDefault: true,
  };
};

/** A county's targets for a year: its own rows, the defaults for the rest, in catalogue order. */
export async function targetsOf(db: DbOrTx, countyId: string, year: number): Promise<Target[]> {
  const rows = await db
    .select()
    .from(indicatorTargets)
    .where(and(eq(indicatorTargets.countyId, countyId), eq(indicatorTargets.year, year)));
  const own = new Map(rows.map((r) => [r.measure, r]));
  return MEASURES.map((m) => {
    const r = own.get(m);
    if (!r) return defaultTarget(m);
    return {
      measure: m,
      enabled: r.enabled,
      threshold: r.threshold === null ? null : Number(r.threshold),
      direction: r.direction as Target['direction'],
      levels: r.levels as NodeLevel[],
      isDefault: false,
    };
  });
}

export async function findTargets({
  db,
  actor,
  countyId,
  year,
}: Ctx & { countyId: string; year: number }): Promise<Targets> {
  const county = await loadCounty(db, actor, countyId, canReadTargets);
  return {
    countyId,
    countyName: county.name,
    year,
    canEdit: canSetTargets(actor, county),
    targets: await targetsOf(db, countyId, year),
  };
}

export async function setTargets({
  db,
  actor,
  countyId,
  year,
  targets,
}: Ctx & { countyId: string; year: number; targets: TargetFields[] }): Promise<void> {
  const county = await loadCounty(db, actor, countyId, canReadTargets);
  if (!canSetTargets(actor, county)) throw hidden();
  const seen = new Set<string>();
  targets.forEach((t, i) => {
    if (seen.has(t.measure))
      throw fieldError(`targets.${i}.measure`, '同一指标只能设置一次', 'Each measure may be set only once');
    seen.add(t.measure);
    const rule = MEASURE_DEFS[t.measure].judgedBy;
    if (rule && t.threshold !== null)
      throw fieldError(
        `targets.${i}.threshold`,
        `该指标按${rule.zh}考核，不设目标值`,
        `This measure is judged by ${rule.en}; it takes no threshold`,
      );
  });
  await db.transaction(async (tx) => {
    const before = await targetsOf(tx, countyId, year);
    for (const t of targets) {
      const row = { ...t, threshold: t.threshold === null ? null : String(t.threshold), updatedBy: actor.userId };
      await tx
        .insert(indicatorTargets)
        .values({ countyId, year, ...row })
        .onConflictDoUpdate({
          target: [indicatorTargets.countyId, indicatorTargets.year, indicatorTargets.measure],
          set: { ...row, updatedAt: new Date() },
        });
    }
    const changed = targets
      .map((t) => ({ t, b: before.find((x) => x.measure === t.measure)! }))
      .filter(
        ({ t, b }) =>
          t.enabled !== b.enabled ||
          t.threshold !== b.threshold ||
          t.direction !== b.direction ||
          t.levels.join() !== b.levels.join(),
      )
      .map(({ t, b }) => ({ measure: t.measure, from: { ...b, isDefault: undefined }, to: t }));
    await recordAudit(tx, {
      actor,
      node: county,
      action: 'indicator.targets',
      entityType: 'indicator_targets',
      entityId: countyId,
      summary: { year, changed },
    });
  });
}

/** The months of a year that have begun (China time): all twelve of a past year, none of a future one. */
function monthsBegun(year: number): number {
  const now = chinaMonth();
  const [y, m] = [Number(now.slice(0, 4)), Number(now.slice(5, 7))];
  return year < y ? 12 : year > y ? 0 : m;
}

/** A rate in %, to four decimals: a tiny rate stays above zero (the page shows it as "<0.1%"). */
const ratio = (num: number, den: number | null) => (den ? Math.round((num / den) * 1_000_000) / 10_000 : null);

/** The value is on the good side of the target (any value is, without one). */
const meets = (t: Target, value: number) =>
  t.threshold === null || (t.direction === 'at_least' ? value >= t.threshold : value <= t.threshold);

function judge(t: Target, value: number | null, level: NodeLevel): IndicatorStatus {
  if (value === null) return 'no_data';
  if (!judgesAt(t, level)) return 'no_target';
  return meets(t, value) ? 'met' : 'missed';
}

/**
 * A measure judged at a lower level (each centre-month, each department) seen from above: the
 * total, and how many of the lower values meet the target (always, or only when judged).
 */
function fromBelow(
  t: Target,
  values: number[],
  level: NodeLevel,
  alwaysCount: boolean,
): Omit<IndicatorValue, 'measure' | 'threshold' | 'direction'> {
  const judged = judgesAt(t, level);
  const met = values.filter((v) => meets(t, v)).length;
  const total = values.reduce((a, b) => a + b, 0);
  return {
    value: total,
    numerator: total,
    denominator: null,
    status: !judged ? 'no_target' : values.length === 0 ? 'no_data' : met === values.length ? 'met' : 'missed',
    meeting: judged || alwaysCount ? { met, of: values.length } : null,
  };
}

/** Everything the values of a set of nodes need, read in a few queries. */
type Facts = {
  year: number;
  month: number | null;
  figures: Map<string, NodeFigures>;
  yearFigures: Map<string, NodeFigures>;
  lastYearFigures: Map<string, NodeFigures>;
  populations: Map<string, number>;
  lastPopulations: Map<string, number>;
  /** Centres under each node (itself for a centre), and what each held per month. */
  centresUnder: Map<string, string[]>;
  held: Map<string, number[]>;
  unitsUnder: Map<string, string[]>;
  unitSessions: Map<string, number>;
  unitPersonTimes: Map<string, number>;
  /** Each centre's staffing now (the teachers module's counts and norm). */
  staffing: Map<string, CentreStaff>;
  /** The year's survey rates under each node (the surveys module's counts and minimum sample). */
  rates: Map<string, SurveyRates>;
  /** Approved expenses of the year under each node, in fen (the funding module's ledger). */
  fundingSpent: Map<string, number>;
};

/** The longest path every node lies under ("/" when they are in different counties). */
function sharedPath(nodes: Node[]): string {
  if (nodes.length === 0) return '/';
  const parts = nodes[0].path.split('/').slice(1, -1);
  let n = parts.length;
  for (const node of nodes) while (n > 0 && !node.path.startsWith(`/${parts.slice(0, n).join('/')}/`)) n--;
  return n === 0 ? '/' : `/${parts.slice(0, n).join('/')}/`;
}

export async function gatherFacts(db: DbOrTx, nodes: Node[], year: number, month: number | null): Promise<Facts> {
  const ids = nodes.map((n) => n.id);
  const period = month ? monthPeriod(year, month) : yearPeriod(year);
  // Centres and units below the nodes asked for: read once under the path they all share (one
  // index range, however many nodes: a county's dashboard asks for its 400 centres), then split.
  const below = await db
    .select({ id: orgNodes.id, path: orgNodes.path, level: orgNodes.level })
    .from(orgNodes)
    .where(and(like(orgNodes.path, `${escapeLike(sharedPath(nodes))}%`), inArray(orgNodes.level, ['centre', 'unit'])));
  // Each centre and unit filed under every node on its path (a node's path ends with its own id).
  const filed = new Map<string, { centre: string[]; unit: string[] }>();
  for (const b of below)
    for (const id of b.path.split('/').filter(Boolean)) {
      const at = filed.get(id) ?? { centre: [], unit: [] };
      at[b.level as 'centre' | 'unit'].push(b.id);
      filed.set(id, at);
    }
  const centresUnder = new Map(nodes.map((n) => [n.id, filed.get(n.id)?.centre ?? []]));
  const unitsUnder = new Map(nodes.map((n) => [n.id, filed.get(n.id)?.unit ?? []]));
  const allCentres = [...new Set([...centresUnder.values()].flat())];
  const allUnits = [...new Set([...unitsUnder.values()].flat())];
  const periods = [period, yearPeriod(year), yearPeriod(year - 1)];
  const [rows, populations, lastPopulations, held, unitRows, staffing, rates, fundingSpent] = await Promise.all([
    nodeFigures(db, ids, [...new Set(periods)]),
    findPopulations(db, ids, year),
    findPopulations(db, ids, year - 1),
    heldByMonth(db, allCentres, year),
    unitFigures(db, allUnits, yearPeriod(year)),
    staffingOfCentres(db, allCentres),
    surveyRates(db, nodes, year),
    fundingSpentUnder(db, nodes, year),
  ]);
  const [figures, yearFigures, lastYearFigures] = periods.map(
    (p) => new Map(rows.filter((r) => r.period === p).map((r) => [r.nodeId, r])),
  );
  return {
    year,
    month,
    figures,
    yearFigures,
    lastYearFigures,
    populations,
    lastPopulations,
    centresUnder,
    held,
    unitsUnder,
    unitSessions: new Map(unitRows.map((u) => [u.unitId, u.activitiesHeld])),
    unitPersonTimes: new Map(unitRows.map((u) => [u.unitId, u.personTimes])),
    staffing,
    rates,
    fundingSpent,
  };
}

/** One measure's value at one node. */
function valueOf(t: Target, node: Node, f: Facts): IndicatorValue | null {
  const def = MEASURE_DEFS[t.measure];
  const base = { measure: t.measure, threshold: t.threshold, direction: t.direction, meeting: null };
  const plain = (value: number | null, numerator: number | null = value, denominator: number | null = null) => ({
    ...base,
    value,
    numerator,
    denominator,
    status: judge(t, value, node.level),
  });
  const fig = f.figures.get(node.id);
  const pop = f.populations.get(node.id) ?? null;

  if (def.source) return { ...plain(null, null), status: 'no_data' };
  switch (t.measure) {
    case 'awareness_rate':
    case 'approval_rate':
    case 'satisfaction_rate': {
      // Respondents under the node who chose a counting option of the marked question ÷ those who
      // answered it; below the county's minimum sample the rate is not judged.
      if (node.level === 'unit') return null;
      const r = f.rates.get(node.id);
      const c = r?.[t.measure.replace('_rate', '') as 'awareness' | 'approval' | 'satisfaction'];
      if (!r || !c || c.of === 0) return plain(null, null, null);
      if (c.of < r.minSample) return { ...plain(null, c.yes, c.of), status: 'small_sample' };
      return plain(ratio(c.yes, c.of), c.yes, c.of);
    }
    case 'participants':
      return node.level === 'unit' ? null : plain(fig?.participants ?? 0);
    case 'person_times':
      return node.level === 'unit' ? null : plain(fig?.personTimes ?? 0);
    case 'hours':
      return node.level === 'unit' ? null : plain(fig?.hours ?? 0);
    case 'participation_rate': {
      if (node.level === 'unit') return null;
      const reached = f.yearFigures.get(node.id)?.residentsReached ?? 0;
      if (pop === null) return { ...plain(null, reached, null), status: 'no_population' };
      return plain(ratio(reached, pop), reached, pop);
    }
    case 'participation_change': {
      if (node.level === 'unit') return null;
      const last = f.lastPopulations.get(node.id) ?? null;
      if (pop === null || last === null) return { ...plain(null, null, null), status: 'no_population' };
      const now = ratio(f.yearFigures.get(node.id)?.residentsReached ?? 0, pop)!;
      const before = ratio(f.lastYearFigures.get(node.id)?.residentsReached ?? 0, last)!;
      return plain(Math.round((now - before) * 100) / 100, now, before);
    }
    case 'activities_held': {
      if (node.level === 'unit') return null;
      const centres = f.centresUnder.get(node.id) ?? [];
      const months = f.month ? [f.month] : Array.from({ length: monthsBegun(f.year) }, (_, i) => i + 1);
      if (node.level === 'centre' && f.month) return plain(f.held.get(node.id)?.[f.month - 1] ?? 0);
      // A year at a centre, or any period above: the centre-months that met the target.
      const cells = centres.flatMap((c) => months.map((m) => f.held.get(c)?.[m - 1] ?? 0));
      return { ...base, ...fromBelow(t, cells, 'centre', true) };
    }
    case 'staffing': {
      // value: all the teachers counted; numerator: full-time; denominator: part-time. Judged
      // at each centre by its county's norm; above, how many centres meet it.
      if (node.level === 'unit') return null;
      const staff = (f.centresUnder.get(node.id) ?? []).flatMap((c) => f.staffing.get(c) ?? []);
      const fullTime = staff.reduce((a, s) => a + s.fullTime, 0);
      const partTime = staff.reduce((a, s) => a + s.partTime, 0);
      const counts = { value: fullTime + partTime, numerator: fullTime, denominator: partTime };
      const met = staff.filter((s) => s.met).length;
      const status: IndicatorStatus = !judgesAt(t, 'centre')
        ? 'no_target'
        : staff.length === 0
          ? 'no_data'
          : met === staff.length
            ? 'met'
            : 'missed';
      const meeting = node.level === 'centre' ? null : { met, of: staff.length };
      return { ...base, ...counts, status, meeting };
    }
    case 'funding_per_resident': {
      // Spent this year ÷ resident population, in yuan to the fen; numerator: spent in yuan.
      if (node.level === 'unit') return null;
      const fen = f.fundingSpent.get(node.id) ?? 0;
      if (pop === null) return { ...plain(null, fen / 100, null), status: 'no_population' };
      return plain(Math.round(fen / pop) / 100, fen / 100, pop);
    }
    case 'dept_sessions':
    case 'dept_person_times': {
      const per = t.measure === 'dept_sessions' ? f.unitSessions : f.unitPersonTimes;
      if (node.level === 'unit') return plain(per.get(node.id) ?? 0);
      if (node.level === 'centre') return null;
      const values = (f.unitsUnder.get(node.id) ?? []).map((u) => per.get(u) ?? 0);
      return { ...base, ...fromBelow(t, values, 'unit', false) };
    }
  }
  return null;
}

export const valuesOf = (targets: Target[], node: Node, f: Facts) =>
  targets.filter((t) => t.enabled).flatMap((t) => valueOf(t, node, f) ?? []);

/** The trend: each month's value of the count measures and of the participation rate. */
async function trendOf(
  db: DbOrTx,
  node: Node,
  year: number,
  population: number | null,
): Promise<IndicatorReport['trend']> {
  const months = Array.from({ length: 12 }, (_, i) => monthPeriod(year, i + 1));
  const rows = await nodeFigures(db, [node.id], months);
  const centreHeld = node.level === 'centre' ? rows.map((r) => r.activitiesHeld) : null;
  const out: IndicatorReport['trend'] = [
    { measure: 'participants', months: rows.map((r) => r.participants) },
    { measure: 'person_times', months: rows.map((r) => r.personTimes) },
    { measure: 'hours', months: rows.map((r) => r.hours) },
    {
      measure: 'participation_rate',
      months: rows.map((r) => (population ? ratio(r.residentsReached, population) : null)),
    },
  ];
  if (centreHeld) out.push({ measure: 'activities_held', months: centreHeld });
  return out;
}

/** The indicators of a node for a year or a month, the trend by month, and the grid below it. */
export async function findIndicators({ db, actor, query }: Ctx & { query: IndicatorQuery }): Promise<IndicatorReport> {
  const node = await loadNodeFor(db, query.nodeId, (n) => canReadIndicators(actor, n));
  const me = node as Node;
  const countyId = node.path.split('/')[1];
  const month = query.month ?? null;
  // The grid: the towns of a county, or the centres and units of a town.
  const children = (await db
    .select(nodeBrief)
    .from(orgNodes)
    .where(
      and(
        eq(orgNodes.parentId, node.id),
        me.level === 'county' ? eq(orgNodes.level, 'town') : ne(orgNodes.level, 'county'),
      ),
    )
    .orderBy(asc(orgNodes.sortOrder), asc(orgNodes.name))) as Node[];
  const [targets, facts, reached, tagDefs] = await Promise.all([
    targetsOf(db, countyId, query.year),
    gatherFacts(db, [me, ...children], query.year, month),
    groupFigures(db, node.id, month ? monthPeriod(query.year, month) : yearPeriod(query.year)),
    ensureTagDefs(db, countyId),
  ]);
  // Every group of the county, in its order, with how many of it took part (counts, never names).
  const count = new Map(reached.map((g) => [g.tag, g.residentsReached]));
  const groups = tagDefs.map((d) => ({ tag: d.code, label: d.label, residentsReached: count.get(d.code) ?? 0 }));
  const population = facts.populations.get(node.id) ?? null;
  return {
    node: { id: me.id, name: me.name, level: me.level },
    countyId,
    year: query.year,
    month,
    population,
    values: valuesOf(targets, me, facts),
    trend: await trendOf(db, me, query.year, population),
    children: children.map((c) => ({
      node: { id: c.id, name: c.name, level: c.level },
      population: facts.populations.get(c.id) ?? null,
      values: valuesOf(targets, c, facts),
    })),
    groups,
  };
}
