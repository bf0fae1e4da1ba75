import { and, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { auditChange, diffFields } from '../../server/audit';
import type { DbOrTx } from '../../server/db/client';
import { readPage } from '../../server/db/page';
import { orgNodes } from '../../server/db/tree.table';
import {
  escapeLike,
  loadNodeFor,
  loadNodeToWrite,
  loadRowOnNode,
  underAnyPath,
  type NodeBrief,
} from '../../server/tree-scope';
import type { Ctx } from '../../server/types';
import { reachPaths, type Actor } from '../../shared/actor';
import { AppError, fieldError, forbidden } from '../../shared/app-error';
import { chinaToday } from '../../shared/china-time';
import { userNames } from '../accounts';
import { findActivityFacts } from '../activities';
import { fileFacts, filesByIds, toStoredFile } from '../files';
import { canReadBank, teacherFeeFacts, teachingFeeRefusal } from '../teachers';
import type { Expense, ExpenseDetail, ExpenseFields, ExpenseQuery, ExpenseReview } from './funding.contract';
import { canReadFunding, canRecordExpense, canReviewExpense, FUNDING_READER_ROLES } from './funding.policy';
import { fundingExpenses } from './funding.table';
import { inYear } from './funding.service';
import { yuanText } from './money';

// Expenses (经费支出): recorded by a centre manager for the centre or by the town office, approved
// or rejected by the town office, never by whoever recorded them. A teaching fee is paid only as
// the teacher bank's fee rule allows.

type ExpenseRow = typeof fundingExpenses.$inferSelect;

const recorder = userNames('expense_recorder');
const reviewer = userNames('expense_reviewer');

/** SQL: an expense whose node lies in the actor's reach. */
const readable = (actor: Actor): SQL => underAnyPath(orgNodes.path, reachPaths(actor, FUNDING_READER_ROLES));

const columns = {
  row: fundingExpenses,
  node: { id: orgNodes.id, name: orgNodes.name, path: orgNodes.path, level: orgNodes.level },
  recordedByName: recorder.displayName,
  reviewedByName: reviewer.displayName,
};

type Selected = { row: ExpenseRow; node: NodeBrief; recordedByName: string | null; reviewedByName: string | null };

/** The titles of the activities the rows served (the activities module's facts). */
async function activityTitles(db: DbOrTx, rows: Selected[]): Promise<Map<string, string>> {
  const ids = rows.flatMap((r) => (r.row.activityId ? [r.row.activityId] : []));
  return new Map((await findActivityFacts(db, ids)).map((a) => [a.id, a.title]));
}

function toExpense(actor: Actor, r: Selected, titles: Map<string, string>): Expense {
  const x = r.row;
  return {
    id: x.id,
    nodeId: x.nodeId,
    nodeName: r.node.name,
    nodeLevel: r.node.level as Expense['nodeLevel'],
    category: x.category as Expense['category'],
    teacherId: x.teacherId,
    payee: x.payee,
    amountFen: x.amountFen,
    spentOn: x.spentOn,
    description: x.description,
    activityId: x.activityId,
    activityTitle: x.activityId ? (titles.get(x.activityId) ?? null) : null,
    hasInvoice: x.invoiceFileId !== null,
    status: x.status as Expense['status'],
    recordedById: x.recordedBy,
    recordedByName: r.recordedByName,
    recordedAt: x.recordedAt.toISOString(),
    reviewedByName: r.reviewedByName,
    reviewedAt: x.reviewedAt?.toISOString() ?? null,
    reviewNote: x.reviewNote,
    canReview: x.status === 'recorded' && canReviewExpense(actor, r.node, x.recordedBy),
  };
}

function selectExpenses(db: DbOrTx) {
  return db
    .select(columns)
    .from(fundingExpenses)
    .innerJoin(orgNodes, eq(orgNodes.id, fundingExpenses.nodeId))
    .leftJoin(recorder, eq(recorder.id, fundingExpenses.recordedBy))
    .leftJoin(reviewer, eq(reviewer.id, fundingExpenses.reviewedBy));
}

export async function findExpenses({ db, actor, query }: Ctx & { query: ExpenseQuery }) {
  const conds = [readable(actor)];
  if (query.nodeId) {
    const n = await loadNodeFor(db, query.nodeId, (n) => canReadFunding(actor, n));
    conds.push(sql`${orgNodes.path} like ${`${escapeLike(n.path)}%`}`);
  }
  if (query.year) conds.push(inYear(query.year));
  if (query.category) conds.push(eq(fundingExpenses.category, query.category));
  if (query.status) conds.push(eq(fundingExpenses.status, query.status));
  if (query.q) {
    const q = `%${escapeLike(query.q)}%`;
    conds.push(or(ilike(fundingExpenses.payee, q), ilike(fundingExpenses.description, q))!);
  }
  const where = and(...conds);
  const [{ total, rows }, [totals]] = await Promise.all([
    readPage(
      db,
      selectExpenses(db).where(where).$dynamic(),
      [desc(fundingExpenses.spentOn), desc(fundingExpenses.recordedAt), desc(fundingExpenses.id)],
      query,
    ),
    db
      .select({
        all: sql<string>`coalesce(sum(${fundingExpenses.amountFen}), 0)`,
        approved: sql<string>`coalesce(sum(${fundingExpenses.amountFen}) filter (where ${fundingExpenses.status} = 'approved'), 0)`,
      })
      .from(fundingExpenses)
      .innerJoin(orgNodes, eq(orgNodes.id, fundingExpenses.nodeId))
      .where(where),
  ]);
  const titles = await activityTitles(db, rows);
  return {
    items: rows.map((r) => toExpense(actor, r, titles)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    totals: { amountFen: Number(totals.all), approvedFen: Number(totals.approved) },
  };
}

/** The expense with its node, or NOT_FOUND outside the actor's reach. */
async function loadExpense(db: DbOrTx, actor: Actor, id: string) {
  return loadRowOnNode(db, fundingExpenses, fundingExpenses.nodeId, id, (n) => canReadFunding(actor, n));
}

export async function getExpense({ db, actor, id }: Ctx & { id: string }): Promise<ExpenseDetail> {
  await loadExpense(db, actor, id);
  const [r] = await selectExpenses(db).where(eq(fundingExpenses.id, id));
  const [file] = r.row.invoiceFileId ? await filesByIds(db, [r.row.invoiceFileId]) : [];
  const teacher = r.row.teacherId ? await teacherFeeFacts(db, r.row.teacherId) : null;
  const e = toExpense(actor, r, await activityTitles(db, [r]));
  return {
    ...e,
    invoice: file ? toStoredFile(file) : null,
    teacherName: teacher?.name ?? null,
    permissions: { update: e.status === 'recorded' && canRecordExpense(actor, r.node), review: e.canReview },
    updatedAt: r.row.updatedAt.toISOString(),
  };
}

/** The node, teacher, activity and invoice of an expense, checked; the payee it is paid to. */
async function checkExpense(
  tx: DbOrTx,
  actor: Actor,
  input: ExpenseFields,
): Promise<{ node: NodeBrief; payee: string }> {
  const node = await loadNodeToWrite(
    tx,
    input.nodeId,
    { mayRead: (n) => canReadFunding(actor, n), mayWrite: (n) => canRecordExpense(actor, n) },
    ['town', 'centre'],
    { field: 'nodeId', zh: '经费支出记在镇（街道）或学习中心', en: 'An expense belongs to a town or a centre' },
  );
  if (input.spentOn > chinaToday())
    throw fieldError('spentOn', '支出日期不能晚于今天', 'The date cannot be in the future');
  let payee = input.payee?.trim() ?? '';
  if (input.category === 'teaching_fee') {
    if (!input.teacherId)
      throw fieldError(
        'teacherId',
        '授课费请从师资库选择授课教师',
        'A teaching fee names its teacher from the teacher bank',
      );
    const t = await teacherFeeFacts(tx, input.teacherId);
    if (!t || !canReadBank(actor, { path: t.bankPath }))
      throw fieldError(
        'teacherId',
        '找不到该教师，或不在您可查看的师资库中',
        'Teacher not found, or not in a bank you may read',
      );
    const why = teachingFeeRefusal(t);
    if (why)
      throw fieldError(
        'teacherId',
        `不能向“${t.name}”支付授课费：${why.zh}（师资库授课费规定）`,
        `No teaching fee may be paid to this teacher: ${why.en} (the teacher bank’s fee rule)`,
      );
    payee = t.name;
  } else {
    if (input.teacherId) throw fieldError('teacherId', '只有授课费需要选择教师', 'Only a teaching fee names a teacher');
    if (!payee) throw fieldError('payee', '请填写收款人', 'Enter who was paid');
  }
  if (input.activityId) {
    const [a] = await findActivityFacts(tx, [input.activityId]);
    if (!a || !a.centrePath.startsWith(node.path))
      throw fieldError(
        'activityId',
        '请选择本镇（街道）或本学习中心的活动',
        'Choose an activity of this town or centre',
      );
  }
  if (input.invoiceFileId) {
    const f = await fileFacts(tx, input.invoiceFileId);
    if (!f || f.nodeId !== node.id)
      throw fieldError(
        'invoiceFileId',
        '找不到发票照片，或它不是为该镇（学习中心）上传的，请重新上传',
        'The invoice photo was not found or was uploaded for another place; upload it again',
      );
    if (!f.mime.startsWith('image/'))
      throw fieldError('invoiceFileId', '请上传发票的照片', 'Upload a photo of the invoice');
  }
  return { node, payee };
}

const stored = (input: ExpenseFields, payee: string) => ({
  nodeId: input.nodeId,
  category: input.category,
  teacherId: input.teacherId,
  payee,
  amountFen: input.amountFen,
  spentOn: input.spentOn,
  description: input.description,
  invoiceFileId: input.invoiceFileId,
  activityId: input.activityId,
});

export async function createExpense({ db, actor, input }: Ctx & { input: ExpenseFields }): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const { node, payee } = await checkExpense(tx, actor, input);
    const [{ id }] = await tx
      .insert(fundingExpenses)
      .values({ ...stored(input, payee), status: 'recorded', recordedBy: actor.userId })
      .returning({ id: fundingExpenses.id });
    await auditChange(tx, actor, node, 'funding.expense.create', ['funding_expense', id], {
      node: node.name,
      category: input.category,
      payee,
      amountFen: input.amountFen,
      spentOn: input.spentOn,
    });
    return { id };
  });
}

