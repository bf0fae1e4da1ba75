import { boolean, integer, numeric, pgTable, primaryKey, varchar } from 'drizzle-orm/pg-core';
import { nodeRef, timestampNow } from '../../server/db/columns';
import { userRef } from '../accounts/account.table';

/**
 * A county's target for one measure in one year (考核指标): on or off, the threshold, which way
 * is good, the levels it applies to. A measure without a row has the defaults of
 * indicators.measures.ts (from the seeds' work plans).
 */
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    countyId: nodeRef('county_id', 'cascade'),
    year: integer('year').notNull(),
    measure: varchar('measure', { length: 32 }).notNull(),
    enabled: boolean('enabled').notNull(),
    threshold: numeric('threshold', { precision: 12, scale: 2 }),
    direction: varchar('direction', { length: 10 }).notNull(),
    levels: varchar('levels', { length: 8 }).array().notNull(),
    updatedAt: timestampNow('updated_at'),
    updatedBy: userRef('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.year, t.measure] })],
);
