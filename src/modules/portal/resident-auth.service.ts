import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import type { Protector } from '../../server/protect';
import type { Actor } from '../../shared/actor';
import { AppError, fieldError, hidden } from '../../shared/app-error';
import { maskPhone } from '../../shared/phone';
import { assertPasswordRules, hashPassword, timingDummyHash, verifyPassword } from '../accounts';
import { auditChange, recordAudit } from '../../server/audit';
import { residentDirectory, residentPhone, residentRef } from '../people';
import {
  ACTIVATION_DAYS,
  type ActivationIssued,
  type ResidentAccountState,
  type ResidentMe,
} from './resident-auth.contract';
import { residentAccounts } from './resident-account.table';
import { createResidentSession, endResidentSessions, pruneResidentSessions } from './resident-session.service';
import { canManageResidentAccount } from './portal.policy';
import { assertNotThrottled, clearPhoneThrottle, countThrottledFailure, throttleKeys } from './resident-login-throttle';

type Ctx = { db: Db; protector: Protector };
const codeDigest = (p: Protector, residentId: string, code: string) =>
  p.digest(`resident-activation:${residentId}:${code}`);

async function loadResidentForStaff(db: Db, actor: Actor, residentId: string) {
  const r = await residentRef(db, residentId);
  if (!r || r.anonymized || !canManageResidentAccount(actor, r)) throw hidden();
  return r;
}

const resident = residentDirectory();

/** The signed-in resident and their village or community, for the phone pages. */
export async function getResidentMe(db: Db, residentId: string, csrfToken: string): Promise<ResidentMe> {
  // The session guard has just read this resident (a resident session joins the resident).
  const { id, name, nodeId, nodeName, countyId } = (await residentRef(db, residentId))!;
  return { resident: { id, name, nodeId, nodeName, countyId }, csrfToken };
}

/** Whether the resident has an account, for the staff screen. */
export async function getResidentAccount({
  db,
  actor,
  residentId,
}: Ctx & { actor: Actor; residentId: string }): Promise<ResidentAccountState> {
  await loadResidentForStaff(db, actor, residentId);
  const [a] = await db.select().from(residentAccounts).where(eq(residentAccounts.residentId, residentId));
  return {
    exists: !!a,
    activated: !!a?.passwordHash,
    activationExpiresAt: a?.activationExpiresAt?.toISOString() ?? null,
    lastLoginAt: a?.lastLoginAt?.toISOString() ?? null,
    phone: a ? maskPhone(a.phone) : null,
  };
}

/**
 * Issues a one-time 8-digit activation code for the resident's phone account (a new code
 * replaces an older one). The resident needs a phone on the roster that no other account uses.
 */
export async function issueActivationCode({
  db,
  actor,
  protector,
  residentId,
}: Ctx & { actor: Actor; residentId: string }): Promise<ActivationIssued> {
  const r = await loadResidentForStaff(db, actor, residentId);
  const phone = await residentPhone(db, residentId);
  if (!phone)
    throw fieldError(
      'phone',
      '该居民没有登记手机号，请先在居民档案中补上',
      'The resident has no phone number on the roster; add one first',
    );
  const code = String(crypto.randomInt(0, 100_000_000)).padStart(8, '0');
  const expiresAt = new Date(Date.now() + ACTIVATION_DAYS * 86_400_000);
  await db.transaction(async (tx) => {
    const [other] = await tx
      .select({ id: residentAccounts.residentId })
      .from(residentAccounts)
      .where(eq(residentAccounts.phone, phone));
    if (other && other.id !== residentId) {
      throw new AppError('CONFLICT', {
        detail: '这个手机号已开通了另一位居民的账号',
        detailEn: 'this phone number already has another resident’s account',
      });
    }
    const values = {
      phone,
      activationCodeHash: codeDigest(protector, residentId, code),
      activationExpiresAt: expiresAt,
      activationIssuedBy: actor.userId,
      failedAttempts: 0,
      lockedUntil: null,
      updatedAt: new Date(),
    };
    await tx
      .insert(residentAccounts)
      .values({ residentId, ...values })
      .onConflictDoUpdate({ target: residentAccounts.residentId, set: values });
    await auditChange(tx, actor, { id: r.nodeId, path: r.path }, 'resident_account.activation_issued', [
      'resident',
      residentId,
    ]);
  });
  // A new code from the centre lifts a lock on the phone (the address keeps its count).
  await clearPhoneThrottle(db, throttleKeys(protector, phone, ''));
  return { code, expiresAt: expiresAt.toISOString() };
}

