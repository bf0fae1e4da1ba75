import { asc, count, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../server/db/client';
import { pgErrorCode, pgErrorDetail } from '../../server/db/client';
import { reachPaths, type Actor } from '../../shared/actor';
import { AppError, fieldError, forbidden, hidden } from '../../shared/app-error';
import { checkDivisionCode, DIVISION_MESSAGES } from '../../shared/division-code';
import { divisionEdition, findDivision, isDemoCode } from './divisions';
import { allowedChildLevels, NODE_LEVEL_LABELS, ROLES, type NodeLevel } from '../../shared/roles';
import { auditChange, diffFields } from '../../server/audit';
import { escapeLike, underAnyPath } from '../../server/tree-scope';
import type { NodeCreate, NodeDetail, NodeUpdate, TreeNode } from './org.contract';
import { canManageChildrenOf, canMoveNode, canReadNode, canUpdateNode } from './org.policy';
import { orgNodes } from '../../server/db/tree.table';
import { orgLeaders, orgPopulations } from './org.table';
import { cacheBusOf } from '../../server/cache-bus';
import type { Ctx } from '../../server/types';

export type NodeRow = typeof orgNodes.$inferSelect;

/**
 * The tree is read on nearly every page and changes rarely, so each reach's list is kept in
 * memory until the tree changes: a write through this module announces a `tree` message to
 * this node's caches at once, and every change to org_nodes, on any node, arrives as a `tree`
 * message on the cache bus from the database.
 */
const treeCache = new WeakMap<object, Map<string, TreeNode[]>>();
const treeVersion = new WeakMap<object, number>();

/** Forget cached trees; call after changing org_nodes outside this module (tests, imports). */
export function forgetTreeCache(db: object): void {
  treeCache.delete(db);
  treeVersion.set(db, (treeVersion.get(db) ?? 0) + 1);
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * A transaction that changes the tree. Once it has ended, this node's caches hear `tree` at
 * once (the database's own message reaches them after the commit, on PostgreSQL a moment
 * later): cached trees, and the cached sessions whose scopes carry node paths and names.
 */
export async function writeTree<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(fn);
  } finally {
    forgetTreeCache(db);
    cacheBusOf(db).deliver('tree');
  }
}

/** Every node the actor may read, flat, ordered for building a tree. */
export async function findTree({ db, actor }: Ctx): Promise<TreeNode[]> {
  const paths = reachPaths(actor, ROLES);
  const key = paths.join('|');
  let cache = treeCache.get(db);
  const hit = cache?.get(key);
  if (hit) return hit;
  const bus = cacheBusOf(db);
  bus.on('tree', (m) => (m === 'tree' || m === '*') && forgetTreeCache(db));
  // A read that overlapped a change must not be kept: it may predate the change's commit.
  const version = treeVersion.get(db) ?? 0;
  const generation = bus.generation;
  const rows = (await db
    .select({
      id: orgNodes.id,
      parentId: orgNodes.parentId,
      level: orgNodes.level,
      unitKind: orgNodes.unitKind,
      name: orgNodes.name,
      depth: orgNodes.depth,
      sortOrder: orgNodes.sortOrder,
    })
    .from(orgNodes)
    .where(underAnyPath(orgNodes.path, paths))
    .orderBy(asc(orgNodes.depth), asc(orgNodes.sortOrder), asc(orgNodes.name))) as TreeNode[];
  if ((treeVersion.get(db) ?? 0) !== version || !bus.keeps(generation)) return rows;
  if (!cache) treeCache.set(db, (cache = new Map()));
  if (cache.size > 1000) cache.clear();
  cache.set(key, rows);
  return rows;
}

/** One node row, or NOT_FOUND (also when it lies outside what the actor may read). */
export async function getNodeRow(db: DbOrTx, actor: Actor, id: string): Promise<NodeRow> {
  const [row] = await db.select().from(orgNodes).where(eq(orgNodes.id, id));
  if (!row || !canReadNode(actor, row)) throw hidden();
  return row;
}

