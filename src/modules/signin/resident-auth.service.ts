import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import type { Protector } from '../../server/protect';
import type { Actor } from '../../shared/actor';
import { AppError, fieldError, hidden } from '../../shared/app-error';
import { maskPhone } from '../../shared/phone';
import { assertPasswordRules, LOCK_MINUTES, MAX_FAILED_LOGINS } from '../accounts/auth.service';
import { hashPassword, timingDummyHash, verifyPassword } from '../accounts/password';
import { recordAudit } from '../audit/audit.service';
import { orgNodes } from '../organisations/org.table';
import { residents } from '../people/people.table';
import { ACTIVATION_DAYS, type ActivationIssued, type ResidentAccountState, type ResidentMe } from './resident-auth.contract';
import { residentAccounts } from './resident-account.table';
import { createResidentSession, endResidentSessions, pruneResidentSessions } from './resident-session.service';
import { canManageResidentAccount } from './signin.policy';

type Ctx = { db: Db; protector: Protector };
const codeDigest = (p: Protector, residentId: string, code: string) => p.digest(`resident-activation:${residentId}:${code}`);

async function loadResidentForStaff(db: Db, actor: Actor, residentId: string) {
  const [row] = await db.select({ r: residents, path: orgNodes.path }).from(residents)
    .innerJoin(orgNodes, eq(orgNodes.id, residents.nodeId)).where(eq(residents.id, residentId));
  if (!row || row.r.anonymizedAt || !canManageResidentAccount(actor, { path: row.path })) throw hidden();
  return row;
}

/** The signed-in resident and their village or community, for the phone pages. */
export async function getResidentMe(db: Db, residentId: string, csrfToken: string): Promise<ResidentMe> {
  const [r] = await db.select({ id: residents.id, name: residents.name, nodeId: residents.nodeId, nodeName: orgNodes.name, countyId: residents.countyId })
    .from(residents).innerJoin(orgNodes, eq(orgNodes.id, residents.nodeId)).where(eq(residents.id, residentId));
  return { resident: r, csrfToken };
}

