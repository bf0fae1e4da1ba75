import { and, asc, eq, isNull, ne, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { pgErrorCode } from '../../server/db/client';
import type { Protector } from '../../server/protect';
import type { Actor } from '../../shared/actor';
import { fieldError, hidden } from '../../shared/app-error';
import { ID_CARD_MESSAGES, parseIdCard } from '../../shared/id-card';
import { nameSearchKeys } from '../../shared/pinyin';
import { auditChange } from '../../server/audit';
import { orgNodes } from '../../server/db/tree.table';
import { countyOfPath, type ConsentInput, type Warning } from './people.contract';
import { canReadResident, canUpdateResident } from './people.policy';
import { consents, households, residents, residentTagDefs, residentTags } from './people.table';
import type { NormalizedResident } from './resident-input';

/** The default special-group list, seeded for a county the first time it is needed. */
export const DEFAULT_TAGS: { code: string; label: string }[] = [
  { code: 'elderly', label: '老年人' },
  { code: 'youth', label: '青少年' },
  { code: 'left_behind_child', label: '留守儿童' },
  { code: 'disabled', label: '残疾人' },
  { code: 'unemployed', label: '失业/下岗人员' },
  { code: 'migrant_worker', label: '外来务工人员' },
  { code: 'veteran', label: '退役军人' },
  { code: 'rural_migrant', label: '农民工' },
  { code: 'landless_farmer', label: '失地农民' },
];

export type TagDefRow = typeof residentTagDefs.$inferSelect;

/** The county's tag list, seeding the default list when the county has none yet. */
export async function ensureTagDefs(tx: DbOrTx, countyId: string): Promise<TagDefRow[]> {
  const read = () =>
    tx
      .select()
      .from(residentTagDefs)
      .where(eq(residentTagDefs.countyId, countyId))
      .orderBy(asc(residentTagDefs.sortOrder), asc(residentTagDefs.code));
  const rows = await read();
  if (rows.length) return rows;
  await tx
    .insert(residentTagDefs)
    .values(
      DEFAULT_TAGS.map((t, i) => ({
        countyId,
        code: t.code,
        label: t.label,
        sensitive: true,
        sortOrder: (i + 1) * 10,
      })),
    )
    .onConflictDoNothing();
  return read();
}

export type ResidentRow = typeof residents.$inferSelect;
type NodeArg = { id: string; path: string; level: string; name: string };

export type UpsertArgs = {
  actor: Actor;
  protector: Protector;
  /** The village or community the resident lives in; the caller has checked the actor's reach. */
  node: NodeArg;
  value: NormalizedResident;
  /** Recorded with the resident (required by the form on create; the import records its own). */
  consent?: ConsentInput | null;
  /** Update this resident (already loaded and checked by the caller). */
  existing?: ResidentRow;
  /** When no `existing` is given and the ID number is already registered in the county: refuse (default) or update that resident. */
  onDuplicateId?: 'error' | 'update';
};

export type UpsertResult = { id: string; action: 'created' | 'updated'; warnings: Warning[] };

/**
 * A duplicate ID number: within the actor's reach the other record is named (the usual case: the
 * same person entered twice); outside it the answer neither names nor confirms anyone.
 */
const duplicateIdError = (other?: { name: string; nodeName: string }) =>
  other
    ? fieldError(
        'idNumber',
        `身份证号已登记：${other.nodeName}的居民“${other.name}”使用这个身份证号，请核对是否重复登记`,
        `ID number already registered: “${other.name}” of “${other.nodeName}” has this ID number; check whether this is the same person`,
      )
    : fieldError(
        'idNumber',
        '这个身份证号无法在此登记，请核对号码；如确认无误，请联系县（区）管理员',
        'This ID number cannot be registered here; check it, and if it is right, ask the county administrator',
      );

/**
 * Creates or updates one resident inside the caller's transaction: ID number protected and
 * unique per county, pinyin search keys, tags checked against the county's list, household
 * in the same village, consent recorded, audit row written. Returns warnings that do not
 * block (a phone number already used by another resident). Used by the form and the import.
 */
export async function upsertResident(tx: DbOrTx, a: UpsertArgs): Promise<UpsertResult> {
  const { actor, protector, node, value } = a;
  if (node.level !== 'centre')
    throw fieldError(
      'nodeId',
      '请选择居民所在的村（社区）学习中心',
      'Choose the village or community the resident lives in',
    );
  const countyId = countyOfPath(node.path);
  let existing = a.existing;

  const defs = await ensureTagDefs(tx, countyId);
  const unknown = value.tags.filter((t) => !defs.some((d) => d.code === t));
  if (unknown.length)
    throw fieldError(
      'tags',
      `标签“${unknown.join('、')}”不在本县的标签列表中`,
      `Tags not in the county's list: ${unknown.join(', ')}`,
    );

  if (value.householdId) {
    const [h] = await tx
      .select({ nodeId: households.nodeId })
      .from(households)
      .where(eq(households.id, value.householdId));
    if (!h || h.nodeId !== node.id)
      throw fieldError(
        'householdId',
        '所选的户不在该村（社区），请重新选择',
        'The household belongs to another village or community',
      );
  }

  const idHash = value.idNumber ? protector.digest(value.idNumber) : null;
  if (idHash) {
    const [dup] = await othersInCounty(tx, countyId, eq(residents.idNumberHash, idHash), existing?.id);
    if (dup && (existing || a.onDuplicateId !== 'update'))
      throw duplicateIdError(canReadResident(actor, dup) ? dup : undefined);
    if (dup) {
      if (!canUpdateResident(actor, dup)) throw duplicateIdError();
      [existing] = await tx.select().from(residents).where(eq(residents.id, dup.id));
    }
  }
  if (existing && value.idNumber === undefined && existing.idNumberEnc)
    checkStoredId(protector.decrypt(existing.idNumberEnc), value);

  const keys = nameSearchKeys(value.name);
  const cols = {
    countyId,
    nodeId: node.id,
    householdId: value.householdId,
    relationToHead: value.relationToHead,
    building: value.building,
    name: value.name,
    namePinyin: keys.pinyin,
    nameInitials: keys.initials,
    gender: value.gender,
    birthDate: value.birthDate,
    education: value.education,
    employment: value.employment,
    occupation: value.occupation,
    note: value.note,
    ...(value.phone !== undefined ? { phone: value.phone } : {}),
    ...(value.idNumber !== undefined
      ? {
          idNumberEnc: value.idNumber ? protector.encrypt(value.idNumber) : null,
          idNumberHash: idHash,
          idLast4: value.idNumber ? value.idNumber.slice(-4) : null,
        }
      : {}),
  };
  const id = existing?.id ?? crypto.randomUUID();
  try {
    if (existing)
      await tx
        .update(residents)
        .set({ ...cols, updatedAt: new Date() })
        .where(eq(residents.id, id));
    else await tx.insert(residents).values({ ...cols, id, createdBy: actor.userId });
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw duplicateIdError();
    throw err;
  }
  const tagsBefore = existing
    ? (await tx.select({ tag: residentTags.tag }).from(residentTags).where(eq(residentTags.residentId, id)))
        .map((t) => t.tag)
        .sort()
    : [];
  await tx.delete(residentTags).where(eq(residentTags.residentId, id));
  if (value.tags.length) await tx.insert(residentTags).values(value.tags.map((tag) => ({ residentId: id, tag })));
  if (a.consent) await tx.insert(consents).values(consentRow(id, a.consent, actor.userId));
  if (value.householdId && value.relationToHead === 'head') {
    await tx
      .update(households)
      .set({ headName: value.name, updatedAt: new Date() })
      .where(eq(households.id, value.householdId));
  }

  // The audit names the fields that changed, never their values: the trail is kept for
  // good and must not become a second copy of personal data.
  const changed = existing
    ? changedFields(existing, cols, value.idNumber !== undefined && idHash !== existing.idNumberHash)
    : [];
  if (existing && tagsBefore.join() !== [...value.tags].sort().join()) changed.push('tags');
  await auditChange(
    tx,
    actor,
    node,
    existing ? 'resident.update' : 'resident.create',
    ['resident', id],
    existing
      ? { fields: changed, node: node.name }
      : {
          node: node.name,
          hasIdNumber: !!value.idNumber,
          tags: value.tags.length,
          consent: a.consent ? a.consent.givenBy : null,
        },
  );
  return {
    id,
    action: existing ? 'updated' : 'created',
    warnings: await phoneWarnings(tx, actor, countyId, id, value.phone ?? existing?.phone ?? null),
  };
}

/** A consent as recorded for the resident by a user. */
export const consentRow = (residentId: string, c: ConsentInput, recordedBy: string) => ({
  residentId,
  purpose: c.purpose,
  givenBy: c.givenBy,
  guardianName: c.guardianName,
  guardianRelation: c.guardianRelation,
  method: c.method,
  recordedBy,
});

function checkStoredId(stored: string, value: NormalizedResident): void {
  const parsed = parseIdCard(stored, value.birthDate);
  if (typeof parsed === 'string')
    throw fieldError('birthDate', ID_CARD_MESSAGES[parsed].zh, ID_CARD_MESSAGES[parsed].en);
  if (value.gender && value.gender !== parsed.gender)
    throw fieldError('gender', '性别与已登记的身份证号不一致', 'The gender differs from the registered ID number');
}

function changedFields(before: ResidentRow, after: Record<string, unknown>, idChanged: boolean): string[] {
  const skip = new Set(['countyId', 'namePinyin', 'nameInitials', 'idNumberEnc', 'idNumberHash', 'idLast4']);
  const out = Object.keys(after).filter(
    (k) => !skip.has(k) && JSON.stringify(before[k as keyof ResidentRow] ?? null) !== JSON.stringify(after[k] ?? null),
  );
  if (idChanged) out.push('idNumber');
  return out;
}

/** The county's residents that `match`, other than `exceptId`, with their village's name and path. */
function othersInCounty(tx: DbOrTx, countyId: string, match: SQL | undefined, exceptId: string | undefined) {
  return tx
    .select({ id: residents.id, name: residents.name, nodeName: orgNodes.name, path: orgNodes.path })
    .from(residents)
    .innerJoin(orgNodes, eq(orgNodes.id, residents.nodeId))
    .where(and(eq(residents.countyId, countyId), match, exceptId ? ne(residents.id, exceptId) : undefined))
    .$dynamic();
}

/**
 * A phone number shared with other residents: allowed (families share), but said — naming those
 * within the actor's reach; residents outside it are neither named nor counted.
 */
async function phoneWarnings(
  tx: DbOrTx,
  actor: Actor,
  countyId: string,
  id: string,
  phone: string | null,
): Promise<Warning[]> {
  if (!phone) return [];
  const rows = await othersInCounty(tx, countyId, and(eq(residents.phone, phone), isNull(residents.anonymizedAt)), id)
    .orderBy(asc(residents.name))
    .limit(200);
  const seen = rows.filter((r) => canReadResident(actor, r));
  if (seen.length === 0) return [];
  const names = seen.slice(0, 3).map((r) => `${r.nodeName}${r.name}`);
  const more = seen.length > 3 ? seen.length : 0;
  return [
    {
      path: 'phone',
      message: `这个手机号也登记在${names.join('、')}${more ? ` 等 ${more} 位居民` : ''}名下，请核对（家人共用可忽略）`,
      messageEn: `This phone number is also registered for ${names.join(', ')}${more ? ` and others (${more} in all)` : ''}; please check (fine if family members share it)`,
    },
  ];
}

/** Loads a resident with its node, or NOT_FOUND. Scope checks are the caller's. */
export async function loadResidentRow(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ r: residents, path: orgNodes.path, nodeName: orgNodes.name, level: orgNodes.level })
    .from(residents)
    .innerJoin(orgNodes, eq(orgNodes.id, residents.nodeId))
    .where(eq(residents.id, id));
  if (!row) throw hidden();
  return row;
}
