import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgNodes } from './tree.table';

// The columns most tables declare alike, declared once. Each is a function: a Drizzle column
// builder belongs to one table, so every table gets a fresh one. The database columns are
// exactly what the tables spelled out before (drizzle-kit finds nothing to migrate).

/** The row's key: a random uuid. */
export const idColumn = () => uuid('id').primaryKey().defaultRandom();

/**
 * The node of the tree a row hangs on (its county, town, centre…), required. By default a node
 * in use cannot be deleted; with 'cascade' the row goes with its node.
 */
export const nodeRef = <N extends string>(name: N, onDelete: 'restrict' | 'cascade' = 'restrict') =>
  uuid(name)
    .notNull()
    .references(() => orgNodes.id, { onDelete });

/** The key of a node's own row (its rules or settings): one row per node, gone with the node. */
export const nodeKey = <N extends string>(name: N) =>
  uuid(name)
    .primaryKey()
    .references(() => orgNodes.id, { onDelete: 'cascade' });

/** A moment, with time zone (empty until it happens). */
export const timestampTz = <N extends string>(name: N) => timestamp(name, { withTimezone: true });

/** A moment, with time zone, set when the row is written. */
export const timestampNow = <N extends string>(name: N) => timestampTz(name).notNull().defaultNow();

/** `created_at` and `updated_at`, both now when the row is inserted (the services move `updated_at`). */
export const timestamps = () => ({ createdAt: timestampNow('created_at'), updatedAt: timestampNow('updated_at') });
