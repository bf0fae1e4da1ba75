import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../server/db/client';
import type { Protector } from '../../server/protect';
import type { Actor } from '../../shared/actor';
import { AppError, forbidden, hidden } from '../../shared/app-error';
import { maskIdCard } from '../../shared/id-card';
import { maskPhone } from '../../shared/phone';
import { auditHistory } from '../audit';
import { auditChange } from '../../server/audit';
import { chinaToday } from '../../shared/china-time';
import { type ConsentInput, type Removed } from './people.contract';
import { canReadResident, canRevealId, canRevealPhone, canUpdateResident } from './people.policy';
import { consents, households, residents, residentTagDefs, residentTags } from './people.table';
import { normalizeConsent } from './resident-input';
import { listConsents, readResident } from './resident.service';
import { consentRow } from './resident-write';
import { foreignKeysOnto, sqlRows } from '../../server/db/sql';

type Ctx = { db: Db; actor: Actor; protector: Protector };

/** Audits an action on one resident, at the resident's village. */
const auditResident = (
  db: DbOrTx,
  actor: Actor,
  row: { r: { id: string; nodeId: string }; path: string },
  action: string,
  summary: Record<string, unknown>,
) => auditChange(db, actor, { id: row.r.nodeId, path: row.path }, action, ['resident', row.r.id], summary);

/** The full ID number or phone, for an actor with the reveal right; every reveal is audited. */
export async function revealResident({
  db,
  actor,
  protector,
  id,
  field,
}: Ctx & { id: string; field: 'idNumber' | 'phone' }): Promise<{ value: string }> {
  const row = await readResident({ db, actor }, id);
  const allowed = field === 'idNumber' ? canRevealId(actor, row) : canRevealPhone(actor, row);
  if (!allowed) throw forbidden();
  const value = field === 'idNumber' ? (row.r.idNumberEnc ? protector.decrypt(row.r.idNumberEnc) : null) : row.r.phone;
  if (!value) throw new AppError('NOT_FOUND');
  await auditResident(db, actor, row, 'resident.reveal', { field });
  return { value };
}

/** Tables of this module that belong to the person and go with them. */
const OWN_TABLES = new Set(['resident_tags', 'consents']);
/** Other modules' tables that point at a resident, named for the user; unknown ones show their table name. */
export const RESIDENT_LINK_NAMES: Record<string, { zh: string; en: string }> = {
  teachers: { zh: '师资库记录', en: 'teacher-bank record' },
  sign_ins: { zh: '签到记录', en: 'attendance records' },
  credit_ledger: { zh: '学分记录', en: 'credit records' },
  credit_balances: { zh: '学分账户', en: 'credit account' },
  credit_redemptions: { zh: '奖品兑换记录', en: 'reward redemptions' },
  registrations: { zh: '活动报名', en: 'registrations' },
  award_nominations: { zh: '评选提名', en: 'award nominations' },
};

