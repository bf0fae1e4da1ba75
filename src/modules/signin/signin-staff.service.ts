import QRCode from 'qrcode';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../server/db/client';
import { readPage } from '../../server/db/page';
import type { Protector } from '../../server/protect';
import { holdsRoleOver, reachPaths, type Actor } from '../../shared/actor';
import { AppError, fieldError, forbidden, hidden } from '../../shared/app-error';
import { maskPhone } from '../../shared/phone';
import { RESIDENT_ROLES } from '../../shared/roles';
import { countRegistered, registrationDirectory } from '../activities';
import { auditChange } from '../../server/audit';
import { reverseAttendance } from '../credits';
import { fileFacts } from '../files';
import { matchResidents, residentContacts, residentDirectory, residentRef } from '../people';
import { screenToken, sheetToken } from './qr-token';
import { paySignIn } from './signin-credits';
import { hoursBetween } from './signin-scan.service';
import { loadSignInActivity, type SignInActivity } from './signin-activity';
import { countsOf, countSignIns } from './signin-counts';
import { windowMinutes, windowOf } from './signin-window';
import type { AttendanceItem, AttendancePage, QrOut, RosterHit, SheetOut, SignInStatus } from './signin.contract';
import { canReadAttendance, canRunSignIn } from './signin.policy';
import { signIns } from './signin.table';

type Ctx = { db: Db; actor: Actor; protector: Protector };

/** The activity, if the actor may read its attendance (404 otherwise); `run`: may also change it (403 otherwise). */
async function activityFor(db: DbOrTx, actor: Actor, activityId: string, run: boolean): Promise<SignInActivity> {
  const a = await loadSignInActivity(db, activityId);
  if (!a || !canReadAttendance(actor, { path: a.centrePath })) throw hidden();
  if (run && !canRunSignIn(actor, { path: a.centrePath })) throw forbidden();
  return a;
}

const audit = (
  tx: DbOrTx,
  actor: Actor,
  a: SignInActivity,
  action: string,
  entityId: string,
  summary?: Record<string, unknown>,
) =>
  auditChange(tx, actor, { id: a.brief.centreId, path: a.centrePath }, action, ['sign_in', entityId], {
    activityId: a.brief.id,
    ...summary,
  });

const qrSvg = (url: string) => QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
export const scanUrl = (origin: string, token: string) => `${origin}/m/s/${token}`;

/**
 * The on-screen QR code of the current 30-second window. Outside the county's sign-in window
 * no code is cut: the screen says when sign-in opens (or that it has closed), and trying the
 * screen out beforehand signs nobody in.
 */
export async function getScreenQr({
  db,
  actor,
  protector,
  activityId,
  origin,
}: Ctx & { activityId: string; origin: string }): Promise<QrOut> {
  const a = await activityFor(db, actor, activityId, true);
  const now = Date.now();
  const window = windowOf(a, await windowMinutes(db, a.countyId), now);
  const counts = await countSignIns(db, a.brief.id);
  if (window.state !== 'open' || a.status === 'cancelled' || a.status === 'done') {
    // Look again when the window opens (at most a minute from now, in case the activity is moved).
    const nextAt = new Date(
      Math.min(Math.max(new Date(window.opensAt).getTime(), now + 1000), now + 60_000),
    ).toISOString();
    return { activity: a.brief, window, url: null, svg: null, expiresAt: null, nextAt, counts };
  }
  const t = screenToken((s) => protector.digest(s), a.brief.id, now);
  const url = scanUrl(origin, t.token);
  return {
    activity: a.brief,
    window,
    url,
    svg: await qrSvg(url),
    expiresAt: new Date(t.expiresAt * 1000).toISOString(),
    nextAt: new Date(t.nextAt * 1000).toISOString(),
    counts,
  };
}

