import { and, asc, count, desc, eq, or, type SQL } from 'drizzle-orm';
import { auditChange, diffFields } from '../../server/audit';
import type { DbOrTx } from '../../server/db/client';
import { pgErrorCode } from '../../server/db/client';
import { pageOf } from '../../server/db/page';
import { orgNodes } from '../../server/db/tree.table';
import { loadNodeToWrite, loadRowOnNode, nodeBrief, underAnyPath, type NodeBrief } from '../../server/tree-scope';
import type { Ctx } from '../../server/types';
import { reachPaths, type Actor } from '../../shared/actor';
import { AppError, fieldError } from '../../shared/app-error';
import type { Page } from '../../shared/pagination';
import type { Selection, SelectionCreate, SelectionDetail, SelectionFields, SelectionQuery } from './awards.contract';
import {
  AWARD_READER_ROLES,
  canKeepSelection,
  canNominate,
  canReadNomination,
  canReadSelection,
} from './awards.policy';
import { awardNominations, awardSelections } from './awards.table';
import { ancestorsOf } from './tree-paths';

export type SelectionRow = typeof awardSelections.$inferSelect;

const num = (v: string | null) => (v === null ? null : Number(v));

export function toSelection(row: SelectionRow, owner: { name: string }): Selection {
  return {
    id: row.id,
    ownerNodeId: row.ownerNodeId,
    ownerName: owner.name,
    year: row.year,
    kind: row.kind as Selection['kind'],
    title: row.title,
    nominateFrom: row.nominateFrom,
    nominateUntil: row.nominateUntil,
    quotaScope: row.quotaScope as Selection['quotaScope'],
    quota: row.quota,
    minHours: num(row.minHours),
    minCredits: num(row.minCredits),
    excludeWinnerYears: row.excludeWinnerYears,
    rewardCredits: num(row.rewardCredits),
    rewardText: row.rewardText,
    status: row.status as Selection['status'],
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

/** SQL: the owner node (orgNodes) is one the actor may read a selection of: over it, or above their scope. */
export function readableOwner(actor: Actor): SQL {
  const under = underAnyPath(orgNodes.path, reachPaths(actor, AWARD_READER_ROLES));
  const above = ancestorsOf(actor, AWARD_READER_ROLES);
  return above.length ? or(under, ...above.map((p) => eq(orgNodes.path, p)))! : under;
}

export async function loadSelection(db: DbOrTx, actor: Actor, id: string, lock = false) {
  if (lock)
    await db.select({ id: awardSelections.id }).from(awardSelections).where(eq(awardSelections.id, id)).for('update');
  const { row, node } = await loadRowOnNode(db, awardSelections, awardSelections.ownerNodeId, id, (n) =>
    canReadSelection(actor, n),
  );
  return { row, owner: node };
}

export async function findSelections({ db, actor, query }: Ctx & { query: SelectionQuery }): Promise<Page<Selection>> {
  const conds = [readableOwner(actor)];
  if (query.year) conds.push(eq(awardSelections.year, query.year));
  if (query.kind) conds.push(eq(awardSelections.kind, query.kind));
  if (query.status) conds.push(eq(awardSelections.status, query.status));
  const list = db
    .select({ row: awardSelections, owner: nodeBrief })
    .from(awardSelections)
    .innerJoin(orgNodes, eq(orgNodes.id, awardSelections.ownerNodeId))
    .where(and(...conds))
    .$dynamic();
  return pageOf(
    db,
    list,
    [desc(awardSelections.year), asc(orgNodes.path), asc(awardSelections.kind), asc(awardSelections.id)],
    query,
    (r) => toSelection(r.row, r.owner),
  );
}

/** The centres under the owner node the actor nominates for. */
async function nominatingCentres(db: DbOrTx, actor: Actor, owner: NodeBrief) {
  const rows = await db
    .select(nodeBrief)
    .from(orgNodes)
    .where(and(eq(orgNodes.level, 'centre'), underAnyPath(orgNodes.path, [owner.path])))
    .orderBy(asc(orgNodes.path));
  return rows.filter((n) => canNominate(actor, n)).map((n) => ({ id: n.id, name: n.name }));
}

export async function getSelection({ db, actor, id }: Ctx & { id: string }): Promise<SelectionDetail> {
  const { row, owner } = await loadSelection(db, actor, id);
  const rows = await db
    .select({ status: awardNominations.status, path: orgNodes.path, n: count() })
    .from(awardNominations)
    .innerJoin(orgNodes, eq(orgNodes.id, awardNominations.nodeId))
    .where(eq(awardNominations.selectionId, id))
    .groupBy(awardNominations.status, orgNodes.path);
  const counts: Record<string, number> = {};
  for (const r of rows) if (canReadNomination(actor, r)) counts[r.status] = (counts[r.status] ?? 0) + Number(r.n);
  const centres = row.status === 'open' ? await nominatingCentres(db, actor, owner) : [];
  const keep = canKeepSelection(actor, owner);
  return {
    ...toSelection(row, owner),
    counts,
    centres,
    permissions: {
      update: keep && row.status === 'open',
      publish: keep && row.status === 'open',
      nominate: centres.length > 0,
    },
  };
}

function checkFields(input: SelectionFields) {
  if (input.nominateFrom > input.nominateUntil)
    throw fieldError(
      'nominateUntil',
      '推荐截止日期不能早于开始日期',
      'The nomination window cannot end before it starts',
    );
}

const fieldsOf = (input: SelectionFields) => ({
  ...input,
  minHours: input.minHours === null ? null : input.minHours.toFixed(1),
  minCredits: input.minCredits === null ? null : input.minCredits.toFixed(1),
  rewardCredits: input.rewardCredits === null ? null : input.rewardCredits.toFixed(1),
});

function duplicate(err: unknown): never {
  if (pgErrorCode(err) === '23505')
    throw fieldError('kind', '本年度该单位已有同类评选', 'This node already runs a selection of this kind this year');
  throw err;
}

export async function createSelection({ db, actor, input }: Ctx & { input: SelectionCreate }): Promise<{ id: string }> {
  checkFields(input);
  return db
    .transaction(async (tx) => {
      const owner = await loadNodeToWrite(
        tx,
        input.ownerNodeId,
        { mayRead: (n) => canReadSelection(actor, n), mayWrite: (n) => canKeepSelection(actor, n) },
        ['county', 'town'],
        { field: 'ownerNodeId', zh: '评选由县（区）或镇（街道）组织', en: 'A selection is run by a county or a town' },
      );
      const [row] = await tx
        .insert(awardSelections)
        .values({
          ...fieldsOf(input),
          ownerNodeId: owner.id,
          year: input.year,
          kind: input.kind,
          createdBy: actor.userId,
        })
        .returning({ id: awardSelections.id });
      await auditChange(tx, actor, owner, 'award.selection.create', ['award_selection', row.id], {
        title: input.title,
        year: input.year,
        kind: input.kind,
        quota: input.quota,
        quotaScope: input.quotaScope,
      });
      return { id: row.id };
    })
    .catch(duplicate);
}

/** Only an open selection is edited; the rules then apply to nominations from now on. */
export async function updateSelection({
  db,
  actor,
  id,
  input,
}: Ctx & { id: string; input: SelectionFields }): Promise<void> {
  checkFields(input);
  await db.transaction(async (tx) => {
    const { row, owner } = await loadSelection(tx, actor, id, true);
    if (!canKeepSelection(actor, owner)) throw new AppError('FORBIDDEN');
    if (row.status !== 'open') throw published();
    const values = fieldsOf(input);
    await tx
      .update(awardSelections)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(awardSelections.id, id));
    await auditChange(tx, actor, owner, 'award.selection.update', ['award_selection', id], {
      title: row.title,
      ...diffFields(row as Record<string, unknown>, values),
    });
  });
}

export const published = () =>
  new AppError('CONFLICT', {
    detail: '该评选结果已公布，不能再修改',
    detailEn: 'the results of this selection are published and cannot change',
  });