const rows = sqlRows;
const bareName = (tbl: string) => tbl.replace(/^.*\./, '').replace(/"/g, '');

/**
 * Rows of other tables that reference the resident, found from the database's foreign keys,
 * so tables added later (attendance, credits) count without changing this function.
 */
export async function linkedRecords(db: DbOrTx, id: string): Promise<{ table: string; count: number }[]> {
  const out: { table: string; count: number }[] = [];
  for (const fk of await foreignKeysOnto(db, 'residents')) {
    const table = bareName(fk.tbl);
    if (OWN_TABLES.has(table)) continue;
    const [{ n }] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(fk.col)} = ${id}`,
    );
    if (Number(n) > 0) out.push({ table, count: Number(n) });
  }
  return out;
}

/** Other tables whose rows are deleted with the resident (ON DELETE CASCADE): they belong to the person. */
async function ownedByPerson(db: DbOrTx): Promise<{ table: string; col: string }[]> {
  const keys = await foreignKeysOnto(db, 'residents');
  return keys.filter((k) => k.cascade).map((k) => ({ table: bareName(k.tbl), col: k.col }));
}

/**
 * The person asks to be deleted. Without records elsewhere the resident is deleted; when
 * other records must stay (teacher bank, later attendance and credits) the person is
 * anonymised instead: name replaced, ID, phone, birth date, tags and pinyin cleared.
 */
export async function removeResident({ db, actor, id }: Omit<Ctx, 'protector'> & { id: string }): Promise<Removed> {
  return db.transaction(async (tx) => {
    const row = await readResident({ db: tx, actor }, id);
    if (!canUpdateResident(actor, row)) throw forbidden();
    if (row.r.anonymizedAt)
      throw new AppError('CONFLICT', { detail: '该居民已注销', detailEn: 'this resident has already been anonymised' });
    const owned = await ownedByPerson(tx);
    const links = (await linkedRecords(tx, id)).filter((l) => !owned.some((o) => o.table === l.table));
    const reasons = links.map((l) => ({
      ...l,
      label: RESIDENT_LINK_NAMES[l.table]?.zh ?? l.table,
      labelEn: RESIDENT_LINK_NAMES[l.table]?.en ?? l.table,
    }));
    if (reasons.length === 0) {
      await auditResident(tx, actor, row, 'resident.delete', { node: row.nodeName });
      await tx.delete(residents).where(eq(residents.id, id));
      return { outcome: 'deleted' as const, reasons: [] };
    }
    await tx
      .update(residents)
      .set({
        name: '已注销居民',
        namePinyin: '',
        nameInitials: '',
        gender: null,
        birthDate: null,
        phone: null,
        idNumberEnc: null,
        idNumberHash: null,
        idLast4: null,
        householdId: null,
        relationToHead: null,
        building: null,
        education: null,
        employment: null,
        occupation: null,
        note: null,
        anonymizedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(residents.id, id));
    await tx.delete(residentTags).where(eq(residentTags.residentId, id));
    // What goes with the person (phone accounts, sessions, devices: ON DELETE CASCADE) goes with their name too.
    for (const o of owned)
      if (!OWN_TABLES.has(o.table))
        await tx.execute(sql`delete from ${sql.identifier(o.table)} where ${sql.identifier(o.col)} = ${id}`);
    await tx
      .update(consents)
      .set({ withdrawnAt: new Date() })
      .where(and(eq(consents.residentId, id), isNull(consents.withdrawnAt)));
    await auditResident(tx, actor, row, 'resident.anonymize', { node: row.nodeName, kept: links });
    return { outcome: 'anonymized' as const, reasons };
  });
}

/** Everything cedu holds about one person, for the person (right of access); audited. */
export async function exportResident({ db, actor, protector, id }: Ctx & { id: string }) {
  const row = await readResident({ db, actor }, id);
  if (!canReadResident(actor, row)) throw hidden();
  const { r } = row;
  const idClear = r.idNumberEnc ? protector.decrypt(r.idNumberEnc) : null;
  const tagRows = await db
    .select({ code: residentTags.tag, label: residentTagDefs.label })
    .from(residentTags)
    .leftJoin(
      residentTagDefs,
      and(eq(residentTagDefs.code, residentTags.tag), eq(residentTagDefs.countyId, r.countyId)),
    )
    .where(eq(residentTags.residentId, id));
  const [household] = r.householdId
    ? await db
        .select({ headName: households.headName, building: households.building, address: households.address })
        .from(households)
        .where(eq(households.id, r.householdId))
    : [];
  const history = await auditHistory(db, 'resident', id);
  await auditResident(db, actor, row, 'resident.export', { idInClear: !!idClear && canRevealId(actor, row) });
  return {
    exportedAt: new Date().toISOString(),
    exportedBy: actor.displayName,
    resident: {
      name: r.name,
      gender: r.gender,
      birthDate: r.birthDate,
      village: row.nodeName,
      building: r.building,
      relationToHead: r.relationToHead,
      phone: r.phone ? (canRevealPhone(actor, row) ? r.phone : maskPhone(r.phone)) : null,
      idNumber: idClear ? (canRevealId(actor, row) ? idClear : maskIdCard(idClear)) : null,
      education: r.education,
      employment: r.employment,
      occupation: r.occupation,
      note: r.note,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      anonymizedAt: r.anonymizedAt?.toISOString() ?? null,
    },
    household: household ?? null,
    tags: tagRows.map((t) => ({ code: t.code, label: t.label ?? t.code })),
    consents: await listConsents(db, id),
    linkedRecords: await linkedRecords(db, id),
    history: history.map((h) => ({ at: h.at.toISOString(), action: h.action, by: h.by })),
  };
}

/** Records a further consent (e.g. a new purpose); a child's needs a guardian. */
export async function addConsent({
  db,
  actor,
  id,
  input,
}: Omit<Ctx, 'protector'> & { id: string; input: ConsentInput }): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const row = await readResident({ db: tx, actor }, id);
    if (!canUpdateResident(actor, row) || row.r.anonymizedAt) throw forbidden();
    const issues: { path: string; message: string; messageEn: string }[] = [];
    const c = normalizeConsent(input, row.r.birthDate, chinaToday(), issues);
    if (issues.length || !c)
      throw new AppError(
        'VALIDATION_FAILED',
        {},
        { issues: issues.map((i) => ({ ...i, path: i.path.replace(/^consent\./, '') })) },
      );
    const [saved] = await tx
      .insert(consents)
      .values(consentRow(id, c, actor.userId))
      .returning({ id: consents.id });
    await auditResident(tx, actor, row, 'resident.consent.add', {
      purpose: c.purpose,
      givenBy: c.givenBy,
      method: c.method,
    });
    return { id: saved.id };
  });
}

/** The person withdraws a consent; the record stays, marked with the time. */
export async function withdrawConsent({
  db,
  actor,
  id,
  consentId,
}: Omit<Ctx, 'protector'> & { id: string; consentId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await readResident({ db: tx, actor }, id);
    if (!canUpdateResident(actor, row)) throw forbidden();
    const done = await tx
      .update(consents)
      .set({ withdrawnAt: new Date() })
      .where(and(eq(consents.id, consentId), eq(consents.residentId, id), isNull(consents.withdrawnAt)))
      .returning({ purpose: consents.purpose });
    if (done.length === 0) throw new AppError('NOT_FOUND');
    await auditResident(tx, actor, row, 'resident.consent.withdraw', { purpose: done[0].purpose });
  });
}