/** The printable sheet: registrants to tick and a QR code valid only during the activity. */
export async function getSheet({
  db,
  actor,
  protector,
  activityId,
  origin,
}: Ctx & { activityId: string; origin: string }): Promise<SheetOut> {
  const a = await activityFor(db, actor, activityId, true);
  const m = await windowMinutes(db, a.countyId);
  const t = sheetToken((s) => protector.digest(s), { id: a.brief.id, startsAt: a.startsAt, endsAt: a.endsAt }, m);
  const url = scanUrl(origin, t.token);
  const registration = registrationDirectory();
  const resident = residentDirectory();
  const rows = await db
    .select({ id: resident.id, name: resident.name, status: registration.status, signedIn: signIns.id })
    .from(registration)
    .innerJoin(resident, eq(resident.id, registration.residentId))
    .leftJoin(
      signIns,
      and(
        eq(signIns.activityId, registration.activityId),
        eq(signIns.residentId, registration.residentId),
        eq(signIns.status, 'confirmed'),
      ),
    )
    .where(
      and(
        eq(registration.activityId, a.brief.id),
        sql`${registration.status} <> 'cancelled'`,
        isNull(resident.anonymizedAt),
      ),
    )
    .orderBy(asc(registration.status), asc(resident.namePinyin), asc(resident.name));
  const contacts = await residentContacts(
    db,
    rows.map((r) => r.id),
  );
  return {
    activity: a.brief,
    url,
    svg: await qrSvg(url),
    validFrom: new Date(t.notBefore * 1000).toISOString(),
    validUntil: new Date(t.expiresAt * 1000).toISOString(),
    registrants: rows.map((r) => ({
      name: r.name,
      phone: contacts.get(r.id)?.phone ?? null,
      status: r.status,
      signedIn: r.signedIn !== null,
    })),
  };
}

/** The attendance list of an activity, one page, with counts. */
export async function listAttendance({
  db,
  actor,
  activityId,
  query,
}: Ctx & {
  activityId: string;
  query: { page: number; pageSize: number; status?: SignInStatus };
}): Promise<AttendancePage> {
  const a = await activityFor(db, actor, activityId, false);
  const where = and(eq(signIns.activityId, a.brief.id), query.status ? eq(signIns.status, query.status) : undefined);
  const order = [
    sql`case ${signIns.status} when 'pending' then 0 when 'confirmed' then 1 else 2 end`,
    asc(signIns.signedAt),
    asc(signIns.id),
  ];
  const { total, rows } = await readPage(db, db.select().from(signIns).where(where).$dynamic(), order, query);
  const registered = await countRegistered(db, a.brief.id);
  const contacts = await residentContacts(
    db,
    rows.flatMap((s) => s.residentId ?? []),
  );
  const items: AttendanceItem[] = rows.map((s) => {
    const known = s.residentId ? contacts.get(s.residentId) : undefined;
    const p = known?.phone ?? (s.pendingPhone ? maskPhone(s.pendingPhone) : null);
    return {
      id: s.id,
      residentId: s.residentId,
      name: known?.name ?? s.pendingName ?? '',
      phone: p,
      status: s.status as SignInStatus,
      method: s.method as AttendanceItem['method'],
      signedAt: s.signedAt.toISOString(),
      checkedOutAt: s.checkedOutAt?.toISOString() ?? null,
      attendedHours: s.attendedHours === null ? null : Number(s.attendedHours),
      sharedDevice: s.status === 'pending' && s.residentId !== null,
      evidenceFileId: s.evidenceFileId,
      pendingReason:
        s.status === 'pending'
          ? ((s.pendingReason as AttendanceItem['pendingReason']) ?? (s.residentId ? 'device' : 'unknown'))
          : null,
    };
  });
  return {
    items,
    total,
    page: query.page,
    pageSize: query.pageSize,
    activity: a.brief,
    counts: { ...(await countsOf(db, a.brief.id)), registered },
    canRun: canRunSignIn(actor, { path: a.centrePath }),
  };
}

/** A resident the actor keeps, of the activity's county (404 otherwise). */
async function residentInReach(db: DbOrTx, actor: Actor, a: SignInActivity, residentId: string): Promise<void> {
  const r = await residentRef(db, residentId);
  if (!r || r.countyId !== a.countyId || r.anonymized || !holdsRoleOver(actor, RESIDENT_ROLES, r.path)) throw hidden();
}

