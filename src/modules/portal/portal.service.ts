import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { AppError } from '../../shared/app-error';
import {
  activityDirectory,
  cancelRegistration,
  findActivityFacts,
  registerResident,
  registrationDirectory,
} from '../activities';
import { orgNodes } from '../../server/db/tree.table';
import { pageOf } from '../../server/db/page';
import { escapeLike } from '../../server/tree-scope';
import type { ResidentPrincipal } from './resident-session.service';
import type { MyActivity, MyActivityQuery } from './portal.contract';

type Ctx = { db: Db; resident: ResidentPrincipal };

const NEAR_DAYS = 7;

/** The town of the resident's village or community (its parent), whose centres are "near me". */
async function townPathOf(db: Db, nodeId: string): Promise<string> {
  const [n] = await db
    .select({ path: orgNodes.path, level: orgNodes.level })
    .from(orgNodes)
    .where(eq(orgNodes.id, nodeId));
  if (!n) throw new AppError('NOT_FOUND');
  const parts = n.path.split('/').filter(Boolean);
  // county/town/centre: the town is the first two segments; a resident filed higher keeps their own node.
  return parts.length >= 2 ? `/${parts.slice(0, 2).join('/')}/` : n.path;
}

/**
 * My activities, or those near me this week. Everything is filtered by the signed-in
 * resident's own id and county: another resident's registrations never appear.
 */
export async function findMyActivities({ db, resident, query }: Ctx & { query: MyActivityQuery }) {
  const me = resident.residentId;
  const activity = activityDirectory();
  const reg = registrationDirectory();
  // My latest live registration of the activity, else my latest cancelled one.
  const mine = (column: typeof reg.status | typeof reg.notice) =>
    sql<
      string | null
    >`(select ${column} from ${reg} where ${reg.activityId} = ${activity.id} and ${reg.residentId} = ${me} order by (${reg.status} <> 'cancelled') desc, ${reg.updatedAt} desc limit 1)`;
  const myReg = mine(reg.status);
  const myNotice = mine(reg.notice);
  const mySignIn = sql<
    string | null
  >`(select s.status from sign_ins s where s.activity_id = ${activity.id} and s.resident_id = ${me})`;
  const registeredCount = sql<number>`(select count(*)::int from ${reg} where ${reg.activityId} = ${activity.id} and ${reg.status} = 'registered')`;
  const now = new Date();
  const where =
    query.scope === 'mine'
      ? and(
          eq(activity.countyId, resident.countyId),
          gte(activity.endsAt, new Date(now.getTime() - 86_400_000)),
          sql`exists (select 1 from ${reg} where ${reg.activityId} = ${activity.id} and ${reg.residentId} = ${me} and (${reg.status} <> 'cancelled' or ${activity.status} = 'cancelled'))`,
        )
      : and(
          eq(activity.countyId, resident.countyId),
          eq(activity.status, 'open'),
          gte(activity.endsAt, now),
          lt(activity.startsAt, new Date(now.getTime() + NEAR_DAYS * 86_400_000)),
          sql`${orgNodes.path} like ${`${escapeLike(await townPathOf(db, resident.nodeId))}%`}`,
        );
  const list = db
    .select({
      a: {
        id: activity.id,
        title: activity.title,
        theme: activity.theme,
        form: activity.form,
        startsAt: activity.startsAt,
        endsAt: activity.endsAt,
        place: activity.place,
        status: activity.status,
        cancelReason: activity.cancelReason,
        capacity: activity.capacity,
        hours: activity.hours,
      },
      centreName: orgNodes.name,
      myReg,
      myNotice,
      mySignIn,
      registeredCount,
    })
    .from(activity)
    .innerJoin(orgNodes, eq(orgNodes.id, activity.centreId))
    .where(where)
    .$dynamic();
  // My own centre's activities first among those near me.
  const order = [
    ...(query.scope === 'near' ? [desc(sql`${activity.centreId} = ${resident.nodeId}`)] : []),
    asc(activity.startsAt),
    asc(activity.id),
  ];
  return pageOf(db, list, order, query, (r) => ({
    id: r.a.id,
    title: r.a.title,
    theme: r.a.theme,
    form: r.a.form,
    startsAt: r.a.startsAt.toISOString(),
    endsAt: r.a.endsAt.toISOString(),
    place: r.a.place,
    centreName: r.centreName,
    status: r.a.status,
    cancelReason: r.a.cancelReason,
    capacity: r.a.capacity,
    registeredCount: Number(r.registeredCount),
    hours: Number(r.a.hours),
    myRegistration: (r.myReg as MyActivity['myRegistration']) ?? null,
    notice: r.myNotice ?? null,
    mySignIn: (r.mySignIn as MyActivity['mySignIn']) ?? null,
  }));
}

/** The activity, if it is of my county (else 404: residents learn nothing about other counties). */
async function activityOfMyCounty(db: Db, resident: ResidentPrincipal, activityId: string) {
  const [a] = await findActivityFacts(db, [activityId]);
  if (!a || a.countyId !== resident.countyId) throw new AppError('NOT_FOUND');
}

/** Register myself (contract 3): a place, or the waiting list. */
export async function registerMe({ db, resident, activityId }: Ctx & { activityId: string }) {
  await activityOfMyCounty(db, resident, activityId);
  const r = await db.transaction((tx) => registerResident(tx, { activityId, residentId: resident.residentId }));
  return { status: r.status };
}

/** Cancel my registration; a freed place goes to the first waiting (contract 3). */
export async function cancelMe({ db, resident, activityId }: Ctx & { activityId: string }) {
  await activityOfMyCounty(db, resident, activityId);
  const r = await db.transaction((tx) =>
    cancelRegistration(tx, { activityId, residentId: resident.residentId, reason: '本人取消' }),
  );
  return { cancelled: r.cancelled };
}
