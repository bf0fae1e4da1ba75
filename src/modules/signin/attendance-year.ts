import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { chinaInstant } from '../../shared/china-time';
import { activityDirectory } from '../activities';
import { signIns } from './signin.table';

const activity = activityDirectory();

/**
 * What these residents attended in a year (China time), together: confirmed sign-ins and the
 * hours counted as in the learning record (attended hours if checked out, at most the activity's).
 */
export async function attendanceInYear(
  db: DbOrTx,
  residentIds: string[],
  year: number,
): Promise<{ attendances: number; hours: number }> {
  if (residentIds.length === 0) return { attendances: 0, hours: 0 };
  const [r] = await db
    .select({
      n: sql<number>`count(*)::int`,
      hours: sql<string>`coalesce(sum(least(coalesce(${signIns.attendedHours}, ${activity.hours}), ${activity.hours})), 0)`,
    })
    .from(signIns)
    .innerJoin(activity, eq(activity.id, signIns.activityId))
    .where(
      and(
        inArray(signIns.residentId, residentIds),
        eq(signIns.status, 'confirmed'),
        gte(activity.startsAt, new Date(chinaInstant(`${year}-01-01`))),
        lt(activity.startsAt, new Date(chinaInstant(`${year + 1}-01-01`))),
      ),
    );
  return { attendances: Number(r.n), hours: Math.round(Number(r.hours) * 10) / 10 };
}
