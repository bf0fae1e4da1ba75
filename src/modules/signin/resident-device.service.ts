import { and, eq, gt, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { residentDevices } from './signin.table';

/** A random token per phone: identifies the device for the one-phone-one-person rule and, when remembered, whom it signs in. */
export const DEVICE_COOKIE = 'cedu_device';
/** A remembered device signs its resident in with one tap for 180 days. */
export const DEVICE_REMEMBER_DAYS = 180;

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

/** Forgets every device of a resident (new password, account disabled). */
export async function forgetResidentDevices(db: DbOrTx, residentId: string): Promise<void> {
  await db.delete(residentDevices).where(eq(residentDevices.residentId, residentId));
}

/** Housekeeping: devices past their time. */
export async function pruneResidentDevices(db: DbOrTx): Promise<void> {
  await db.delete(residentDevices).where(lt(residentDevices.expiresAt, new Date()));
}
