import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../server/audit';
import type { DbOrTx } from '../../server/db/client';
import type { NodeBrief } from '../../server/tree-scope';
import type { Ctx } from '../../server/types';
import type { Actor } from '../../shared/actor';
import { AppError, fieldError, forbidden } from '../../shared/app-error';
import { dayAfter, isPastDay, nextMonth, settingsOf, thisMonth } from './report-calendar';
import { countyOf, liveFigures, loadReportingNode, refuseFutureMonth, reportRow } from './report-read.service';
import { monthNumber, type ReportSettings } from './reports.contract';
import { canReviewReport, canWriteReport } from './reports.policy';
import { monthlyReports, reportSettings } from './reports.table';

type Target = Ctx & { nodeId: string; month: string };

const wrongState = (detail: string, detailEn: string) => new AppError('CONFLICT', { detail, detailEn });

/** The node, checked with `may`; refused with 403 when the actor reads but may not act. */
async function actOn(db: DbOrTx, actor: Actor, nodeId: string, may: (a: Actor, n: NodeBrief) => boolean) {
  const node = await loadReportingNode(db, actor, nodeId);
  if (!may(actor, node)) throw forbidden();
  return node;
}

const audit = (
  db: DbOrTx,
  actor: Actor,
  node: NodeBrief,
  action: string,
  id: string,
  summary: Record<string, unknown>,
) => recordAudit(db, { actor, node, action, entityType: 'monthly_report', entityId: id, summary });

/** Saves the text of the node's own report while it is a draft or returned. */
export async function saveReport({ db, actor, nodeId, month: key, body }: Target & { body: string }) {
  const node = await actOn(db, actor, nodeId, canWriteReport);
  const month = monthNumber(key);
  await db.transaction(async (tx) => {
    const row = await reportRow(tx, node.id, month);
    if (row && !['draft', 'returned'].includes(row.status))
      throw wrongState(
        '已报送的月报不能直接修改，请重新报送',
        'a submitted report cannot be edited; resubmit it instead',
      );
    const [saved] = await tx
      .insert(monthlyReports)
      .values({ countyId: countyOf(node), nodeId: node.id, month, body })
      .onConflictDoUpdate({
        target: [monthlyReports.nodeId, monthlyReports.month],
        set: { body, updatedAt: new Date() },
      })
      .returning({ id: monthlyReports.id });
    await audit(tx, actor, node, 'report.save', saved.id, { month: key, length: body.length });
  });
}

/** Submits (or resubmits) the report: the figures are frozen as they are now; lateness is judged once. */
export async function submitReport({ db, actor, nodeId, month: key, body }: Target & { body: string }) {
  const node = await actOn(db, actor, nodeId, canWriteReport);
  const month = monthNumber(key);
  refuseFutureMonth(month);
  const { deadlineDay } = await settingsOf(db, countyOf(node));
  await db.transaction(async (tx) => {
    const row = await reportRow(tx, node.id, month);
    const figures = await liveFigures(tx, node, month);
    const late = row?.firstSubmittedAt ? row.late : isPastDay(dayAfter(month, deadlineDay));
    const set = {
      status: 'submitted',
      body,
      figures,
      submittedAt: sql`now()`,
      firstSubmittedAt: sql`coalesce(${monthlyReports.firstSubmittedAt}, now())`,
      submittedBy: actor.userId,
      reviewedAt: null,
      reviewedBy: null,
      late,
      resubmissions: row?.firstSubmittedAt ? row.resubmissions + 1 : 0,
      updatedAt: new Date(),
    };
    const [saved] = await tx
      .insert(monthlyReports)
      .values({ countyId: countyOf(node), nodeId: node.id, month, ...set, firstSubmittedAt: sql`now()` })
      .onConflictDoUpdate({ target: [monthlyReports.nodeId, monthlyReports.month], set })
      .returning({ id: monthlyReports.id });
    await audit(tx, actor, node, row?.firstSubmittedAt ? 'report.resubmit' : 'report.submit', saved.id, {
      month: key,
      late,
      figures: { sessions: figures.sessions, participants: figures.participants, personTimes: figures.personTimes },
    });
  });
}

