import { sql } from 'drizzle-orm';
import { boolean, check, date, index, numeric, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, nodeRef, timestampNow, timestampTz, timestamps } from '../../server/db/columns';
import { userRef } from '../accounts/account.table';
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
    id: idColumn(),
    countyId: nodeRef('county_id'),
    townId: uuid('town_id').references(() => orgNodes.id, { onDelete: 'restrict' }),
    nodeId: nodeRef('node_id'),
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
    submittedBy: userRef('submitted_by'),
    submittedAt: timestampTz('submitted_at'),
    reviewedBy: userRef('reviewed_by'),
    reviewedAt: timestampTz('reviewed_at'),
    reviewComment: varchar('review_comment', { length: 500 }),
    createdBy: userRef('created_by'),
    ...timestamps(),
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
    id: idColumn(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    action: varchar('action', { length: 12 }).notNull(),
    comment: varchar('comment', { length: 500 }),
    actorId: userRef('actor_id'),
    at: timestampNow('at'),
  },
  (t) => [index('course_review_events_course_idx').on(t.courseId)],
);
