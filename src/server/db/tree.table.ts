import { sql } from 'drizzle-orm';
import { check, index, integer, numeric, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

// The organisation tree is infrastructure: every module scopes its rows by joining a node's
// `path` (src/server/tree-scope.ts), so every module may read this table. Only the organisations
// module writes it (nodes are created, moved, renamed and deleted there, with its checks and
// audit); `npm run check:modules` fails on an insert, update or delete of org_nodes anywhere else.

/**
 * One node of the three-level network (county → town → centre) or a unit hanging under any
 * of them. `path` is the chain of ids from the root, "/<id>/<id>/", so a subtree is one
 * prefix match; a move rewrites the paths of the subtree in one statement.
 */
export const orgNodes = pgTable(
  'org_nodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => orgNodes.id, { onDelete: 'restrict' }),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    level: varchar('level', { length: 16 }).notNull(),
    unitKind: varchar('unit_kind', { length: 16 }),
    name: varchar('name', { length: 60 }).notNull(),
    divisionCode: varchar('division_code', { length: 12 }),
    address: varchar('address', { length: 200 }),
    longitude: numeric('longitude', { precision: 9, scale: 6 }),
    latitude: numeric('latitude', { precision: 9, scale: 6 }),
    headName: varchar('head_name', { length: 40 }),
    headPhone: varchar('head_phone', { length: 20 }),
    officeLocation: varchar('office_location', { length: 200 }),
    officePhone: varchar('office_phone', { length: 20 }),
    officeHead: varchar('office_head', { length: 40 }),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('org_nodes_path_idx').using('btree', t.path.op('text_pattern_ops')),
    index('org_nodes_parent_idx').on(t.parentId),
    check('org_nodes_level_chk', sql`${t.level} in ('county','town','centre','unit')`),
    check('org_nodes_unit_kind_chk', sql`(${t.level} = 'unit') = (${t.unitKind} is not null)`),
  ],
);