/** Whether the resident has an account, for the staff screen. */
export async function getResidentAccount({ db, actor, residentId }: Ctx & { actor: Actor; residentId: string }): Promise<ResidentAccountState> {
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
export async function issueActivationCode({ db, actor, protector, residentId }: Ctx & { actor: Actor; residentId: string }): Promise<ActivationIssued> {
  const row = await loadResidentForStaff(db, actor, residentId);
  const phone = row.r.phone;
  if (!phone) throw fieldError('phone', '该居民没有登记手机号，请先在居民档案中补上', 'The resident has no phone number on the roster; add one first');
  const code = String(crypto.randomInt(0, 100_000_000)).padStart(8, '0');
  const expiresAt = new Date(Date.now() + ACTIVATION_DAYS * 86_400_000);
  await db.transaction(async (tx) => {
    const [other] = await tx.select({ id: residentAccounts.residentId }).from(residentAccounts)
      .where(eq(residentAccounts.phone, phone));
    if (other && other.id !== residentId) {
      throw new AppError('CONFLICT', { detail: '这个手机号已开通了另一位居民的账号', detailEn: 'this phone number already has another resident’s account' });
    }
    const values = { phone, activationCodeHash: codeDigest(protector, residentId, code), activationExpiresAt: expiresAt, activationIssuedBy: actor.userId, failedAttempts: 0, lockedUntil: null, updatedAt: new Date() };
    await tx.insert(residentAccounts).values({ residentId, ...values }).onConflictDoUpdate({ target: residentAccounts.residentId, set: values });
    await recordAudit(tx, { actor, node: { id: row.r.nodeId, path: row.path }, action: 'resident_account.activation_issued', entityType: 'resident', entityId: residentId });
  });
  return { code, expiresAt: expiresAt.toISOString() };
}

/** A wrong code or password counts; five lock the account for LOCK_MINUTES (the code too). */
async function countFailure(db: Db, account: { residentId: string; failedAttempts: number }, ip: string, action: string) {
  const failed = account.failedAttempts + 1;
  const lock = failed >= MAX_FAILED_LOGINS;
  await db.update(residentAccounts).set({ failedAttempts: lock ? 0 : failed, ...(lock ? { lockedUntil: new Date(Date.now() + LOCK_MINUTES * 60_000) } : {}) })
    .where(eq(residentAccounts.residentId, account.residentId));
  await recordAudit(db, { actorName: 'resident', ip, action, entityType: 'resident', entityId: account.residentId, outcome: 'failed', summary: { locked: lock } });
}

function assertNotLocked(a: { lockedUntil: Date | null; disabled: boolean }) {
  if (a.lockedUntil && a.lockedUntil.getTime() > Date.now()) throw new AppError('ACCOUNT_LOCKED', { minutes: Math.ceil((a.lockedUntil.getTime() - Date.now()) / 60_000) });
  if (a.disabled) throw new AppError('ACCOUNT_DISABLED');
}

/** Sets the password with phone + name + the code; signs the resident in. */
export async function activateResidentAccount({ db, protector, input, ip }: Ctx & { input: { phone: string; name: string; code: string; password: string }; ip: string }) {
  const [found] = await db.select({ a: residentAccounts, name: residents.name, anonymizedAt: residents.anonymizedAt }).from(residentAccounts)
    .innerJoin(residents, eq(residents.id, residentAccounts.residentId)).where(eq(residentAccounts.phone, input.phone));
  const wrong = () => fieldError('code', '手机号、姓名或激活码不正确，或激活码已过期', 'The phone, name or code is wrong, or the code has expired');
  if (!found || found.anonymizedAt) throw wrong();
  assertNotLocked(found.a);
  const a = found.a;
  const digestOk = a.activationCodeHash !== null && crypto.timingSafeEqual(Buffer.from(a.activationCodeHash), Buffer.from(codeDigest(protector, a.residentId, input.code)));
  if (!digestOk || found.name !== input.name || !a.activationExpiresAt || a.activationExpiresAt.getTime() < Date.now()) {
    await countFailure(db, a, ip, 'resident_account.activation_failed');
    throw wrong();
  }
  assertPasswordRules(input.password, input.phone, 'password');
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await tx.update(residentAccounts).set({ passwordHash, activationCodeHash: null, activationExpiresAt: null, failedAttempts: 0, lockedUntil: null, lastLoginAt: new Date(), updatedAt: new Date() })
      .where(eq(residentAccounts.residentId, a.residentId));
    await endResidentSessions(tx, a.residentId);
    const session = await createResidentSession(tx, a.residentId, false);
    await recordAudit(tx, { actorName: `resident:${found.name}`, ip, action: 'resident_account.activated', entityType: 'resident', entityId: a.residentId });
    return { ...session, residentId: a.residentId };
  });
}

/** Phone + password. Wrong answers look alike whether or not the phone has an account. */
export async function residentLogin({ db, input, ip }: { db: Db; input: { phone: string; password: string; remember: boolean }; ip: string }) {
  const [found] = await db.select({ a: residentAccounts, anonymizedAt: residents.anonymizedAt }).from(residentAccounts)
    .innerJoin(residents, eq(residents.id, residentAccounts.residentId)).where(eq(residentAccounts.phone, input.phone));
  if (!found || !found.a.passwordHash || found.anonymizedAt) {
    await verifyPassword(await timingDummyHash(), input.password);
    throw new AppError('LOGIN_FAILED');
  }
  assertNotLocked(found.a);
  if (!(await verifyPassword(found.a.passwordHash, input.password))) {
    await countFailure(db, found.a, ip, 'resident_account.login_failed');
    throw new AppError('LOGIN_FAILED');
  }
  // Housekeeping rides on sign-ins (rare, and the tables are small): expired sessions and devices go.
  await pruneResidentSessions(db);
  return db.transaction(async (tx) => {
    await tx.update(residentAccounts).set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: new Date() }).where(eq(residentAccounts.residentId, found.a.residentId));
    return { ...(await createResidentSession(tx, found.a.residentId, input.remember)), residentId: found.a.residentId };
  });
}
