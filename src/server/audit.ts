/** The audit writer every module calls (the trail itself, its query and verification, live in modules/audit). */
import type { DbOrTx } from './db/client';
import type { Actor } from '../shared/actor';
import { auditLog } from './db/audit.table';

export type AuditOutcome = 'ok' | 'denied' | 'failed';

export type AuditEntry = {
  actor?: Pick<Actor, 'userId' | 'displayName' | 'username' | 'ip'> | null;
  /** When there is no actor (a failed sign-in), the name that was tried. */
  actorName?: string;
  ip?: string;
  node?: { id: string; path: string } | null;
  action: string;
  entityType?: string;
  entityId?: string;
  summary?: Record<string, unknown>;
  outcome?: AuditOutcome;
};

/**
 * Appends one row to the audit trail. Call it with the transaction of the change it
 * records, so the change and its record land together or not at all.
 */
export async function recordAudit(db: DbOrTx, e: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: e.actor?.userId ?? null,
    actorName: e.actor ? `${e.actor.displayName} (${e.actor.username})` : (e.actorName ?? null),
    ip: e.ip ?? e.actor?.ip ?? null,
    nodeId: e.node?.id ?? null,
    nodePath: e.node?.path ?? null,
    action: e.action,
    entityType: e.entityType ?? null,
    entityId: e.entityId ?? null,
    summary: e.summary ?? null,
    outcome: e.outcome ?? 'ok',
  });
}

/** The usual audit row of a change: who, under which node, the action, on which `[entity type, id]`, what changed. */
export function auditChange(
  db: DbOrTx,
  actor: AuditEntry['actor'],
  node: AuditEntry['node'],
  action: string,
  [entityType, entityId]: readonly [string, string],
  summary?: Record<string, unknown>,
): Promise<void> {
  return recordAudit(db, { actor, node, action, entityType, entityId, summary });
}

/** What changed between two versions of a record, for the audit summary. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, v] of Object.entries(after)) {
    if (v === undefined) continue;
    const from = before[k] instanceof Date ? (before[k] as Date).toISOString() : before[k];
    if (JSON.stringify(from ?? null) !== JSON.stringify(v ?? null)) out[k] = { from: from ?? null, to: v ?? null };
  }
  return out;
}
