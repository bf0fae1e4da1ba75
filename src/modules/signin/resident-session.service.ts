import crypto from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../server/db/client';
import { residentDevices, residentSessions } from './resident-account.table';

export const RESIDENT_COOKIE = 'cedu_resident';
/** A random token per phone: identifies the device for the one-phone-one-person rule and, when remembered, whom it signs in. */
export const DEVICE_COOKIE = 'cedu_device';

/** A resident session lasts 12 hours, or 30 days when the resident ticks "remember me". */
export const RESIDENT_SESSION_HOURS = 12;
export const RESIDENT_REMEMBER_DAYS = 30;
/** A remembered device signs its resident in with one tap for 180 days. */
export const DEVICE_REMEMBER_DAYS = 180;

export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
export const randomToken = () => crypto.randomBytes(32).toString('base64url');

/** The resident behind a request on a `{ resident: true }` route (contract 4). */
export type ResidentPrincipal = {
  residentId: string;
  countyId: string;
  nodeId: string;
  name: string;
  sessionId: string;
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

/** Resolves a resident cookie; null when unknown, expired, or the resident was anonymised. */
export async function loadResidentSession(
  db: Db,
  raw: string,
): Promise<{ resident: ResidentPrincipal; csrfToken: string } | null> {
  const id = sha256(raw);
  const result = await db.execute<Row>(sql`
    select s.resident_id, r.county_id, r.node_id, r.name, s.csrf_token, s.last_seen_at
    from resident_sessions s join residents r on r.id = s.resident_id
    left join resident_accounts a on a.resident_id = r.id
    where s.id = ${id} and s.expires_at > now() and r.anonymized_at is null and coalesce(a.disabled, false) = false`);
  const row = (result as unknown as { rows: Row[] }).rows[0];
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
  await db.delete(residentDevices).where(eq(residentDevices.residentId, residentId));
}

/** Remembers that this device signs `residentId` in with one tap. */
export async function rememberDevice(db: DbOrTx, deviceId: string, residentId: string): Promise<void> {
  const expiresAt = new Date(Date.now() + DEVICE_REMEMBER_DAYS * 86_400_000);
  await db
    .insert(residentDevices)
    .values({ id: deviceId, residentId, expiresAt })
    .onConflictDoUpdate({ target: residentDevices.id, set: { residentId, expiresAt, lastUsedAt: new Date() } });
}

/** The resident a remembered device stands for, if any. */
export async function rememberedResident(db: DbOrTx, deviceId: string): Promise<string | null> {
  const [row] = await db
    .select({ residentId: residentDevices.residentId })
    .from(residentDevices)
    .where(and(eq(residentDevices.id, deviceId), gt(residentDevices.expiresAt, new Date())));
  return row?.residentId ?? null;
}

export async function forgetDevice(db: DbOrTx, deviceId: string): Promise<void> {
  await db.delete(residentDevices).where(eq(residentDevices.id, deviceId));
}

/** Housekeeping: sessions and devices past their time. */
export async function pruneResidentSessions(db: Db): Promise<void> {
  await db.delete(residentSessions).where(lt(residentSessions.expiresAt, new Date()));
  await db.delete(residentDevices).where(lt(residentDevices.expiresAt, new Date()));
}
