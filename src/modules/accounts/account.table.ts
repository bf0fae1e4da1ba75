import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, nodeRef, timestampNow, timestampTz, timestamps } from '../../server/db/columns';

export const users = pgTable(
  'users',
  {
    id: idColumn(),
    username: varchar('username', { length: 32 }).notNull(),
    phone: varchar('phone', { length: 20 }),
    displayName: varchar('display_name', { length: 40 }).notNull(),
    /** The node the person belongs to; who may see and manage the account follows from it. */
    homeNodeId: nodeRef('home_node_id'),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: timestampNow('password_changed_at'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    disabled: boolean('disabled').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestampTz('locked_until'),
    lastLoginAt: timestampTz('last_login_at'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(sql`lower(${t.username})`),
    uniqueIndex('users_phone_uq').on(t.phone),
    index('users_home_node_idx').on(t.homeNodeId),
  ],
);

/** The user who did something to a row (created, reviewed, recorded it…); null once the account is deleted. */
export const userRef = <N extends string>(name: N) => uuid(name).references(() => users.id, { onDelete: 'set null' });

/** A role held on one node, covering its subtree. A person may hold several. */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: varchar('role', { length: 24 }).notNull(),
    nodeId: nodeRef('node_id'),
    createdAt: timestampNow('created_at'),
  },
  (t) => [
    uniqueIndex('role_assignments_uq').on(t.userId, t.role, t.nodeId),
    index('role_assignments_node_idx').on(t.nodeId),
  ],
);

/** Server-side sessions. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: varchar('id', { length: 64 }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: varchar('csrf_token', { length: 64 }).notNull(),
    createdAt: timestampNow('created_at'),
    lastSeenAt: timestampNow('last_seen_at'),
    expiresAt: timestampTz('expires_at').notNull(),
    ip: varchar('ip', { length: 64 }),
    userAgent: varchar('user_agent', { length: 300 }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed sign-ins: by network address (slows that address down) and, for a wrong password of
 * a known account, by account (locks the account, and the account from that address). Pruned as they age.
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ip: varchar('ip', { length: 64 }).notNull(),
    /** The account whose password was wrong; null for unknown names and tries while locked. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    at: timestampNow('at'),
  },
  (t) => [index('login_failures_ip_at_idx').on(t.ip, t.at), index('login_failures_user_at_idx').on(t.userId, t.at)],
);
