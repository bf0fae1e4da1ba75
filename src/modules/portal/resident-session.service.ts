import { eq, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../server/db/client';
import { residentDirectory } from '../people';
import { forgetResidentDevices, pruneResidentDevices } from '../signin';
import { residentSessions } from './resident-account.table';
import { sqlRows } from '../../server/db/sql';
import { randomToken, sha256 } from '../../server/tokens';

export const RESIDENT_COOKIE = 'cedu_resident';

/** A resident session lasts 12 hours, or 30 days when the resident ticks "remember me". */
export const RESIDENT_SESSION_HOURS = 12;
export const RESIDENT_REMEMBER_DAYS = 30;

/** The resident behind a request on a `{ resident: true }` route (contract 4). */
export type ResidentPrincipal = {
  residentId: string;
  countyId: string;
  nodeId: string;
  name: string;
  sessionId: string;
  /** The session's CSRF token: a state-changing request must send it back. */
  csrfToken: string;
};

export async function createResidentSession(db: DbOrTx, residentId: string, remember: boolean) {
  const token = randomToken();
  const csrfToken = randomToken();
  const maxMs = remember ? RESIDENT_REMEMBER_DAYS * 86_400_000 : RESIDENT_SESSION_HOURS * 3_600_000;
  await db
    .insert(residentSessions)
    .values({ id: sha256(token), residentId, csrfToken, expiresAt: new Date(Date.now() + maxMs) });
  return { token, csrfToken, maxAgeSeconds: Math.floor(maxMs / 1000) };
}

type Row = {
  resident_id: string;
  county_id: string;
  node_id: string;
  name: string;
  csrf_token: string;
  last_seen_at: string | Date;
};

const residentDir = residentDirectory();

/** Resolves a resident cookie; null when unknown, expired, or the resident was anonymised. */
export async function loadResidentSession(
  db: Db,
  raw: string,
): Promise<{ resident: ResidentPrincipal; csrfToken: string } | null> {
  const id = sha256(raw);
  const [row] = await sqlRows<Row>(
    db,
    sql`
    select s.resident_id, ${residentDir.countyId}, ${residentDir.nodeId}, ${residentDir.name}, s.csrf_token, s.last_seen_at
    from resident_sessions s join ${residentDir} on ${residentDir.id} = s.resident_id
    left join resident_accounts a on a.resident_id = ${residentDir.id}
    where s.id = ${id} and s.expires_at > now() and ${residentDir.anonymizedAt} is null and coalesce(a.disabled, false) = false`,
  );
  if (!row) return null;
  if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db.update(residentSessions).set({ lastSeenAt: new Date() }).where(eq(residentSessions.id, id));
  }
  return {
    resident: {
      residentId: row.resident_id,
      countyId: row.county_id,
      nodeId: row.node_id,
      name: row.name,
      sessionId: id,
      csrfToken: row.csrf_token,
    },
    csrfToken: row.csrf_token,
  };
}

export async function endResidentSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(residentSessions).where(eq(residentSessions.id, sessionId));
}

/** Ends every session and forgets every device of a resident (new password, account disabled). */
export async function endResidentSessions(db: DbOrTx, residentId: string): Promise<void> {
  await db.delete(residentSessions).where(eq(residentSessions.residentId, residentId));
  await forgetResidentDevices(db, residentId);
}

/** Housekeeping: sessions and devices past their time. */
export async function pruneResidentSessions(db: Db): Promise<void> {
  await db.delete(residentSessions).where(lt(residentSessions.expiresAt, new Date()));
  await pruneResidentDevices(db);
}
