import { and, asc, desc, eq, ilike, type SQL } from 'drizzle-orm';
import { auditChange } from '../../server/audit';
import type { DbOrTx } from '../../server/db/client';
import { pgErrorCode } from '../../server/db/client';
import { pageOf } from '../../server/db/page';
import { orgNodes } from '../../server/db/tree.table';
import {
  escapeLike,
  loadNodeToWrite,
  loadRowOnNode,
  nodeBrief,
  underAnyPath,
  type NodeBrief,
} from '../../server/tree-scope';
import type { Ctx } from '../../server/types';
import { reachPaths, type Actor } from '../../shared/actor';
import { AppError, fieldError, forbidden } from '../../shared/app-error';
import { chinaToday } from '../../shared/china-time';
import type { Page } from '../../shared/pagination';
import { userNames } from '../accounts';
import { filesByIds, loadReadableFiles, toStoredFile } from '../files';
import type {
  Nomination,
  NominationCreate,
  NominationDetail,
  NominationFields,
  NominationQuery,
} from './awards.contract';
import { AWARD_READER_ROLES, canDecide, canNominate, canReadNomination, canReview } from './awards.policy';
import { awardNominationFiles, awardNominations, awardSelections } from './awards.table';
import { sanitizeRichText } from '../courses';
import { checkEligible, gatherEvidence, resolveNominee, type ResolvedNominee } from './nominee';
import { loadSelection, published, type SelectionRow } from './selections.service';

export type NominationRow = typeof awardNominations.$inferSelect;

/** The nomination with its centre, or NOT_FOUND outside the centres the actor may read. */
export async function loadNomination(db: DbOrTx, actor: Actor, id: string, lock = false) {
  if (lock)
    await db
      .select({ id: awardNominations.id })
      .from(awardNominations)
      .where(eq(awardNominations.id, id))
      .for('update');
  const { row, node } = await loadRowOnNode(db, awardNominations, awardNominations.nodeId, id, (n) =>
    canReadNomination(actor, n),
  );
  return { row, centre: node };
}

function toNomination(row: NominationRow, sel: SelectionRow, centre: { name: string }): Nomination {
  return {
    id: row.id,
    selectionId: row.selectionId,
    selectionTitle: sel.title,
    kind: sel.kind as Nomination['kind'],
    year: sel.year,
    nodeId: row.nodeId,
    nodeName: centre.name,
    nomineeKind: row.nomineeKind as Nomination['nomineeKind'],
    nomineeName: row.nomineeName,
    status: row.status as Nomination['status'],
    reviewScore: row.reviewScore,
    submittedAt: row.submittedAt?.toISOString() ?? null,
  };
}

export async function findNominations({
  db,
  actor,
  query,
}: Ctx & { query: NominationQuery }): Promise<Page<Nomination>> {
  const conds: SQL[] = [underAnyPath(orgNodes.path, reachPaths(actor, AWARD_READER_ROLES))];
  if (query.selectionId)
    conds.push(eq(awardNominations.selectionId, (await loadSelection(db, actor, query.selectionId)).row.id));
  if (query.status) conds.push(eq(awardNominations.status, query.status));
  if (query.q) conds.push(ilike(awardNominations.nomineeName, `%${escapeLike(query.q)}%`));
  const list = db
    .select({ row: awardNominations, sel: awardSelections, centre: nodeBrief })
    .from(awardNominations)
    .innerJoin(awardSelections, eq(awardSelections.id, awardNominations.selectionId))
    .innerJoin(orgNodes, eq(orgNodes.id, awardNominations.nodeId))
    .where(and(...conds))
    .$dynamic();
  const order = [
    desc(awardSelections.year),
    asc(awardSelections.kind),
    asc(orgNodes.path),
    asc(awardNominations.nomineeName),
    asc(awardNominations.id),
  ];
  return pageOf(db, list, order, query, (r) => toNomination(r.row, r.sel, r.centre));
}