/** The level above accepts a submitted report, or returns it with a comment. */
export async function reviewReport({
  db,
  actor,
  nodeId,
  month: key,
  decision,
  comment,
}: Target & { decision: 'accept' | 'return'; comment: string | null }) {
  const node = await actOn(db, actor, nodeId, canReviewReport);
  if (decision === 'return' && !comment)
    throw fieldError('comment', '退回时请写明原因', 'Say why the report is returned');
  await db.transaction(async (tx) => {
    const row = await reportRow(tx, node.id, monthNumber(key));
    if (row?.status !== 'submitted')
      throw wrongState('只有已报送、待审核的月报可以审核', 'only a submitted report awaiting review can be reviewed');
    // Only while it is still submitted: of two reviewers at once, the second finds nothing to review.
    const [done] = await tx
      .update(monthlyReports)
      .set({
        status: decision === 'accept' ? 'accepted' : 'returned',
        reviewedAt: new Date(),
        reviewedBy: actor.userId,
        reviewComment: comment,
        updatedAt: new Date(),
      })
      .where(and(eq(monthlyReports.id, row.id), eq(monthlyReports.status, 'submitted')))
      .returning({ id: monthlyReports.id });
    if (!done)
      throw wrongState('该月报刚刚有了变化，请刷新后再审核', 'the report has just changed; reload it and review again');
    await audit(tx, actor, node, `report.${decision}`, row.id, { month: key, comment });
  });
}

/** The level above unlocks a submitted month's records (a reason is required), or locks them again. */
export async function setMonthLock({
  db,
  actor,
  nodeId,
  month: key,
  unlock,
  reason,
}: Target & { unlock: boolean; reason: string | null }) {
  const node = await actOn(db, actor, nodeId, canReviewReport);
  if (unlock && !reason) throw fieldError('reason', '解锁时请写明原因', 'Give the reason for unlocking');
  await db.transaction(async (tx) => {
    const row = await reportRow(tx, node.id, monthNumber(key));
    if (!row || !['submitted', 'accepted'].includes(row.status))
      throw wrongState(
        '该月的月报尚未报送，记录未锁定',
        'this month’s report is not submitted; its records are not locked',
      );
    await tx
      .update(monthlyReports)
      .set({ unlocked: unlock, unlockReason: unlock ? reason : null, updatedAt: new Date() })
      .where(and(eq(monthlyReports.id, row.id)));
    await audit(tx, actor, node, unlock ? 'report.unlock' : 'report.relock', row.id, { month: key, reason });
  });
}

/**
 * Sets a county's deadline and lock days (the lock day cannot come before the deadline) and its
 * start month: from January 2000 to next month at the latest (null: as calendarOf says).
 */
export async function saveReportSettings(db: DbOrTx, actor: Actor, county: NodeBrief, input: ReportSettings) {
  if (input.lockDay < input.deadlineDay)
    throw fieldError('lockDay', '锁定日不能早于报送截止日', 'The lock day cannot come before the deadline day');
  const startMonth = input.startMonth === null ? null : monthNumber(input.startMonth);
  if (startMonth !== null && startMonth < 200001)
    throw fieldError('startMonth', '起报月份不能早于 2000 年 1 月', 'The start month cannot be before January 2000');
  if (startMonth !== null && startMonth > nextMonth(thisMonth()))
    throw fieldError('startMonth', '起报月份最晚为下个月', 'The start month can be next month at the latest');
  const values = { deadlineDay: input.deadlineDay, lockDay: input.lockDay, startMonth };
  await db.transaction(async (tx) => {
    const before = await settingsOf(tx, county.id);
    await tx
      .insert(reportSettings)
      .values({ countyId: county.id, ...values, updatedBy: actor.userId })
      .onConflictDoUpdate({
        target: reportSettings.countyId,
        set: { ...values, updatedBy: actor.userId, updatedAt: new Date() },
      });
    await recordAudit(tx, {
      actor,
      node: county,
      action: 'report.settings',
      entityType: 'report_settings',
      entityId: county.id,
      summary: { from: before, to: input },
    });
  });
}
