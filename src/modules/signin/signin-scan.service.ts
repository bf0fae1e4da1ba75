import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../server/db/client';
import type { Protector } from '../../server/protect';
import { AppError, fieldError } from '../../shared/app-error';
import { residents } from '../people/people.table';
import { verifyQrToken } from './qr-token';
import { recordScan, type ScanJob, type ScanRow } from './signin-batch';
import { loadResidentSession, rememberDevice, rememberedResident } from './resident-session.service';
import { assertSignInOpen, loadSignInActivity, maskName, type SignInActivity } from './signin-activity';
import type { ScanInfo, ScanResult, SignInStatus } from './signin.contract';
import { signIns } from './signin.table';

type ScanCtx = { db: Db; protector: Protector; token: string; residentCookie?: string; deviceId: string };
type Known = { residentId: string; name: string; via: 'session' | 'device'; csrfToken: string | null };

/** The activity a token stands for, or why it is refused (forged: as if it did not exist). */
export async function activityOfToken(db: DbOrTx, protector: Protector, token: string): Promise<SignInActivity> {
  const claims = verifyQrToken((s) => protector.digest(s), token);
  if (claims === 'forged') throw new AppError('NOT_FOUND');
  if (claims === 'expired') throw new AppError('CONFLICT', { detail: '二维码已过期，请扫描现场屏幕或签到表上的二维码', detailEn: 'this QR code has expired; scan the one on the screen or the sheet' });
  if (claims === 'early') throw new AppError('CONFLICT', { detail: '签到还没有开始', detailEn: 'sign-in has not started yet' });
  const a = await loadSignInActivity(db, claims.activityId, { cached: true });
  if (!a) throw new AppError('NOT_FOUND');
  return a;
}

/** Who this phone is: the signed-in resident, else the resident the device remembers (same county only). */
async function knownResident(db: Db, a: SignInActivity, residentCookie: string | undefined, deviceId: string): Promise<Known | null> {
  const session = residentCookie ? await loadResidentSession(db, residentCookie) : null;
  if (session && session.resident.countyId === a.countyId) return { residentId: session.resident.residentId, name: session.resident.name, via: 'session', csrfToken: session.csrfToken };
  const remembered = await rememberedResident(db, deviceId);
  if (!remembered) return null;
  const [r] = await db.select({ name: residents.name, countyId: residents.countyId, anonymizedAt: residents.anonymizedAt }).from(residents).where(eq(residents.id, remembered));
  if (!r || r.anonymizedAt || r.countyId !== a.countyId) return null;
  return { residentId: remembered, name: r.name, via: 'device', csrfToken: null };
}

export async function getScanInfo({ db, protector, token, residentCookie, deviceId }: ScanCtx): Promise<ScanInfo> {
  const a = await activityOfToken(db, protector, token);
  const known = await knownResident(db, a, residentCookie, deviceId);
  const [mine] = known
    ? await db.select({ status: signIns.status, signedAt: signIns.signedAt }).from(signIns).where(and(eq(signIns.activityId, a.brief.id), eq(signIns.residentId, known.residentId)))
    : [];
  return {
    activity: a.brief,
    known: known ? { name: maskName(known.name), via: known.via } : null,
    signedIn: mine ? { status: mine.status as SignInStatus, signedAt: mine.signedAt.toISOString() } : null,
    csrfToken: known?.csrfToken ?? null,
  };
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** The resident's sign-in from their phone: one tap when known, else phone + name against the roster. */
export async function scanSignIn(ctx: ScanCtx & { input: { known: boolean; phone?: string; name?: string; remember: boolean }; csrfHeader?: string }): Promise<ScanResult> {
  const { db, protector, token, deviceId, input } = ctx;
  const a = await activityOfToken(db, protector, token);
  assertSignInOpen(a);
  let known: Known | null = null;
  if (input.known) {
    known = await knownResident(db, a, ctx.residentCookie, deviceId);
    if (!known) throw new AppError('UNAUTHENTICATED');
    if (known.via === 'session' && ctx.csrfHeader !== known.csrfToken) throw new AppError('CSRF_FAILED');
  } else if (!input.phone || !input.name) {
    throw fieldError(input.phone ? 'name' : 'phone', '请填写手机号和姓名', 'Enter your phone number and name');
  }
  const params = { activityId: a.brief.id, countyId: a.countyId, theme: a.theme, residentId: known?.residentId ?? null, phone: known ? null : input.phone!, name: known ? null : input.name!, deviceId };
  const outcome = await recordScan(db, params);
  const row = outcome ?? (await existingSignIn(db, params));
  if (!row) throw new AppError('CONFLICT', { detail: '同时有其他修改，请重试', detailEn: 'another change was made at the same moment; please try again' });
  const residentId = row.resident_id;
  if (input.remember && residentId && row.status !== 'rejected') await rememberDevice(db, deviceId, residentId);
  return {
    status: row.status,
    name: maskName(row.name ?? known?.name ?? input.name ?? ''),
    signedAt: new Date(row.signed_at).toISOString(),
    repeated: !outcome,
    reason: row.status !== 'pending' ? null : residentId ? 'device' : 'unknown',
  };
}

/** The row a repeated request met (its insert did nothing). */
async function existingSignIn(db: Db, p: ScanJob): Promise<ScanRow | undefined> {
  const result = await db.execute(sql`
    select s.id, s.resident_id, s.status, s.signed_at, r.name from sign_ins s left join residents r on r.id = s.resident_id
    where s.activity_id = ${p.activityId} and ${p.residentId
      ? sql`s.resident_id = ${p.residentId}`
      : sql`(s.resident_id in (select id from residents where county_id = ${p.countyId} and phone = ${p.phone} and name = ${p.name} and anonymized_at is null)
             or (s.resident_id is null and s.pending_phone = ${p.phone}))`}
    limit 1`);
  return rowsOf<ScanRow>(result)[0];
}

/** Check-out by the resident this phone is known as: attended hours from sign-in to now. */
export async function scanCheckOut(ctx: ScanCtx & { csrfHeader?: string }): Promise<{ attendedHours: number }> {
  const a = await activityOfToken(ctx.db, ctx.protector, ctx.token);
  const known = await knownResident(ctx.db, a, ctx.residentCookie, ctx.deviceId);
  if (!known) throw new AppError('UNAUTHENTICATED');
  if (known.via === 'session' && ctx.csrfHeader !== known.csrfToken) throw new AppError('CSRF_FAILED');
  const [s] = await ctx.db.select().from(signIns).where(and(eq(signIns.activityId, a.brief.id), eq(signIns.residentId, known.residentId)));
  if (!s || s.status !== 'confirmed') throw new AppError('CONFLICT', { detail: '您还没有签到', detailEn: 'you have not signed in' });
  if (s.checkedOutAt) return { attendedHours: Number(s.attendedHours) };
  const attendedHours = hoursBetween(s.signedAt, new Date(), a.hours);
  await ctx.db.update(signIns).set({ checkedOutAt: new Date(), attendedHours: String(attendedHours) }).where(and(eq(signIns.id, s.id), sql`${signIns.checkedOutAt} is null`));
  return { attendedHours };
}

/** Hours between sign-in and check-out, to one decimal, at most the activity's hours. */
export function hoursBetween(from: Date, to: Date, max: number): number {
  return Math.min(max, Math.max(0, Math.round((to.getTime() - from.getTime()) / 360_000) / 10));
}
