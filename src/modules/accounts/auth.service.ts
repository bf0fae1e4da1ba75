import { and, count, desc, eq, gt, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { AppError, fieldError } from '../../shared/app-error';
import { formatTime } from '../../shared/china-time';
import { checkPassword } from '../../shared/password-rules';
import { normalizePhone } from '../../shared/phone';
import { FIELD_MESSAGES } from '../../shared/validation';
import { auditChange, recordAudit } from '../../server/audit';
import { getSettings } from '../settings';
import { hashPassword, timingDummyHash, verifyPassword } from './password';
import { createSession, endUserSessions, forgetCachedSessions } from './session.service';
import { loginFailures, users } from './account.table';
import { orgNodes } from '../../server/db/tree.table';
import type { Ctx } from '../../server/types';

/**
 * Sign-in limits. A wrong password counts against the account from that address (5 lock the
 * account there) and against the account everywhere (10 lock it from every address), for 15
 * minutes. An address with many failures is slowed down, never refused: a correct password
 * of an account that is not locked always signs in, whoever shares the address.
 */
export const LOGIN_LIMITS = {
  lockMinutes: 15,
  perAccountAndAddress: 5,
  perAccount: 10,
  /** Failures from one address (any names) before each further try waits. */
  slowAfter: 5,
  slowStepMs: 500,
  slowMaxMs: 10_000,
};

type LoginInput = { login: string; password: string; ip: string; userAgent?: string; sessionMaxHours: number };

/** How long a try from an address with `failures` recent failures waits before it is checked. */
export function slowdownMs(failures: number): number {
  if (failures < LOGIN_LIMITS.slowAfter) return 0;
  return Math.min(LOGIN_LIMITS.slowStepMs * (failures - LOGIN_LIMITS.slowAfter + 1), LOGIN_LIMITS.slowMaxMs);
}

const lockedError = (until: Date) =>
  new AppError('LOGIN_LOCKED', {
    until: formatTime(until), // 14:05 in China time
    minutes: Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000)),
  });

/** When the account's lock ends, for everyone or for tries from this address; null when it is open. */
async function lockEnd(db: Db, user: { id: string; lockedUntil: Date | null }, ip: string): Promise<Date | null> {
  const now = Date.now();
  const windowMs = LOGIN_LIMITS.lockMinutes * 60_000;
  const recent = await db
    .select({ at: loginFailures.at })
    .from(loginFailures)
    .where(
      and(eq(loginFailures.userId, user.id), eq(loginFailures.ip, ip), gt(loginFailures.at, new Date(now - windowMs))),
    )
    .orderBy(desc(loginFailures.at))
    .limit(LOGIN_LIMITS.perAccountAndAddress);
  const pairEnd =
    recent.length >= LOGIN_LIMITS.perAccountAndAddress
      ? new Date(recent[recent.length - 1].at.getTime() + windowMs)
      : null;
  const accountEnd = user.lockedUntil && user.lockedUntil.getTime() > now ? user.lockedUntil : null;
  const end = [pairEnd, accountEnd]
    .filter((d): d is Date => !!d && d.getTime() > now)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  return end ?? null;
}

/**
 * Signs a user in by username or phone. Locks and slow-down as in LOGIN_LIMITS; every try is
 * audited. `input.ip` is the client's address as the trusted proxies report it.
 */
