import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, nodeKey, nodeRef, timestampNow, timestampTz, timestamps } from '../../server/db/columns';
import { userRef } from '../accounts/account.table';

/**
 * A county's reporting calendar: reports are due on day N of the next month, records lock after day M.
 * `start_month` (起报月份, yyyymm): the first month reports are required; null: see startOf.
 */
export const reportSettings = pgTable(
  'report_settings',
  {
    countyId: nodeKey('county_id'),
    deadlineDay: integer('deadline_day').notNull().default(5),
    lockDay: integer('lock_day').notNull().default(10),
    startMonth: integer('start_month'),
    updatedBy: userRef('updated_by'),
    updatedAt: timestampNow('updated_at'),
  },
  (t) => [
    check(
      'report_settings_days_chk',
      sql`${t.deadlineDay} between 1 and 28 and ${t.lockDay} between ${t.deadlineDay} and 28`,
    ),
    check(
      'report_settings_start_chk',
      sql`${t.startMonth} is null or (${t.startMonth} >= 200001 and ${t.startMonth} % 100 between 1 and 12)`,
    ),
  ],
);

/**
 * A monthly report (月报) of a centre (to its town) or a town (to its county). `figures` are
 * frozen at each submission; the live figures are computed from the records when read.
 * `late`: the first submission came after the deadline. `unlocked`: the reviewer reopened the
 * month's records after the lock day (with `unlock_reason`, audited).
 */
export const monthlyReports = pgTable(
  'monthly_reports',
  {
    id: idColumn(),
    countyId: nodeRef('county_id'),
    nodeId: nodeRef('node_id'),
    month: integer('month').notNull(),
    status: varchar('status', { length: 12 }).notNull().default('draft'),
    body: text('body').notNull().default(''),
    figures: jsonb('figures'),
    submittedAt: timestampTz('submitted_at'),
    firstSubmittedAt: timestampTz('first_submitted_at'),
    submittedBy: userRef('submitted_by'),
    reviewedAt: timestampTz('reviewed_at'),
    reviewedBy: userRef('reviewed_by'),
    reviewComment: varchar('review_comment', { length: 500 }),
    late: boolean('late').notNull().default(false),
    resubmissions: integer('resubmissions').notNull().default(0),
    unlocked: boolean('unlocked').notNull().default(false),
    unlockReason: varchar('unlock_reason', { length: 500 }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('monthly_reports_node_month_uq').on(t.nodeId, t.month),
    index('monthly_reports_county_month_idx').on(t.countyId, t.month),
    check('monthly_reports_status_chk', sql`${t.status} in ('draft','submitted','returned','accepted')`),
  ],
);

/** The annual summary (年度总结) of a centre or town: the year's figures and a text. */
export const annualSummaries = pgTable(
  'annual_summaries',
  {
    id: idColumn(),
    countyId: nodeRef('county_id'),
    nodeId: nodeRef('node_id'),
    year: integer('year').notNull(),
    status: varchar('status', { length: 12 }).notNull().default('draft'),
    body: text('body').notNull().default(''),
    figures: jsonb('figures'),
    submittedAt: timestampTz('submitted_at'),
    submittedBy: userRef('submitted_by'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('annual_summaries_node_year_uq').on(t.nodeId, t.year),
    check('annual_summaries_status_chk', sql`${t.status} in ('draft','submitted')`),
  ],
);

/**
 * Sign-ins written after a report covering their month was submitted (kept by a trigger on
 * sign_ins, migration monthly_reports): what "3 sign-ins changed since submission" counts.
 * `node_id` is the activity's node; no foreign key to the sign-in, which may be gone.
 */
export const reportRecordChanges = pgTable(
  'report_record_changes',
  {
    nodeId: nodeRef('node_id', 'cascade'),
    month: integer('month').notNull(),
    signInId: uuid('sign_in_id').notNull(),
    changedAt: timestampNow('changed_at'),
  },
  (t) => [index('report_record_changes_node_month_idx').on(t.nodeId, t.month, t.changedAt)],
);
