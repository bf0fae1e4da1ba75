import crypto from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../server/db/client';
import type { Actor, Scope } from '../../shared/actor';
import type { Role } from '../../shared/roles';
import { orgNodes } from '../organisations/org.table';
import { roleAssignments, sessions, users } from './account.table';

export const SESSION_COOKIE = 'cedu_session';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const token = () => crypto.randomBytes(32).toString('base64url');

/** A fresh session id at every sign-in; only the hash of the cookie's token is stored. */
export async function createSession(db: DbOrTx, opts: { userId: string; ip?: string; userAgent?: string; maxHours: number }) {
  const raw = token();
  const csrfToken = token();
  await db.insert(sessions).values({
    id: sha256(raw),
    userId: opts.userId,
    csrfToken,
    expiresAt: new Date(Date.now() + opts.maxHours * 3600_000),
    ip: opts.ip?.slice(0, 64),
    userAgent: opts.userAgent?.slice(0, 300),
  });
  return { token: raw, csrfToken };
}

export type LoadedSession = {
  actor: Actor;
  csrfToken: string;
  mustChangePassword: boolean;
  passwordChangedAt: Date;
};

/** How long a session's last-seen time may lag, to avoid a write on every request. */
const TOUCH_EVERY_MS = 30_000;

/**
 * Resolves a cookie token to its actor, or says why not: unknown, idle too long, past the
 * absolute cap, or the user is disabled. An ended session is deleted.
 */
export async function loadSession(db: Db, raw: string, idleMinutes: number): Promise<LoadedSession | 'expired' | null> {
  const id = sha256(raw);
  const [row] = await db
    .select({ s: sessions, u: { id: users.id, username: users.username, displayName: users.displayName, disabled: users.disabled, mustChangePassword: users.mustChangePassword, passwordChangedAt: users.passwordChangedAt } })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row) return null;
  const now = Date.now();
  if (row.u.disabled || row.s.expiresAt.getTime() <= now || row.s.lastSeenAt.getTime() + idleMinutes * 60_000 <= now) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return 'expired';
  }
  if (now - row.s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.id, id));
  }
  const scopes = await loadScopes(db, row.u.id);
  return {
    actor: { userId: row.u.id, username: row.u.username, displayName: row.u.displayName, scopes, sessionId: id },
    csrfToken: row.s.csrfToken,
    mustChangePassword: row.u.mustChangePassword,
    passwordChangedAt: row.u.passwordChangedAt,
  };
}

export async function loadScopes(db: DbOrTx, userId: string): Promise<Scope[]> {
  const rows = await db
    .select({ role: roleAssignments.role, nodeId: roleAssignments.nodeId, nodeName: orgNodes.name, path: orgNodes.path })
    .from(roleAssignments)
    .innerJoin(orgNodes, eq(orgNodes.id, roleAssignments.nodeId))
    .where(eq(roleAssignments.userId, userId));
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

export async function endSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user (disabled, password reset). */
export async function endUserSessions(db: DbOrTx, userId: string, exceptSessionId?: string): Promise<void> {
  await db.delete(sessions).where(exceptSessionId ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${exceptSessionId}`) : eq(sessions.userId, userId));
}

/** Removes sessions past their absolute cap (housekeeping; idle ones go when next seen). */
export async function pruneSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
