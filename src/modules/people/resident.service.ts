import { and, asc, count, desc, eq, exists, ilike, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../server/db/client';
import type { Protector } from '../../server/protect';
import { reachPaths, type Actor } from '../../shared/actor';
import { AppError, forbidden, hidden } from '../../shared/app-error';
import { normalizeIdCard, parseIdCard } from '../../shared/id-card';
import type { Page } from '../../shared/pagination';
import { RESIDENT_ROLES, SENSITIVE_ROLES } from '../../shared/roles';
import { userNames } from '../accounts';
import { auditChange, recordAudit } from '../../server/audit';
import { orgNodes } from '../../server/db/tree.table';
import { readPage } from '../../server/db/page';
import { getNodeRow } from '../organisations';
import { escapeLike, underAnyPath } from '../../server/tree-scope';
import { chinaToday } from '../../shared/china-time';
import {
  type Consent,
  type Resident,
  type ResidentCreate,
  type ResidentDetail,
  type ResidentQuery,
  type ResidentSaved,
  type ResidentUpdate,
} from './people.contract';
import { canReadResident, canRevealId, canRevealPhone, canSeeSensitive, canUpdateResident } from './people.policy';
import { consents, households, residents, residentTags } from './people.table';
import {
  inAgeBand,
  isChild,
  isSensitiveTag,
  notChild,
  presentResidents,
  visibleTags,
  toResident,
} from './resident-view';
import { loadResidentRow, upsertResident } from './resident-write';
import { normalizeResidentInput } from './resident-input';

type Ctx = { db: Db; actor: Actor; protector: Protector };

/** The search box: a whole ID number, a phone or ID tail, pinyin or initials, or part of a name. */
function searchCondition(q: string, protector: Protector): SQL {
  const id = normalizeIdCard(q);
  if (id.length === 18) {
    const parsed = parseIdCard(id);
    if (typeof parsed !== 'string') return eq(residents.idNumberHash, protector.digest(parsed.normalized));
  }
  if (/^\d{3}[\dXx]$/.test(q)) return or(like(residents.phone, `%${q}`), eq(residents.idLast4, q.toUpperCase()))!;
  if (/^\d{5,11}$/.test(q)) return like(residents.phone, `%${q}%`);
  const name = ilike(residents.name, `%${escapeLike(q)}%`);
  const letters = q.toLowerCase().replace(/[\s']/g, '');
  if (/^[a-z]+$/.test(letters))
    return or(name, like(residents.nameInitials, `${letters}%`), like(residents.namePinyin, `${letters}%`))!;
  return name;
}

/**
 * Residents of the actor's subtree, one page. Children under 14 and filters on sensitive
 * tags or the child age band need the sensitive right; such rosters are audited.
 */
export async function findResidents({
  db,
  actor,
  protector,
  query,
}: Ctx & { query: ResidentQuery }): Promise<Page<Resident>> {
  const today = chinaToday();
  const sensitiveReach = reachPaths(actor, SENSITIVE_ROLES);
  const conds: SQL[] = [underAnyPath(orgNodes.path, reachPaths(actor, RESIDENT_ROLES)), isNull(residents.anonymizedAt)];
  conds.push(or(underAnyPath(orgNodes.path, sensitiveReach), notChild(today))!);
  let node: { id: string; path: string } | null = null;
  if (query.nodeId) {
    node = await getNodeRow(db, actor, query.nodeId);
    conds.push(underAnyPath(orgNodes.path, [node.path]));
  }
  if (query.householdId) conds.push(eq(residents.householdId, query.householdId));
  if (query.gender) conds.push(eq(residents.gender, query.gender));
  if (query.ageBand) conds.push(inAgeBand(query.ageBand, today));
  const sensitiveFilter = query.ageBand === '0-13' || (!!query.tag && (await isSensitiveTag(db, query.tag)));
  if (query.tag)
    conds.push(
      exists(
        db
          .select({ x: sql`1` })
          .from(residentTags)
          .where(and(eq(residentTags.residentId, residents.id), eq(residentTags.tag, query.tag))),
      ),
    );
  if (sensitiveFilter) conds.push(underAnyPath(orgNodes.path, sensitiveReach));
  if (query.q) conds.push(searchCondition(query.q, protector));
  const list = db
    .select({ r: residents, nodeName: orgNodes.name, path: orgNodes.path })
    .from(residents)
    .innerJoin(orgNodes, eq(orgNodes.id, residents.nodeId))
    .where(and(...conds))
    .$dynamic();
  const order = [
    asc(orgNodes.sortOrder),
    asc(orgNodes.name),
    asc(residents.namePinyin),
    asc(residents.name),
    asc(residents.id),
  ];
  const { total, rows } = await readPage(db, list, order, query);
  if (sensitiveFilter && rows.length) {
    await recordAudit(db, {
      actor,
      node,
      action: 'resident.roster_view',
      entityType: 'resident',
      summary: { tag: query.tag ?? null, ageBand: query.ageBand ?? null, shown: rows.length, total },
    });
  }
  return {
    items: await presentResidents(db, actor, protector, rows),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * One resident the actor may read. A child under 14 is NOT_FOUND without the sensitive
 * right; for others the special-group tags are left out. Sensitive views are audited.
 */
export async function readResident({ db, actor }: { db: DbOrTx; actor: Actor }, id: string) {
  const row = await loadResidentRow(db, id);
  if (!canReadResident(actor, row)) throw hidden();
  const sensitiveOk = canSeeSensitive(actor, row);
  if (!sensitiveOk && isChild(row.r.birthDate)) throw hidden();
  return { ...row, sensitiveOk };
}

export async function getResident({ db, actor, protector, id }: Ctx & { id: string }): Promise<ResidentDetail> {
  const row = await readResident({ db, actor }, id);
  const { r } = row;
  const tags = (await visibleTags(db, actor, [{ id, countyId: r.countyId, path: row.path }])).get(id) ?? [];
  const [household] = r.householdId
    ? await db.select({ headName: households.headName }).from(households).where(eq(households.id, r.householdId))
    : [];
  const consentRows = await listConsents(db, id);
  const anyTags = (await db.select({ n: count() }).from(residentTags).where(eq(residentTags.residentId, id)))[0].n;
  if (row.sensitiveOk && (isChild(r.birthDate) || Number(anyTags) > 0)) {
    await auditChange(db, actor, { id: r.nodeId, path: row.path }, 'resident.view_sensitive', ['resident', id], {
      child: isChild(r.birthDate),
      tags: Number(anyTags),
    });
  }
  const open = r.anonymizedAt === null;
  return {
    ...toResident(r, row.nodeName, tags, protector),
    education: r.education as ResidentDetail['education'],
    employment: r.employment as ResidentDetail['employment'],
    occupation: r.occupation,
    note: r.note,
    householdHeadName: household?.headName ?? null,
    consents: consentRows,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    permissions: {
      update: open && canUpdateResident(actor, row),
      remove: open && canUpdateResident(actor, row),
      export: canReadResident(actor, row),
      revealId: !!r.idNumberEnc && canRevealId(actor, row),
      revealPhone: !!r.phone && canRevealPhone(actor, row),
    },
  };
}

const recorder = userNames('recorder');

export async function listConsents(db: DbOrTx, residentId: string): Promise<Consent[]> {
  const rows = await db
    .select({ c: consents, by: recorder.displayName })
    .from(consents)
    .leftJoin(recorder, eq(recorder.id, consents.recordedBy))
    .where(eq(consents.residentId, residentId))
    .orderBy(desc(consents.recordedAt));
  return rows.map(({ c, by }) => ({
    id: c.id,
    purpose: c.purpose,
    givenBy: c.givenBy as Consent['givenBy'],
    guardianName: c.guardianName,
    guardianRelation: c.guardianRelation,
    method: c.method as Consent['method'],
    recordedByName: by,
    recordedAt: c.recordedAt.toISOString(),
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
  }));
}

function invalid(issues: { path: string; message: string; messageEn: string }[]): AppError {
  return new AppError('VALIDATION_FAILED', {}, { issues });
}

/** The village a resident is placed in: readable (else 404) and within the actor's keeping (else 403). */
async function targetNode(tx: DbOrTx, actor: Actor, nodeId: string) {
  const node = await getNodeRow(tx, actor, nodeId);
  if (!canUpdateResident(actor, node)) throw forbidden();
  return node;
}

export async function createResident({
  db,
  actor,
  protector,
  input,
}: Ctx & { input: ResidentCreate }): Promise<ResidentSaved> {
  const { consent, ...fields } = input;
  const checked = normalizeResidentInput(fields, { consent });
  return db.transaction(async (tx) => {
    const node = await targetNode(tx, actor, input.nodeId);
    if (!checked.ok) throw invalid(checked.issues);
    const res = await upsertResident(tx, { actor, protector, node, value: checked.value, consent: checked.consent });
    return { id: res.id, warnings: res.warnings };
  });
}

export async function updateResident({
  db,
  actor,
  protector,
  id,
  input,
}: Ctx & { id: string; input: ResidentUpdate }): Promise<ResidentSaved> {
  return db.transaction(async (tx) => {
    const row = await readResident({ db: tx, actor }, id);
    if (!canUpdateResident(actor, row)) throw forbidden();
    if (row.r.anonymizedAt)
      throw new AppError('CONFLICT', {
        detail: '该居民已注销，不能再修改',
        detailEn: 'this resident has been anonymised and cannot be edited',
      });
    const node = await targetNode(tx, actor, input.nodeId);
    const checked = normalizeResidentInput(input);
    if (!checked.ok) throw invalid(checked.issues);
    // Tags the actor may not see are kept as they were, not silently dropped.
    const tags = row.sensitiveOk ? checked.value.tags : await keepHiddenTags(tx, id, checked.value.tags);
    const res = await upsertResident(tx, {
      actor,
      protector,
      node,
      value: { ...checked.value, tags },
      existing: row.r,
    });
    return { id: res.id, warnings: res.warnings };
  });
}

async function keepHiddenTags(db: DbOrTx, id: string, visible: string[]): Promise<string[]> {
  const stored = await db.select({ tag: residentTags.tag }).from(residentTags).where(eq(residentTags.residentId, id));
  return [...new Set([...visible, ...stored.map((t) => t.tag)])];
}
