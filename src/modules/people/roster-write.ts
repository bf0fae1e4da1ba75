import { eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import type { Protector } from '../../server/protect';
import { AppError } from '../../shared/app-error';
import type { Actor } from '../../shared/actor';
import { nameSearchKeys } from '../../shared/pinyin';
import { consents, households, residents, residentTags } from './people.table';
import { chunks, insertJson, rowsOf, tick } from './roster-batch';
import { rowChanges, rowColumns, type RosterEntry, type RosterPlan } from './roster-match';

/*
 * The roster import's writer. It writes the tables in batches rather than through
 * `upsertResident` (resident-write.ts), which runs several queries and writes an audit row per
 * resident: for a 100,000-row roster that is ~600,000 statements and 100,000 audit rows, where
 * this writes 1,000 residents a statement and the import one summary audit row. It shares the
 * name keys (src/shared/pinyin) and the tag list (ensureTagDefs). Should the rules for a resident
 * grow (more columns, more checks), `writeRoster`'s insert/update values are the one place to follow them.
 */

const WRITE_BATCH = 1000;
const BULK_FROM = 1000;

const householdKey = (nodeId: string, headName: string, building: string | null) =>
  `${nodeId}|${headName}|${building ?? ''}`;

function nameColumns(name: string) {
  const keys = nameSearchKeys(name);
  return { namePinyin: keys.pinyin, nameInitials: keys.initials };
}

/**
 * Writes the planned rows in the caller's transaction, in batches with a turn of the event
 * loop between them: households (found or created by village + head + building), residents,
 * their tags, and for each new resident the consent of the import (名册导入, on paper).
 */
export async function writeRoster(
  tx: DbOrTx,
  {
    actor,
    protector,
    countyId,
    plans,
    exclusive = false,
  }: {
    actor: Actor;
    protector: Protector;
    countyId: string;
    plans: RosterPlan[];
    /** PGlite: one session, so no other transaction can run meanwhile (see enterBulkMode). */
    exclusive?: boolean;
  },
) {
  const todo = plans.filter((p) => p.action !== 'unchanged');
  if (exclusive && todo.length >= BULK_FROM)
    await enterBulkMode(tx, { countyId, userId: actor.userId, nodeIds: todo.map((p) => p.row.centre.id) });
  const householdIds = await ensureHouseholds(
    tx,
    todo.map((p) => p.row),
  );
  const hh = (r: RosterEntry) =>
    r.headName ? householdIds.get(householdKey(r.centre.id, r.headName, r.building))! : undefined;
  let created = 0;
  let updated = 0;
  for (const batch of chunks(
    todo.filter((p) => p.action === 'new'),
    WRITE_BATCH,
  )) {
    const values = batch.map(({ row: r }) => ({
      ...rowColumns(r),
      id: crypto.randomUUID(),
      countyId,
      householdId: hh(r) ?? null,
      ...nameColumns(r.name),
      idNumberEnc: r.idNumber ? protector.encrypt(r.idNumber) : null,
      idLast4: r.idNumber ? r.idNumber.slice(-4) : null,
      createdBy: actor.userId,
    }));
    await insertJson(tx, residents, values);
    const tags = batch.flatMap(({ row }, i) => (row.tags ?? []).map((tag) => ({ residentId: values[i].id, tag })));
    if (tags.length) await insertJson(tx, residentTags, tags);
    await insertJson(
      tx,
      consents,
      batch.map(({ row: r }, i) => ({
        id: crypto.randomUUID(),
        residentId: values[i].id,
        purpose: '名册导入',
        method: 'paper',
        recordedBy: actor.userId,
        givenBy: r.under14 ? 'guardian' : 'self',
        guardianName: r.under14 ? r.headName : null,
        guardianRelation: r.under14 ? '户主' : null,
      })),
    );
    created += batch.length;
    await tick();
  }
  for (const batch of chunks(
    todo.filter((p) => p.action === 'update'),
    WRITE_BATCH,
  )) {
    for (const { row: r, existing: e } of batch) {
      const set: Record<string, unknown> = { ...rowChanges(r, e), updatedAt: new Date() };
      if (set.name) Object.assign(set, nameColumns(r.name));
      if (set.idNumberHash)
        Object.assign(set, { idNumberEnc: protector.encrypt(r.idNumber!), idLast4: r.idNumber!.slice(-4) });
      const h = hh(r);
      if (h) set.householdId = h;
      await tx.update(residents).set(set).where(eq(residents.id, e!.id));
      if (r.tags && r.tags.join(',') !== e!.tags.join(',')) {
        await tx.delete(residentTags).where(eq(residentTags.residentId, e!.id));
        if (r.tags.length) await tx.insert(residentTags).values(r.tags.map((tag) => ({ residentId: e!.id, tag })));
      }
    }
    updated += batch.length;
    await tick();
  }
  if (exclusive && todo.length >= BULK_FROM) await leaveBulkMode(tx, countyId);
  return { created, updated, unchanged: plans.length - todo.length };
}

/**
 * Fresh planner statistics after a big change (PGlite has no autovacuum to gather them): without
 * them a county-wide list of 100,000 residents took ~300 ms instead of ~70 ms.
 */
export async function analyzeRoster(db: DbOrTx): Promise<void> {
  await db.execute(sql`analyze residents, resident_tags, households, consents`);
}

/**
 * PGlite only (`exclusive`: one session, so no other transaction can run meanwhile). Per-row
 * foreign-key triggers cost about a quarter of PGlite's insert time (measured: a 100,000-row
 * commit 15–18 s with them, ~13 s without), so a big import switches triggers off for its
 * writes (`session_replication_role = replica`, transaction-local) after checking here what the
 * triggers would: the county, the villages and the importing user exist. Every other reference is
 * made in this transaction (households, residents) — and leaveBulkMode checks them all again
 * before triggers come back, so the audit row and anything after run with triggers as usual.
 */
async function enterBulkMode(
  tx: DbOrTx,
  { countyId, userId, nodeIds }: { countyId: string; userId: string; nodeIds: string[] },
): Promise<void> {
  const ids = [...new Set([countyId, ...nodeIds])];
  const found = rowsOf<{ n: number }>(
    await tx.execute(sql`select count(*)::int as n from org_nodes where id = any(${sql.param(ids)}::uuid[])`),
  )[0].n;
  // What the foreign keys of created_by / recorded_by would check (the accounts module's table, read by name).
  const user = rowsOf<{ n: number }>(
    await tx.execute(sql`select count(*)::int as n from users where id = ${userId}`),
  )[0].n;
  if (found !== ids.length || user !== 1)
    throw new AppError('CONFLICT', {
      detail: '导入范围内的村（社区）或您的账号已有变化，请重新上传预览',
      detailEn: 'A village in the scope or your account has changed; upload the file again',
    });
  await tx.execute(sql`set local session_replication_role = replica`);
}

async function leaveBulkMode(tx: DbOrTx, countyId: string): Promise<void> {
  const [broken] = rowsOf<{ n: number }>(
    await tx.execute(sql`
    select ((select count(*) from residents r where r.county_id = ${countyId} and (
              not exists (select 1 from org_nodes n where n.id = r.node_id)
              or (r.household_id is not null and not exists (select 1 from households h where h.id = r.household_id))))
         + (select count(*) from resident_tags t where not exists (select 1 from residents r where r.id = t.resident_id))
         + (select count(*) from consents c where not exists (select 1 from residents r where r.id = c.resident_id))
         + (select count(*) from households h where not exists (select 1 from org_nodes n where n.id = h.node_id)))::int as n`),
  );
  if (broken.n !== 0) throw new Error(`roster import: ${broken.n} rows would break a foreign key; nothing was written`);
  await tx.execute(sql`set local session_replication_role = origin`);
}

/** Household ids by village + head + building, creating the missing ones. */
async function ensureHouseholds(tx: DbOrTx, rows: RosterEntry[]): Promise<Map<string, string>> {
  const wanted = new Map<string, { nodeId: string; headName: string; building: string | null }>();
  for (const r of rows)
    if (r.headName)
      wanted.set(householdKey(r.centre.id, r.headName, r.building), {
        nodeId: r.centre.id,
        headName: r.headName,
        building: r.building,
      });
  const ids = new Map<string, string>();
  for (const part of chunks([...new Set([...wanted.values()].map((w) => w.nodeId))], 200)) {
    for (const h of await tx
      .select({
        id: households.id,
        nodeId: households.nodeId,
        headName: households.headName,
        building: households.building,
      })
      .from(households)
      .where(inArray(households.nodeId, part))) {
      ids.set(householdKey(h.nodeId, h.headName, h.building), h.id);
    }
  }
  const missing = [...wanted.entries()].filter(([k]) => !ids.has(k));
  for (const part of chunks(missing, WRITE_BATCH)) {
    const values = part.map(([k, w]) => ({ id: crypto.randomUUID(), ...w, key: k }));
    await tx.insert(households).values(values.map(({ key: _key, ...v }) => v));
    for (const v of values) ids.set(v.key, v.id);
    await tick();
  }
  return ids;
}
