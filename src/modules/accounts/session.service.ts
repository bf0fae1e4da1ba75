import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { cacheBusOf } from '../../server/cache-bus';
import type { Db, DbOrTx } from '../../server/db/client';
import type { Actor, Scope } from '../../shared/actor';
import type { Role } from '../../shared/roles';
import { orgNodes } from '../../server/db/tree.table';
import { roleAssignments, sessions, users } from './account.table';
import { randomToken, sha256 } from '../../server/tokens';

export const SESSION_COOKIE = 'cedu_session';

/** A fresh session id at every sign-in; only the hash of the cookie's token is stored. */
export async function createSession(
  db: DbOrTx,
  opts: { userId: string; ip?: string; userAgent?: string; maxHours: number },
) {
  const raw = randomToken();
  const csrfToken = randomToken();
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
 * Recently loaded sessions, so most requests need no query. An entry lives at most
 * SESSION_CACHE_MS; any change to an account through the services forgets the user's entries
 * at once, every change to users, roles, sessions or the tree on any node arrives on the cache
 * bus, and a load that overlapped such a change is not kept.
 */
const SESSION_CACHE_MS = 5_000;
type Cached = { loaded: LoadedSession; expiresAt: number; lastSeen: number; lastWritten: number; cachedAt: number };
const sessionCache = new Map<string, Cached>();
let authEpoch = 0;

/** Drops cached sessions of one user (or of everyone). Call after changing an account. */
export function forgetCachedSessions(userId?: string): void {
  authEpoch++;
  if (!userId) return sessionCache.clear();
  for (const [id, c] of sessionCache) if (c.loaded.actor.userId === userId) sessionCache.delete(id);
}

/** A cache bus message: `session:<id>`, `user:<id>`, or anything else (tree, sessions, *) that may touch anyone. */
function forgetByMessage(message: string): void {
  if (message === 'settings') return;
  if (message.startsWith('session:')) {
    authEpoch++;
    sessionCache.delete(message.slice(8));
  } else forgetCachedSessions(message.startsWith('user:') ? message.slice(5) : undefined);
}

function fromCache(id: string, idleMinutes: number, now: number): Cached | null {
  const c = sessionCache.get(id);
  if (!c) return null;
  if (now - c.cachedAt > SESSION_CACHE_MS || c.expiresAt <= now || c.lastSeen + idleMinutes * 60_000 <= now) {
    sessionCache.delete(id);
    return null;
  }
  return c;
}

/**
 * Resolves a cookie token to its actor, or says why not: unknown, idle too long, past the
 * absolute cap, or the user is disabled. An ended session is deleted.
 */
export async function loadSession(db: Db, raw: string, idleMinutes: number): Promise<LoadedSession | 'expired' | null> {
  const id = sha256(raw);
  const now = Date.now();
  const cached = fromCache(id, idleMinutes, now);
  if (cached) {
    cached.lastSeen = now;
    if (now - cached.lastWritten > TOUCH_EVERY_MS) {
      cached.lastWritten = now;
      await db
        .update(sessions)
        .set({ lastSeenAt: new Date(now) })
        .where(eq(sessions.id, id));
    }
    return cached.loaded;
  }
  const bus = cacheBusOf(db);
  bus.on('sessions', forgetByMessage);
  const epoch = authEpoch;
  const generation = bus.generation;
  // One round trip for session, user and scopes.
  const [row] = await db
    .select({
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      disabled: users.disabled,
      mustChangePassword: users.mustChangePassword,
      passwordChangedAt: users.passwordChangedAt,
      scopes: sql<
        Scope[] | string
      >`coalesce((select json_agg(json_build_object('role', r.role, 'nodeId', r.node_id, 'nodeName', n.name, 'path', n.path))
        from role_assignments r join org_nodes n on n.id = r.node_id where r.user_id = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row) return null;
  const lastSeen = row.lastSeenAt.getTime();
  if (row.disabled || row.expiresAt.getTime() <= now || lastSeen + idleMinutes * 60_000 <= now) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return 'expired';
  }
  let lastWritten = lastSeen;
  if (now - lastSeen > TOUCH_EVERY_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, id));
    lastWritten = now;
  }
  const scopes = (typeof row.scopes === 'string' ? JSON.parse(row.scopes) : row.scopes) as Scope[];
  const loaded: LoadedSession = {
    actor: { userId: row.userId, username: row.username, displayName: row.displayName, scopes, sessionId: id },
    csrfToken: row.csrfToken,
    mustChangePassword: row.mustChangePassword,
    passwordChangedAt: row.passwordChangedAt,
  };
  if (epoch === authEpoch && bus.keeps(generation)) {
    if (sessionCache.size > 10_000) sessionCache.clear();
    sessionCache.set(id, {
      loaded,
      expiresAt: row.expiresAt.getTime(),
      lastSeen: now,
      lastWritten,
      cachedAt: now,
    });
  }
  return loaded;
}

/** The role assignments of the given accounts, each with its node's name and path, oldest first. */
export async function rolesOf(db: DbOrTx, userIds: string[]) {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ a: roleAssignments, nodeName: orgNodes.name, path: orgNodes.path })
    .from(roleAssignments)
    .innerJoin(orgNodes, eq(orgNodes.id, roleAssignments.nodeId))
    .where(inArray(roleAssignments.userId, userIds))
    .orderBy(asc(roleAssignments.createdAt));
  return rows.map(({ a, nodeName, path }) => ({
    id: a.id,
    userId: a.userId,
    role: a.role as Role,
    nodeId: a.nodeId,
    nodeName,
    path,
  }));
}

export async function loadScopes(db: DbOrTx, userId: string): Promise<Scope[]> {
  return (await rolesOf(db, [userId])).map(({ role, nodeId, nodeName, path }) => ({ role, nodeId, nodeName, path }));
}

export async function endSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
  sessionCache.delete(sessionId);
  authEpoch++;
}

/** Ends every session of a user (disabled, password reset). */
export async function endUserSessions(db: DbOrTx, userId: string, exceptSessionId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(
      exceptSessionId
        ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${exceptSessionId}`)
        : eq(sessions.userId, userId),
    );
  forgetCachedSessions(userId);
}

/** Removes sessions past their absolute cap (housekeeping; idle ones go when next seen). */
export async function pruneSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
