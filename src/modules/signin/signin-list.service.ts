import { and, asc, count, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { reachPaths, type Actor } from '../../shared/actor';
import type { Page } from '../../shared/pagination';
import { activities } from '../activities';
import { orgNodes } from '../../server/db/tree.table';
import { underAnyPath } from '../../server/tree-scope';
import type { SignInActivityItem, SignInActivityQuery } from './signin.contract';
import { ATTENDANCE_READER_ROLES, canRunSignIn } from './signin.policy';

/** Midnight in China (UTC+8) of the day `offsetDays` from today, as an instant. */
function chinaMidnight(offsetDays: number): Date {
  const now = new Date(Date.now() + 8 * 3_600_000);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offsetDays) - 8 * 3_600_000);
}

/** Activities whose sign-in the actor runs or reads: today's, the coming ones, or past ones; with counts. */
export async function findSignInActivities({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: SignInActivityQuery;
}): Promise<Page<SignInActivityItem>> {
  const when =
    query.when === 'today'
      ? and(gte(activities.startsAt, chinaMidnight(0)), lt(activities.startsAt, chinaMidnight(1)))
      : query.when === 'upcoming'
        ? gte(activities.startsAt, chinaMidnight(1))
        : lt(activities.startsAt, chinaMidnight(0));
  const where = and(
    underAnyPath(orgNodes.path, reachPaths(actor, ATTENDANCE_READER_ROLES)),
    when,
    sql`${activities.status} <> 'cancelled'`,
  );
  const [{ total }] = await db
    .select({ total: count() })
    .from(activities)
    .innerJoin(orgNodes, eq(orgNodes.id, activities.centreId))
    .where(where);
  const rows = await db
    .select({
      a: activities,
      centreName: orgNodes.name,
      centrePath: orgNodes.path,
      confirmed: sql<number>`(select count(*)::int from sign_ins s where s.activity_id = ${activities.id} and s.status = 'confirmed')`,
      pending: sql<number>`(select count(*)::int from sign_ins s where s.activity_id = ${activities.id} and s.status = 'pending')`,
    })
    .from(activities)
    .innerJoin(orgNodes, eq(orgNodes.id, activities.centreId))
    .where(where)
    .orderBy(query.when === 'past' ? desc(activities.startsAt) : asc(activities.startsAt), asc(activities.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    items: rows.map((r) => ({
      id: r.a.id,
      title: r.a.title,
      startsAt: r.a.startsAt.toISOString(),
      endsAt: r.a.endsAt.toISOString(),
      place: r.a.place,
      centreId: r.a.centreId,
      centreName: r.centreName,
      status: r.a.status,
      hours: Number(r.a.hours),
      confirmed: Number(r.confirmed),
      pending: Number(r.pending),
      canRun: canRunSignIn(actor, { path: r.centrePath }),
    })),
    total: Number(total),
    page: query.page,
    pageSize: query.pageSize,
  };
}
