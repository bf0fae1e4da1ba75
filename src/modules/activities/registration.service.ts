import { and, asc, count, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { AppError } from '../../shared/app-error';
import { activities, registrations } from './activities.table';
import { residentRef } from '../people';

export type RegistrationStatus = 'registered' | 'waitlisted';

/** What a freed place tells the promoted resident (shown on their page). */
export const PROMOTED_NOTICE = '候补已转为正式报名，请按时参加';

type LockedActivity = { id: string; countyId: string; capacity: number | null; status: string; endsAt: Date };

/**
 * Locks the activity row for the rest of the transaction: every registration change of one
 * activity runs one after another, so counting places and inserting can never overbook.
 */
export async function lockActivity(tx: DbOrTx, activityId: string): Promise<LockedActivity> {
  const [a] = await tx
    .select({
      id: activities.id,
      countyId: activities.countyId,
      capacity: activities.capacity,
      status: activities.status,
      endsAt: activities.endsAt,
    })
    .from(activities)
    .where(eq(activities.id, activityId))
    .for('update');
  if (!a) throw new AppError('NOT_FOUND');
  return a;
}

/** How many hold a place (not the waiting list). */
export async function countRegistered(tx: DbOrTx, activityId: string): Promise<number> {
  const [{ n }] = await tx
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.activityId, activityId), eq(registrations.status, 'registered')));
  return Number(n);
}

/** The resident's registration for the activity that is not cancelled (a place or the waiting list), if any. */
async function liveRegistration(
  tx: DbOrTx,
  activityId: string,
  residentId: string,
): Promise<{ id: string; status: string } | undefined> {
  const [live] = await tx
    .select({ id: registrations.id, status: registrations.status })
    .from(registrations)
    .where(
      and(
        eq(registrations.activityId, activityId),
        eq(registrations.residentId, residentId),
        ne(registrations.status, 'cancelled'),
      ),
    );
  return live;
}

/**
 * Registers a resident for an open activity: a place if one is free, else the waiting list
 * (ordered by the time of registering). Idempotent: a resident already registered or waiting
 * keeps that registration. Call it inside a transaction; it locks the activity row.
 */
export async function registerResident(
  tx: DbOrTx,
  { activityId, residentId }: { activityId: string; residentId: string },
): Promise<{ id: string; status: RegistrationStatus }> {
  const a = await lockActivity(tx, activityId);
  if (a.status !== 'open')
    throw new AppError('CONFLICT', {
      detail: '该活动现在不接受报名',
      detailEn: 'this activity is not open for registration',
    });
  if (a.endsAt.getTime() <= Date.now())
    throw new AppError('CONFLICT', { detail: '该活动已经结束', detailEn: 'this activity has ended' });
  const r = await residentRef(tx, residentId);
  if (!r || r.countyId !== a.countyId || r.anonymized) throw new AppError('NOT_FOUND');
  const live = await liveRegistration(tx, activityId, residentId);
  if (live) return { id: live.id, status: live.status as RegistrationStatus };
  const status: RegistrationStatus =
    a.capacity === null || (await countRegistered(tx, activityId)) < a.capacity ? 'registered' : 'waitlisted';
  // clock_timestamp, not now(): the waiting list follows the order in which the lock was won.
  const [row] = await tx
    .insert(registrations)
    .values({ activityId, residentId, status, createdAt: sql`clock_timestamp()`, updatedAt: sql`clock_timestamp()` })
    .returning({ id: registrations.id });
  return { id: row.id, status };
}

/**
 * Fills free places from the waiting list, first come first served. Called after a
 * cancellation and after the capacity grows; the activity row must be locked (lockActivity).
 * Returns the promoted residents.
 */
export async function promoteWaitlisted(tx: DbOrTx, a: Pick<LockedActivity, 'id' | 'capacity'>): Promise<string[]> {
  const free = a.capacity === null ? Number.MAX_SAFE_INTEGER : a.capacity - (await countRegistered(tx, a.id));
  if (free <= 0) return [];
  const next = await tx
    .select({ id: registrations.id, residentId: registrations.residentId })
    .from(registrations)
    .where(and(eq(registrations.activityId, a.id), eq(registrations.status, 'waitlisted')))
    .orderBy(asc(registrations.createdAt), asc(registrations.id))
    .limit(Math.min(free, 10_000));
  if (!next.length) return [];
  await tx
    .update(registrations)
    .set({ status: 'registered', notice: PROMOTED_NOTICE, updatedAt: new Date() })
    .where(
      inArray(
        registrations.id,
        next.map((n) => n.id),
      ),
    );
  return next.map((n) => n.residentId);
}

/**
 * Cancels a resident's registration (by the resident or by staff). A freed place goes to the
 * first on the waiting list in the same transaction. Cancelling twice changes nothing.
 */
export async function cancelRegistration(
  tx: DbOrTx,
  { activityId, residentId, reason }: { activityId: string; residentId: string; reason?: string | null },
): Promise<{ cancelled: boolean; promotedResidentId: string | null }> {
  const a = await lockActivity(tx, activityId);
  if (a.status === 'done' || a.status === 'cancelled')
    throw new AppError('CONFLICT', {
      detail: '活动已结束或已取消，报名不能再变动',
      detailEn: 'the activity is over or cancelled; registrations can no longer change',
    });
  const live = await liveRegistration(tx, activityId, residentId);
  if (!live) return { cancelled: false, promotedResidentId: null };
  await tx
    .update(registrations)
    .set({ status: 'cancelled', notice: reason ? reason.slice(0, 300) : null, updatedAt: new Date() })
    .where(eq(registrations.id, live.id));
  if (live.status !== 'registered') return { cancelled: true, promotedResidentId: null };
  const [promoted] = await promoteWaitlisted(tx, a);
  return { cancelled: true, promotedResidentId: promoted ?? null };
}
