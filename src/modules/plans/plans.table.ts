import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, nodeRef, timestamps } from '../../server/db/columns';
import { userRef } from '../accounts/account.table';
import { orgNodes } from '../../server/db/tree.table';

/** One planned activity of a centre's annual plan (年度计划): a month, a theme, a responsible unit. */
export const planItems = pgTable(
  'plan_items',
  {
    id: idColumn(),
    countyId: nodeRef('county_id'),
    centreId: nodeRef('centre_id'),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    title: varchar('title', { length: 100 }).notNull(),
    theme: varchar('theme', { length: 24 }).notNull(),
    responsibleUnitId: uuid('responsible_unit_id').references(() => orgNodes.id, { onDelete: 'set null' }),
    note: varchar('note', { length: 300 }),
    createdBy: userRef('created_by'),
    ...timestamps(),
  },
  (t) => [
    index('plan_items_centre_year_idx').on(t.centreId, t.year, t.month),
    check('plan_items_month_chk', sql`${t.month} between 1 and 12`),
  ],
);

/**
 * One row of a town's monthly schedule (配档表): in a month, a work item and the units
 * responsible for it (units of the tree; `responsible_text` for anyone not in it).
 */
export const scheduleItems = pgTable(
  'schedule_items',
  {
    id: idColumn(),
    countyId: nodeRef('county_id'),
    townId: nodeRef('town_id'),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    workItem: varchar('work_item', { length: 200 }).notNull(),
    unitIds: uuid('unit_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    responsibleText: varchar('responsible_text', { length: 200 }),
    note: text('note'),
    sort: integer('sort').notNull().default(0),
    createdBy: userRef('created_by'),
    ...timestamps(),
  },
  (t) => [
    index('schedule_items_town_year_idx').on(t.townId, t.year, t.month),
    check('schedule_items_month_chk', sql`${t.month} between 1 and 12`),
  ],
);
