import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { orgNodes } from '../../server/db/tree.table';
import { residents } from './people.table';

/**
 * What another module needs of a resident to scope and label its own records: the home node
 * (id, name, path), the county, the name and whether the record was anonymised. No policy
 * here: the caller checks the path with its own rule.
 */
export type ResidentRef = {
  id: string;
  name: string;
  gender: string | null;
  countyId: string;
  nodeId: string;
  nodeName: string;
  path: string;
  anonymized: boolean;
};

/** One resident as a reference, or null when there is none. */
export async function residentRef(db: DbOrTx, id: string): Promise<ResidentRef | null> {
  const [r] = await db
    .select({
      id: residents.id,
      name: residents.name,
      gender: residents.gender,
      countyId: residents.countyId,
      nodeId: residents.nodeId,
      nodeName: orgNodes.name,
      path: orgNodes.path,
      anonymizedAt: residents.anonymizedAt,
    })
    .from(residents)
    .innerJoin(orgNodes, eq(orgNodes.id, residents.nodeId))
    .where(eq(residents.id, id));
  if (!r) return null;
  const { anonymizedAt, ...rest } = r;
  return { ...rest, anonymized: anonymizedAt !== null };
}

/** Residents' names by id (anonymised records keep their placeholder name); unknown ids are left out. */
export async function residentNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: residents.id, name: residents.name })
    .from(residents)
    .where(inArray(residents.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}
