import { and, count, eq, gt, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import type { Actor } from '../../shared/actor';
import { AppError, fieldError } from '../../shared/app-error';
import { checkPassword } from '../../shared/password-rules';
import { normalizePhone } from '../../shared/phone';
import { FIELD_MESSAGES } from '../../shared/validation';
import { recordAudit } from '../audit/audit.service';
import { getSettings } from '../settings/settings.service';
import { hashPassword, timingDummyHash, verifyPassword } from './password';
import { createSession, endUserSessions, forgetCachedSessions } from './session.service';
import { loginFailures, users } from './account.table';
import { orgNodes } from '../organisations/org.table';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

type LoginInput = { login: string; password: string; ip: string; userAgent?: string; sessionMaxHours: number };

/**
 * Signs a user in by username or phone. Five wrong passwords lock the account for 15
 * minutes; five failures from one address lock that address too. Every try is audited.
 */
export async function login(db: Db, input: LoginInput) {
  const since = new Date(Date.now() - LOCK_MINUTES * 60_000);
  const [{ n: ipFailures }] = await db.select({ n: count() }).from(loginFailures).where(and(eq(loginFailures.ip, input.ip), gt(loginFailures.at, since)));
  if (Number(ipFailures) >= MAX_FAILED_LOGINS) {
    await recordAudit(db, { actorName: input.login.slice(0, 80), ip: input.ip, action: 'auth.login_failed', outcome: 'denied', summary: { reason: 'ip_locked' } });
    throw new AppError('IP_LOCKED', { minutes: LOCK_MINUTES });
  }

  const phone = normalizePhone(input.login);
  const [found] = await db
    .select({ user: users, homePath: orgNodes.path })
    .from(users)
    .innerJoin(orgNodes, eq(orgNodes.id, users.homeNodeId))
    .where(or(sql`lower(${users.username}) = lower(${input.login})`, eq(users.phone, phone)))
    .limit(1);
  const user = found?.user;
  // Sign-ins of a known account are filed under its home node, so its admins see them.
  const home = found ? { id: found.user.homeNodeId, path: found.homePath } : null;
  const fail = async (reason: string, userId?: string) => {
    await db.insert(loginFailures).values({ ip: input.ip });
    await recordAudit(db, { actorName: input.login.slice(0, 80), ip: input.ip, node: home, action: 'auth.login_failed', entityType: 'user', entityId: userId, outcome: 'failed', summary: { reason } });
  };

  if (!user) {
    await verifyPassword(await timingDummyHash(), input.password);
    await fail('unknown_user');
    throw new AppError('LOGIN_FAILED');
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    await fail('account_locked', user.id);
    throw new AppError('ACCOUNT_LOCKED', { minutes: Math.ceil((user.lockedUntil.getTime() - Date.now()) / 60_000) });
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const failed = user.failedLogins + 1;
    const lock = failed >= MAX_FAILED_LOGINS;
    await db.update(users).set({ failedLogins: lock ? 0 : failed, lockedUntil: lock ? new Date(Date.now() + LOCK_MINUTES * 60_000) : user.lockedUntil }).where(eq(users.id, user.id));
    await fail(lock ? 'wrong_password_locked' : 'wrong_password', user.id);
    if (lock) throw new AppError('ACCOUNT_LOCKED', { minutes: LOCK_MINUTES });
    throw new AppError('LOGIN_FAILED');
  }
  if (user.disabled) {
    await fail('disabled', user.id);
    throw new AppError('ACCOUNT_DISABLED');
  }

  return db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() }).where(eq(users.id, user.id));
    const session = await createSession(tx, { userId: user.id, ip: input.ip, userAgent: input.userAgent, maxHours: input.sessionMaxHours });
    await recordAudit(tx, { actor: { userId: user.id, username: user.username, displayName: user.displayName, ip: input.ip }, node: home, action: 'auth.login', entityType: 'user', entityId: user.id });
    return { ...session, userId: user.id };
  });
}

/** True when the user must change the password before doing anything else. */
export async function passwordChangeDue(db: Db, s: { mustChangePassword: boolean; passwordChangedAt: Date }): Promise<boolean> {
  if (s.mustChangePassword) return true;
  const { passwordMaxAgeDays } = await getSettings(db);
  return passwordMaxAgeDays > 0 && s.passwordChangedAt.getTime() < Date.now() - passwordMaxAgeDays * 86_400_000;
}

/** Validates a new password against the rules, as a field error on `path`. */
export function assertPasswordRules(password: string, username: string, path: string): void {
  const problem = checkPassword(password, username);
  if (problem) throw fieldError(path, FIELD_MESSAGES[problem].zh, FIELD_MESSAGES[problem].en);
}

export async function changePassword({ db, actor, currentPassword, newPassword }: { db: Db; actor: Actor; currentPassword: string; newPassword: string }): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await recordAudit(db, { actor, action: 'auth.password_change', entityType: 'user', entityId: actor.userId, outcome: 'failed', summary: { reason: 'wrong_current_password' } });
    throw new AppError('WRONG_PASSWORD', {}, { issues: [{ path: 'currentPassword', message: '当前密码不正确', messageEn: 'The current password is wrong' }] });
  }
  assertPasswordRules(newPassword, user.username, 'newPassword');
  if (await verifyPassword(user.passwordHash, newPassword)) throw fieldError('newPassword', '新密码不能与当前密码相同', 'The new password must differ from the current one');
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date(), mustChangePassword: false, updatedAt: new Date() }).where(eq(users.id, actor.userId));
    // Other devices signed in with the old password are signed out.
    await endUserSessions(tx, actor.userId, actor.sessionId);
    await recordAudit(tx, { actor, action: 'auth.password_change', entityType: 'user', entityId: actor.userId });
  }).finally(() => forgetCachedSessions(actor.userId));
}

/** Forgets failures older than the lock window (housekeeping). */
export async function pruneLoginFailures(db: Db): Promise<void> {
  await db.delete(loginFailures).where(lt(loginFailures.at, new Date(Date.now() - LOCK_MINUTES * 60_000)));
}