/** A wrong code or password: counted for the phone and the address, and audited (the same writes whether or not the phone has an account). */
async function countFailure(
  db: Db,
  keys: { phone: string; ip: string },
  residentId: string | null,
  ip: string,
  action: string,
) {
  await countThrottledFailure(db, keys);
  await recordAudit(db, {
    actorName: 'resident',
    ip,
    action,
    entityType: 'resident',
    entityId: residentId ?? undefined,
    outcome: 'failed',
  });
}

/** Sets the password with phone + name + the code; signs the resident in. Wrong answers look alike for every phone. */
export async function activateResidentAccount({
  db,
  protector,
  input,
  ip,
}: Ctx & { input: { phone: string; name: string; code: string; password: string }; ip: string }) {
  const keys = throttleKeys(protector, input.phone, ip);
  await assertNotThrottled(db, keys);
  const [found] = await db
    .select({ a: residentAccounts, name: resident.name, anonymizedAt: resident.anonymizedAt })
    .from(residentAccounts)
    .innerJoin(resident, eq(resident.id, residentAccounts.residentId))
    .where(eq(residentAccounts.phone, input.phone));
  const wrong = () =>
    fieldError(
      'code',
      '手机号、姓名或激活码不正确，或激活码已过期',
      'The phone, name or code is wrong, or the code has expired',
    );
  const a = found && !found.anonymizedAt && !found.a.disabled ? found.a : null;
  const expected = codeDigest(protector, a?.residentId ?? 'none', input.code);
  const digestOk =
    a?.activationCodeHash != null && crypto.timingSafeEqual(Buffer.from(a.activationCodeHash), Buffer.from(expected));
  if (
    !a ||
    !digestOk ||
    found!.name !== input.name ||
    !a.activationExpiresAt ||
    a.activationExpiresAt.getTime() < Date.now()
  ) {
    await countFailure(db, keys, a?.residentId ?? null, ip, 'resident_account.activation_failed');
    throw wrong();
  }
  await clearPhoneThrottle(db, keys);
  assertPasswordRules(input.password, input.phone, 'password');
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await tx
      .update(residentAccounts)
      .set({
        passwordHash,
        activationCodeHash: null,
        activationExpiresAt: null,
        failedAttempts: 0,
        lockedUntil: null,
        lastLoginAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(residentAccounts.residentId, a.residentId));
    await endResidentSessions(tx, a.residentId);
    const session = await createResidentSession(tx, a.residentId, false);
    await recordAudit(tx, {
      actorName: `resident:${found.name}`,
      ip,
      action: 'resident_account.activated',
      entityType: 'resident',
      entityId: a.residentId,
    });
    return { ...session, residentId: a.residentId };
  });
}

/**
 * Phone + password. Every answer is decided so that it looks the same whether or not the
 * phone has an account: a password hash is always checked (a dummy one when there is no
 * account), a wrong answer counts against the phone and the address alike, and a locked
 * phone answers 423 either way. A disabled account is named only to the one who knows its password.
 */
export async function residentLogin({
  db,
  protector,
  input,
  ip,
}: {
  db: Db;
  protector: Protector;
  input: { phone: string; password: string; remember: boolean };
  ip: string;
}) {
  const keys = throttleKeys(protector, input.phone, ip);
  await assertNotThrottled(db, keys);
  const [found] = await db
    .select({ a: residentAccounts, anonymizedAt: resident.anonymizedAt })
    .from(residentAccounts)
    .innerJoin(resident, eq(resident.id, residentAccounts.residentId))
    .where(eq(residentAccounts.phone, input.phone));
  const account = found && found.a.passwordHash && !found.anonymizedAt ? found.a : null;
  const ok = await verifyPassword(account?.passwordHash ?? (await timingDummyHash()), input.password);
  if (!account || !ok) {
    await countFailure(db, keys, account?.residentId ?? null, ip, 'resident_account.login_failed');
    throw new AppError('LOGIN_FAILED');
  }
  if (account.disabled) throw new AppError('ACCOUNT_DISABLED');
  await clearPhoneThrottle(db, keys);
  // Housekeeping rides on sign-ins (rare, and the tables are small): expired sessions and devices go.
  await pruneResidentSessions(db);
  return db.transaction(async (tx) => {
    await tx
      .update(residentAccounts)
      .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: new Date() })
      .where(eq(residentAccounts.residentId, account.residentId));
    return { ...(await createResidentSession(tx, account.residentId, input.remember)), residentId: account.residentId };
  });
}
