import crypto from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import { cacheBusOf } from '../../server/cache-bus';
import type { Db, DbOrTx } from '../../server/db/client';
import type { Actor, Scope } from '../../shared/actor';
import type { Role } from '../../shared/roles';
import { orgNodes } from '../organisations/org.table';
import { roleAssignments, sessions } from './account.table';

export const SESSION_COOKIE = 'cedu_session';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const token = () => crypto.randomBytes(32).toString('base64url');

/** A fresh session id at every sign-in; only the hash of the cookie's token is stored. */
export async function createSession(
  db: DbOrTx,
  opts: { userId: string; ip?: string; userAgent?: string; maxHours: number },
) {
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
  const result = await db.execute<SessionRow>(sql`
    select s.csrf_token, s.expires_at, s.last_seen_at, u.id as user_id, u.username, u.display_name, u.disabled,
      u.must_change_password, u.password_changed_at,
      coalesce((select json_agg(json_build_object('role', r.role, 'nodeId', r.node_id, 'nodeName', n.name, 'path', n.path))
        from role_assignments r join org_nodes n on n.id = r.node_id where r.user_id = u.id), '[]'::json) as scopes
    from sessions s join users u on u.id = s.user_id where s.id = ${id}`);
  const row = (result as unknown as { rows: SessionRow[] }).rows[0];
  if (!row) return null;
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (row.disabled || new Date(row.expires_at).getTime() <= now || lastSeen + idleMinutes * 60_000 <= now) {
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
    actor: { userId: row.user_id, username: row.username, displayName: row.display_name, scopes, sessionId: id },
    csrfToken: row.csrf_token,
    mustChangePassword: row.must_change_password,
    passwordChangedAt: new Date(row.password_changed_at),
  };
  if (epoch === authEpoch && bus.keeps(generation)) {
    if (sessionCache.size > 10_000) sessionCache.clear();
    sessionCache.set(id, {
      loaded,
      expiresAt: new Date(row.expires_at).getTime(),
      lastSeen: now,
      lastWritten,
      cachedAt: now,
    });
  }
  return loaded;
}

type SessionRow = {
  csrf_token: string;
  expires_at: string | Date;
  last_seen_at: string | Date;
  user_id: string;
  username: string;
  display_name: string;
  disabled: boolean;
  must_change_password: boolean;
  password_changed_at: string | Date;
  scopes: Scope[] | string;
};

export async function loadScopes(db: DbOrTx, userId: string): Promise<Scope[]> {
  const rows = await db
    .select({
      role: roleAssignments.role,
      nodeId: roleAssignments.nodeId,
      nodeName: orgNodes.name,
      path: orgNodes.path,
    })
    .from(roleAssignments)
    .innerJoin(orgNodes, eq(orgNodes.id, roleAssignments.nodeId))
    .where(eq(roleAssignments.userId, userId));
  return rows.map((r) => ({ ...r, role: r.role as Role }));
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
