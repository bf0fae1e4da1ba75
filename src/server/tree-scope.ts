import { eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Actor } from '../shared/actor';
import { hidden } from '../shared/app-error';
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

/** Paths of the given node ids (for scoping checks in other modules). */
export async function pathsOf(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: orgNodes.id, path: orgNodes.path })
    .from(orgNodes)
    .where(inArray(orgNodes.id, ids));
  return new Map(rows.map((r) => [r.id, r.path]));
}

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
