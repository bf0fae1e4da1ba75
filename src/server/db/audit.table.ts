import { bigserial, index, jsonb, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { timestampNow } from './columns';

/**
 * The audit trail. Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE) and
 * hash-chained: a BEFORE INSERT trigger sets prev_hash to the last row's hash and hash to
 * SHA-256 over prev_hash and this row's fields, so any edit of history breaks the chain.
 * `node_path` scopes who may read a row. No foreign keys: the trail outlives what it records.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestampNow('at'),
    actorId: uuid('actor_id'),
    actorName: varchar('actor_name', { length: 80 }),
    nodeId: uuid('node_id'),
    nodePath: text('node_path'),
    action: varchar('action', { length: 64 }).notNull(),
    entityType: varchar('entity_type', { length: 40 }),
    entityId: varchar('entity_id', { length: 64 }),
    summary: jsonb('summary').$type<Record<string, unknown>>(),
    outcome: varchar('outcome', { length: 16 }).notNull(),
    ip: varchar('ip', { length: 64 }),
    prevHash: varchar('prev_hash', { length: 64 }),
    hash: varchar('hash', { length: 64 }),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_node_path_idx').using('btree', t.nodePath.op('text_pattern_ops')),
    index('audit_log_actor_idx').on(t.actorId),
  ],
);
