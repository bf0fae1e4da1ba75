import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../server/db/client';
import type { Protector } from '../../server/protect';
import { AppError, fieldError } from '../../shared/app-error';
import { formatDateTime } from '../../shared/china-time';
import { residentRef } from '../people';
import { graceTicket, readQrToken, verifyGraceTicket, type QrClaims } from './qr-token';
import { recordScan, type ScanJob, type ScanRow } from './signin-batch';
import { rememberDevice, rememberedResident } from './resident-device.service';
import { loadSignInActivity, maskName, type SignInActivity } from './signin-activity';
import {
  SCAN_GRACE_SECONDS,
  type ScanInfo,
  type ScanRefusal,
  type ScanResult,
  type SignInStatus,
  type SignInWindow,
} from './signin.contract';
import { signIns } from './signin.table';
import { windowMinutes, windowOf } from './signin-window';
import { sqlRows } from '../../server/db/sql';

/** The resident signed in on this phone (the guard reads the resident cookie on the scan routes), if any. */
export type PhoneResident = { residentId: string; countyId: string; name: string; csrfToken: string };

/**
 * `resident`: the phone's resident session, if any; `deviceId`: the hash of the phone's device
 * cookie; `sourceId`: the hash of its address and user agent.
 */
type ScanCtx = {
  db: Db;
  protector: Protector;
  token: string;
  resident: PhoneResident | null;
  deviceId: string;
  sourceId: string;
};
type Known = { residentId: string; name: string; via: 'session' | 'device'; csrfToken: string | null };

/** A refusal the phone page shows in its own plain words (the route copies `refusal` into a header). */
export function scanRefusal(refusal: ScanRefusal, w?: SignInWindow): AppError {
  const at = (iso: string) => formatDateTime(iso);
  const words: Record<ScanRefusal, [string, string]> = {
    expired: ['二维码已过期，请重新扫描现场的二维码', 'this QR code has expired; scan the one on site again'],
    early: [
      `签到还没有开始，${w ? at(w.opensAt) : ''} 开始`,
      `sign-in has not started yet; it opens at ${w ? at(w.opensAt) : ''} (China time)`,
    ],
    late: ['签到已经结束，请找工作人员补登', 'sign-in has closed; ask the staff to add you'],
    cancelled: ['该活动已取消', 'this activity was cancelled'],
    over: ['该活动已结束，请找工作人员补签', 'this activity is over; ask the staff to sign you in'],
  };
  return new AppError('CONFLICT', { detail: words[refusal][0], detailEn: words[refusal][1], refusal });
}

type Admitted = { a: SignInActivity; claims: QrClaims; window: SignInWindow };

/** The activity a genuine token stands for and its sign-in window now (forged or unknown: as if it did not exist). */
async function tokenActivity(db: DbOrTx, protector: Protector, token: string, nowMs = Date.now()): Promise<Admitted> {
  const claims = readQrToken((s) => protector.digest(s), token);
  if (claims === 'forged') throw new AppError('NOT_FOUND');
  const a = await loadSignInActivity(db, claims.activityId, { cached: true });
  if (!a) throw new AppError('NOT_FOUND');
  return { a, claims, window: windowOf(a, await windowMinutes(db, a.countyId), nowMs) };
}

/** A screen code lives its 30-second window and the next; a sheet code is governed by the window alone. */
const screenCodeStale = (c: QrClaims, nowMs: number) =>
  c.kind === 'screen' && (nowMs / 1000 < c.notBefore || nowMs / 1000 >= c.expiresAt);

/**
 * Whether a sign-in (or check-out) may be taken now: with the grace ticket of this phone's
 * scan (five minutes from a scan inside the window), or else with a code that is valid now
 * inside the activity's window. Cancelled and finished activities refuse.
 */
async function admit(ctx: ScanCtx, ticket: string | undefined): Promise<SignInActivity> {
  const now = Date.now();
  const { a, claims, window } = await tokenActivity(ctx.db, ctx.protector, ctx.token, now);
  if (a.status === 'cancelled') throw scanRefusal('cancelled');
  if (a.status === 'done') throw scanRefusal('over');
  const held = ticket
    ? verifyGraceTicket((s) => ctx.protector.digest(s), ticket, a.brief.id, ctx.deviceId, now)
    : 'invalid';
  if (held === 'ok') return a;
  if (held === 'expired' || screenCodeStale(claims, now)) throw scanRefusal('expired');
  if (window.state !== 'open') throw scanRefusal(window.state, window);
  return a;
}

/** Who this phone is: the signed-in resident, else the resident the device remembers (same county only). */
async function knownResident(
  db: Db,
  a: SignInActivity,
  session: PhoneResident | null,
  deviceId: string,
): Promise<Known | null> {
  if (session && session.countyId === a.countyId)
    return { residentId: session.residentId, name: session.name, via: 'session', csrfToken: session.csrfToken };
  const remembered = await rememberedResident(db, deviceId);
  if (!remembered) return null;
  const r = await residentRef(db, remembered);
  if (!r || r.anonymized || r.countyId !== a.countyId) return null;
  return { residentId: remembered, name: r.name, via: 'device', csrfToken: null };
}

/**
 * What a scanned code is for. A screen code past its minute answers 409 'expired'. Inside
 * the window the phone gets a grace ticket (five minutes to type); outside it, the window's
 * times and no ticket — nothing can be signed in with it.
 */
