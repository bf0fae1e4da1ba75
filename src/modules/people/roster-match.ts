import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../server/db/client';
import { orgNodes } from '../../server/db/tree.table';
import { residents } from './people.table';
import { addTo, anyOf, chunks, each, householdsOf, rowsOf, tagsOf, tick } from './roster-batch';

/** A row of a roster, as people stores it: the resident's village (a centre node) and cells; null is a blank cell. */
export type RosterEntry = {
  centre: { id: string };
  name: string;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  phone: string | null;
  idNumber: string | null;
  /** The ID number's digest (`Protector.digest`). */
  idHash: string | null;
  /** The head of the household (户主); with the village and building it finds or makes the household. */
  headName: string | null;
  relation: string | null;
  building: string | null;
  /** null: the column was blank (keep what is there); otherwise the tag codes. */
  tags: string[] | null;
  education: string | null;
  employment: string | null;
  occupation: string | null;
  note: string | null;
  /** A child under 14: the household head consents for them. */
  under14: boolean;
};

/** A resident already stored, as far as a roster row can change it, with its village, household and tags. */
export type StoredResident = {
  id: string;
  nodeId: string;
  nodePath: string;
  nodeName: string;
  name: string;
  gender: string | null;
  birthDate: string | null;
  phone: string | null;
  idNumberHash: string | null;
  householdId: string | null;
  headName: string | null;
  householdBuilding: string | null;
  relationToHead: string | null;
  building: string | null;
  education: string | null;
  employment: string | null;
  occupation: string | null;
  note: string | null;
  tags: string[];
};
export type PlanAction = 'new' | 'update' | 'unchanged';
export type RosterPlan<R extends RosterEntry = RosterEntry> = {
  row: R;
  existing: StoredResident | null;
  action: PlanAction;
};

/** The resident's columns as a row sets them (null: keep what is stored). */
export const rowColumns = (r: RosterEntry) => ({
  nodeId: r.centre.id,
  name: r.name,
  gender: r.gender,
  birthDate: r.birthDate,
  phone: r.phone,
  idNumberHash: r.idHash,
  relationToHead: r.relation,
  building: r.building,
  education: r.education,
  employment: r.employment,
  occupation: r.occupation,
  note: r.note,
});

/** The columns a row sets: all of them for a new resident; else the filled cells that differ from what is stored. */
export function rowChanges(r: RosterEntry, e: StoredResident | null) {
  const want = rowColumns(r);
  if (!e) return want;
  return Object.fromEntries(
    Object.entries(want).filter(([k, v]) => v !== null && v !== e[k as keyof typeof want]),
  ) as Partial<typeof want>;
}

/** new, update or unchanged: nothing differs when every filled cell equals what is stored. */
export function classifyRow(r: RosterEntry, e: StoredResident | null): PlanAction {
  if (!e) return 'new';
  if (Object.keys(rowChanges(r, e)).length) return 'update';
  if (r.tags && r.tags.join(',') !== e.tags.join(',')) return 'update';
  if (
    r.headName &&
    (e.nodeId !== r.centre.id || e.headName !== r.headName || (e.householdBuilding ?? null) !== r.building)
  )
    return 'update';
  return 'unchanged';
}

// Residents alone: their villages and households are read once for all matches (joins per row are slow on PGlite).
const storedColumns = {
  id: residents.id,
  nodeId: residents.nodeId,
  name: residents.name,
  gender: residents.gender,
  birthDate: residents.birthDate,
  phone: residents.phone,
  idNumberHash: residents.idNumberHash,
  householdId: residents.householdId,
  relationToHead: residents.relationToHead,
  building: residents.building,
  education: residents.education,
  employment: residents.employment,
  occupation: residents.occupation,
  note: residents.note,
};

/**
 * Finds the stored resident of each row: by ID-number hash within the county, else by
 * phone and name within the row's village, else (no ID, no phone) by name and birth date
 * there. A stored resident with another ID number is someone else.
 */
