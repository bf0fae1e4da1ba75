import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, varchar } from 'drizzle-orm/pg-core';
import { idColumn, nodeRef, timestampNow } from '../../server/db/columns';

/** Resident population (常住人口) per node and year: the denominator of rates and funding. */
export const orgPopulations = pgTable(
  'org_populations',
  {
    nodeId: nodeRef('node_id', 'cascade'),
    year: integer('year').notNull(),
    population: integer('population').notNull(),
    updatedAt: timestampNow('updated_at'),
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.year] }), check('org_populations_pos_chk', sql`${t.population} >= 0`)],
);

/** The leadership group (领导小组) of a node, usually a town: leader, deputies, members. */
export const orgLeaders = pgTable(
  'org_leaders',
  {
    id: idColumn(),
    nodeId: nodeRef('node_id', 'cascade'),
    name: varchar('name', { length: 40 }).notNull(),
    post: varchar('post', { length: 16 }).notNull(),
    title: varchar('title', { length: 40 }),
    phone: varchar('phone', { length: 20 }),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('org_leaders_node_idx').on(t.nodeId)],
);
