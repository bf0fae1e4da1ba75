import { and, count, gte, inArray, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { chinaInstant } from '../../shared/china-time';
import { activities } from './activities.table';

/**
 * Activities held (open or done, not cancelled) in a year that each unit was responsible for:
 * a lead department's yearly sessions (each department ≥ 4 a year in the seeds).
 */
export async function sessionsPerUnit(db: DbOrTx, unitIds: string[], year: number): Promise<Map<string, number>> {
  const out = new Map(unitIds.map((id) => [id, 0]));
  if (!unitIds.length) return out;
  const rows = await db
    .select({ unitId: activities.responsibleUnitId, n: count() })
    .from(activities)
    .where(
      and(
        inArray(activities.responsibleUnitId, unitIds),
        inArray(activities.status, ['open', 'done']),
        gte(activities.startsAt, new Date(chinaInstant(`${year}-01-01`))),
        lt(activities.startsAt, new Date(chinaInstant(`${year + 1}-01-01`))),
      ),
    )
    .groupBy(activities.responsibleUnitId);
  for (const r of rows) if (r.unitId) out.set(r.unitId, Number(r.n));
  return out;
}
