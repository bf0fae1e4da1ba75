import crypto from 'node:crypto';
import { and, eq, inArray, like } from 'drizzle-orm';
import { auditChange } from '../../server/audit';
import type { DbOrTx } from '../../server/db/client';
import { orgNodes } from '../../server/db/tree.table';
import { escapeLike } from '../../server/tree-scope';
import type { Ctx } from '../../server/types';
import { hasAnyRole } from '../../shared/actor';
import { AppError, fieldError, forbidden } from '../../shared/app-error';
import { ADMIN_ROLES } from '../../shared/roles';
import type { AdoptDivisions, DivisionTree } from './org.contract';
import { canManageChildrenOf } from './org.policy';
import { getNodeRow, writeTree, type NodeRow } from './org.service';
import { countyDivisions, divisionEdition, divisionsUnder, findDivision, isDemoCode, type Division } from './divisions';

// Towns and centres made from the official division list (统计用区划代码): a county is set up in
// one step (its towns and streets, and the villages and communities ticked, each with its code
// and official name; the name shown may be shorter), and what was left out is added later from
// the same list. One transaction: all of it is created, or nothing.

const notFromList = (code: string) =>
  fieldError('children', `区划代码 ${code} 不在本级的名单中`, `${code} is not in the list under this division`);

/** The official list, level by level (for choosing the county); any admin may read it. */
export async function listDivisions({ actor, under }: Pick<Ctx, 'actor'> & { under: string }) {
  if (!hasAnyRole(actor, ADMIN_ROLES)) throw forbidden();
  const divisions = await divisionsUnder(under);
  if (under && divisions.length === 0 && !(await findDivision(under)))
    throw fieldError('under', `区划代码表中没有 ${under}`, `${under} is not in the division list`);
  return { edition: (await divisionEdition()).edition, divisions: divisions.filter((d) => d.level !== 'village') };
}

/** A county or a town with the code it has (or, for a county not set up, the one chosen). */
async function listedNode(node: NodeRow, chosen: string | undefined): Promise<Division> {
  if (node.level !== 'county' && node.level !== 'town')
    throw new AppError('INVALID_PARENT', {
      detail: '只有县（区）和乡镇（街道）可以从区划代码表添加下级',
      detailEn: 'Only a county or a town takes divisions from the list',
    });
  const code = node.divisionCode ?? (node.level === 'county' ? chosen : undefined);
  if (!code)
    throw fieldError(
      'code',
      node.level === 'county' ? '请先选择本县（区）在区划代码表中的名称' : '本乡镇（街道）还没有区划代码',
      node.level === 'county' ? 'Choose the county in the division list first' : 'This town has no division code yet',
    );
  if (isDemoCode(code))
    throw new AppError('CONFLICT', {
      detail: '演示县的代码是虚构的，不能从区划代码表添加；真实使用请从空数据库开始',
      detailEn: 'The demo county’s codes are fictional; start real use from an empty database',
    });
  const listed = await findDivision(code);
  if (!listed || listed.level !== node.level)
    throw fieldError(
      'code',
      `区划代码表中没有这个${node.level === 'county' ? '县（区）' : '乡镇'}`,
      `${code} is not in the list at this level`,
    );
  return listed;
}

/** The nodes of this county already made from the list, by code. */
async function nodesByCode(db: DbOrTx, countyPath: string, codes: string[]) {
  if (codes.length === 0) return new Map<string, { id: string; name: string; parentId: string | null }>();
  const rows = await db
    .select({ id: orgNodes.id, name: orgNodes.name, code: orgNodes.divisionCode, parentId: orgNodes.parentId })
    .from(orgNodes)
    .where(and(like(orgNodes.path, `${escapeLike(countyPath)}%`), inArray(orgNodes.divisionCode, codes)));
  return new Map(rows.map((r) => [r.code!, { id: r.id, name: r.name, parentId: r.parentId }]));
}

const countyPathOf = (node: NodeRow) => `/${node.path.split('/')[1]}/`;

/** What the list has under a county or town, each with the node made from it (if any). */
export async function divisionTree({
  db,
  actor,
  id,
  code,
}: Ctx & { id: string; code?: string }): Promise<DivisionTree> {
  const node = await getNodeRow(db, actor, id);
  if (!canManageChildrenOf(actor, node)) throw forbidden();
  const top = await listedNode(node, code);
  const edition = await divisionEdition();
  const towns =
    top.level === 'county'
      ? (await countyDivisions(top.code))!.towns
      : [{ ...top, villages: await divisionsUnder(top.code) }];
  const all = [top, ...towns, ...towns.flatMap((t) => t.villages)];
  const made = await nodesByCode(
    db,
    countyPathOf(node),
    all.map((d) => d.code),
  );
  const adoptable = (d: Division) => ({
    code: d.code,
    name: d.name,
    level: d.level,
    nodeId: made.get(d.code)?.id ?? (d.code === top.code && node.divisionCode ? node.id : null),
    nodeName: made.get(d.code)?.name ?? (d.code === top.code && node.divisionCode ? node.name : null),
  });
  const children =
    top.level === 'county'
      ? towns.map((t) => ({ ...adoptable(t), children: t.villages.map(adoptable) }))
      : towns[0].villages.map((v) => ({ ...adoptable(v), children: [] }));
  return { edition: edition.edition, asOf: edition.asOf, top: adoptable(top), children };
}

type NewNode = {
  id: string;
  parentId: string;
  path: string;
  depth: number;
  level: 'town' | 'centre';
  name: string;
  divisionCode: string;
  sortOrder: number;
};

