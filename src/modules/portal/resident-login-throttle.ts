import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import type { Protector } from '../../server/protect';
import { AppError } from '../../shared/app-error';
import { residentLoginThrottle } from './resident-account.table';

/** Five wrong answers for one phone lock it for 15 minutes, whether or not it has an account. */
export const PHONE_MAX_FAILURES = 5;
/** Fifteen wrong answers from one client address (any phones) in 15 minutes stop that address for 15 minutes. */
export const ADDRESS_MAX_FAILURES = 15;
export const THROTTLE_MINUTES = 15;

/** The throttle's keys: the phone only as a keyed digest (the table names no one), the address as is. */
export const throttleKeys = (protector: Protector, phone: string, ip: string) => ({
  phone: `phone:${protector.digest(`resident-login:${phone}`)}`,
  ip: `ip:${ip}`.slice(0, 100),
});

/**
 * Refuses an attempt while the phone (423, the same for every phone) or the address (429) is
 * stopped. Answers are computed from this table alone, never from whether an account exists.
 */
export async function assertNotThrottled(db: Db, keys: { phone: string; ip: string }): Promise<void> {
  const rows = await db
    .select()
    .from(residentLoginThrottle)
    .where(inArray(residentLoginThrottle.key, [keys.phone, keys.ip]));
  const now = Date.now();
  const minutes = (d: Date) => Math.max(1, Math.ceil((d.getTime() - now) / 60_000));
  const ip = rows.find((r) => r.key === keys.ip);
  if (ip?.lockedUntil && ip.lockedUntil.getTime() > now)
    throw new AppError('IP_LOCKED', { minutes: minutes(ip.lockedUntil) });
  const phone = rows.find((r) => r.key === keys.phone);
  if (phone?.lockedUntil && phone.lockedUntil.getTime() > now)
    throw new AppError('ACCOUNT_LOCKED', { minutes: minutes(phone.lockedUntil) });
}

/** Counts a wrong answer for the phone and the address (a count older than the window starts again). */
export async function countThrottledFailure(db: Db, keys: { phone: string; ip: string }): Promise<void> {
  for (const [key, max] of [
    [keys.phone, PHONE_MAX_FAILURES],
    [keys.ip, ADDRESS_MAX_FAILURES],
  ] as const) {
    await db.execute(sql`
      insert into resident_login_throttle as t (key, failures, window_started_at, locked_until) values (${key}, 1, now(), null)
      on conflict (key) do update set
        failures = case when t.window_started_at < now() - make_interval(mins => ${THROTTLE_MINUTES}) or t.locked_until is not null then 1 else t.failures + 1 end,
        window_started_at = case when t.window_started_at < now() - make_interval(mins => ${THROTTLE_MINUTES}) or t.locked_until is not null then now() else t.window_started_at end,
        locked_until = case when t.window_started_at >= now() - make_interval(mins => ${THROTTLE_MINUTES}) and t.locked_until is null and t.failures + 1 >= ${max}
          then now() + make_interval(mins => ${THROTTLE_MINUTES}) end`);
  }
}

/** A right answer clears the phone's count (the address keeps its own). */
export async function clearPhoneThrottle(db: Db, keys: { phone: string }): Promise<void> {
  await db.delete(residentLoginThrottle).where(eq(residentLoginThrottle.key, keys.phone));
}