const reviewer = userNames('reviewer');
const decider = userNames('decider');
const creator = userNames('creator');

export async function getNomination({ db, actor, id }: Ctx & { id: string }): Promise<NominationDetail> {
  const { row, centre } = await loadNomination(db, actor, id);
  const [x] = await db
    .select({
      sel: awardSelections,
      owner: orgNodes.name,
      reviewed: reviewer.displayName,
      decided: decider.displayName,
      created: creator.displayName,
    })
    .from(awardSelections)
    .innerJoin(orgNodes, eq(orgNodes.id, awardSelections.ownerNodeId))
    .leftJoin(reviewer, eq(reviewer.id, row.reviewedBy ?? row.id))
    .leftJoin(decider, eq(decider.id, row.decidedBy ?? row.id))
    .leftJoin(creator, eq(creator.id, row.createdBy ?? row.id))
    .where(eq(awardSelections.id, row.selectionId));
  const links = await db
    .select({ id: awardNominationFiles.fileId })
    .from(awardNominationFiles)
    .where(eq(awardNominationFiles.nominationId, id));
  const files = (
    await filesByIds(
      db,
      links.map((l) => l.id),
    )
  ).map(toStoredFile);
  const open = x.sel.status === 'open';
  const editable = open && ['draft', 'returned'].includes(row.status) && canNominate(actor, centre);
  return {
    ...toNomination(row, x.sel, centre),
    nomineeId: row.residentId ?? row.householdId ?? row.teacherId ?? row.nomineeNodeId,
    members: row.members,
    accountHtml: row.accountHtml,
    files: files.map((f) => ({ id: f.id, originalName: f.originalName, url: f.url })),
    evidence: row.evidence,
    reviewScores: row.reviewScores ?? null,
    reviewComment: row.reviewComment,
    reviewedByName: x.reviewed,
    decisionComment: row.decisionComment,
    decidedByName: x.decided,
    createdByName: x.created,
    ownerName: x.owner,
    rewardCredits: x.sel.rewardCredits === null ? null : Number(x.sel.rewardCredits),
    rewardText: x.sel.rewardText,
    publishedAt: x.sel.publishedAt?.toISOString() ?? null,
    permissions: {
      update: editable,
      submit: editable,
      review: open && row.status === 'submitted' && canReview(actor, centre, row.createdBy),
      decide: open && row.status === 'reviewed' && canDecide(actor, centre, row.createdBy),
    },
  };
}

/** Nominations are made inside the selection's window (China dates, both ends included). */
export function checkWindow(sel: SelectionRow): void {
  if (sel.status !== 'open') throw published();
  const today = chinaToday();
  if (today < sel.nominateFrom || today > sel.nominateUntil)
    throw new AppError('CONFLICT', {
      detail: `推荐时间为 ${sel.nominateFrom} 至 ${sel.nominateUntil}，现在不在推荐时间内`,
      detailEn: `nominations are taken from ${sel.nominateFrom} to ${sel.nominateUntil}, not today`,
    });
}

/** The nominee resolved within the centre's reach, the evidence gathered, the rules checked. */
async function prepare(tx: DbOrTx, sel: SelectionRow, centre: NodeBrief, input: NominationFields) {
  const nominee = await resolveNominee(tx, sel, centre, input.nominee);
  const evidence = await gatherEvidence(tx, sel, nominee);
  await checkEligible(tx, sel, nominee, evidence);
  return { nominee, evidence };
}

async function attachFiles(tx: DbOrTx, actor: Actor, nominationId: string, fileIds: string[]) {
  await loadReadableFiles(tx, actor, fileIds, 'fileIds');
  await tx.delete(awardNominationFiles).where(eq(awardNominationFiles.nominationId, nominationId));
  const unique = [...new Set(fileIds)];
  if (unique.length) await tx.insert(awardNominationFiles).values(unique.map((fileId) => ({ nominationId, fileId })));
}

