import { and, asc, eq, ilike, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { orgNodes } from '../../server/db/tree.table';
import { escapeLike, underAnyPath } from '../../server/tree-scope';
import { households, residents } from './people.table';

/** What another module (awards) may know of a household: its head, building, node, and members by name. */
export type HouseholdRef = {
  id: string;
  headName: string;
  building: string | null;
  nodeId: string;
  path: string;
  members: { id: string; name: string }[];
};

/** One household with its present (not anonymised) members, or null. No policy: the caller checks the path. */
export async function householdRef(db: DbOrTx, id: string): Promise<HouseholdRef | null> {
  const [h] = await db
    .select({
      id: households.id,
      headName: households.headName,
      building: households.building,
      nodeId: households.nodeId,
      path: orgNodes.path,
    })
    .from(households)
    .innerJoin(orgNodes, eq(orgNodes.id, households.nodeId))
    .where(eq(households.id, id));
  if (!h) return null;
  const members = await db
    .select({ id: residents.id, name: residents.name })
    .from(residents)
    .where(and(eq(residents.householdId, id), isNull(residents.anonymizedAt)))
    .orderBy(asc(residents.birthDate), asc(residents.name));
  return { ...h, members };
}

/** Households under a node path (head's name or building matching `q`), for a picker; at most 50. */
export async function householdsUnder(db: DbOrTx, path: string, q?: string) {
  const like = q ? `%${escapeLike(q)}%` : null;
  return db
    .select({ id: households.id, headName: households.headName, building: households.building })
    .from(households)
    .innerJoin(orgNodes, eq(orgNodes.id, households.nodeId))
    .where(
      and(
        underAnyPath(orgNodes.path, [path]),
        like ? or(ilike(households.headName, like), ilike(households.building, like)) : undefined,
      ),
    )
    .orderBy(asc(households.building), asc(households.headName))
    .limit(50);
}

/** Residents (not anonymised) living under a node path whose name matches `q`, for a picker; at most 50. */
export async function residentsUnder(db: DbOrTx, path: string, q?: string) {
  return db
    .select({ id: residents.id, name: residents.name, building: residents.building })
    .from(residents)
    .innerJoin(orgNodes, eq(orgNodes.id, residents.nodeId))
    .where(
      and(
        underAnyPath(orgNodes.path, [path]),
        isNull(residents.anonymizedAt),
        q ? ilike(residents.name, `%${escapeLike(q)}%`) : undefined,
      ),
    )
    .orderBy(asc(residents.name))
    .limit(50);
}
