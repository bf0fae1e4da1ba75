import { and, count, desc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import type { PageQuery } from '../../shared/pagination';
import { activityDirectory } from '../activities';
import { orgNodes } from '../../server/db/tree.table';
import { readPage } from '../../server/db/page';
import type { MySignInPage } from './signin.contract';
import { signIns } from './signin.table';

const activity = activityDirectory();

/** My sign-ins, newest first, with the total of confirmed activities and hours. */
export async function findMySignIns({
  db,
  residentId,
  query,
}: {
  db: Db;
  residentId: string;
  query: PageQuery;
}): Promise<MySignInPage> {
  const mine = and(eq(signIns.residentId, residentId), ne(signIns.status, 'rejected'));
  const hours = sql<string>`coalesce(${signIns.attendedHours}, ${activity.hours})`;
  const [totals] = await db
    .select({ n: count(), hours: sql<string>`coalesce(sum(${hours}), 0)` })
    .from(signIns)
    .innerJoin(activity, eq(activity.id, signIns.activityId))
    .where(and(eq(signIns.residentId, residentId), eq(signIns.status, 'confirmed')));
  const list = db
    .select({
      s: signIns,
      title: activity.title,
      theme: activity.theme,
      startsAt: activity.startsAt,
      centreName: orgNodes.name,
      hours,
    })
    .from(signIns)
    .innerJoin(activity, eq(activity.id, signIns.activityId))
    .innerJoin(orgNodes, eq(orgNodes.id, activity.centreId))
    .where(mine)
    .$dynamic();
  const { total, rows } = await readPage(db, list, [desc(activity.startsAt), desc(signIns.id)], query);
  return {
    items: rows.map((r) => ({
      id: r.s.id,
      activityId: r.s.activityId,
      title: r.title,
      theme: r.theme,
      startsAt: r.startsAt.toISOString(),
      centreName: r.centreName,
      status: r.s.status as MySignInPage['items'][number]['status'],
      signedAt: r.s.signedAt.toISOString(),
      hours: Number(r.hours),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    totals: { activities: Number(totals.n), hours: Number(totals.hours) },
  };
}
