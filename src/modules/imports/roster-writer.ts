import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../server/db/client';
import { AppError } from '../../shared/app-error';
import type { Protector } from '../../server/protect';
import type { Actor } from '../../shared/actor';
import { nameSearchKeys } from '../../shared/pinyin';
import { orgNodes } from '../../server/db/tree.table';
import { households, residents, residentTags } from '../people';
import type { RosterRow } from './roster-validate';

/*
 * The adapter between the roster import and the people tables. It writes the tables in
 * batches rather than through people's `upsertResident` (resident-write.ts), which runs
 * several queries and writes an audit row per resident: for a 100,000-row roster that is
 * ~600,000 statements and 100,000 audit rows, where this writes 1,000 residents a statement
 * and the import one summary audit row. It shares people's name keys (src/shared/pinyin)
 * and tag list (ensureTagDefs). Should people's rules for a resident grow (more columns,
 * more checks), `writeRoster`'s insert/update values are the one place to follow them.
 */

/** A resident already stored, as far as an import row can change it. */
export type Existing = {
  id: string;
  nodeId: string;
  nodePath: string;
  nodeName: string;
  name: string;
  gender: string | null;
  birthDate: string | null;
  phone: string | null;
  idHash: string | null;
  householdId: string | null;
  headName: string | null;
  householdBuilding: string | null;
  relation: string | null;
  building: string | null;
  education: string | null;
  employment: string | null;
  occupation: string | null;
  note: string | null;
  tags: string[];
};
export type PlanAction = 'new' | 'update' | 'unchanged';
export type Plan = { row: RosterRow; existing: Existing | null; action: PlanAction };

const CHUNK = 5000;
const WRITE_BATCH = 1000;
const tick = () => new Promise(setImmediate);
const chunks = <T>(xs: T[], n = CHUNK) =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
/** Runs `fn` over the items with a turn of the event loop every 2,000, so a 100,000-row loop never holds the server. */
async function each<T>(items: Iterable<T>, fn: (item: T) => void): Promise<void> {
  let n = 0;
  for (const item of items) {
    fn(item);
    if (++n % 2000 === 0) await tick();
  }
}

// Residents alone: their villages and households are read once for all matches (joins per row are slow on PGlite).
const existingColumns = {
  id: residents.id,
  nodeId: residents.nodeId,
  name: residents.name,
  gender: residents.gender,
  birthDate: residents.birthDate,
  phone: residents.phone,
  idHash: residents.idNumberHash,
  householdId: residents.householdId,
  relation: residents.relationToHead,
  building: residents.building,
  education: residents.education,
  employment: residents.employment,
  occupation: residents.occupation,
  note: residents.note,
};
const blank = { nodePath: '', nodeName: '', headName: null, householdBuilding: null, tags: [] as string[] };

/**
 * Finds the stored resident of each row: by ID-number hash within the county, else by
 * phone and name within the row's village, else (no ID, no phone) by name and birth date
 * there. A stored resident with another ID number is
 * someone else.
 */
