import { integer, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';

/**
 * Periodic jobs (server/jobs.ts): one row per job, shared by every app node. A node runs a job
 * only if it moves `next_run_at` forward first, so each period's run happens once however many
 * nodes tick; `running_until` keeps a long run from starting twice, and lapses if its node dies.
 */
export const scheduledJobs = pgTable('scheduled_jobs', {
  name: varchar('name', { length: 64 }).primaryKey(),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull().defaultNow(),
  runningUntil: timestamp('running_until', { withTimezone: true }),
  runs: integer('runs').notNull().default(0),
  lastStartedAt: timestamp('last_started_at', { withTimezone: true }),
  lastFinishedAt: timestamp('last_finished_at', { withTimezone: true }),
  /** Which node ran it last (host name and process id). */
  lastNode: varchar('last_node', { length: 120 }),
  lastError: text('last_error'),
});
