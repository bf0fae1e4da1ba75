import { and, asc, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import type { Protector } from '../../server/protect';
import { reachPaths, type Actor } from '../../shared/actor';
import { maskIdCard } from '../../shared/id-card';
import { maskPhone } from '../../shared/phone';
import { RESIDENT_ROLES } from '../../shared/roles';
import { CHILD_AGE } from './people.contract';
import { canRevealId, canRevealPhone, canSeeSensitive } from './people.policy';
import { residents, residentTagDefs, residentTags } from './people.table';
import { anyOf, householdsOf, tagsOf } from './roster-batch';
import { yearsAgo } from './resident-view';
import type { ResidentRow } from './resident-write';

const BATCH = 5000;
const FIRST = '00000000-0000-0000-0000-000000000000';

/**
 * A resident as the roster export writes it: the ID number and phone in full only for those
 * who may reveal them over the resident's village, masked otherwise; the labels of the tags
 * the reader may see.
 */
export type ExportedResident = {
  nodeId: string;
  name: string;
  gender: string | null;
  birthDate: string | null;
  idNumber: string | null;
  phone: string | null;
  headName: string | null;
  relationToHead: string | null;
  building: string | null;
  tagLabels: string[];
  education: string | null;
  employment: string | null;
  occupation: string | null;
  note: string | null;
};

/**
 * Reads the roster export, a batch of 5,000 at a time in id order: the residents (not
 * anonymised; with the tag, when one is given) of the villages. Children under 14 and
 * sensitive tags are left out where the actor may not see them. Returns the reader of a batch:
 * pass `next` of one batch to read the following; null after the last. A batch's residents
 * are made as they are iterated, so an ID number that cannot be read fails at its row.
 */
export async function rosterExportReader(
  db: DbOrTx,
  {
    actor,
    protector,
    villages,
    tag,
  }: { actor: Actor; protector: Protector; villages: ReadonlyMap<string, { path: string }>; tag?: string },
) {
  const counties = [
    ...new Set(
      reachPaths(actor, RESIDENT_ROLES)
        .map((p) => p.split('/')[1])
        .filter(Boolean),
    ),
  ];
  const defs = await db
    .select()
    .from(residentTagDefs)
    .where(counties.length ? inArray(residentTagDefs.countyId, counties) : sql`true`);
  const tagDef = new Map(defs.map((d) => [`${d.countyId}|${d.code}`, d]));
  const child = yearsAgo(new Date().toISOString().slice(0, 10), CHILD_AGE);
  const nodeIds = [...villages.keys()];

  function* present(
    rows: ResidentRow[],
    tags: Map<string, string[]>,
    homes: Map<string, { headName: string }>,
  ): Generator<ExportedResident> {
    for (const r of rows) {
      const node = villages.get(r.nodeId)!;
      const sensitive = canSeeSensitive(actor, node);
      if (!sensitive && r.birthDate && r.birthDate > child) continue;
      const id = r.idNumberEnc ? protector.decrypt(r.idNumberEnc) : '';
      yield {
        nodeId: r.nodeId,
        name: r.name,
        gender: r.gender,
        birthDate: r.birthDate,
        idNumber: id ? (canRevealId(actor, node) ? id : maskIdCard(id)) : null,
        phone: r.phone ? (canRevealPhone(actor, node) ? r.phone : maskPhone(r.phone)) : null,
        headName: (r.householdId && homes.get(r.householdId)?.headName) || null,
        relationToHead: r.relationToHead,
        building: r.building,
        tagLabels: (tags.get(r.id) ?? [])
          .map((code) => tagDef.get(`${r.countyId}|${code}`))
          .filter((d) => d && (sensitive || !d.sensitive))
          .map((d) => d!.label),
        education: r.education,
        employment: r.employment,
        occupation: r.occupation,
        note: r.note,
      };
    }
  }

  return async (after = FIRST): Promise<{ residents: Iterable<ExportedResident>; next: string | null }> => {
    const rows = await db
      .select()
      .from(residents)
      .where(
        and(
          anyOf(residents.nodeId, nodeIds, 'uuid'),
          isNull(residents.anonymizedAt),
          gt(residents.id, after),
          tag
            ? sql`exists (select 1 from ${residentTags} t where t.resident_id = ${residents.id} and t.tag = ${tag})`
            : undefined,
        ),
      )
      .orderBy(asc(residents.id))
      .limit(BATCH);
    const tags = await tagsOf(
      db,
      rows.map((r) => r.id),
    );
    const homes = await householdsOf(db, [...new Set(rows.map((r) => r.householdId).filter((h): h is string => !!h))]);
    return { residents: present(rows, tags, homes), next: rows.length === BATCH ? rows[rows.length - 1].id : null };
  };
}