export async function matchRows(db: DbOrTx, countyId: string, rows: RosterRow[]): Promise<Map<RosterRow, Existing>> {
  const out = new Map<RosterRow, Existing>();
  const base = () => db.select(existingColumns).from(residents);
  const byHash = new Map<string, Existing>();
  for (const part of chunks(rows.filter((r) => r.idHash).map((r) => r.idHash!))) {
    const found = await base().where(
      and(eq(residents.countyId, countyId), anyOf(residents.idNumberHash, part), isNull(residents.anonymizedAt)),
    );
    for (const e of found) byHash.set(e.idHash!, { ...e, ...blank, tags: [] });
    await tick();
  }
  const rest: RosterRow[] = [];
  await each(rows, (r) => {
    const e = r.idHash ? byHash.get(r.idHash) : undefined;
    if (e) out.set(r, e);
    else if (r.phone) rest.push(r);
  });
  const byPhone = new Map<string, Existing[]>();
  for (const part of chunks([...new Set(rest.map((r) => r.phone!))])) {
    const found = await base().where(
      and(eq(residents.countyId, countyId), anyOf(residents.phone, part), isNull(residents.anonymizedAt)),
    );
    for (const e of found) byPhone.set(e.phone!, [...(byPhone.get(e.phone!) ?? []), { ...e, ...blank, tags: [] }]);
    await tick();
  }
  const sameOne = (r: RosterRow) => (x: Existing) =>
    x.name === r.name && x.nodeId === r.centre.id && (!x.idHash || !r.idHash || x.idHash === r.idHash);
  await each(rest, (r) => {
    const e = byPhone.get(r.phone!)?.find(sameOne(r));
    if (e) out.set(r, e);
  });
  // Neither ID number nor phone (children, often): the same name and birth date in the village.
  const lastly = rows.filter((r) => !out.has(r) && !r.idHash && !r.phone && r.birthDate);
  const byName = new Map<string, Existing[]>();
  for (const part of chunks([...new Set(lastly.map((r) => r.name))])) {
    const found = await base().where(
      and(eq(residents.countyId, countyId), anyOf(residents.name, part), isNull(residents.anonymizedAt)),
    );
    for (const e of found) byName.set(e.name, [...(byName.get(e.name) ?? []), { ...e, ...blank, tags: [] }]);
    await tick();
  }
  for (const r of lastly) {
    const e = byName.get(r.name)?.find((x) => sameOne(r)(x) && x.birthDate === r.birthDate);
    if (e) out.set(r, e);
  }
  const byId = new Map<string, Existing>();
  await each(out.values(), (e) => byId.set(e.id, e));
  for (const part of chunks([...byId.keys()])) {
    for (const t of await db
      .select()
      .from(residentTags)
      .where(sql`${residentTags.residentId} = any(${sql.param(part)}::uuid[])`))
      byId.get(t.residentId)!.tags.push(t.tag);
    await tick();
  }
  await each(byId.values(), (e) => e.tags.sort());
  const nodes = new Map(
    (
      await db
        .select({ id: orgNodes.id, path: orgNodes.path, name: orgNodes.name })
        .from(orgNodes)
        .where(sql`${orgNodes.id} = any(${sql.param([...new Set([...byId.values()].map((e) => e.nodeId))])}::uuid[])`)
    ).map((n) => [n.id, n]),
  );
  await each(byId.values(), (e) =>
    Object.assign(e, { nodePath: nodes.get(e.nodeId)!.path, nodeName: nodes.get(e.nodeId)!.name }),
  );
  const found = new Map<string, { headName: string; building: string | null }>();
  for (const part of chunks([
    ...new Set([...byId.values()].map((e) => e.householdId).filter((h): h is string => !!h)),
  ])) {
    for (const h of await db
      .select({ id: households.id, headName: households.headName, building: households.building })
      .from(households)
      .where(sql`${households.id} = any(${sql.param(part)}::uuid[])`))
      found.set(h.id, h);
    await tick();
  }
  await each(byId.values(), (e) => {
    const h = e.householdId ? found.get(e.householdId) : undefined;
    if (h) Object.assign(e, { headName: h.headName, householdBuilding: h.building });
  });
  return out;
}

/**
 * Inserts many rows as one JSON parameter (json_populate_recordset): with PGlite this is
 * about ten times faster than a statement with thousands of bind parameters. Keys are the
 * table's column names; columns left out take their defaults.
 */
async function insertJson(tx: DbOrTx, table: string, rows: Record<string, unknown>[]): Promise<void> {
  const cols = Object.keys(rows[0])
    .map((c) => `"${c}"`)
    .join(', ');
  await tx.execute(
    sql`insert into ${sql.raw(`"${table}" (${cols})`)} select ${sql.raw(cols)} from json_populate_recordset(null::${sql.raw(`"${table}"`)}, ${JSON.stringify(rows)}::json)`,
  );
}

/** `column = any($1)`: one array parameter instead of thousands (much faster on PGlite). */
const anyOf = (column: AnyPgColumn, values: string[]) => sql`${column} = any(${sql.param(values)}::text[])`;

