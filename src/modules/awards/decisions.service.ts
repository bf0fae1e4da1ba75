import { and, count, eq, inArray, like } from 'drizzle-orm';
import { auditChange } from '../../server/audit';
import type { DbOrTx } from '../../server/db/client';
import { orgNodes } from '../../server/db/tree.table';
import type { NodeBrief } from '../../server/tree-scope';
import type { Ctx } from '../../server/types';
import { holdsRoleOver, type Actor } from '../../shared/actor';
import { AppError, fieldError, forbidden } from '../../shared/app-error';
import type { Decision, Review } from './awards.contract';
import { APPROVER_ROLES, canNominate, REVIEWER_ROLES } from './awards.policy';
import { awardNominations } from './awards.table';
import { checkEligible, gatherEvidence, resolveNominee, townPathOf } from './nominee';
import { checkWindow, loadNomination, ownNomination, wrongStatus } from './nominations.service';
import { loadSelection, published } from './selections.service';

/** Moves a nomination on (its new status and the step's fields) and audits the step, in the caller's transaction. */
async function moveNomination(
  tx: DbOrTx,
  actor: Actor,
  centre: NodeBrief,
  id: string,
  values: Partial<typeof awardNominations.$inferInsert>,
  action: string,
  summary: Record<string, unknown>,
) {
  await tx
    .update(awardNominations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(awardNominations.id, id));
  await auditChange(tx, actor, centre, `award.nomination.${action}`, ['award_nomination', id], summary);
}

/** The centre sends a draft or returned nomination to the town: inside the window, still eligible, evidence gathered anew. */
export async function submitNomination({ db, actor, id }: Ctx & { id: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, centre } = await loadNomination(tx, actor, id, true);
    if (!canNominate(actor, centre)) throw forbidden();
    const { row: sel } = await loadSelection(tx, actor, row.selectionId);
    checkWindow(sel);
    if (!['draft', 'returned'].includes(row.status)) throw wrongStatus('提交', 'submitted');
    if (!row.accountHtml)
      throw fieldError(
        'accountHtml',
        '请先填写事迹材料再提交',
        'Write the account of the nominee’s deeds before submitting',
      );
    const nominee = await resolveNominee(tx, sel, centre, {
      id: row.residentId ?? row.householdId ?? row.teacherId ?? row.nomineeNodeId,
      name: row.nomineeName,
    });
    const evidence = await gatherEvidence(tx, sel, nominee);
    await checkEligible(tx, sel, nominee, evidence);
    const values = { status: 'submitted', evidence, members: nominee.members, submittedAt: new Date() };
    await moveNomination(tx, actor, centre, id, values, 'submit', { nominee: row.nomineeName, evidence });
  });
}

/** The town office scores a submitted nomination with the rubric and passes it on, or returns it with a comment. */
export async function reviewNomination({ db, actor, id, input }: Ctx & { id: string; input: Review }): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, centre } = await loadNomination(tx, actor, id, true);
    if (!holdsRoleOver(actor, REVIEWER_ROLES, centre.path)) throw forbidden();
    if (row.createdBy === actor.userId) throw ownNomination();
    const { row: sel } = await loadSelection(tx, actor, row.selectionId);
    if (sel.status !== 'open') throw published();
    if (row.status !== 'submitted') throw wrongStatus('审核', 'reviewed');
    if (input.outcome === 'returned' && !input.comment)
      throw fieldError(
        'comment',
        '退回时请写明需要补充或修改的地方',
        'Say what must change when returning a nomination',
      );
    const score = input.scores.deeds + input.scores.learning + input.scores.influence;
    await moveNomination(
      tx,
      actor,
      centre,
      id,
      {
        status: input.outcome,
        reviewScores: input.scores,
        reviewScore: score,
        reviewComment: input.comment,
        reviewedBy: actor.userId,
        reviewedAt: new Date(),
      },
      input.outcome === 'reviewed' ? 'review' : 'return',
      {
        nominee: row.nomineeName,
        score,
        comment: input.comment,
      },
    );
  });
}

/**
 * The leadership group approves or rejects a reviewed nomination. Approvals hold the quota (per
 * centre or per town): the selection row is locked first (SELECT … FOR UPDATE), so two approvers
 * at once count one after the other and the second sees the first's approval.
 */
export async function decideNomination({ db, actor, id, input }: Ctx & { id: string; input: Decision }): Promise<void> {
  await db.transaction(async (tx) => {
    const { row: peek, centre } = await loadNomination(tx, actor, id);
    if (!holdsRoleOver(actor, APPROVER_ROLES, centre.path)) throw forbidden();
    if (peek.createdBy === actor.userId) throw ownNomination();
    const { row: sel } = await loadSelection(tx, actor, peek.selectionId, true);
    const { row } = await loadNomination(tx, actor, id, true);
    if (sel.status !== 'open') throw published();
    if (row.status !== 'reviewed') throw wrongStatus('审批', 'decided');
    if (input.outcome === 'rejected' && !input.comment)
      throw fieldError('comment', '不通过时请写明理由', 'Give the reason when rejecting a nomination');
    if (input.outcome === 'approved') {
      const area = sel.quotaScope === 'town' ? townPathOf(centre.path) : centre.path;
      const [{ n }] = await tx
        .select({ n: count() })
        .from(awardNominations)
        .innerJoin(orgNodes, eq(orgNodes.id, awardNominations.nodeId))
        .where(
          and(
            eq(awardNominations.selectionId, sel.id),
            inArray(awardNominations.status, ['approved', 'published']),
            like(orgNodes.path, `${area}%`),
          ),
        );
      if (Number(n) >= sel.quota) {
        const zhArea = sel.quotaScope === 'town' ? '每个镇（街道）' : '每个学习中心';
        const enArea = sel.quotaScope === 'town' ? 'per town' : 'per centre';
        throw new AppError('CONFLICT', {
          detail: `名额已满：本次评选${zhArea}最多 ${sel.quota} 名，已批准 ${n} 名`,
          detailEn: `the quota is full: at most ${sel.quota} ${enArea}, ${n} already approved`,
        });
      }
    }
    await moveNomination(
      tx,
      actor,
      centre,
      id,
      { status: input.outcome, decisionComment: input.comment, decidedBy: actor.userId, decidedAt: new Date() },
      input.outcome === 'approved' ? 'approve' : 'reject',
      {
        nominee: row.nomineeName,
        selection: sel.title,
        comment: input.comment,
      },
    );
  });
}