/** Correcting an expense: only while it waits for review, by whoever may record at its node. */
export async function updateExpense({ db, actor, id, input }: Ctx & { id: string; input: ExpenseFields }) {
  await db.transaction(async (tx) => {
    const { row, node: was } = await loadExpense(tx, actor, id);
    if (!canRecordExpense(actor, was)) throw forbidden();
    if (row.status !== 'recorded')
      throw new AppError('CONFLICT', {
        detail: '该支出已审核，不能修改',
        detailEn: 'this expense has been reviewed and can no longer be changed',
      });
    const { node, payee } = await checkExpense(tx, actor, input);
    const next = stored(input, payee);
    await tx
      .update(fundingExpenses)
      .set({ ...next, updatedAt: new Date() })
      .where(and(eq(fundingExpenses.id, id), eq(fundingExpenses.status, 'recorded')));
    await auditChange(tx, actor, node, 'funding.expense.update', ['funding_expense', id], {
      node: node.name,
      ...diffFields(row as Record<string, unknown>, next),
    });
  });
}

/** The town office approves or rejects a recorded expense; whoever recorded it cannot. */
export async function reviewExpense({ db, actor, id, input }: Ctx & { id: string; input: ExpenseReview }) {
  await db.transaction(async (tx) => {
    const { row, node } = await loadExpense(tx, actor, id);
    if (!canReviewExpense(actor, node, null)) throw forbidden();
    if (row.recordedBy === actor.userId)
      throw new AppError('CONFLICT', {
        detail: '登记人不能审核自己登记的支出，请由镇（街道）其他工作人员审核',
        detailEn: 'whoever recorded an expense cannot approve it; another member of the town office must review it',
      });
    if (input.decision === 'rejected' && !input.note)
      throw fieldError('note', '退回时请写明原因', 'Give a reason for rejecting');
    const [done] = await tx
      .update(fundingExpenses)
      .set({
        status: input.decision,
        reviewedBy: actor.userId,
        reviewedAt: new Date(),
        reviewNote: input.note,
        updatedAt: new Date(),
      })
      .where(and(eq(fundingExpenses.id, id), eq(fundingExpenses.status, 'recorded')))
      .returning({ id: fundingExpenses.id });
    if (!done)
      throw new AppError('CONFLICT', { detail: '该支出已审核', detailEn: 'this expense has already been reviewed' });
    await auditChange(
      tx,
      actor,
      node,
      `funding.expense.${input.decision === 'approved' ? 'approve' : 'reject'}`,
      ['funding_expense', id],
      {
        node: node.name,
        payee: row.payee,
        amount: `${yuanText(row.amountFen)} 元`,
        note: input.note,
      },
    );
  });
}
