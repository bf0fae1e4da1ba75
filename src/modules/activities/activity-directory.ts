import { eq } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { activityPlace } from './activity-facts.service';
import { activities, registrations } from './activities.table';
import { venues } from './venues.table';

// Read-only views for the modules above that join activities to their own rows in SQL (sign-in's
// learning record and lists, the resident's pages): only the columns they may read. PostgreSQL
// inlines these subqueries, so a query's plan is that of a join on the table. For facts by id or
// a plain page of activities, use activity-facts instead.

/** Activities as others may read them (not who created them, nor the course or venue links); `place`: the venue's name, else the place typed. */
export const activityDirectory = () =>
  new QueryBuilder()
    .select({
      id: activities.id,
      title: activities.title,
      theme: activities.theme,
      form: activities.form,
      countyId: activities.countyId,
      centreId: activities.centreId,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
      place: activityPlace.as('place'),
      capacity: activities.capacity,
      hours: activities.hours,
      status: activities.status,
      cancelReason: activities.cancelReason,
    })
    .from(activities)
    .leftJoin(venues, eq(venues.id, activities.venueId))
    .as('activity_dir');

/** Registrations (who holds a place or waits, and the notice they were given), every status. */
export const registrationDirectory = () =>
  new QueryBuilder()
    .select({
      activityId: registrations.activityId,
      residentId: registrations.residentId,
      status: registrations.status,
      notice: registrations.notice,
      updatedAt: registrations.updatedAt,
    })
    .from(registrations)
    .as('registration_dir');
