import { and, asc, eq, ilike, inArray, isNull, like, or, type SQL } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../server/db/client';
import { orgNodes } from '../../server/db/tree.table';
import { escapeLike, underAnyPath } from '../../server/tree-scope';
import { maskPhone } from '../../shared/phone';
import { residents } from './people.table';

// What other modules (sign-in, credits, the resident's portal) may read of the roster. The ID
// number and the phone stay here: a phone leaves only masked, except to open the resident's own
// phone account (`residentPhone`).

/**
 * Residents, read-only, for a join that filters, sorts or pages in SQL: only the columns other
 * modules may read. PostgreSQL inlines the subquery, so the plan is that of a join on the table.
 */
export const residentDirectory = () =>
  new QueryBuilder()
    .select({
      id: residents.id,
      name: residents.name,
      namePinyin: residents.namePinyin,
      nameInitials: residents.nameInitials,
      countyId: residents.countyId,
      nodeId: residents.nodeId,
      anonymizedAt: residents.anonymizedAt,
    })
    .from(residents)
    .as('resident_dir');

/** Residents' names and masked phones by id (anonymised records keep their placeholder name); unknown ids are left out. */
export async function residentContacts(
  db: DbOrTx,
  ids: readonly string[],
): Promise<Map<string, { name: string; phone: string | null }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: residents.id, name: residents.name, phone: residents.phone })
    .from(residents)
    .where(inArray(residents.id, unique));
  return new Map(rows.map((r) => [r.id, { name: r.name, phone: r.phone ? maskPhone(r.phone) : null }]));
}

/** The phone on the roster, unmasked: only to open the resident's own phone account with it. */
export async function residentPhone(db: DbOrTx, id: string): Promise<string | null> {
  const [r] = await db.select({ phone: residents.phone }).from(residents).where(eq(residents.id, id));
  return r?.phone ?? null;
}

/**
 * Up to `limit` residents of a county under one of `paths`, not anonymised, whose phone holds the
 * digits `q` (4 to 11 of them), whose pinyin or initials start with the letters `q`, or whose name
 * contains `q`; by pinyin, phones masked.
 */
export async function matchResidents(
  db: DbOrTx,
  { countyId, paths, q, limit }: { countyId: string; paths: string[]; q: string; limit: number },
): Promise<{ id: string; name: string; phone: string | null; nodeName: string }[]> {
  const letters = q.toLowerCase().replace(/[\s']/g, '');
  const match: SQL = /^\d{4,11}$/.test(q)
    ? like(residents.phone, `%${q}%`)
    : /^[a-z]+$/.test(letters)
      ? or(like(residents.nameInitials, `${letters}%`), like(residents.namePinyin, `${letters}%`))!
      : ilike(residents.name, `%${escapeLike(q)}%`);
  const rows = await db
    .select({ id: residents.id, name: residents.name, phone: residents.phone, nodeName: orgNodes.name })
    .from(residents)
    .innerJoin(orgNodes, eq(orgNodes.id, residents.nodeId))
    .where(
      and(eq(residents.countyId, countyId), isNull(residents.anonymizedAt), underAnyPath(orgNodes.path, paths), match),
    )
    .orderBy(asc(residents.namePinyin), asc(residents.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, phone: r.phone ? maskPhone(r.phone) : null }));
}
