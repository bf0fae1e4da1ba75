import { boolean, index, integer, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { timestampNow, timestampTz, timestamps } from '../../server/db/columns';
import { userRef } from '../accounts/account.table';
import { residents } from '../people/people.table';

/**
 * A resident's own account (居民账号) for the phone pages: login by phone and password
 * (argon2). Staff of the resident's centre issue a one-time activation code; the resident
 * sets the password with phone + name + code. Only the code's keyed digest is stored.
 * One account per phone number, so a phone and password name one person.
 */
export const residentAccounts = pgTable(
  'resident_accounts',
  {
    residentId: uuid('resident_id')
      .primaryKey()
      .references(() => residents.id, { onDelete: 'cascade' }),
    phone: varchar('phone', { length: 20 }).notNull(),
    passwordHash: text('password_hash'),
    activationCodeHash: varchar('activation_code_hash', { length: 64 }),
    activationExpiresAt: timestampTz('activation_expires_at'),
    activationIssuedBy: userRef('activation_issued_by'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestampTz('locked_until'),
    disabled: boolean('disabled').notNull().default(false),
    lastLoginAt: timestampTz('last_login_at'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('resident_accounts_phone_uq').on(t.phone)],
);

/** A resident's session: the cookie holds a random token; only its SHA-256 is stored. */
export const residentSessions = pgTable(
  'resident_sessions',
  {
    id: varchar('id', { length: 64 }).primaryKey(),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    csrfToken: varchar('csrf_token', { length: 64 }).notNull(),
    createdAt: timestampNow('created_at'),
    lastSeenAt: timestampNow('last_seen_at'),
    expiresAt: timestampTz('expires_at').notNull(),
  },
  (t) => [index('resident_sessions_resident_idx').on(t.residentId)],
);

/**
 * Failed resident logins and activations, counted per phone (whether or not it has an
 * account, so the answers cannot tell) and per client address. `key`: `phone:<digest>` or
 * `ip:<address>`; a count older than the window starts again.
 */
export const residentLoginThrottle = pgTable('resident_login_throttle', {
  key: varchar('key', { length: 100 }).primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestampNow('window_started_at'),
  lockedUntil: timestampTz('locked_until'),
});
