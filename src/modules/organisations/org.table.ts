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
import { orgNodes } from '../../server/db/tree.table';

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