/** Name, pinyin initials or phone digits, among the residents the actor keeps in the activity's county. */
export async function searchRoster({
  db,
  actor,
  activityId,
  q,
}: Ctx & { activityId: string; q: string }): Promise<{ items: RosterHit[] }> {
  const a = await activityFor(db, actor, activityId, true);
  const hits = await matchResidents(db, {
    countyId: a.countyId,
    paths: reachPaths(actor, RESIDENT_ROLES),
    q,
    limit: 20,
  });
  const signedIn = hits.length
    ? await db
        .select({ residentId: signIns.residentId })
        .from(signIns)
        .where(
          and(
            eq(signIns.activityId, a.brief.id),
            inArray(
              signIns.residentId,
              hits.map((h) => h.id),
            ),
          ),
        )
    : [];
  const signed = new Set(signedIn.map((s) => s.residentId));
  return { items: hits.map((h) => ({ ...h, signedIn: signed.has(h.id) })) };
}

/** Inserts a confirmed staff sign-in, or confirms the resident's existing pending one; pays the credit. */
async function staffSignIn(
  tx: DbOrTx,
  actor: Actor,
  a: SignInActivity,
  residentId: string,
  method: 'manual' | 'paper',
  evidenceFileId: string | null,
) {
  const [created] = await tx
    .insert(signIns)
    .values({
      activityId: a.brief.id,
      residentId,
      status: 'confirmed',
      method,
      evidenceFileId,
      recordedBy: actor.userId,
      confirmedBy: actor.userId,
    })
    .onConflictDoNothing()
    .returning({ id: signIns.id });
  let id = created?.id;
  if (!id) {
    const [existing] = await tx
      .update(signIns)
      .set({ status: 'confirmed', confirmedBy: actor.userId })
      .where(
        and(
          eq(signIns.activityId, a.brief.id),
          eq(signIns.residentId, residentId),
          sql`${signIns.status} <> 'confirmed'`,
        ),
      )
      .returning({ id: signIns.id });
    if (!existing) return { id: null, credits: 0 };
    id = existing.id;
  }
  return { id, credits: await paySignIn(tx, { signInId: id, actorId: actor.userId }) };
}

/** Staff sign a resident in by hand (or confirm their pending scan). */
export async function signInByHand({
  db,
  actor,
  activityId,
  residentId,
}: Ctx & { activityId: string; residentId: string }) {
  const a = await activityFor(db, actor, activityId, true);
  if (a.status === 'cancelled')
    throw new AppError('CONFLICT', { detail: '该活动已取消', detailEn: 'this activity was cancelled' });
  await residentInReach(db, actor, a, residentId);
  return db.transaction(async (tx) => {
    const r = await staffSignIn(tx, actor, a, residentId, 'manual', null);
    if (!r.id)
      throw new AppError('CONFLICT', { detail: '此人已经签到', detailEn: 'this person has already signed in' });
    await audit(tx, actor, a, 'sign_in.manual', r.id, { residentId });
    return { id: r.id, status: 'confirmed' as const, credits: r.credits };
  });
}

/** A paper sheet entered afterwards: the ticked residents, with the photo of the sheet as evidence. */
export async function enterPaperSheet({
  db,
  actor,
  activityId,
  residentIds,
  evidenceFileId,
}: Ctx & { activityId: string; residentIds: string[]; evidenceFileId: string }) {
  const a = await activityFor(db, actor, activityId, true);
  if (a.status === 'cancelled')
    throw new AppError('CONFLICT', { detail: '该活动已取消', detailEn: 'this activity was cancelled' });
  const file = await fileFacts(db, evidenceFileId);
  if (!file || !canReadAttendance(actor, file))
    throw fieldError(
      'evidenceFileId',
      '找不到签到表照片，请重新上传',
      'The photo of the sheet was not found; upload it again',
    );
  if (!file.mime.startsWith('image/'))
    throw fieldError('evidenceFileId', '请上传签到表的照片', 'Upload a photo of the sheet');
  const unique = [...new Set(residentIds)];
  for (const id of unique) await residentInReach(db, actor, a, id);
  return db.transaction(async (tx) => {
    let added = 0;
    for (const id of unique.sort()) if ((await staffSignIn(tx, actor, a, id, 'paper', evidenceFileId)).id) added++;
    await audit(tx, actor, a, 'sign_in.paper', a.brief.id, { evidenceFileId, added, already: unique.length - added });
    return { added, already: unique.length - added };
  });
}