function duplicateNominee(err: unknown): never {
  if (pgErrorCode(err) === '23505')
    throw fieldError('nominee.id', '该对象已在本次评选中被提名', 'This nominee is already nominated in this selection');
  throw err;
}

/** The nominee's columns of a nomination row. */
export const nomineeColumns = (n: ResolvedNominee) => ({
  nomineeKind: n.kind,
  nomineeKey: n.key,
  nomineeName: n.name,
  residentId: n.residentId,
  householdId: n.householdId,
  teacherId: n.teacherId,
  nomineeNodeId: n.nomineeNodeId,
  members: n.members,
});

export async function createNomination({
  db,
  actor,
  input,
}: Ctx & { input: NominationCreate }): Promise<{ id: string }> {
  return db
    .transaction(async (tx) => {
      const { row: sel, owner } = await loadSelection(tx, actor, input.selectionId);
      const centre = await loadNodeToWrite(
        tx,
        input.nodeId,
        { mayRead: (n) => canReadNomination(actor, n), mayWrite: (n) => canNominate(actor, n) },
        ['centre'],
        { field: 'nodeId', zh: '提名由学习中心提出', en: 'A nomination is made by a learning centre' },
      );
      if (!centre.path.startsWith(owner.path))
        throw fieldError('nodeId', '该学习中心不在本次评选的范围内', 'This centre is outside the selection’s area');
      checkWindow(sel);
      const { nominee, evidence } = await prepare(tx, sel, centre, input);
      const [row] = await tx
        .insert(awardNominations)
        .values({
          selectionId: sel.id,
          nodeId: centre.id,
          ...nomineeColumns(nominee),
          accountHtml: sanitizeRichText(input.accountHtml ?? ''),
          evidence,
          createdBy: actor.userId,
        })
        .returning({ id: awardNominations.id });
      await attachFiles(tx, actor, row.id, input.fileIds);
      await auditChange(tx, actor, centre, 'award.nomination.create', ['award_nomination', row.id], {
        selection: sel.title,
        nominee: nominee.name,
        evidence,
        files: input.fileIds.length,
      });
      return { id: row.id };
    })
    .catch(duplicateNominee);
}

/** A draft or a returned nomination is edited by those who nominate for its centre; the evidence is gathered again. */
export async function updateNomination({
  db,
  actor,
  id,
  input,
}: Ctx & { id: string; input: NominationFields }): Promise<void> {
  await db
    .transaction(async (tx) => {
      const { row, centre } = await loadNomination(tx, actor, id, true);
      if (!canNominate(actor, centre)) throw forbidden();
      const { row: sel } = await loadSelection(tx, actor, row.selectionId);
      if (sel.status !== 'open') throw published();
      if (!['draft', 'returned'].includes(row.status)) throw wrongStatus('修改', 'edited');
      const { nominee, evidence } = await prepare(tx, sel, centre, input);
      await tx
        .update(awardNominations)
        .set({
          ...nomineeColumns(nominee),
          accountHtml: sanitizeRichText(input.accountHtml ?? ''),
          evidence,
          updatedAt: new Date(),
        })
        .where(eq(awardNominations.id, id));
      await attachFiles(tx, actor, id, input.fileIds);
      await auditChange(tx, actor, centre, 'award.nomination.update', ['award_nomination', id], {
        nominee: { from: row.nomineeName, to: nominee.name },
        evidence,
        files: input.fileIds.length,
      });
    })
    .catch(duplicateNominee);
}

export const wrongStatus = (zh: string, en: string) =>
  new AppError('CONFLICT', {
    detail: `该提名当前的状态不能${zh}，请刷新后再试`,
    detailEn: `the nomination cannot be ${en} in its current status; reload and try again`,
  });

/** Nobody reviews or decides a nomination they made. */
export const ownNomination = () =>
  new AppError('CONFLICT', {
    detail: '不能审核或审批自己提出的提名',
    detailEn: 'nobody may review or approve a nomination they made',
  });
