import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../server/audit';
import type { DbOrTx } from '../../server/db/client';
import type { NodeBrief } from '../../server/tree-scope';
import type { Ctx } from '../../server/types';
import { AppError, forbidden } from '../../shared/app-error';
import { formatDateTime } from '../../shared/china-time';
import { calendarOf, thisMonth, yearMonths } from './report-calendar';
import { computeFigures } from './report-figures';
import { asNode, brief, countyOf, loadReportingNode, reportingChildren, reportRows } from './report-read.service';
import type { Figures, Summary } from './reports.contract';
import { canWriteReport } from './reports.policy';
import { annualSummaries } from './reports.table';

type Target = Ctx & { nodeId: string; year: number };

/** The year's figures of a centre, or of a town with all its centres. */
async function yearFigures(db: DbOrTx, node: NodeBrief, year: number): Promise<Figures> {
  const below = node.level === 'town' ? await reportingChildren(db, node) : [];
  return computeFigures(db, countyOf(node), [node.id, ...below.map((c) => c.id)], {
    from: year * 100 + 1,
    to: year * 100 + 12,
  });
}

async function summaryRow(db: DbOrTx, nodeId: string, year: number) {
  const [row] = await db
    .select()
    .from(annualSummaries)
    .where(and(eq(annualSummaries.nodeId, nodeId), eq(annualSummaries.year, year)));
  return row;
}

/** The annual summary (年度总结): the year's figures, the text, and how each month was reported. */
export async function getSummary({ db, actor, nodeId, year }: Target): Promise<Summary> {
  const node = await loadReportingNode(db, actor, nodeId);
  const row = await summaryRow(db, node.id, year);
  const cal = await calendarOf(db, countyOf(node));
  const rows = new Map((await reportRows(db, [node.id], yearMonths(year, 0, new Set()))).map((r) => [r.month, r]));
  return {
    node: asNode(node),
    year,
    status: (row?.status as 'draft' | 'submitted' | undefined) ?? null,
    body: row?.body ?? '',
    live: await yearFigures(db, node, year),
    frozen: (row?.figures as Figures | null) ?? null,
    submittedAt: row?.submittedAt ? formatDateTime(row.submittedAt) : null,
    months: yearMonths(year, cal.start, new Set(rows.keys())).map((m) => brief(node, m, rows.get(m), cal)),
    can: { write: canWriteReport(actor, node) },
  };
}

/** Saves the summary's text; with `submit`, freezes the year's figures as they are now. */
export async function saveSummary({
  db,
  actor,
  nodeId,
  year,
  body,
  submit,
}: Target & { body: string; submit: boolean }) {
  const node = await loadReportingNode(db, actor, nodeId);
  if (!canWriteReport(actor, node)) throw forbidden();
  if (year * 100 + 1 > thisMonth())
    throw new AppError('CONFLICT', { detail: '该年度尚未开始', detailEn: 'this year has not begun' });
  await db.transaction(async (tx) => {
    const set = submit
      ? {
          body,
          status: 'submitted',
          figures: await yearFigures(tx, node, year),
          submittedAt: new Date(),
          submittedBy: actor.userId,
          updatedAt: new Date(),
        }
      : { body, updatedAt: new Date() };
    const [saved] = await tx
      .insert(annualSummaries)
      .values({ countyId: countyOf(node), nodeId: node.id, year, ...set })
      .onConflictDoUpdate({ target: [annualSummaries.nodeId, annualSummaries.year], set })
      .returning({ id: annualSummaries.id });
    await recordAudit(tx, {
      actor,
      node,
      action: submit ? 'summary.submit' : 'summary.save',
      entityType: 'annual_summary',
      entityId: saved.id,
      summary: { year, length: body.length },
    });
  });
}
