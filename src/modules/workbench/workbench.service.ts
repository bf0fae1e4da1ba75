import { and, asc, eq, inArray, like } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../server/db/client';
import { orgNodes } from '../../server/db/tree.table';
import { escapeLike, loadNodeFor, nodeBrief, type NodeBrief } from '../../server/tree-scope';
import type { Ctx } from '../../server/types';
import { collectWaiting } from '../../server/waiting';
import { holdsRoleOver, reachOf, reachPaths, type Actor } from '../../shared/actor';
import { chinaInstant, chinaToday, chinaWeekday, formatDate } from '../../shared/china-time';
import { hidden } from '../../shared/app-error';
import type { NodeLevel } from '../../shared/roles';
import { ACTIVITY_READER_ROLES, pageActivityFacts } from '../activities';
import { findIndicators, MEASURE_DEFS, type IndicatorReport } from '../indicators';
import { heldByMonth } from '../stats';
import type { Workbench, WorkbenchActivity, WorkbenchQuery } from './workbench.contract';
import { numbersOnly, quickActionsAt, WORKBENCH_ROLES } from './workbench.policy';

const DAY_MS = 86_400_000;
/** The week's list shows at most this many activities (the count says how many there are). */
const WEEK_LIST_MAX = 100;

/** yyyy-mm-dd `days` after `date` (calendar arithmetic, no time zone involved). */
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const toBrief = (n: NodeBrief) => ({ id: n.id, name: n.name, level: n.level as NodeLevel });

/**
 * The actor as they stand at `node`: their roles over it held on the node itself, and their roles
 * below it as they are. What waits for them and the week's activities are then the node's.
 */
function actorAt(actor: Actor, node: NodeBrief): Actor {
  const scopes = actor.scopes.flatMap((s) =>
    node.path.startsWith(reachOf(s))
      ? [{ ...s, nodeId: node.id, nodeName: node.name, path: node.path }]
      : s.path.startsWith(node.path)
        ? [s]
        : [],
  );
  return { ...actor, scopes };
}

/** The nodes the actor holds a role on, highest first. */
async function scopeNodes(db: DbOrTx, actor: Actor): Promise<NodeBrief[]> {
  const ids = [...new Set(actor.scopes.map((s) => s.nodeId))];
  if (!ids.length) return [];
  return db
    .select(nodeBrief)
    .from(orgNodes)
    .where(inArray(orgNodes.id, ids))
    .orderBy(asc(orgNodes.depth), asc(orgNodes.sortOrder), asc(orgNodes.name));
}

const town = alias(orgNodes, 'town');

/**
 * The centres at or below the node that have not held their activities this month so far: each
 * centre's activities held (the kept statistics indicators read) against the county's target.
 */
async function missedCentres(
  db: DbOrTx,
  node: NodeBrief,
  report: IndicatorReport,
  month: number,
): Promise<Workbench['missedCentres']> {
  const target = report.values.find((v) => v.measure === 'activities_held');
  const judged = !!target && (target.status === 'met' || target.status === 'missed') && target.threshold !== null;
  const centres = await db
    .select({ id: orgNodes.id, name: orgNodes.name, townName: town.name })
    .from(orgNodes)
    .leftJoin(town, eq(town.id, orgNodes.parentId))
    .where(and(eq(orgNodes.level, 'centre'), like(orgNodes.path, `${escapeLike(node.path)}%`)))
    .orderBy(asc(town.sortOrder), asc(town.name), asc(orgNodes.sortOrder), asc(orgNodes.name));
  if (!judged) return { judged: false, threshold: target?.threshold ?? null, centres: [], of: centres.length };
  const held = await heldByMonth(
    db,
    centres.map((c) => c.id),
    report.year,
  );
  const threshold = target.threshold!;
  const meets = (n: number) => (target.direction === 'at_least' ? n >= threshold : n <= threshold);
  const missed = centres.map((c) => ({ ...c, held: held.get(c.id)?.[month - 1] ?? 0 })).filter((c) => !meets(c.held));
  return { judged: true, threshold, centres: missed, of: centres.length };
}

/** Today's and this week's (Monday to Sunday, China time) activities the actor reads, not cancelled. */
async function weekActivities(db: DbOrTx, actor: Actor, today: string): Promise<Workbench['activities']> {
  const monday = addDays(today, 1 - chinaWeekday(today));
  const { items, total } = await pageActivityFacts(db, {
    paths: reachPaths(actor, ACTIVITY_READER_ROLES),
    startsFrom: new Date(chinaInstant(monday)),
    startsBefore: new Date(chinaInstant(addDays(monday, 7))),
    page: 1,
    pageSize: WEEK_LIST_MAX,
  });
  const week = items.map((a): WorkbenchActivity => ({
    id: a.id,
    title: a.title,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    centreId: a.centreId,
    centreName: a.centreName,
    place: a.place,
    status: a.status,
  }));
  return { today: week.filter((a) => formatDate(a.startsAt) === today), week, weekTotal: total };
}

/**
 * The workbench (工作台) of one of the user's nodes (default: the highest they hold): what waits
 * for them there, the node's indicators this month, the centres behind on their activities, the
 * week's activities and the quick actions of their roles. A leader gets the numbers only.
 */
export async function getWorkbench({ db, actor, query }: Ctx & { query: WorkbenchQuery }): Promise<Workbench> {
  const nodes = await scopeNodes(db, actor);
  const nodeId = query.nodeId ?? nodes[0]?.id;
  if (!nodeId) throw hidden();
  const node = await loadNodeFor(db, nodeId, (n) => holdsRoleOver(actor, WORKBENCH_ROLES, n.path));
  const today = chinaToday();
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const here = actorAt(actor, node);
  const leader = numbersOnly(actor, node);
  // Three independent reads, side by side (on a PostgreSQL server each takes its own connection).
  const [[report, missed], activities, waiting] = await Promise.all([
    findIndicators({ db, actor, query: { nodeId: node.id, year, month } }).then(
      async (r) => [r, await missedCentres(db, node, r, month)] as const,
    ),
    weekActivities(db, here, today),
    leader ? null : collectWaiting({ db, actor: here }),
  ]);
  return {
    node: toBrief(node),
    nodes: nodes.map(toBrief),
    numbersOnly: leader,
    today,
    year,
    month,
    week: { from: addDays(today, 1 - chinaWeekday(today)), to: addDays(today, 7 - chinaWeekday(today)) },
    waiting: waiting?.map((w) => ({ ...w, due: w.due ?? null })) ?? null,
    indicators: report.values.map((v) => ({
      ...v,
      label: MEASURE_DEFS[v.measure].label,
      unit: MEASURE_DEFS[v.measure].unit,
    })),
    missedCentres: missed,
    activities,
    actions: leader ? [] : quickActionsAt(actor, node),
  };
}