export async function getNode({ db, actor, id }: Ctx & { id: string }): Promise<NodeDetail> {
  const row = await getNodeRow(db, actor, id);
  const [parent] = row.parentId
    ? await db.select({ name: orgNodes.name, path: orgNodes.path }).from(orgNodes).where(eq(orgNodes.id, row.parentId))
    : [];
  const [{ n }] = await db.select({ n: count() }).from(orgNodes).where(eq(orgNodes.parentId, id));
  const populations = await db
    .select({ year: orgPopulations.year, population: orgPopulations.population })
    .from(orgPopulations)
    .where(eq(orgPopulations.nodeId, id))
    .orderBy(asc(orgPopulations.year));
  const leaders = await db
    .select({
      id: orgLeaders.id,
      name: orgLeaders.name,
      post: orgLeaders.post,
      title: orgLeaders.title,
      phone: orgLeaders.phone,
    })
    .from(orgLeaders)
    .where(eq(orgLeaders.nodeId, id))
    .orderBy(asc(orgLeaders.sortOrder));
  const parentRef = parent ? { path: parent.path } : null;
  return {
    ...row,
    level: row.level as NodeLevel,
    unitKind: row.unitKind as NodeDetail['unitKind'],
    longitude: row.longitude === null ? null : Number(row.longitude),
    latitude: row.latitude === null ? null : Number(row.latitude),
    parentName: parent?.name ?? null,
    childCount: Number(n),
    populations,
    leaders: leaders as NodeDetail['leaders'],
    permissions: {
      update: canUpdateNode(actor, row),
      createChild: canManageChildrenOf(actor, row) && allowedChildLevels(row.level as NodeLevel).length > 0,
      remove: canManageChildrenOf(actor, parentRef),
      move: canManageChildrenOf(actor, parentRef),
    },
    updatedAt: row.updatedAt.toISOString(),
  };
}

function checkLevel(level: NodeLevel, parentLevel: NodeLevel | null): void {
  if (!allowedChildLevels(parentLevel).includes(level)) {
    const child = NODE_LEVEL_LABELS[level];
    const parent = parentLevel ? NODE_LEVEL_LABELS[parentLevel] : { zh: '最上层', en: 'the top' };
    throw new AppError('INVALID_PARENT', {
      detail: `“${child.zh}”不能放在“${parent.zh}”下面`,
      detailEn: `A ${child.en} cannot be placed under ${parent.en}`,
    });
  }
}

/**
 * A division code fits the level and the parent's code, and is in the official list (the demo
 * county's codes excepted: city 99 is known to be fictional).
 */
async function checkCode(code: string | null, level: NodeLevel, parentCode: string | null): Promise<void> {
  if (!code) return;
  if (level === 'unit') throw fieldError('divisionCode', '单位不填写区划代码', 'Units have no division code');
  const problem = checkDivisionCode(code, level, parentCode);
  if (problem) throw fieldError('divisionCode', DIVISION_MESSAGES[problem].zh, DIVISION_MESSAGES[problem].en);
  if (isDemoCode(code) || (await findDivision(code))) return;
  const { edition } = await divisionEdition();
  throw fieldError(
    'divisionCode',
    `${edition} 年版统计用区划代码中没有 ${code}`,
    `${code} is not in the ${edition} edition of the statistical division codes`,
  );
}

function checkUnitKind(level: NodeLevel, unitKind: string | null): void {
  if (level === 'unit' && !unitKind) throw fieldError('unitKind', '请选择单位类型', 'Choose the kind of unit');
  if (level !== 'unit' && unitKind) throw fieldError('unitKind', '只有“单位”需要选择类型', 'Only units have a kind');
}

function toColumns(input: NodeUpdate) {
  return {
    ...input,
    longitude: input.longitude === null ? null : String(input.longitude),
    latitude: input.latitude === null ? null : String(input.latitude),
  };
}

export async function createNode({ db, actor, input }: Ctx & { input: NodeCreate }): Promise<{ id: string }> {
  return writeTree(db, async (tx) => {
    const parent = input.parentId ? await getNodeRow(tx, actor, input.parentId) : null;
    if (!canManageChildrenOf(actor, parent)) throw forbidden();
    checkLevel(input.level, (parent?.level as NodeLevel) ?? null);
    checkUnitKind(input.level, input.unitKind);
    await checkCode(input.divisionCode, input.level, parent?.divisionCode ?? null);
    const id = crypto.randomUUID();
    const path = `${parent?.path ?? '/'}${id}/`;
    const { parentId, level, ...fields } = input;
    await tx
      .insert(orgNodes)
      .values({ ...toColumns(fields as NodeUpdate), id, parentId, level, path, depth: (parent?.depth ?? -1) + 1 });
    await auditChange(tx, actor, { id, path }, 'org.create', ['org_node', id], { name: input.name, level, parentId });
    return { id };
  });
}