export async function login(db: Db, input: LoginInput) {
  const windowStart = new Date(Date.now() - LOGIN_LIMITS.lockMinutes * 60_000);
  const [{ n: addressFailures }] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.ip, input.ip), gt(loginFailures.at, windowStart)));
  const wait = slowdownMs(Number(addressFailures));
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));

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
  /** `wrongPasswordOf`: the account whose password was wrong (counts towards its locks). */
  const fail = async (reason: string, userId?: string, wrongPasswordOf?: string) => {
    await db.insert(loginFailures).values({ ip: input.ip, userId: wrongPasswordOf ?? null });
    await recordAudit(db, {
      actorName: input.login.slice(0, 80),
      ip: input.ip,
      node: home,
      action: 'auth.login_failed',
      entityType: 'user',
      entityId: userId,
      outcome: 'failed',
      summary: { reason, ...(wait ? { slowedMs: wait } : {}) },
    });
  };

  if (!user) {
    await verifyPassword(await timingDummyHash(), input.password);
    await fail('unknown_user');
    throw new AppError('LOGIN_FAILED');
  }
  const locked = await lockEnd(db, user, input.ip);
  if (locked) {
    await fail('account_locked', user.id);
    throw lockedError(locked);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await fail('wrong_password', user.id, user.id);
    // Failures since the last lock ended count towards the next one.
    const since = user.lockedUntil && user.lockedUntil > windowStart ? user.lockedUntil : windowStart;
    const [{ n }] = await db
      .select({ n: count() })
      .from(loginFailures)
      .where(and(eq(loginFailures.userId, user.id), gt(loginFailures.at, since)));
    if (Number(n) >= LOGIN_LIMITS.perAccount) {
      const until = new Date(Date.now() + LOGIN_LIMITS.lockMinutes * 60_000);
      await db.update(users).set({ lockedUntil: until }).where(eq(users.id, user.id));
      await recordAudit(db, {
        actorName: 'system',
        ip: input.ip,
        node: home,
        action: 'auth.account_locked',
        entityType: 'user',
        entityId: user.id,
        summary: { failures: Number(n), until: until.toISOString() },
      });
      throw lockedError(until);
    }
    const now = await lockEnd(db, { id: user.id, lockedUntil: null }, input.ip);
    if (now) throw lockedError(now);
    throw new AppError('LOGIN_FAILED');
  }
  if (user.disabled) {
    await fail('disabled', user.id);
    throw new AppError('ACCOUNT_DISABLED');
  }

  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() })
      .where(eq(users.id, user.id));
    // This address's wrong tries at this account are forgiven; other addresses' still count.
    await tx
      .update(loginFailures)
      .set({ userId: null })
      .where(and(eq(loginFailures.userId, user.id), eq(loginFailures.ip, input.ip)));
    const session = await createSession(tx, {
      userId: user.id,
      ip: input.ip,
      userAgent: input.userAgent,
      maxHours: input.sessionMaxHours,
    });
    await auditChange(
      tx,
      { userId: user.id, username: user.username, displayName: user.displayName, ip: input.ip },
      home,
      'auth.login',
      ['user', user.id],
    );
    return { ...session, userId: user.id };
  });
}

/** True when the user must change the password before doing anything else. */
export async function passwordChangeDue(
  db: Db,
  s: { mustChangePassword: boolean; passwordChangedAt: Date },
): Promise<boolean> {
  if (s.mustChangePassword) return true;
  const { passwordMaxAgeDays } = await getSettings(db);
  return passwordMaxAgeDays > 0 && s.passwordChangedAt.getTime() < Date.now() - passwordMaxAgeDays * 86_400_000;
}

/** Validates a new password against the rules, as a field error on `path`. */
export function assertPasswordRules(password: string, username: string, path: string): void {
  const problem = checkPassword(password, username);
  if (problem) throw fieldError(path, FIELD_MESSAGES[problem].zh, FIELD_MESSAGES[problem].en);
}

export async function changePassword({
  db,
  actor,
  currentPassword,
  newPassword,
}: Ctx & { currentPassword: string; newPassword: string }): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await recordAudit(db, {
      actor,
      action: 'auth.password_change',
      entityType: 'user',
      entityId: actor.userId,
      outcome: 'failed',
      summary: { reason: 'wrong_current_password' },
    });
    throw new AppError(
      'WRONG_PASSWORD',
      {},
      { issues: [{ path: 'currentPassword', message: '当前密码不正确', messageEn: 'The current password is wrong' }] },
    );
  }
  assertPasswordRules(newPassword, user.username, 'newPassword');
  if (await verifyPassword(user.passwordHash, newPassword))
    throw fieldError('newPassword', '新密码不能与当前密码相同', 'The new password must differ from the current one');
  const passwordHash = await hashPassword(newPassword);
  await db
    .transaction(async (tx) => {
      await tx
        .update(users)
        .set({ passwordHash, passwordChangedAt: new Date(), mustChangePassword: false, updatedAt: new Date() })
        .where(eq(users.id, actor.userId));
      // Other devices signed in with the old password are signed out.
      await endUserSessions(tx, actor.userId, actor.sessionId);
      await recordAudit(tx, { actor, action: 'auth.password_change', entityType: 'user', entityId: actor.userId });
    })
    .finally(() => forgetCachedSessions(actor.userId));
}

/** Forgets failures older than the lock window (housekeeping). */
export async function pruneLoginFailures(db: Db): Promise<void> {
  await db.delete(loginFailures).where(lt(loginFailures.at, new Date(Date.now() - LOGIN_LIMITS.lockMinutes * 60_000)));
}
