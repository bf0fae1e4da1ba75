import { and, count, eq, gte, inArray, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { chinaInstant } from '../../shared/china-time';
import { activities, activityTeachers } from './activities.table';

/** Activities held (open or done) in a year (China time) that this teacher taught or led. */
export async function activitiesLedInYear(db: DbOrTx, teacherId: string, year: number): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(activityTeachers)
    .innerJoin(activities, eq(activities.id, activityTeachers.activityId))
    .where(
      and(
        eq(activityTeachers.teacherId, teacherId),
        inArray(activities.status, ['open', 'done']),
        gte(activities.startsAt, new Date(chinaInstant(`${year}-01-01`))),
        lt(activities.startsAt, new Date(chinaInstant(`${year + 1}-01-01`))),
      ),
    );
  return Number(r.n);
}