/**
 * Creates towns and centres from the list under a county (towns, each with the villages sent)
 * or under a town (villages). The first time, the county takes the code chosen and its name.
 * A code already in the tree is refused, as is anything the list does not have under it.
 */
export async function adoptDivisions({
  db,
  actor,
  id,
  input,
}: Ctx & { id: string; input: AdoptDivisions }): Promise<{ towns: number; centres: number }> {
  return writeTree(db, async (tx) => {
    const node = await getNodeRow(tx, actor, id);
    if (!canManageChildrenOf(actor, node)) throw forbidden();
    // Two setups at once: the second waits here, then finds the county set up.
    await tx.select({ id: orgNodes.id }).from(orgNodes).where(eq(orgNodes.id, node.id)).for('update');
    const [fresh] = await tx.select().from(orgNodes).where(eq(orgNodes.id, node.id));
    const firstSetup = fresh.level === 'county' && !fresh.divisionCode;
    if (input.code && !firstSetup)
      throw new AppError('CONFLICT', {
        detail: fresh.divisionCode
          ? `本县（区）已按区划代码 ${fresh.divisionCode} 设置过，不能再次设置；漏掉的村（社区）可以在组织架构中补充`
          : '只有县（区）可以选择区划代码',
        detailEn: fresh.divisionCode
          ? `This county was already set up as ${fresh.divisionCode}; add what was left out from the tree instead`
          : 'Only a county chooses its code here',
      });
    const top = await listedNode(fresh, input.code);
    if (firstSetup) {
      const [town] = await tx
        .select({ id: orgNodes.id })
        .from(orgNodes)
        .where(and(eq(orgNodes.parentId, fresh.id), eq(orgNodes.level, 'town')))
        .limit(1);
      if (town)
        throw new AppError('CONFLICT', {
          detail: '本县（区）已有乡镇，不能再从区划代码表整体设置',
          detailEn: 'This county already has towns; it cannot be set up from the list as a whole',
        });
    }

    // What the list allows here, and what the tree already has.
    const listTowns =
      top.level === 'county'
        ? (await countyDivisions(top.code))!.towns
        : [{ ...top, villages: await divisionsUnder(top.code) }];
    const allowed = new Map(listTowns.map((t) => [t.code, new Set(t.villages.map((v) => v.code))]));
    const sent =
      top.level === 'county' ? input.children : [{ code: top.code, name: fresh.name, children: input.children }];
    const codes = sent.flatMap((t) => [t.code, ...t.children.map((v) => v.code)]);
    if (new Set(codes).size !== codes.length)
      throw fieldError('children', '同一个区划代码出现了两次', 'A division code is sent twice');
    for (const t of sent) {
      const villages = allowed.get(t.code);
      if (!villages) throw notFromList(t.code);
      for (const v of t.children) if (!villages.has(v.code)) throw notFromList(v.code);
    }
    const countyPath = countyPathOf(fresh);
    const made = await nodesByCode(tx, countyPath, codes);

    const rows: NewNode[] = [];
    let towns = 0;
    for (const t of sent) {
      let town = made.get(t.code);
      let townPath: string;
      if (top.level === 'town') {
        town = { id: fresh.id, name: fresh.name, parentId: fresh.parentId };
        townPath = fresh.path;
      } else if (town) {
        townPath = `${countyPath}${town.id}/`;
        if (town.parentId !== fresh.id)
          throw fieldError('children', `${t.code} 已在别处`, `${t.code} is elsewhere in the tree`);
      } else {
        const tid = crypto.randomUUID();
        townPath = `${fresh.path}${tid}/`;
        rows.push({
          id: tid,
          parentId: fresh.id,
          path: townPath,
          depth: fresh.depth + 1,
          level: 'town',
          name: t.name,
          divisionCode: t.code,
          sortOrder: Number(t.code.slice(6, 9)), // the list's order, also for what is added later
        });
        town = { id: tid, name: t.name, parentId: fresh.id };
        towns++;
      }
      for (const v of t.children) {
        if (made.has(v.code))
          throw fieldError('children', `${v.name}（${v.code}）已经在组织架构中`, `${v.code} is already in the tree`);
        const vid = crypto.randomUUID();
        rows.push({
          id: vid,
          parentId: town.id,
          path: `${townPath}${vid}/`,
          depth: townPath.split('/').length - 2,
          level: 'centre',
          name: v.name,
          divisionCode: v.code,
          sortOrder: Number(v.code.slice(9, 12)),
        });
      }
    }
    if (rows.length === 0)
      throw fieldError(
        'children',
        '没有要添加的乡镇或村（社区）',
        'Nothing to add: everything sent is already in the tree',
      );

    if (firstSetup)
      await tx
        .update(orgNodes)
        .set({ divisionCode: top.code, name: input.name ?? top.name, updatedAt: new Date() })
        .where(eq(orgNodes.id, fresh.id));
    // In slices: a county's few hundred rows stay well under the statement's parameter limit.
    for (let i = 0; i < rows.length; i += 200) await tx.insert(orgNodes).values(rows.slice(i, i + 200));
    const centres = rows.length - towns;
    await auditChange(tx, actor, fresh, firstSetup ? 'org.setup' : 'org.adopt', ['org_node', fresh.id], {
      code: top.code,
      edition: (await divisionEdition()).edition,
      towns,
      centres,
      codes: rows.map((r) => r.divisionCode),
    });
    return { towns, centres };
  });
}
