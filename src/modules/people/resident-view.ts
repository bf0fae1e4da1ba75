import { and, eq, gt, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import type { Protector } from '../../server/protect';
import type { Actor } from '../../shared/actor';
import { maskIdCard } from '../../shared/id-card';
import { maskPhone } from '../../shared/phone';
import { chinaToday } from '../../shared/china-time';
import { ageOn, CHILD_AGE, type AgeBand, type Resident } from './people.contract';
import { canSeeSensitive } from './people.policy';
import { residents, residentTagDefs, residentTags } from './people.table';
import type { ResidentRow } from './resident-write';

/** The birth date of someone who turns `years` old today (YYYY-MM-DD). */
export function yearsAgo(today: string, years: number): string {
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y - years, m - 1, d)).toISOString().slice(0, 10);
}

export const isChild = (birthDate: string | null, today = chinaToday()) =>
  birthDate !== null && ageOn(birthDate, today) < CHILD_AGE;

/** SQL: the resident is not a child under 14 (or has no birth date). */
export const notChild = (today: string): SQL =>
  or(isNull(residents.birthDate), lte(residents.birthDate, yearsAgo(today, CHILD_AGE)))!;

/** SQL: the resident's age lies in the band. */
export function inAgeBand(band: AgeBand, today: string): SQL {
  const [lo, hi] = band === '60+' ? [60, null] : band.split('-').map(Number);
  const conds = [lte(residents.birthDate, yearsAgo(today, lo!))];
  if (hi !== null) conds.push(gt(residents.birthDate, yearsAgo(today, hi + 1)));
  return and(...conds)!;
}

/** Tag codes per resident, keeping only what the actor may see (sensitive tags need the right). */
export async function visibleTags(
  db: DbOrTx,
  actor: Actor,
  rows: { id: string; countyId: string; path: string }[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (rows.length === 0) return out;
  const tags = await db
    .select()
    .from(residentTags)
    .where(
      inArray(
        residentTags.residentId,
        rows.map((r) => r.id),
      ),
    );
  const defs = await db
    .select()
    .from(residentTagDefs)
    .where(inArray(residentTagDefs.countyId, [...new Set(rows.map((r) => r.countyId))]));
  const open = new Set(defs.filter((d) => !d.sensitive).map((d) => `${d.countyId}|${d.code}`));
  const order = new Map(defs.map((d) => [`${d.countyId}|${d.code}`, d.sortOrder]));
  for (const r of rows) {
    const sensitiveOk = canSeeSensitive(actor, r);
    const mine = tags
      .filter((t) => t.residentId === r.id && (sensitiveOk || open.has(`${r.countyId}|${t.tag}`)))
      .map((t) => t.tag);
    mine.sort((a, b) => (order.get(`${r.countyId}|${a}`) ?? 9999) - (order.get(`${r.countyId}|${b}`) ?? 9999));
    out.set(r.id, mine);
  }
  return out;
}

/** A resident as the API shows it: ID number and phone masked, age computed. */
export function toResident(
  r: ResidentRow,
  nodeName: string,
  tags: string[],
  protector: Protector,
  today = chinaToday(),
): Resident {
  return {
    id: r.id,
    nodeId: r.nodeId,
    nodeName,
    householdId: r.householdId,
    relationToHead: r.relationToHead as Resident['relationToHead'],
    building: r.building,
    name: r.name,
    gender: r.gender as Resident['gender'],
    birthDate: r.birthDate,
    age: r.birthDate ? ageOn(r.birthDate, today) : null,
    phone: r.phone ? maskPhone(r.phone) : null,
    idNumber: r.idNumberEnc ? maskIdCard(protector.decrypt(r.idNumberEnc)) : null,
    tags,
    anonymized: r.anonymizedAt !== null,
  };
}

/** Residents of a page with their visible tags, in order. */
export async function presentResidents(
  db: DbOrTx,
  actor: Actor,
  protector: Protector,
  rows: { r: ResidentRow; nodeName: string; path: string }[],
): Promise<Resident[]> {
  const tags = await visibleTags(
    db,
    actor,
    rows.map((x) => ({ id: x.r.id, countyId: x.r.countyId, path: x.path })),
  );
  const today = chinaToday();
  return rows.map((x) => toResident(x.r, x.nodeName, tags.get(x.r.id) ?? [], protector, today));
}

/** True when a tag code is sensitive in any county (unknown codes count as sensitive). */
export async function isSensitiveTag(db: DbOrTx, code: string): Promise<boolean> {
  const defs = await db
    .select({ sensitive: residentTagDefs.sensitive })
    .from(residentTagDefs)
    .where(eq(residentTagDefs.code, code));
  return defs.length === 0 || defs.some((d) => d.sensitive);
}