export async function matchRoster<R extends RosterEntry>(
  db: DbOrTx,
  countyId: string,
  rows: R[],
): Promise<Map<R, StoredResident>> {
  /** The county's residents (not anonymised) whose `column` is one of the values, without village, household or tags yet. */
  const storedWith = async (column: AnyPgColumn, values: string[]) => {
    const found: StoredResident[] = [];
    for (const part of chunks(values)) {
      const stored = await db
        .select(storedColumns)
        .from(residents)
        .where(and(eq(residents.countyId, countyId), anyOf(column, part), isNull(residents.anonymizedAt)));
      for (const e of stored)
        found.push({ ...e, nodePath: '', nodeName: '', headName: null, householdBuilding: null, tags: [] });
      await tick();
    }
    return found;
  };
  const out = new Map<R, StoredResident>();
  const byHash = new Map<string, StoredResident>();
  for (const e of await storedWith(
    residents.idNumberHash,
    rows.filter((r) => r.idHash).map((r) => r.idHash!),
  ))
    byHash.set(e.idNumberHash!, e);
  const rest: R[] = [];
  await each(rows, (r) => {
    const e = r.idHash ? byHash.get(r.idHash) : undefined;
    if (e) out.set(r, e);
    else if (r.phone) rest.push(r);
  });
  const byPhone = new Map<string, StoredResident[]>();
  for (const e of await storedWith(residents.phone, [...new Set(rest.map((r) => r.phone!))]))
    addTo(byPhone, e.phone!, e);
  const sameOne = (r: RosterEntry) => (x: StoredResident) =>
    x.name === r.name && x.nodeId === r.centre.id && (!x.idNumberHash || !r.idHash || x.idNumberHash === r.idHash);
  await each(rest, (r) => {
    const e = byPhone.get(r.phone!)?.find(sameOne(r));
    if (e) out.set(r, e);
  });
  // Neither ID number nor phone (children, often): the same name and birth date in the village.
  const lastly = rows.filter((r) => !out.has(r) && !r.idHash && !r.phone && r.birthDate);
  const byName = new Map<string, StoredResident[]>();
  for (const e of await storedWith(residents.name, [...new Set(lastly.map((r) => r.name))])) addTo(byName, e.name, e);
  for (const r of lastly) {
    const e = byName.get(r.name)?.find((x) => sameOne(r)(x) && x.birthDate === r.birthDate);
    if (e) out.set(r, e);
  }
  await completeStored(db, out.values());
  return out;
}

/** Fills in the village, household and (sorted) tags of the matched residents. */
async function completeStored(db: DbOrTx, matched: Iterable<StoredResident>): Promise<void> {
  const byId = new Map<string, StoredResident>();
  await each(matched, (e) => byId.set(e.id, e));
  const tags = await tagsOf(db, [...byId.keys()]);
  await each(byId.values(), (e) => {
    e.tags = (tags.get(e.id) ?? []).sort();
  });
  const nodes = new Map(
    (
      await db
        .select({ id: orgNodes.id, path: orgNodes.path, name: orgNodes.name })
        .from(orgNodes)
        .where(anyOf(orgNodes.id, [...new Set([...byId.values()].map((e) => e.nodeId))], 'uuid'))
    ).map((n) => [n.id, n]),
  );
  const homes = await householdsOf(db, [
    ...new Set([...byId.values()].map((e) => e.householdId).filter((h): h is string => !!h)),
  ]);
  await each(byId.values(), (e) => {
    const node = nodes.get(e.nodeId)!;
    const h = e.householdId ? homes.get(e.householdId) : undefined;
    Object.assign(e, { nodePath: node.path, nodeName: node.name });
    if (h) Object.assign(e, { headName: h.headName, householdBuilding: h.building });
  });
}

/**
 * Changes whenever a resident or a resident's tag of the county is added, changed or removed:
 * a row count and a sum of row hashes, one scan instead of matching the file again.
 */
export async function rosterFingerprint(db: DbOrTx, countyId: string): Promise<string> {
  const result = await db.execute(sql`
    select concat_ws(':',
      (select count(*) from residents where county_id = ${countyId}),
      (select coalesce(sum(hashtext(r::text)::bigint), 0) from residents r where county_id = ${countyId}),
      (select count(*) from resident_tags t join residents r on r.id = t.resident_id where r.county_id = ${countyId}),
      (select coalesce(sum(hashtext(t::text)::bigint), 0) from resident_tags t join residents r on r.id = t.resident_id where r.county_id = ${countyId})
    ) as f`);
  return rowsOf<{ f: string }>(result)[0].f;
}