export async function updateNode({ db, actor, id, input }: Ctx & { id: string; input: NodeUpdate }): Promise<void> {
  await writeTree(db, async (tx) => {
    const row = await getNodeRow(tx, actor, id);
    if (!canUpdateNode(actor, row)) throw forbidden();
    const level = row.level as NodeLevel;
    checkUnitKind(level, input.unitKind);
    const [parent] = row.parentId
      ? await tx.select({ code: orgNodes.divisionCode }).from(orgNodes).where(eq(orgNodes.id, row.parentId))
      : [];
    await checkCode(input.divisionCode, level, parent?.code ?? null);
    const cols = toColumns(input);
    await tx
      .update(orgNodes)
      .set({ ...cols, updatedAt: new Date() })
      .where(eq(orgNodes.id, id));
    await auditChange(tx, actor, row, 'org.update', ['org_node', id], diffFields(row as Record<string, unknown>, cols));
  });
}

export async function moveNode({
  db,
  actor,
  id,
  newParentId,
}: Ctx & { id: string; newParentId: string }): Promise<void> {
  await writeTree(db, async (tx) => {
    const row = await getNodeRow(tx, actor, id);
    const oldParent = row.parentId ? await getNodeRow(tx, actor, row.parentId).catch(() => null) : null;
    const newParent = await getNodeRow(tx, actor, newParentId);
    if (row.parentId && !oldParent) throw forbidden();
    if (!canMoveNode(actor, oldParent, newParent)) throw forbidden();
    if (newParent.path.startsWith(row.path)) {
      throw new AppError('INVALID_PARENT', {
        detail: '不能移到自己或自己的下级组织下面',
        detailEn: 'A node cannot move under itself or its own descendants',
      });
    }
    checkLevel(row.level as NodeLevel, newParent.level as NodeLevel);
    if (row.parentId === newParentId) return;
    const newPath = `${newParent.path}${row.id}/`;
    const depthDelta = newParent.depth + 1 - row.depth;
    await tx.execute(
      sql`update org_nodes set path = ${newPath} || substr(path, ${row.path.length + 1}), depth = depth + ${depthDelta}, updated_at = now() where path like ${escapeLike(row.path) + '%'}`,
    );
    await tx.update(orgNodes).set({ parentId: newParentId }).where(eq(orgNodes.id, id));
    await auditChange(tx, actor, { id, path: newPath }, 'org.move', ['org_node', id], {
      name: row.name,
      from: oldParent?.name ?? null,
      fromId: row.parentId,
      to: newParent.name,
      toId: newParentId,
    });
  });
}

/** Tables that hold records of a node, named for the error message. */
const RECORD_NAMES: Record<string, { zh: string; en: string }> = {
  users: { zh: '用户账号', en: 'user accounts' },
  role_assignments: { zh: '角色授权', en: 'role assignments' },
  residents: { zh: '居民', en: 'residents' },
  households: { zh: '户籍/家庭', en: 'households' },
  teachers: { zh: '师资', en: 'teachers' },
  volunteer_hours: { zh: '志愿服务记录', en: 'volunteer service records' },
  import_jobs: { zh: '导入记录', en: 'import records' },
  courses: { zh: '课程', en: 'courses' },
  stored_files: { zh: '上传的文件', en: 'uploaded files' },
  theme_defs: { zh: '课程主题', en: 'course themes' },
  credit_rewards: { zh: '学分兑换奖品', en: 'credit rewards' },
  credit_ledger: { zh: '学分记录', en: 'credit records' },
  credit_redemptions: { zh: '奖品兑换记录', en: 'reward redemptions' },
  award_selections: { zh: '评选项目', en: 'award selections' },
  award_nominations: { zh: '评选提名', en: 'award nominations' },
}; // Other modules' tables name themselves here as they are added.

export async function removeNode({ db, actor, id }: Ctx & { id: string }): Promise<void> {
  let name = '';
  await writeTree(db, async (tx) => {
    const row = await getNodeRow(tx, actor, id);
    name = row.name;
    const parent = row.parentId
      ? ((await tx.select().from(orgNodes).where(eq(orgNodes.id, row.parentId)))[0] ?? null)
      : null;
    if (!canManageChildrenOf(actor, parent)) throw forbidden();
    const [{ n }] = await tx.select({ n: count() }).from(orgNodes).where(eq(orgNodes.parentId, id));
    if (Number(n) > 0) throw new AppError('NODE_HAS_CHILDREN', { name: row.name, count: Number(n) });
    await auditChange(tx, actor, row, 'org.delete', ['org_node', id], { name: row.name, level: row.level });
    await tx.delete(orgNodes).where(eq(orgNodes.id, id));
  }).catch((err) => {
    if (pgErrorCode(err) === '23503' || pgErrorCode(err) === '23001') {
      const table = pgErrorDetail(err).table ?? '';
      const what = RECORD_NAMES[table] ?? { zh: table || '其他记录', en: table || 'other records' };
      throw new AppError('NODE_HAS_RECORDS', { name, what: what.zh, whatEn: what.en });
    }
    throw err;
  });
}
