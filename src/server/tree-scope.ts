import { eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Actor } from '../shared/actor';
import { fieldError, forbidden, hidden } from '../shared/app-error';
import { orgNodes } from './db/tree.table';
import type { DbOrTx } from './db/client';

// The tree-scope SQL every module uses: `org_nodes.path` is `/<county>/<town>/<node>/`, and
// "within my part of the tree" is one `path LIKE '<my path>%'` on an indexed column.

/** SQL condition: the row's path lies under one of the prefixes (none: matches nothing). */
export function underAnyPath(column: AnyPgColumn, prefixes: string[]): SQL {
  if (prefixes.length === 0) return sql`false`;
  return or(...prefixes.map((p) => like(column, `${escapeLike(p)}%`)))!;
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One column of the given nodes by id; unknown ids are left out. */
async function nodeColumn(db: DbOrTx, ids: readonly string[], column: typeof orgNodes.path | typeof orgNodes.name) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: orgNodes.id, v: column }).from(orgNodes).where(inArray(orgNodes.id, unique));
  return new Map(rows.map((r) => [r.id, r.v]));
}

/** Paths of the given node ids (for scoping checks in other modules). */
export const pathsOf = (db: DbOrTx, ids: readonly string[]) => nodeColumn(db, ids, orgNodes.path);

/** Names of the given node ids (units named beside a row). */
export const nodeNames = (db: DbOrTx, ids: readonly string[]) => nodeColumn(db, ids, orgNodes.name);

/** A node as the rules read it, and what most services select of it beside their own row. */
export type NodeBrief = { id: string; name: string; path: string; level: string };
export const nodeBrief = { id: orgNodes.id, name: orgNodes.name, path: orgNodes.path, level: orgNodes.level };

/** The node, or NOT_FOUND when there is none or `mayRead` (the module's rule for it) says no. */
export async function loadNodeFor(db: DbOrTx, id: string, mayRead: (n: NodeBrief) => boolean): Promise<NodeBrief> {
  const [n] = await db.select(nodeBrief).from(orgNodes).where(eq(orgNodes.id, id));
  if (!n || !mayRead(n)) throw hidden();
  return n;
}

/**
 * One row (by its `id`) with the node it hangs on (`nodeColumn`), or NOT_FOUND when there is none
 * or `mayRead` (the module's rule for that node) says no.
 */
export async function loadRowOnNode<T extends PgTable & { id: AnyPgColumn }>(
  db: DbOrTx,
  table: T,
  nodeColumn: AnyPgColumn,
  id: string,
  mayRead: (n: NodeBrief) => boolean,
): Promise<{ row: T['$inferSelect']; node: NodeBrief }> {
  const [r] = await db
    .select({ row: table as PgTable, node: nodeBrief })
    .from(table as PgTable)
    .innerJoin(orgNodes, eq(orgNodes.id, nodeColumn))
    .where(eq(table.id, id));
  if (!r || !mayRead(r.node)) throw hidden();
  return r as { row: T['$inferSelect']; node: NodeBrief };
}

/**
 * The node a new row is written under: NOT_FOUND unless `mayRead`, FORBIDDEN unless `mayWrite`,
 * and a field error on `wrongLevel.field` (its Chinese and English words) unless the node is at
 * one of `levels`.
 */
export async function loadNodeToWrite(
  db: DbOrTx,
  id: string,
  rules: { mayRead: (n: NodeBrief) => boolean; mayWrite: (n: NodeBrief) => boolean },
  levels: readonly string[],
  wrongLevel: { field: string; zh: string; en: string },
): Promise<NodeBrief> {
  const node = await loadNodeFor(db, id, rules.mayRead);
  if (!rules.mayWrite(node)) throw forbidden();
  if (!levels.includes(node.level)) throw fieldError(wrongLevel.field, wrongLevel.zh, wrongLevel.en);
  return node;
}

/** A unit (单位) named on a row must be a unit of the row's county; a field error on `field` otherwise. */
export async function checkCountyUnit(db: DbOrTx, countyId: string, unitId: string | null, field: string) {
  if (!unitId) return;
  const [u] = await db
    .select({ path: orgNodes.path, level: orgNodes.level })
    .from(orgNodes)
    .where(eq(orgNodes.id, unitId));
  if (!u || u.level !== 'unit' || !u.path.startsWith(`/${countyId}/`))
    throw fieldError(field, '请选择本县的单位', 'Choose a unit of the county');
}

export type CountyNode = NodeBrief;

/**
 * The county node a county-wide setting hangs on (themes, credit rules, sign-in window, staffing
 * norm, tags…), or NOT_FOUND when the id is not a county or the module's read rule refuses the actor.
 */
export function loadCounty(
  db: DbOrTx,
  actor: Actor,
  countyId: string,
  mayRead: (actor: Actor, county: { path: string }) => boolean,
): Promise<CountyNode> {
  return loadNodeFor(db, countyId, (n) => n.level === 'county' && mayRead(actor, n));
}
