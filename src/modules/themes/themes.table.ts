import { boolean, integer, pgTable, primaryKey, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, nodeRef, timestamps } from '../../server/db/columns';

/**
 * A county's theme list. A county without rows uses DEFAULT_THEMES (src/shared/themes.ts);
 * the first edit copies the defaults in. `key` is what courses, activities, plans and credit
 * rules refer to (stable; the names may change).
 */
export const themeDefs = pgTable(
  'theme_defs',
  {
    id: idColumn(),
    countyId: nodeRef('county_id'),
    key: varchar('key', { length: 24 }).notNull(),
    nameZh: varchar('name_zh', { length: 40 }).notNull(),
    nameEn: varchar('name_en', { length: 80 }).notNull(),
    sort: integer('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [uniqueIndex('theme_defs_county_key_uq').on(t.countyId, t.key)],
);

/** The lead departments (units of the tree) of a theme. */
export const themeLeadUnits = pgTable(
  'theme_lead_units',
  {
    themeId: uuid('theme_id')
      .notNull()
      .references(() => themeDefs.id, { onDelete: 'cascade' }),
    unitNodeId: nodeRef('unit_node_id', 'cascade'),
  },
  (t) => [primaryKey({ columns: [t.themeId, t.unitNodeId] })],
);
