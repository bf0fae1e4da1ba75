import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/account.table';
import { storedFiles } from '../files/files.table';
import { orgNodes } from '../../server/db/tree.table';
import { teachers } from '../teachers/teachers.table';

/**
 * A course. `node_id` is the unit or node that owns it (a lead department, a town school, a
 * centre); `town_id` the town whose school reviews it. Status: draft → submitted → approved, or
 * returned (with the reviewer's comment) → submitted again. `first_session_date` drives the
 * review deadline (submitted at least N days before; N per county, default 15).
 */
export const courses = pgTable(
  'courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyId: uuid('county_id')
      .notNull()
      .references(() => orgNodes.id, { onDelete: 'restrict' }),
    townId: uuid('town_id').references(() => orgNodes.id, { onDelete: 'restrict' }),
    nodeId: uuid('node_id')
      .notNull()
      .references(() => orgNodes.id, { onDelete: 'restrict' }),
    title: varchar('title', { length: 100 }).notNull(),
    theme: varchar('theme', { length: 24 }).notNull(),
    targetGroups: text('target_groups')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    form: varchar('form', { length: 12 }).notNull(),
    hours: numeric('hours', { precision: 5, scale: 1 }).notNull(),
    credits: numeric('credits', { precision: 6, scale: 1 }).notNull().default('0'),
    descriptionHtml: text('description_html').notNull().default(''),
    firstSessionDate: date('first_session_date'),
    status: varchar('status', { length: 12 }).notNull().default('draft'),
    featured: boolean('featured').notNull().default(false),
    featuredCentreId: uuid('featured_centre_id').references(() => orgNodes.id, { onDelete: 'set null' }),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewComment: varchar('review_comment', { length: 500 }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('courses_node_idx').on(t.nodeId),
    index('courses_town_status_idx').on(t.townId, t.status),
    check('courses_status_chk', sql`${t.status} in ('draft','submitted','approved','returned')`),
    check('courses_form_chk', sql`${t.form} in ('lecture','training','forum','practice','performance','online')`),
    check('courses_hours_chk', sql`${t.hours} > 0 and ${t.credits} >= 0`),
  ],
);

export const courseTeachers = pgTable(
  'course_teachers',
  {
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    teacherId: uuid('teacher_id')
      .notNull()
      .references(() => teachers.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.teacherId] })],
);

export const courseFiles = pgTable(
  'course_files',
  {
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.fileId] })],
);

/** Every step of a course's review: submitted, approved, returned (with comment), by whom. */
export const courseReviewEvents = pgTable(
  'course_review_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    action: varchar('action', { length: 12 }).notNull(),
    comment: varchar('comment', { length: 500 }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('course_review_events_course_idx').on(t.courseId)],
);
