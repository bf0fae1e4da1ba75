import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

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

/** Resident population (常住人口) per node and year: the denominator of rates and funding. */
export const orgPopulations = pgTable(
  'org_populations',
  {
    nodeId: uuid('node_id')
      .notNull()
      .references(() => orgNodes.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    population: integer('population').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.year] }), check('org_populations_pos_chk', sql`${t.population} >= 0`)],
);

/** The leadership group (领导小组) of a node, usually a town: leader, deputies, members. */
export const orgLeaders = pgTable(
  'org_leaders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nodeId: uuid('node_id')
      .notNull()
      .references(() => orgNodes.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 40 }).notNull(),
    post: varchar('post', { length: 16 }).notNull(),
    title: varchar('title', { length: 40 }),
    phone: varchar('phone', { length: 20 }),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('org_leaders_node_idx').on(t.nodeId)],
);
