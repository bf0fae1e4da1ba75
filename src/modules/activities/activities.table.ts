import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { idColumn, nodeRef, timestampTz, timestamps } from '../../server/db/columns';
import { userRef } from '../accounts/account.table';
import { courses } from '../courses/courses.table';
import { orgNodes } from '../../server/db/tree.table';
import { residents } from '../people/people.table';
import { teachers } from '../teachers/teachers.table';

/**
 * An activity (活动/课堂): a session of a course or a one-off event at a centre. Sessions of a
 * series share `series_id`. Status: planned → open → done, or cancelled (with a reason).
 * `hours` and `credits` are what one full attendance is worth (from the course or set here).
 */
export const activities = pgTable(
  'activities',
  {
    id: idColumn(),
    countyId: nodeRef('county_id'),
    centreId: nodeRef('centre_id'),
    courseId: uuid('course_id').references(() => courses.id, { onDelete: 'restrict' }),
    seriesId: uuid('series_id'),
    responsibleUnitId: uuid('responsible_unit_id').references(() => orgNodes.id, { onDelete: 'set null' }),
    title: varchar('title', { length: 100 }).notNull(),
    theme: varchar('theme', { length: 24 }).notNull(),
    form: varchar('form', { length: 12 }).notNull(),
    startsAt: timestampTz('starts_at').notNull(),
    endsAt: timestampTz('ends_at').notNull(),
    venueId: uuid('venue_id'),
    place: varchar('place', { length: 200 }),
    capacity: integer('capacity'),
    audience: varchar('audience', { length: 200 }),
    hours: numeric('hours', { precision: 5, scale: 1 }).notNull(),
    credits: numeric('credits', { precision: 6, scale: 1 }).notNull().default('0'),
    description: text('description').notNull().default(''),
    status: varchar('status', { length: 12 }).notNull().default('planned'),
    cancelReason: varchar('cancel_reason', { length: 300 }),
    createdBy: userRef('created_by'),
    ...timestamps(),
  },
  (t) => [
    index('activities_centre_starts_idx').on(t.centreId, t.startsAt),
    index('activities_county_starts_idx').on(t.countyId, t.startsAt),
    index('activities_series_idx').on(t.seriesId),
    index('activities_course_idx').on(t.courseId),
    check('activities_time_chk', sql`${t.endsAt} > ${t.startsAt}`),
    check('activities_status_chk', sql`${t.status} in ('planned','open','done','cancelled')`),
    check('activities_capacity_chk', sql`${t.capacity} is null or ${t.capacity} > 0`),
  ],
);

export const activityTeachers = pgTable(
  'activity_teachers',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    teacherId: uuid('teacher_id')
      .notNull()
      .references(() => teachers.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.teacherId] }), index('activity_teachers_teacher_idx').on(t.teacherId)],
);

/**
 * Registration (报名). `status`: registered, waitlisted (ordered by `created_at`), cancelled
 * (by the resident or because the activity was). One live registration per resident and
 * activity (partial unique index). A freed place promotes the first waitlisted.
 */
export const registrations = pgTable(
  'registrations',
  {
    id: idColumn(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'restrict' }),
    status: varchar('status', { length: 12 }).notNull(),
    notice: varchar('notice', { length: 300 }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('registrations_live_uq')
      .on(t.activityId, t.residentId)
      .where(sql`${t.status} <> 'cancelled'`),
    index('registrations_resident_idx').on(t.residentId),
    check('registrations_status_chk', sql`${t.status} in ('registered','waitlisted','cancelled')`),
  ],
);
