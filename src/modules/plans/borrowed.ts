import { and, count, gte, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { chinaInstant } from '../../shared/china-time';
import { activities } from '../activities/activities.table';

// What plans needs from activities' index.ts, with the exact signature the activities branch
// publishes. Until it is merged, it is written here over the activities table (the only file of
// plans that reads it); then it becomes `export { heldPerMonth } from '../activities'`.

/** needs from activities: activities held (open or done) per centre and month of a year, China time. */
export async function heldPerMonth(db: DbOrTx, centreIds: string[], year: number): Promise<Map<string, number[]>> {
  const out = new Map(centreIds.map((id) => [id, Array<number>(12).fill(0)]));
  if (!centreIds.length) return out;
  const month = sql<number>`extract(month from ${activities.startsAt} at time zone 'Asia/Shanghai')::int`;
  const rows = await db
    .select({ centreId: activities.centreId, month, n: count() })
    .from(activities)
    .where(
      and(
        inArray(activities.centreId, centreIds),
        inArray(activities.status, ['open', 'done']),
        gte(activities.startsAt, new Date(chinaInstant(`${year}-01-01`))),
        lt(activities.startsAt, new Date(chinaInstant(`${year + 1}-01-01`))),
      ),
    )
    .groupBy(activities.centreId, month);
  for (const r of rows) out.get(r.centreId)![Number(r.month) - 1] = Number(r.n);
  return out;
}
