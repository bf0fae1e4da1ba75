import { and, asc, count, eq, inArray, like, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../server/db/client';
import { holdsRoleOver, reachPaths, type Actor } from '../../shared/actor';
import { fieldError, forbidden, hidden } from '../../shared/app-error';
import { ROLES } from '../../shared/roles';
import { auditChange } from '../../server/audit';
import { escapeLike, loadCounty, underAnyPath } from '../../server/tree-scope';
import { orgNodes } from '../../server/db/tree.table';
import { readPage } from '../../server/db/page';
import {
  DEFAULT_NORM,
  staffingShortfalls,
  type Norm,
  type NormFields,
  type StaffingPage,
  type StaffingQuery,
} from './staffing.contract';
import { STAFFING_READER_ROLES } from './teachers.policy';
import { ancestorPaths, canSetNorm } from './teachers.policy';
import { staffingNorms, teachers } from './teachers.table';
import type { Ctx } from '../../server/types';

const town = alias(orgNodes, 'town');

/** Active teachers of one category in the centre's own bank. */
const activeOf = (category: string) =>
  sql<number>`(select count(*)::int from ${teachers} where ${teachers.bankNodeId} = ${orgNodes.id} and ${teachers.status} = 'active' and ${teachers.category} = ${category})`;

/** The norm row of the centre's county (its path's first segment). */
const normOfCounty = sql`${staffingNorms.countyId}::text = split_part(${orgNodes.path}, '/', 2)`;

/** Every centre in the actor's reach with its active full-time and part-time counts, met or not. */
export async function findStaffing({ db, actor, query }: Ctx & { query: StaffingQuery }): Promise<StaffingPage> {
  const ft = activeOf('full_time');
  const pt = activeOf('part_time');
  const ftMin = sql<number>`coalesce(${staffingNorms.fullTimeMin}, ${DEFAULT_NORM.fullTimeMin})`;
  const ptMin = sql<number>`coalesce(${staffingNorms.partTimeMin}, ${DEFAULT_NORM.partTimeMin})`;
  const ptMax = sql<number>`coalesce(${staffingNorms.partTimeMax}, ${DEFAULT_NORM.partTimeMax})`;
  const met = sql<boolean>`(${ft} >= ${ftMin} and ${pt} >= ${ptMin} and ${pt} <= ${ptMax})`;
  const conds = [eq(orgNodes.level, 'centre'), underAnyPath(orgNodes.path, reachPaths(actor, STAFFING_READER_ROLES))];
  if (query.nodeId) {
    const [n] = await db.select({ path: orgNodes.path }).from(orgNodes).where(eq(orgNodes.id, query.nodeId));
    if (!n || !holdsRoleOver(actor, STAFFING_READER_ROLES, n.path)) throw hidden();
    conds.push(like(orgNodes.path, `${escapeLike(n.path)}%`));
  }
  const inReach = and(...conds);
  const [{ centres, metCount }] = await db
    .select({ centres: count(), metCount: sql<number>`count(*) filter (where ${met})::int` })
    .from(orgNodes)
    .leftJoin(staffingNorms, normOfCounty)
    .where(inReach);
  const where = query.met ? and(inReach, sql`${met} = ${query.met === 'true'}`) : inReach;
  const list = db
    .select({
      nodeId: orgNodes.id,
      name: orgNodes.name,
      townName: town.name,
      fullTime: ft,
      partTime: pt,
      fullTimeMin: ftMin,
      partTimeMin: ptMin,
      partTimeMax: ptMax,
    })
    .from(orgNodes)
    .leftJoin(town, eq(town.id, orgNodes.parentId))
    .leftJoin(staffingNorms, normOfCounty)
    .where(where)
    .$dynamic();
  const order = [asc(town.sortOrder), asc(town.name), asc(orgNodes.sortOrder), asc(orgNodes.name)];
  const { total, rows } = await readPage(db, list, order, query);
  const items = rows.map((r) => {
    const shortfalls = staffingShortfalls(
      { fullTimeMin: Number(r.fullTimeMin), partTimeMin: Number(r.partTimeMin), partTimeMax: Number(r.partTimeMax) },
      Number(r.fullTime),
      Number(r.partTime),
    );
    return {
      nodeId: r.nodeId,
      name: r.name,
      townName: r.townName,
      fullTime: Number(r.fullTime),
      partTime: Number(r.partTime),
      met: shortfalls.length === 0,
      shortfalls,
    };
  });
  return {
    items,
    total,
    page: query.page,
    pageSize: query.pageSize,
    norms: await findNorms(db, actor),
    summary: { centres: Number(centres), met: Number(metCount) },
  };
}

/** The norm of each county the actor works in (the default where none is set). */
async function findNorms(db: Db, actor: Actor): Promise<Norm[]> {
  const ancestors = ancestorPaths(actor);
  const under = underAnyPath(orgNodes.path, reachPaths(actor, STAFFING_READER_ROLES));
  const rows = await db
    .select({ countyId: orgNodes.id, countyName: orgNodes.name, path: orgNodes.path, n: staffingNorms })
    .from(orgNodes)
    .leftJoin(staffingNorms, eq(staffingNorms.countyId, orgNodes.id))
    .where(and(eq(orgNodes.level, 'county'), ancestors.length ? or(under, inArray(orgNodes.path, ancestors)) : under))
    .orderBy(asc(orgNodes.sortOrder), asc(orgNodes.name))
    .limit(200);
  return rows.map((r) => ({
    countyId: r.countyId,
    countyName: r.countyName,
    fullTimeMin: r.n?.fullTimeMin ?? DEFAULT_NORM.fullTimeMin,
    partTimeMin: r.n?.partTimeMin ?? DEFAULT_NORM.partTimeMin,
    partTimeMax: r.n?.partTimeMax ?? DEFAULT_NORM.partTimeMax,
    canEdit: canSetNorm(actor, r),
  }));
}

/** County admins set their county's norm. */
export async function setNorm({
  db,
  actor,
  countyId,
  input,
}: Ctx & { countyId: string; input: NormFields }): Promise<void> {
  await db.transaction(async (tx) => {
    const county = await loadCounty(tx, actor, countyId, (a, c) => holdsRoleOver(a, ROLES, c.path));
    if (!canSetNorm(actor, county)) throw forbidden();
    if (input.partTimeMin > input.partTimeMax)
      throw fieldError('partTimeMax', '兼职人数上限不能小于下限', 'The part-time maximum cannot be below the minimum');
    const [before] = await tx.select().from(staffingNorms).where(eq(staffingNorms.countyId, countyId));
    await tx
      .insert(staffingNorms)
      .values({ countyId, ...input })
      .onConflictDoUpdate({ target: staffingNorms.countyId, set: { ...input, updatedAt: new Date() } });
    const from = before
      ? { fullTimeMin: before.fullTimeMin, partTimeMin: before.partTimeMin, partTimeMax: before.partTimeMax }
      : DEFAULT_NORM;
    await auditChange(tx, actor, county, 'staffing_norm.set', ['org_node', countyId], {
      county: county.name,
      from,
      to: input,
    });
  });
}
