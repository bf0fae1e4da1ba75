import { jsonb, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';

/** System-wide settings, one row per key (see settings.contract.ts for the keys). */
export const settings = pgTable('settings', {
  key: varchar('key', { length: 64 }).primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