const householdKey = (nodeId: string, headName: string, building: string | null) =>
  `${nodeId}|${headName}|${building ?? ''}`;

/** The columns a row sets; blank cells keep what is stored. */
function changes(r: RosterRow, e: Existing | null) {
  const want = {
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
  };
  if (!e) return want;
  const have: Record<string, unknown> = {
    nodeId: e.nodeId,
    name: e.name,
    gender: e.gender,
    birthDate: e.birthDate,
    phone: e.phone,
    idNumberHash: e.idHash,
    relationToHead: e.relation,
    building: e.building,
    education: e.education,
    employment: e.employment,
    occupation: e.occupation,
    note: e.note,
  };
  return Object.fromEntries(Object.entries(want).filter(([k, v]) => v !== null && v !== have[k])) as Partial<
    typeof want
  >;
}

/** new, update or unchanged: nothing differs when every filled cell equals what is stored. */
export function classify(r: RosterRow, e: Existing | null): PlanAction {
  if (!e) return 'new';
  if (Object.keys(changes(r, e)).length) return 'update';
  if (r.tags && r.tags.join(',') !== e.tags.join(',')) return 'update';
  if (
    r.headName &&
    (e.nodeId !== r.centre.id || e.headName !== r.headName || (e.householdBuilding ?? null) !== r.building)
  )
    return 'update';
  return 'unchanged';
}

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
  }: { actor: Actor; protector: Protector; countyId: string; plans: Plan[]; exclusive?: boolean },
) {
  const todo = plans.filter((p) => p.action !== 'unchanged');
  if (exclusive && todo.length >= BULK_FROM)
    await enterBulkMode(tx, { countyId, userId: actor.userId, nodeIds: todo.map((p) => p.row.centre.id) });
  const households_ = await ensureHouseholds(
    tx,
    todo.map((p) => p.row),
  );
  const hh = (r: RosterRow) =>
    r.headName ? households_.get(householdKey(r.centre.id, r.headName, r.building))! : undefined;
  let created = 0;
  let updated = 0;
  for (const batch of chunks(
    todo.filter((p) => p.action === 'new'),
    WRITE_BATCH,
  )) {
    const values = batch.map(({ row: r }) => {
      const keys = nameColumns(r.name);
      return {
        id: crypto.randomUUID(),
        county_id: countyId,
        node_id: r.centre.id,
        household_id: hh(r) ?? null,
        relation_to_head: r.relation,
        building: r.building,
        name: r.name,
        name_pinyin: keys.namePinyin,
        name_initials: keys.nameInitials,
        gender: r.gender,
        birth_date: r.birthDate,
        phone: r.phone,
        id_number_enc: r.idNumber ? protector.encrypt(r.idNumber) : null,
        id_number_hash: r.idHash,
        id_last4: r.idNumber ? r.idNumber.slice(-4) : null,
        education: r.education,
        employment: r.employment,
        occupation: r.occupation,
        note: r.note,
        created_by: actor.userId,
      };
    });
    await insertJson(tx, 'residents', values);
    const tags = batch.flatMap(({ row }, i) => (row.tags ?? []).map((tag) => ({ resident_id: values[i].id, tag })));
    if (tags.length) await insertJson(tx, 'resident_tags', tags);
    await insertJson(
      tx,
      'consents',
      batch.map(({ row: r }, i) => ({
        id: crypto.randomUUID(),
        resident_id: values[i].id,
        purpose: '名册导入',
        method: 'paper',
        recorded_by: actor.userId,
        given_by: r.under14 ? 'guardian' : 'self',
        guardian_name: r.under14 ? r.headName : null,
        guardian_relation: r.under14 ? '户主' : null,
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
      const set: Record<string, unknown> = { ...changes(r, e), updatedAt: new Date() };
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

const BULK_FROM = 1000;

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

/** The rows of a `db.execute()` result (drizzle types it by driver). */
export const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Household ids by village + head + building, creating the missing ones. */
async function ensureHouseholds(tx: DbOrTx, rows: RosterRow[]): Promise<Map<string, string>> {
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
