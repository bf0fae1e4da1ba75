import { index, integer, numeric, pgTable, primaryKey, uuid, varchar } from 'drizzle-orm/pg-core';
import { nodeRef } from '../../server/db/columns';
import { residents } from '../people/people.table';

// The kept statistics (统计表): the figures the indicators, dashboards and reports read, kept
// current by database triggers in the same transaction as the records they count (migration
// 0013), so that every way of writing a sign-in — QR, desk, paper sheet, import, a script —
// counts. Nothing but those triggers and `stat_rebuild()` writes these tables. (No CHECK on the
// counts: an upsert of a negative change is checked as the row it would insert, before it adds.)
//
// What counts: a confirmed sign-in of a known resident at an activity that is not cancelled,
// in the month (Asia/Shanghai) the activity starts. A period is a month `yyyymm` or a year
// `yyyy00`.

/**
 * Where and when a resident took part: one row per resident, month and centre (the activity's
 * node) with how many sign-ins and hours. Distinct counts at every level come from these rows:
 * a resident counts once for a town however many of its villages they attended.
 */
export const statAttendance = pgTable(
  'stat_attendance',
  {
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    month: integer('month').notNull(),
    centreId: nodeRef('centre_id', 'cascade'),
    times: integer('times').notNull(),
    hours: numeric('hours', { precision: 12, scale: 1 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.residentId, t.month, t.centreId] }),
    index('stat_attendance_centre_month_idx').on(t.centreId, t.month),
  ],
);

/** That a resident took part anywhere in a period (month and year rows): residence-based counts. */
export const statResidence = pgTable(
  'stat_residence',
  {
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    period: integer('period').notNull(),
    times: integer('times').notNull(),
  },
  (t) => [primaryKey({ columns: [t.residentId, t.period] })],
);

/**
 * The figures of a node (county, town or centre) for a period. By place (activities held in the
 * node's subtree): `activities_held`, `person_times`, `hours`, `participants` (distinct residents). By residence:
 * `residents_reached`, the distinct residents living in the subtree who took part anywhere
 * (the numerator of the participation rate).
 */
export const statCounts = pgTable(
  'stat_counts',
  {
    nodeId: nodeRef('node_id', 'cascade'),
    period: integer('period').notNull(),
    personTimes: integer('person_times').notNull().default(0),
    hours: numeric('hours', { precision: 12, scale: 1 }).notNull().default('0'),
    participants: integer('participants').notNull().default(0),
    residentsReached: integer('residents_reached').notNull().default(0),
    /** Activities held (open or done) at the node or below in the period. */
    activitiesHeld: integer('activities_held').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.period] })],
);

/** Residents of a special group living in a node's subtree who took part in a period. */
export const statGroupCounts = pgTable(
  'stat_group_counts',
  {
    nodeId: nodeRef('node_id', 'cascade'),
    period: integer('period').notNull(),
    tag: varchar('tag', { length: 24 }).notNull(),
    residentsReached: integer('residents_reached').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.period, t.tag] })],
);

/** The activities a unit (a lead department) was responsible for: held, and their person-times and hours. */
export const statUnitCounts = pgTable(
  'stat_unit_counts',
  {
    unitId: nodeRef('unit_id', 'cascade'),
    period: integer('period').notNull(),
    activitiesHeld: integer('activities_held').notNull().default(0),
    personTimes: integer('person_times').notNull().default(0),
    hours: numeric('hours', { precision: 12, scale: 1 }).notNull().default('0'),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.period] })],
);

/**
 * The figures of a node for a period by theme (主题): activities held (open or done) and the
 * person-times and hours of their counted sign-ins, at every node above the activity's centre.
 * The dashboards' "by theme" reads these (migration 0016). No distinct participants here.
 */
export const statThemeCounts = pgTable(
  'stat_theme_counts',
  {
    nodeId: nodeRef('node_id', 'cascade'),
    period: integer('period').notNull(),
    theme: varchar('theme', { length: 24 }).notNull(),
    activitiesHeld: integer('activities_held').notNull().default(0),
    personTimes: integer('person_times').notNull().default(0),
    hours: numeric('hours', { precision: 12, scale: 1 }).notNull().default('0'),
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.period, t.theme] })],
);
