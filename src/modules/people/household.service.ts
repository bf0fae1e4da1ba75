import { and, asc, eq, ilike, isNull, or, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../server/db/client';
import type { Protector } from '../../server/protect';
import { reachPaths, type Actor } from '../../shared/actor';
import { fieldError, forbidden } from '../../shared/app-error';
import type { Page } from '../../shared/pagination';
import { RESIDENT_ROLES } from '../../shared/roles';
import { auditChange, diffFields } from '../../server/audit';
import { orgNodes } from '../../server/db/tree.table';
import { pageOf } from '../../server/db/page';
import { getNodeRow } from '../organisations';
import { escapeLike, loadRowOnNode, underAnyPath } from '../../server/tree-scope';
import { chinaToday } from '../../shared/china-time';
import { type Household, type HouseholdDetail, type HouseholdFields } from './people.contract';
import { canReadResident, canSeeSensitive, canUpdateResident } from './people.policy';
import { households, residents } from './people.table';
import { isChild, notChild, presentResidents } from './resident-view';
import { normalizePersonName } from './resident-input';

type Ctx = { db: Db; actor: Actor };

const memberCount = (db: Db) =>
  db.$count(residents, and(eq(residents.householdId, households.id), isNull(residents.anonymizedAt)));

/** Households of the actor's subtree, one page; `q` matches the head's name or the building. */
export async function findHouseholds({
  db,
  actor,
  query,
}: Ctx & { query: { page: number; pageSize: number; nodeId?: string; q?: string } }): Promise<Page<Household>> {
  const conds: SQL[] = [underAnyPath(orgNodes.path, reachPaths(actor, RESIDENT_ROLES))];
  if (query.nodeId) conds.push(underAnyPath(orgNodes.path, [(await getNodeRow(db, actor, query.nodeId)).path]));
  if (query.q)
    conds.push(
      or(
        ilike(households.headName, `%${escapeLike(query.q)}%`),
        ilike(households.building, `%${escapeLike(query.q)}%`),
      )!,
    );
  const list = db
    .select({ h: households, nodeName: orgNodes.name, members: memberCount(db) })
    .from(households)
    .innerJoin(orgNodes, eq(orgNodes.id, households.nodeId))
    .where(and(...conds))
    .$dynamic();
  const order = [asc(orgNodes.path), asc(households.building), asc(households.headName), asc(households.id)];
  return pageOf(db, list, order, query, (x) => toHousehold(x.h, x.nodeName, Number(x.members)));
}

function toHousehold(h: typeof households.$inferSelect, nodeName: string, memberCount: number): Household {
  return {
    id: h.id,
    nodeId: h.nodeId,
    nodeName,
    headName: h.headName,
    building: h.building,
    address: h.address,
    memberCount,
  };
}

async function loadHousehold(db: DbOrTx, actor: Actor, id: string) {
  const { row, node } = await loadRowOnNode(db, households, households.nodeId, id, (n) => canReadResident(actor, n));
  return { h: row, nodeName: node.name, path: node.path };
}

/** A household with its members (children under 14 only with the sensitive right); audited when it shows sensitive members. */
export async function getHousehold({
  db,
  actor,
  protector,
  id,
}: Ctx & { protector: Protector; id: string }): Promise<HouseholdDetail> {
  const row = await loadHousehold(db, actor, id);
  const today = chinaToday();
  const sensitiveOk = canSeeSensitive(actor, row);
  const members = await db
    .select({ r: residents, nodeName: orgNodes.name, path: orgNodes.path })
    .from(residents)
    .innerJoin(orgNodes, eq(orgNodes.id, residents.nodeId))
    .where(
      and(
        eq(residents.householdId, id),
        isNull(residents.anonymizedAt),
        underAnyPath(orgNodes.path, reachPaths(actor, RESIDENT_ROLES)),
        sensitiveOk ? undefined : notChild(today),
      ),
    )
    .orderBy(asc(residents.birthDate), asc(residents.name));
  const items = await presentResidents(db, actor, protector, members);
  if (items.some((m) => m.tags.length > 0 || isChild(m.birthDate, today))) {
    await auditChange(db, actor, { id: row.h.nodeId, path: row.path }, 'household.view_sensitive', ['household', id], {
      members: items.length,
    });
  }
  return {
    ...toHousehold(row.h, row.nodeName, items.length),
    members: items,
    canUpdate: canUpdateResident(actor, row),
  };
}

function cleanHead(input: HouseholdFields): HouseholdFields {
  const headName = normalizePersonName(input.headName, 'headName');
  if (typeof headName !== 'string') throw fieldError(headName.path, headName.message, headName.messageEn);
  return { ...input, headName };
}

async function villageFor(db: DbOrTx, actor: Actor, nodeId: string) {
  const node = await getNodeRow(db, actor, nodeId);
  if (!canUpdateResident(actor, node)) throw forbidden();
  if (node.level !== 'centre')
    throw fieldError('nodeId', '请选择户所在的村（社区）学习中心', 'Choose the village or community of the household');
  return node;
}

export async function createHousehold({ db, actor, input }: Ctx & { input: HouseholdFields }): Promise<{ id: string }> {
  const fields = cleanHead(input);
  return db.transaction(async (tx) => {
    const node = await villageFor(tx, actor, fields.nodeId);
    const [h] = await tx.insert(households).values(fields).returning({ id: households.id });
    await auditChange(tx, actor, node, 'household.create', ['household', h.id], { node: node.name });
    return { id: h.id };
  });
}

/** Edits a household; moving it to another village moves its members with it. */
export async function updateHousehold({
  db,
  actor,
  id,
  input,
}: Ctx & { id: string; input: HouseholdFields }): Promise<void> {
  const fields = cleanHead(input);
  await db.transaction(async (tx) => {
    const row = await loadHousehold(tx, actor, id);
    if (!canUpdateResident(actor, row)) throw forbidden();
    const node = await villageFor(tx, actor, fields.nodeId);
    if (node.path.split('/')[1] !== row.path.split('/')[1])
      throw fieldError('nodeId', '户不能移到其他县', 'A household cannot move to another county');
    await tx
      .update(households)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(households.id, id));
    if (node.id !== row.h.nodeId)
      await tx.update(residents).set({ nodeId: node.id, updatedAt: new Date() }).where(eq(residents.householdId, id));
    const changed = Object.keys(diffFields(row.h as Record<string, unknown>, fields));
    await auditChange(tx, actor, node, 'household.update', ['household', id], { fields: changed });
  });
}
