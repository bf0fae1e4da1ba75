import { and, asc, count, desc, eq, gte, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { underAnyPath } from '../../server/tree-scope';
import { chinaInstant } from '../../shared/china-time';
import type { ActivityStatus } from './activities.contract';
import { activities, registrations } from './activities.table';
import { venues } from './venues.table';
import { orgNodes } from '../../server/db/tree.table';
import { readPage } from '../../server/db/page';

// Reads other modules (sign-in, portal, plans) make of activities, through index.ts: they get
// facts, never the table. No permission check here: the caller has already decided who may see.

/** What another module knows of an activity. */
export type ActivityFacts = {
  id: string;
  title: string;
  theme: string;
  countyId: string;
  centreId: string;
  centreName: string;
  centrePath: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  capacity: number | null;
  status: ActivityStatus;
  hours: number;
  credits: number;
};

/** Where an activity is held, as residents and the sign-in pages read it: the booked venue, else the place typed. */
export const activityPlace = sql<string | null>`coalesce(${venues.name}, ${activities.place})`;

const factCols = {
  id: activities.id,
  title: activities.title,
  theme: activities.theme,
  countyId: activities.countyId,
  centreId: activities.centreId,
  centreName: orgNodes.name,
  centrePath: orgNodes.path,
  startsAt: activities.startsAt,
  endsAt: activities.endsAt,
  place: activityPlace,
  capacity: activities.capacity,
  status: activities.status,
  hours: activities.hours,
  credits: activities.credits,
};

const toFacts = (r: { [K in keyof typeof factCols]: unknown }): ActivityFacts => ({
  ...(r as Omit<ActivityFacts, 'hours' | 'credits'>),
  hours: Number(r.hours),
  credits: Number(r.credits),
});

/** The named activities (any status), in no particular order; unknown ids are left out. */
export async function findActivityFacts(db: DbOrTx, ids: string[]): Promise<ActivityFacts[]> {
  if (!ids.length) return [];
  const rows = await db
    .select(factCols)
    .from(activities)
    .innerJoin(orgNodes, eq(orgNodes.id, activities.centreId))
    .leftJoin(venues, eq(venues.id, activities.venueId))
    .where(inArray(activities.id, [...new Set(ids)]));
  return rows.map(toFacts);
}

/**
 * One page of activities of the centres under `paths`, not cancelled, starting in
 * [startsFrom, startsBefore) when given; in time order (`newestFirst`: latest first).
 */
export async function pageActivityFacts(
  db: DbOrTx,
  q: {
    paths: string[];
    startsFrom?: Date;
    startsBefore?: Date;
    newestFirst?: boolean;
    page: number;
    pageSize: number;
  },
): Promise<{ items: ActivityFacts[]; total: number }> {
  const conds: (SQL | undefined)[] = [underAnyPath(orgNodes.path, q.paths), ne(activities.status, 'cancelled')];
  if (q.startsFrom) conds.push(gte(activities.startsAt, q.startsFrom));
  if (q.startsBefore) conds.push(lt(activities.startsAt, q.startsBefore));
  const list = db
    .select(factCols)
    .from(activities)
    .innerJoin(orgNodes, eq(orgNodes.id, activities.centreId))
    .leftJoin(venues, eq(venues.id, activities.venueId))
    .where(and(...conds))
    .$dynamic();
  const order = [q.newestFirst ? desc(activities.startsAt) : asc(activities.startsAt), asc(activities.id)];
  const { total, rows } = await readPage(db, list, order, q);
  return { items: rows.map(toFacts), total };
}

/** The live registrations of an activity (places and waiting list, not the cancelled), in order of registering. */
export async function liveRegistrations(
  db: DbOrTx,
  activityId: string,
): Promise<{ residentId: string; status: 'registered' | 'waitlisted'; createdAt: Date }[]> {
  const rows = await db
    .select({ residentId: registrations.residentId, status: registrations.status, createdAt: registrations.createdAt })
    .from(registrations)
    .where(and(eq(registrations.activityId, activityId), ne(registrations.status, 'cancelled')))
    .orderBy(asc(registrations.createdAt), asc(registrations.id));
  return rows.map((r) => ({ ...r, status: r.status as 'registered' | 'waitlisted' }));
}

/** Activities held (open or done, not cancelled or merely planned) per centre and month of a year, China time. */
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
