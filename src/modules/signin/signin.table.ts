import { sql } from 'drizzle-orm';
import { check, index, integer, numeric, pgTable, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, nodeKey, timestampNow, timestampTz } from '../../server/db/columns';
import { userRef } from '../accounts/account.table';
import { activities } from '../activities/activities.table';
import { storedFiles } from '../files/files.table';
import { residents } from '../people/people.table';

/**
 * A sign-in (签到). One per resident and activity — the unique index is what makes double taps,
 * retries and simultaneous requests give one row. An unknown person (phone + name not in the
 * roster) is recorded with `resident_id` null and status `pending` until staff confirm them.
 * `method`: qr, manual (staff), paper (entered from a sheet; `evidence_file_id` is its photo).
 * `source_id`: for a typed sign-in not tied to a resident login or a remembered phone, a hash of
 * the client address and user agent; beyond the first from one source, such sign-ins wait for staff.
 */
export const signIns = pgTable(
  'sign_ins',
  {
    id: idColumn(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'restrict' }),
    residentId: uuid('resident_id').references(() => residents.id, { onDelete: 'restrict' }),
    status: varchar('status', { length: 12 }).notNull().default('confirmed'),
    method: varchar('method', { length: 12 }).notNull(),
    pendingName: varchar('pending_name', { length: 40 }),
    pendingPhone: varchar('pending_phone', { length: 20 }),
    deviceId: varchar('device_id', { length: 64 }),
    sourceId: varchar('source_id', { length: 64 }),
    /** Why a pending sign-in waits: unknown, ambiguous (several on the roster), device, source. */
    pendingReason: varchar('pending_reason', { length: 12 }),
    evidenceFileId: uuid('evidence_file_id').references(() => storedFiles.id, { onDelete: 'set null' }),
    signedAt: timestampNow('signed_at'),
    checkedOutAt: timestampTz('checked_out_at'),
    attendedHours: numeric('attended_hours', { precision: 5, scale: 1 }),
    recordedBy: userRef('recorded_by'),
    confirmedBy: userRef('confirmed_by'),
  },
  (t) => [
    uniqueIndex('sign_ins_activity_resident_uq').on(t.activityId, t.residentId),
    // An unknown person (no resident yet) is one pending row per phone, whatever the retries.
    uniqueIndex('sign_ins_activity_pending_phone_uq')
      .on(t.activityId, t.pendingPhone)
      .where(sql`${t.residentId} is null`),
    index('sign_ins_resident_idx').on(t.residentId),
    index('sign_ins_activity_device_idx').on(t.activityId, t.deviceId),
    index('sign_ins_activity_source_idx').on(t.activityId, t.sourceId),
    // The workbench asks on every load which sign-ins wait for staff: a few rows among millions.
    index('sign_ins_pending_idx')
      .on(t.activityId)
      .where(sql`${t.status} = 'pending'`),
    check('sign_ins_status_chk', sql`${t.status} in ('confirmed','pending','rejected')`),
    check('sign_ins_method_chk', sql`${t.method} in ('qr','manual','paper')`),
    check('sign_ins_pending_chk', sql`${t.residentId} is not null or ${t.status} <> 'confirmed'`),
  ],
);

/**
 * A county's sign-in window: residents may sign in from `opens_before_minutes` before an
 * activity's start to `closes_after_minutes` after its end (null: the default, 30 and 30).
 * Staff entry at the desk or from a paper sheet is not bound by it.
 */
export const signInRules = pgTable('sign_in_rules', {
  countyId: nodeKey('county_id'),
  opensBeforeMinutes: integer('opens_before_minutes'),
  closesAfterMinutes: integer('closes_after_minutes'),
  updatedAt: timestampNow('updated_at'),
});

/**
 * A remembered device ("记住这台手机"): the long-lived device cookie's SHA-256 and whom it
 * signs in with one tap. It grants nothing but the one-tap sign-in of that resident.
 */
export const residentDevices = pgTable(
  'resident_devices',
  {
    id: varchar('id', { length: 64 }).primaryKey(),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    createdAt: timestampNow('created_at'),
    lastUsedAt: timestampNow('last_used_at'),
    expiresAt: timestampTz('expires_at').notNull(),
  },
  (t) => [index('resident_devices_resident_idx').on(t.residentId)],
);
