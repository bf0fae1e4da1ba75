import { and, eq, inArray, lt, gt, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { fieldError } from '../../shared/app-error';
import { formatDateTime, formatTime } from '../../shared/china-time';
import { DEFAULT_NOTICE_DAYS } from './activities.contract';
import { activities, activityTeachers } from './activities.table';
import { teacherRefs } from '../teachers';
import { activityEquipment, activityRules, equipmentItems, venues } from './venues.table';

const span = (a: { startsAt: Date; endsAt: Date }) => `${formatDateTime(a.startsAt)}–${formatTime(a.endsAt)}`;

export type Booking = {
  startsAt: Date;
  endsAt: Date;
  venueId: string | null;
  equipmentIds: string[];
  teacherIds: string[];
  exclude: string[];
};

/**
 * Serialises bookings of the same venue, item or teacher: the clash check and the insert of
 * two requests for one resource run one after another (advisory locks, ids in a fixed order).
 */
async function lockResources(tx: DbOrTx, ids: string[]): Promise<void> {
  for (const id of [...new Set(ids)].sort())
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`booking:${id}`}, 0))`);
}

function overlapping(b: Booking): SQL {
  const conds = [
    ne(activities.status, 'cancelled'),
    lt(activities.startsAt, b.endsAt),
    gt(activities.endsAt, b.startsAt),
  ];
  if (b.exclude.length) conds.push(notInArray(activities.id, b.exclude));
  return and(...conds)!;
}

const clashed = {
  id: activities.id,
  title: activities.title,
  startsAt: activities.startsAt,
  endsAt: activities.endsAt,
};

/**
 * Refuses a booking whose venue, equipment or teachers are already held by another activity
 * that overlaps in time, naming the clash (which activity, when). Call inside the transaction
 * that writes the booking.
 */
export async function checkClashes(tx: DbOrTx, b: Booking): Promise<void> {
  await lockResources(tx, [...(b.venueId ? [b.venueId] : []), ...b.equipmentIds, ...b.teacherIds]);
  if (b.venueId) {
    const [c] = await tx
      .select({ ...clashed, name: venues.name })
      .from(activities)
      .innerJoin(venues, eq(venues.id, activities.venueId))
      .where(and(eq(activities.venueId, b.venueId), overlapping(b)))
      .limit(1);
    if (c)
      throw fieldError(
        'venueId',
        `场地“${c.name}”在 ${span(c)} 已被“${c.title}”占用，请换个时间或场地`,
        `The venue "${c.name}" is taken by "${c.title}" at ${span(c)}; choose another time or venue`,
      );
  }
  if (b.equipmentIds.length) {
    const [c] = await tx
      .select({ ...clashed, name: equipmentItems.name })
      .from(activityEquipment)
      .innerJoin(activities, eq(activities.id, activityEquipment.activityId))
      .innerJoin(equipmentItems, eq(equipmentItems.id, activityEquipment.itemId))
      .where(and(inArray(activityEquipment.itemId, b.equipmentIds), overlapping(b)))
      .limit(1);
    if (c)
      throw fieldError(
        'equipmentIds',
        `设备“${c.name}”在 ${span(c)} 已被“${c.title}”借用`,
        `The equipment "${c.name}" is booked by "${c.title}" at ${span(c)}`,
      );
  }
  if (b.teacherIds.length) {
    const [c] = await tx
      .select({ ...clashed, teacherId: activityTeachers.teacherId })
      .from(activityTeachers)
      .innerJoin(activities, eq(activities.id, activityTeachers.activityId))
      .where(and(inArray(activityTeachers.teacherId, b.teacherIds), overlapping(b)))
      .limit(1);
    if (c) {
      const [{ name }] = await teacherRefs(tx, [c.teacherId]);
      throw fieldError(
        'teacherIds',
        `教师“${name}”在 ${span(c)} 要上“${c.title}”，时间冲突`,
        `The teacher "${name}" teaches "${c.title}" at ${span(c)}`,
      );
    }
  }
}

/** The county's booking notice in days (default 3). */
export async function noticeDays(db: DbOrTx, countyId: string): Promise<number> {
  const [r] = await db
    .select({ d: activityRules.noticeDays })
    .from(activityRules)
    .where(eq(activityRules.countyId, countyId));
  return r?.d ?? DEFAULT_NOTICE_DAYS;
}

/**
 * Venues and equipment are asked for N days ahead; a booking that starts sooner needs the
 * user's explicit confirmation (the form asks, then sends confirmShortNotice). Past times are
 * records entered afterwards (补录) and need none.
 */
export async function checkNotice(
  db: DbOrTx,
  countyId: string,
  startsAt: Date,
  confirmed: boolean,
  now = new Date(),
): Promise<void> {
  if (confirmed || startsAt <= now) return;
  const days = await noticeDays(db, countyId);
  if (startsAt.getTime() - now.getTime() >= days * 86_400_000) return;
  throw fieldError(
    'confirmShortNotice',
    `活动 ${formatDateTime(startsAt)} 开始，距现在不足 ${days} 天。场地、设备和教师需要提前 ${days} 天预约，请确认已与相关方沟通后再保存。`,
    `The activity starts at ${formatDateTime(startsAt)}, less than ${days} days from now. Venues, equipment and teachers are booked ${days} days ahead; confirm that everyone involved has agreed, then save.`,
  );
}
