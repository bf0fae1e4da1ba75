import { and, asc, desc, eq, gte, isNull, like, lt, lte, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import type { Actor } from '../../shared/actor';
import { chinaInstant } from '../../shared/china-time';
import { forbidden } from '../../shared/app-error';
import type { Page } from '../../shared/pagination';
import { escapeLike, underAnyPath } from '../../server/tree-scope';
import { orgNodes } from '../../server/db/tree.table';
import { pageOf } from '../../server/db/page';
import { getNodeRow } from '../organisations';
import type { AuditEntryOut, AuditQuery } from './audit.contract';
import { auditReach, canReadUnscopedAudit, canVerifyAudit } from './audit.policy';
import { auditLog } from '../../server/db/audit.table';
import type { Ctx } from '../../server/types';

/** `throughId`: rows up to this one only (an export reading page after page while the trail grows). */
export async function findAudit({
  db,
  actor,
  query,
}: Ctx & { query: AuditQuery & { throughId?: number } }): Promise<Page<AuditEntryOut>> {
  const scope = underAnyPath(auditLog.nodePath, auditReach(actor));
  // Actions without a node (sign-ins, settings) are seen by system admins, and by each user for themselves.
  const own = canReadUnscopedAudit(actor)
    ? isNull(auditLog.nodePath)
    : and(isNull(auditLog.nodePath), eq(auditLog.actorId, actor.userId));
  const conds: (SQL | undefined)[] = [or(scope, own)];
  if (query.nodeId) conds.push(underAnyPath(auditLog.nodePath, [(await getNodeRow(db, actor, query.nodeId)).path]));
  if (query.actorId) conds.push(eq(auditLog.actorId, query.actorId));
  if (query.action) conds.push(like(auditLog.action, `${escapeLike(query.action)}%`));
  if (query.outcome) conds.push(eq(auditLog.outcome, query.outcome));
  if (query.from) conds.push(gte(auditLog.at, new Date(chinaInstant(query.from))));
  if (query.to) conds.push(lt(auditLog.at, new Date(new Date(chinaInstant(query.to)).getTime() + 86_400_000)));
  if (query.throughId !== undefined) conds.push(lte(auditLog.id, query.throughId));
  const list = db
    .select({ a: auditLog, nodeName: orgNodes.name })
    .from(auditLog)
    .leftJoin(orgNodes, eq(orgNodes.id, auditLog.nodeId))
    .where(and(...conds))
    .$dynamic();
  return pageOf(db, list, [desc(auditLog.id)], query, ({ a, nodeName }) => ({
    id: a.id,
    at: a.at.toISOString(),
    actorId: a.actorId,
    actorName: a.actorName,
    nodeId: a.nodeId,
    nodeName,
    action: a.action,
    entityType: a.entityType,
    entityId: a.entityId,
    summary: a.summary ?? null,
    outcome: a.outcome as AuditEntryOut['outcome'],
    ip: a.ip,
  }));
}

/**
 * Recomputes the chain: each row's prev_hash must be the previous row's hash, and its hash
 * the digest of its own fields. Returns the first row where either fails.
 */
export async function verifyAuditChain(
  query: <T>(sql: string) => Promise<T[]>,
): Promise<{ ok: boolean; rows: number; brokenAt: number | null }> {
  const [{ n }] = await query<{ n: string }>('select count(*)::text as n from audit_log');
  const broken = await query<{ id: string }>(`
    select id::text from (
      select id, hash, prev_hash, lag(hash, 1, '') over (order by id) as expected_prev, audit_row_digest(prev_hash, a) as expected
      from audit_log a
    ) x where prev_hash is distinct from expected_prev or hash is distinct from expected
    order by id limit 1`);
  return { ok: broken.length === 0, rows: Number(n), brokenAt: broken.length ? Number(broken[0].id) : null };
}

export function assertCanVerify(actor: Actor): void {
  if (!canVerifyAudit(actor)) throw forbidden();
}

/** What the trail says of one record, oldest first (a person's data export lists it). */
export async function auditHistory(
  db: DbOrTx,
  entityType: string,
  entityId: string,
): Promise<{ at: Date; action: string; by: string | null }[]> {
  return db
    .select({ at: auditLog.at, action: auditLog.action, by: auditLog.actorName })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(asc(auditLog.id));
}