async function signInFor(db: DbOrTx, actor: Actor, signInId: string) {
  const [s] = await db.select().from(signIns).where(eq(signIns.id, signInId));
  if (!s) throw hidden();
  const a = await activityFor(db, actor, s.activityId, true);
  return { s, a };
}

/** Confirms a pending sign-in; an unknown person must be matched to a roster entry first. */
export async function confirmSignIn({
  db,
  actor,
  signInId,
  residentId,
}: Ctx & { signInId: string; residentId?: string }) {
  const { s, a } = await signInFor(db, actor, signInId);
  if (s.status === 'confirmed') return { id: s.id, status: 'confirmed' as const, credits: 0 };
  const who = s.residentId ?? residentId;
  if (!who) throw fieldError('residentId', '请先在名册中找到此人', 'Find this person on the roster first');
  await residentInReach(db, actor, a, who);
  return db.transaction(async (tx) => {
    const [clash] = s.residentId
      ? []
      : await tx
          .select({ id: signIns.id })
          .from(signIns)
          .where(and(eq(signIns.activityId, a.brief.id), eq(signIns.residentId, who)));
    if (clash)
      throw new AppError('CONFLICT', { detail: '此人已经签到', detailEn: 'this person has already signed in' });
    await tx
      .update(signIns)
      .set({ status: 'confirmed', residentId: who, confirmedBy: actor.userId })
      .where(eq(signIns.id, s.id));
    const credits = await paySignIn(tx, { signInId: s.id, actorId: actor.userId });
    await audit(tx, actor, a, 'sign_in.confirm', s.id, { residentId: who });
    return { id: s.id, status: 'confirmed' as const, credits };
  });
}

/** Rejects a pending sign-in, or removes a wrong one; its credit is reversed. */
export async function rejectSignIn({ db, actor, signInId, reason }: Ctx & { signInId: string; reason?: string }) {
  const { s, a } = await signInFor(db, actor, signInId);
  if (s.status === 'rejected') return { id: s.id, status: 'rejected' as const, credits: 0 };
  return db.transaction(async (tx) => {
    await tx.update(signIns).set({ status: 'rejected', confirmedBy: actor.userId }).where(eq(signIns.id, s.id));
    const taken = await reverseAttendance(tx, {
      signInId: s.id,
      actorId: actor.userId,
      reason: reason || '签到被撤销',
    });
    await audit(tx, actor, a, 'sign_in.reject', s.id, { reason: reason ?? null, wasStatus: s.status });
    return { id: s.id, status: 'rejected' as const, credits: -taken };
  });
}

/** Check-out: attended hours, given or from the sign-in to now (at most the activity's hours). */
export async function checkOutSignIn({
  db,
  actor,
  signInId,
  attendedHours,
}: Ctx & { signInId: string; attendedHours?: number }) {
  const { s, a } = await signInFor(db, actor, signInId);
  if (s.status !== 'confirmed')
    throw new AppError('CONFLICT', {
      detail: '只有已确认的签到可以签退',
      detailEn: 'only a confirmed sign-in can check out',
    });
  const hours = Math.min(a.hours, attendedHours ?? hoursBetween(s.signedAt, new Date(), a.hours));
  await db.transaction(async (tx) => {
    await tx
      .update(signIns)
      .set({ checkedOutAt: new Date(), attendedHours: String(hours) })
      .where(eq(signIns.id, s.id));
    await audit(tx, actor, a, 'sign_in.check_out', s.id, { attendedHours: hours });
  });
  return { id: s.id, status: 'confirmed' as const, credits: 0 };
}
