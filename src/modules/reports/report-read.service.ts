import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { orgNodes } from '../../server/db/tree.table';
import { loadNodeFor, nodeBrief, type NodeBrief } from '../../server/tree-scope';
import type { Ctx } from '../../server/types';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/app-error';
import { formatDateTime } from '../../shared/china-time';
import type { NodeLevel } from '../../shared/roles';
import { calendarOf, dayAfter, isPastDay, thisMonth, timingOf, yearMonths, type Calendar } from './report-calendar';
import { changedSignIns, computeFigures } from './report-figures';
import {
  monthKey,
  monthNumber,
  type Figures,
  type Overview,
  type Report,
  type ReportBrief,
  type ReportRate,
  type ReportStatus,
} from './reports.contract';
import { canReadReports, canReviewReport, canWriteReport, reportsAt } from './reports.policy';
import { monthlyReports } from './reports.table';

export type ReportRow = typeof monthlyReports.$inferSelect;

export const countyOf = (node: { path: string }) => node.path.split('/')[1];
export const asNode = (n: NodeBrief) => ({ id: n.id, name: n.name, level: n.level as NodeLevel });

/** A node the actor may read reports of, or NOT_FOUND. */
export const loadReportNode = (db: DbOrTx, actor: Actor, nodeId: string) =>
  loadNodeFor(db, nodeId, (n) => canReadReports(actor, n));

/** A centre or town whose report the actor may read, or NOT_FOUND. */
export const loadReportingNode = (db: DbOrTx, actor: Actor, nodeId: string) =>
  loadNodeFor(db, nodeId, (n) => reportsAt(n) && canReadReports(actor, n));

/** The nodes that report to this one: a county's towns, a town's centres. */
export async function reportingChildren(db: DbOrTx, node: NodeBrief): Promise<NodeBrief[]> {
  const level = node.level === 'county' ? 'town' : node.level === 'town' ? 'centre' : null;
  if (!level) return [];
  return db
    .select(nodeBrief)
    .from(orgNodes)
    .where(and(eq(orgNodes.parentId, node.id), eq(orgNodes.level, level)))
    .orderBy(asc(orgNodes.name));
}

export async function reportRows(db: DbOrTx, nodeIds: string[], months: number[]): Promise<ReportRow[]> {
  if (!nodeIds.length || !months.length) return [];
  return db
    .select()
    .from(monthlyReports)
    .where(and(inArray(monthlyReports.nodeId, nodeIds), inArray(monthlyReports.month, months)));
}

export async function reportRow(db: DbOrTx, nodeId: string, month: number): Promise<ReportRow | undefined> {
  const [row] = await reportRows(db, [nodeId], [month]);
  return row;
}

/** The nodes whose records a report counts: a centre itself; a town itself and its accepted centres. */
export async function reportScope(db: DbOrTx, node: NodeBrief, month: number) {
  if (node.level !== 'town') return { nodeIds: [node.id], included: [], all: [node.id] };
  const centres = await reportingChildren(db, node);
  const rows = await reportRows(
    db,
    centres.map((c) => c.id),
    [month],
  );
  const accepted = new Set(rows.filter((r) => r.status === 'accepted').map((r) => r.nodeId));
  const included = centres.filter((c) => accepted.has(c.id)).map((c) => ({ id: c.id, name: c.name }));
  return {
    nodeIds: [node.id, ...included.map((c) => c.id)],
    included,
    all: [node.id, ...centres.map((c) => c.id)],
  };
}

export async function liveFigures(db: DbOrTx, node: NodeBrief, month: number): Promise<Figures> {
  const scope = await reportScope(db, node, month);
  return computeFigures(db, countyOf(node), scope.nodeIds, { from: month, to: month }, scope.included);
}

const iso = (d: Date | null) => (d ? formatDateTime(d) : null);

export function brief(node: NodeBrief, month: number, row: ReportRow | undefined, cal: Calendar): ReportBrief {
  return {
    node: asNode(node),
    month: monthKey(month),
    status: (row?.status as ReportStatus | undefined) ?? null,
    timing: timingOf(row, month, cal),
    submittedAt: iso(row?.submittedAt ?? null),
    resubmissions: row?.resubmissions ?? 0,
    rate: null,
  };
}

/** The briefs of these nodes' reports for one month. */
async function briefsOf(db: DbOrTx, nodes: NodeBrief[], month: number, cal: Calendar): Promise<ReportBrief[]> {
  const rows = new Map(
    (
      await reportRows(
        db,
        nodes.map((n) => n.id),
        [month],
      )
    ).map((r) => [r.nodeId, r]),
  );
  return nodes.map((n) => brief(n, month, rows.get(n.id), cal));
}