export async function getScanInfo({ db, protector, token, resident, deviceId }: ScanCtx): Promise<ScanInfo> {
  const now = Date.now();
  const { a, claims, window } = await tokenActivity(db, protector, token, now);
  if (screenCodeStale(claims, now)) throw scanRefusal('expired');
  const known = await knownResident(db, a, resident, deviceId);
  const [mine] = known
    ? await db
        .select({ status: signIns.status, signedAt: signIns.signedAt })
        .from(signIns)
        .where(and(eq(signIns.activityId, a.brief.id), eq(signIns.residentId, known.residentId)))
    : [];
  const grace =
    window.state === 'open' && a.status !== 'cancelled' && a.status !== 'done'
      ? graceTicket((s) => protector.digest(s), a.brief.id, deviceId, SCAN_GRACE_SECONDS, now)
      : null;
  return {
    activity: a.brief,
    window,
    ticket: grace?.ticket ?? null,
    ticketExpiresAt: grace ? new Date(grace.expiresAt * 1000).toISOString() : null,
    known: known ? { name: maskName(known.name), via: known.via } : null,
    signedIn: mine ? { status: mine.status as SignInStatus, signedAt: mine.signedAt.toISOString() } : null,
    csrfToken: known?.csrfToken ?? null,
  };
}

/** The resident's sign-in from their phone: one tap when known, else phone + name against the roster. */
export async function scanSignIn(
  ctx: ScanCtx & {
    input: { known: boolean; phone?: string; name?: string; remember: boolean; ticket?: string };
    csrfHeader?: string;
  },
): Promise<ScanResult> {
  const { db, deviceId, input } = ctx;
  const a = await admit(ctx, input.ticket);
  let known: Known | null = null;
  if (input.known) {
    known = await knownResident(db, a, ctx.resident, deviceId);
    if (!known) throw new AppError('UNAUTHENTICATED');
    if (known.via === 'session' && ctx.csrfHeader !== known.csrfToken) throw new AppError('CSRF_FAILED');
  } else if (!input.phone || !input.name) {
    throw fieldError(input.phone ? 'name' : 'phone', '请填写手机号和姓名', 'Enter your phone number and name');
  }
  const params: ScanJob = {
    activityId: a.brief.id,
    countyId: a.countyId,
    centrePath: a.centrePath,
    theme: a.theme,
    residentId: known?.residentId ?? null,
    phone: known ? null : input.phone!,
    name: known ? null : input.name!,
    deviceId,
    sourceId: known ? null : ctx.sourceId,
  };
  const outcome = await recordScan(db, params);
  const row = outcome ?? (await existingSignIn(db, params));
  if (!row)
    throw new AppError('CONFLICT', {
      detail: '同时有其他修改，请重试',
      detailEn: 'another change was made at the same moment; please try again',
    });
  const residentId = row.resident_id;
  // Only a confirmed sign-in teaches the phone whom it signs in (a pending one could be anyone).
  if (input.remember && residentId && row.status === 'confirmed') await rememberDevice(db, deviceId, residentId);
  return {
    status: row.status,
    name: maskName(row.name ?? known?.name ?? input.name ?? ''),
    signedAt: new Date(row.signed_at).toISOString(),
    repeated: !outcome,
    reason: row.status !== 'pending' ? null : (row.pending_reason ?? (residentId ? 'device' : 'unknown')),
  };
}

/** The row a repeated request met (its insert did nothing). */
async function existingSignIn(db: Db, p: ScanJob): Promise<ScanRow | undefined> {
  const [row] = await sqlRows<ScanRow>(
    db,
    sql`
    select s.id, s.resident_id, s.status, s.signed_at, s.pending_reason, r.name from sign_ins s left join residents r on r.id = s.resident_id
    where s.activity_id = ${p.activityId} and ${
      p.residentId
        ? sql`s.resident_id = ${p.residentId}`
        : sql`(s.resident_id in (select id from residents where county_id = ${p.countyId} and phone = ${p.phone} and name = ${p.name} and anonymized_at is null)
             or (s.resident_id is null and s.pending_phone = ${p.phone}))`
    }
    limit 1`,
  );
  return row;
}

/** Check-out by the resident this phone is known as: attended hours from sign-in to now. */
export async function scanCheckOut(
  ctx: ScanCtx & { csrfHeader?: string; ticket?: string },
): Promise<{ attendedHours: number }> {
  const a = await admit(ctx, ctx.ticket);
  const known = await knownResident(ctx.db, a, ctx.resident, ctx.deviceId);
  if (!known) throw new AppError('UNAUTHENTICATED');
  if (known.via === 'session' && ctx.csrfHeader !== known.csrfToken) throw new AppError('CSRF_FAILED');
  const [s] = await ctx.db
    .select()
    .from(signIns)
    .where(and(eq(signIns.activityId, a.brief.id), eq(signIns.residentId, known.residentId)));
  if (!s || s.status !== 'confirmed')
    throw new AppError('CONFLICT', { detail: '您还没有签到', detailEn: 'you have not signed in' });
  if (s.checkedOutAt) return { attendedHours: Number(s.attendedHours) };
  const attendedHours = hoursBetween(s.signedAt, new Date(), a.hours);
  await ctx.db
    .update(signIns)
    .set({ checkedOutAt: new Date(), attendedHours: String(attendedHours) })
    .where(and(eq(signIns.id, s.id), sql`${signIns.checkedOutAt} is null`));
  return { attendedHours };
}

/** Hours between sign-in and check-out, to one decimal, at most the activity's hours. */
export function hoursBetween(from: Date, to: Date, max: number): number {
  return Math.min(max, Math.max(0, Math.round((to.getTime() - from.getTime()) / 360_000) / 10));
}
