import { jsonb, pgTable, varchar } from 'drizzle-orm/pg-core';
import { timestampNow } from '../../server/db/columns';

/** System-wide settings, one row per key (see settings.contract.ts for the keys). */
export const settings = pgTable('settings', {
  key: varchar('key', { length: 64 }).primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestampNow('updated_at'),
});