function sumRates(rates: ReportRate[]): ReportRate {
  const sum: ReportRate = { total: 0, on_time: 0, late: 0, missing: 0, pending: 0, not_required: 0 };
  for (const r of rates) for (const k of Object.keys(sum) as (keyof ReportRate)[]) sum[k] += r[k];
  return sum;
}

/** How these reports stand; a report not required is counted apart, never in the total. */
function rateOf(briefs: ReportBrief[]): ReportRate {
  const rate: ReportRate = { total: 0, on_time: 0, late: 0, missing: 0, pending: 0, not_required: 0 };
  for (const b of briefs) {
    rate[b.timing] += 1;
    if (b.timing !== 'not_required') rate.total += 1;
  }
  return rate;
}

/** The reports of a node for a month: its own (and its year), those from below, the reporting rate. */
export async function findOverview({ db, actor, nodeId, month: key }: Ctx & { nodeId: string; month: string }) {
  const node = await loadReportNode(db, actor, nodeId);
  const month = monthNumber(key);
  const cal = await calendarOf(db, countyOf(node));
  const deadline = dayAfter(month, cal.deadlineDay);
  const year = Math.floor(month / 100);
  const own = reportsAt(node) ? await reportRows(db, [node.id], yearMonths(year, 0, new Set())) : [];
  const byMonth = new Map(own.map((r) => [r.month, r]));
  const children = await reportingChildren(db, node);
  const childBriefs = await Promise.all(
    (await briefsOf(db, children, month, cal)).map(async (b, i) =>
      children[i].level === 'town'
        ? { ...b, rate: rateOf(await briefsOf(db, await reportingChildren(db, children[i]), month, cal)) }
        : b,
    ),
  );
  const overview: Overview = {
    node: asNode(node),
    month: key,
    deadline,
    own: reportsAt(node) ? brief(node, month, byMonth.get(month), cal) : null,
    // The months from the start (and any earlier one that has a report): a table of grey 无需报送 rows
    // before the county took up reporting would only hide the months that count.
    year: reportsAt(node)
      ? yearMonths(year, cal.start, new Set(byMonth.keys())).map((m) => brief(node, m, byMonth.get(m), cal))
      : [],
    children: childBriefs,
    rate: rateOf(childBriefs),
    centresRate: node.level === 'county' ? sumRates(childBriefs.map((b) => b.rate!)) : null,
  };
  return overview;
}

/** A monthly report as its reader sees it: live figures beside the frozen ones, what changed since. */
export async function getReport({ db, actor, nodeId, month: key }: Ctx & { nodeId: string; month: string }) {
  const node = await loadReportingNode(db, actor, nodeId);
  const month = monthNumber(key);
  const cal = await calendarOf(db, countyOf(node));
  const row = await reportRow(db, node.id, month);
  const scope = await reportScope(db, node, month);
  const deadline = dayAfter(month, cal.deadlineDay);
  const lockDate = dayAfter(month, cal.lockDay);
  const live = await computeFigures(db, countyOf(node), scope.nodeIds, { from: month, to: month }, scope.included);
  const report: Report = {
    node: asNode(node),
    month: key,
    status: (row?.status as ReportStatus | undefined) ?? null,
    timing: timingOf(row, month, cal),
    body: row?.body ?? '',
    live,
    frozen: (row?.figures as Figures | null) ?? null,
    changedSignIns: row?.submittedAt ? await changedSignIns(db, scope.all, month, row.submittedAt) : 0,
    deadline,
    lockDate,
    locked: !!row && ['submitted', 'accepted'].includes(row.status) && !row.unlocked && isPastDay(lockDate),
    unlocked: row?.unlocked ?? false,
    unlockReason: row?.unlockReason ?? null,
    late: row?.late ?? false,
    resubmissions: row?.resubmissions ?? 0,
    submittedAt: iso(row?.submittedAt ?? null),
    reviewedAt: iso(row?.reviewedAt ?? null),
    reviewComment: row?.reviewComment ?? null,
    can: { write: canWriteReport(actor, node), review: canReviewReport(actor, node) },
  };
  return report;
}

/** A month that has not begun cannot be reported. */
export function refuseFutureMonth(month: number) {
  if (month > thisMonth())
    throw new AppError('CONFLICT', {
      detail: '该月尚未开始，不能报送',
      detailEn: 'this month has not begun and cannot be reported',
    });
}
