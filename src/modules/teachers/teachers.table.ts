import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, numeric, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, nodeKey, nodeRef, timestampNow, timestampTz, timestamps } from '../../server/db/columns';
import { userRef } from '../accounts/account.table';
import { residents } from '../people/people.table';

/**
 * The teacher resource bank (师资库): one bank per town and one per centre (`bank_node_id`).
 * A teacher may also be a resident and may have an account (to log volunteer hours).
 * Teaching fees are never paid to volunteers or government/community staff (a CHECK says so).
 */
export const teachers = pgTable(
  'teachers',
  {
    id: idColumn(),
    bankNodeId: nodeRef('bank_node_id'),
    residentId: uuid('resident_id').references(() => residents.id, { onDelete: 'set null' }),
    userId: userRef('user_id'),
    name: varchar('name', { length: 40 }).notNull(),
    gender: varchar('gender', { length: 8 }),
    phone: varchar('phone', { length: 20 }),
    category: varchar('category', { length: 16 }).notNull(),
    source: varchar('source', { length: 24 }).notNull(),
    specialities: text('specialities')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    qualifications: varchar('qualifications', { length: 500 }),
    workUnit: varchar('work_unit', { length: 100 }),
    isGovernmentStaff: boolean('is_government_staff').notNull().default(false),
    feeEligible: boolean('fee_eligible').notNull().default(false),
    status: varchar('status', { length: 12 }).notNull().default('active'),
    statusSince: date('status_since').notNull().defaultNow(),
    note: varchar('note', { length: 500 }),
    ...timestamps(),
  },
  (t) => [
    index('teachers_bank_idx').on(t.bankNodeId),
    index('teachers_user_idx').on(t.userId),
    check('teachers_status_chk', sql`${t.status} in ('active','paused','left')`),
    check(
      'teachers_fee_chk',
      sql`not ${t.feeEligible} or (${t.category} <> 'volunteer' and not ${t.isGovernmentStaff})`,
    ),
  ],
);

/** Every status change (动态管理): date, reason, by whom. */
export const teacherStatusHistory = pgTable(
  'teacher_status_history',
  {
    id: idColumn(),
    teacherId: uuid('teacher_id')
      .notNull()
      .references(() => teachers.id, { onDelete: 'cascade' }),
    status: varchar('status', { length: 12 }).notNull(),
    effectiveDate: date('effective_date').notNull(),
    reason: varchar('reason', { length: 200 }),
    changedBy: userRef('changed_by'),
    changedAt: timestampNow('changed_at'),
  },
  (t) => [index('teacher_status_history_teacher_idx').on(t.teacherId)],
);

/** Volunteer service hours, logged by the volunteer, approved or rejected by the centre manager. */
export const volunteerHours = pgTable(
  'volunteer_hours',
  {
    id: idColumn(),
    teacherId: uuid('teacher_id')
      .notNull()
      .references(() => teachers.id, { onDelete: 'restrict' }),
    nodeId: nodeRef('node_id'),
    serviceDate: date('service_date').notNull(),
    hours: numeric('hours', { precision: 5, scale: 1 }).notNull(),
    description: varchar('description', { length: 300 }).notNull(),
    status: varchar('status', { length: 12 }).notNull().default('pending'),
    submittedBy: userRef('submitted_by'),
    submittedAt: timestampNow('submitted_at'),
    reviewedBy: userRef('reviewed_by'),
    reviewedAt: timestampTz('reviewed_at'),
    reviewNote: varchar('review_note', { length: 200 }),
  },
  (t) => [
    index('volunteer_hours_teacher_idx').on(t.teacherId),
    index('volunteer_hours_node_idx').on(t.nodeId, t.status),
    check('volunteer_hours_hours_chk', sql`${t.hours} > 0 and ${t.hours} <= 24`),
    check('volunteer_hours_status_chk', sql`${t.status} in ('pending','approved','rejected')`),
  ],
);

/** The staffing norm of a county's centres (default 2 full-time, 3–5 part-time). */
export const staffingNorms = pgTable('staffing_norms', {
  countyId: nodeKey('county_id'),
  fullTimeMin: integer('full_time_min').notNull().default(2),
  partTimeMin: integer('part_time_min').notNull().default(3),
  partTimeMax: integer('part_time_max').notNull().default(5),
  updatedAt: timestampNow('updated_at'),
});
