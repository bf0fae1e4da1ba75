import crypto from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../server/audit';
import type { DbOrTx } from '../../server/db/client';
import { orgNodes } from '../../server/db/tree.table';

// The top of the tree before anyone can sign in: the first-run setup (accounts) homes the
// first system admin on the first county, creating it when the tree is empty.

export type CountyRef = { id: string; path: string; name: string };

/** The first county (by sort order, then age), or null while the tree is empty. */
export async function findFirstCounty(db: DbOrTx): Promise<CountyRef | null> {
  const [county] = await db
    .select({ id: orgNodes.id, path: orgNodes.path, name: orgNodes.name })
    .from(orgNodes)
    .where(and(isNull(orgNodes.parentId), eq(orgNodes.level, 'county')))
    .orderBy(asc(orgNodes.sortOrder), asc(orgNodes.createdAt))
    .limit(1);
  return county ?? null;
}

/**
 * Creates a county at the top of the tree, audited as the system (no one is signed in yet).
 * Call it in the setup's transaction, and `forgetTreeCache` once that has ended.
 */
export async function createRootCounty(
  tx: DbOrTx,
  input: { name: string; ip?: string; via: string },
): Promise<CountyRef> {
  const id = crypto.randomUUID();
  const county = { id, path: `/${id}/`, name: input.name };
  await tx
    .insert(orgNodes)
    .values({ id, parentId: null, path: county.path, depth: 0, level: 'county', name: input.name });
  await recordAudit(tx, {
    actorName: 'system',
    ip: input.ip,
    node: county,
    action: 'org.create',
    entityType: 'org_node',
    entityId: id,
    summary: { name: input.name, level: 'county', parentId: null, via: input.via },
  });
  return county;
}
