import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../server/db/client';
import { reachPaths, type Actor } from '../../shared/actor';
import type { Page } from '../../shared/pagination';
import { chinaInstant } from '../../shared/china-time';
import { ROLES } from '../../shared/roles';
import { escapeLike, loadNodeFor, loadRowOnNode, type NodeBrief, underAnyPath } from '../../server/tree-scope';
import { orgNodes } from '../../server/db/tree.table';
import { readPage } from '../../server/db/page';
import type { Activity, ActivityDetail, ActivityOptions, ActivityQuery } from './activities.contract';
import { canKeepActivity, canReadActivity } from './activities.policy';
import { activities, activityTeachers, registrations } from './activities.table';
import { noticeDays } from './booking.service';
import { approvedCourses, courseRefs } from '../courses';
import { attendancePreview } from '../credits';
import { activeTeachersOfBanks, teacherRefs } from '../teachers';
import { activeThemes } from '../themes';
import { signInCounts } from './sign-in-counts';
import { activityEquipment, equipmentItems, venues } from './venues.table';
import type { Ctx } from '../../server/types';

export type ActivityRow = typeof activities.$inferSelect;
export type CentreRef = NodeBrief;

/** The first instant of a month in China time, as a Date. */
export const monthStart = (month: string) => new Date(chinaInstant(`${month}-01`));
export const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** The node (a centre, or a town for filters), or NOT_FOUND outside the actor's reach. */
export function loadNode(db: DbOrTx, actor: Actor, id: string): Promise<CentreRef> {
  return loadNodeFor(db, id, (n) => canReadActivity(actor, n));
}

/** The activity with its centre, or NOT_FOUND when the actor may not read it. */
export async function loadActivity(
  db: DbOrTx,
  actor: Actor,
  id: string,
): Promise<{ row: ActivityRow; centre: CentreRef }> {
  const { row, node: centre } = await loadRowOnNode(db, activities, activities.centreId, id, (n) =>
    canReadActivity(actor, n),
  );
  return { row, centre };
}

/** Registered and waitlisted counts per activity. */
export async function registrationCounts(
  db: DbOrTx,
  ids: string[],
): Promise<Map<string, { registered: number; waitlisted: number }>> {
  const out = new Map<string, { registered: number; waitlisted: number }>();
  if (!ids.length) return out;
  const rows = await db
    .select({ id: registrations.activityId, status: registrations.status, n: count() })
    .from(registrations)
    .where(and(inArray(registrations.activityId, ids), inArray(registrations.status, ['registered', 'waitlisted'])))
    .groupBy(registrations.activityId, registrations.status);
  for (const r of rows) {
    const c = out.get(r.id) ?? { registered: 0, waitlisted: 0 };
    c[r.status as 'registered' | 'waitlisted'] = Number(r.n);
    out.set(r.id, c);
  }
  return out;
}

const listCols = {
  id: activities.id,
  title: activities.title,
  theme: activities.theme,
  form: activities.form,
  centreId: activities.centreId,
  centreName: orgNodes.name,
  startsAt: activities.startsAt,
  endsAt: activities.endsAt,
  venueName: venues.name,
  place: activities.place,
  capacity: activities.capacity,
  status: activities.status,
  seriesId: activities.seriesId,
};

export async function findActivities({ db, actor, query }: Ctx & { query: ActivityQuery }): Promise<Page<Activity>> {
  const conds = [underAnyPath(orgNodes.path, reachPaths(actor, ROLES))];
  if (query.centreId) conds.push(underAnyPath(orgNodes.path, [(await loadNode(db, actor, query.centreId)).path]));
  if (query.month)
    conds.push(
      gte(activities.startsAt, monthStart(query.month)),
      lt(activities.startsAt, monthStart(nextMonth(query.month))),
    );
  if (query.status) conds.push(eq(activities.status, query.status));
  if (query.theme) conds.push(eq(activities.theme, query.theme));
  if (query.q) conds.push(ilike(activities.title, `%${escapeLike(query.q)}%`));
  const list = db
    .select(listCols)
    .from(activities)
    .innerJoin(orgNodes, eq(orgNodes.id, activities.centreId))
    .leftJoin(venues, eq(venues.id, activities.venueId))
    .where(and(...conds))
    .$dynamic();
  // A month reads in time order; without one, the latest first.
  const order = [query.month ? asc(activities.startsAt) : desc(activities.startsAt), asc(activities.id)];
  const { total, rows } = await readPage(db, list, order, query);
  const counts = await registrationCounts(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({ ...toItem(r), ...(counts.get(r.id) ?? { registered: 0, waitlisted: 0 }) })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

function toItem(r: { [K in keyof typeof listCols]: unknown }): Omit<Activity, 'registered' | 'waitlisted'> {
  return {
    id: r.id as string,
    title: r.title as string,
    theme: r.theme as string,
    form: r.form as Activity['form'],
    centreId: r.centreId as string,
    centreName: r.centreName as string,
    startsAt: (r.startsAt as Date).toISOString(),
    endsAt: (r.endsAt as Date).toISOString(),
    venueName: r.venueName as string | null,
    place: r.place as string | null,
    capacity: r.capacity as number | null,
    status: r.status as Activity['status'],
    seriesId: r.seriesId as string | null,
  };
}

export async function getActivity({ db, actor, id }: Ctx & { id: string }): Promise<ActivityDetail> {
  const { row, centre } = await loadActivity(db, actor, id);
  const unit = alias(orgNodes, 'unit');
  const [extra] = await db
    .select({ venueName: venues.name, unitName: unit.name })
    .from(activities)
    .leftJoin(venues, eq(venues.id, activities.venueId))
    .leftJoin(unit, eq(unit.id, activities.responsibleUnitId))
    .where(eq(activities.id, id));
  const [course] = row.courseId ? await courseRefs(db, [row.courseId]) : [];
  const equipment = await db
    .select({ id: equipmentItems.id, name: equipmentItems.name })
    .from(activityEquipment)
    .innerJoin(equipmentItems, eq(equipmentItems.id, activityEquipment.itemId))
    .where(eq(activityEquipment.activityId, id))
    .orderBy(asc(equipmentItems.name));
  const links = await db
    .select({ id: activityTeachers.teacherId })
    .from(activityTeachers)
    .where(eq(activityTeachers.activityId, id));
  const teacherRows = await teacherRefs(
    db,
    links.map((t) => t.id),
  );
  const series = row.seriesId
    ? await db
        .select({ id: activities.id, startsAt: activities.startsAt, status: activities.status })
        .from(activities)
        .where(eq(activities.seriesId, row.seriesId))
        .orderBy(asc(activities.startsAt))
    : [];
  const counts = (await registrationCounts(db, [id])).get(id) ?? { registered: 0, waitlisted: 0 };
  return {
    ...toItem({ ...row, centreName: centre.name, venueName: extra.venueName }),
    ...counts,
    courseId: row.courseId,
    courseTitle: course?.title ?? null,
    responsibleUnitId: row.responsibleUnitId,
    responsibleUnitName: extra.unitName,
    venueId: row.venueId,
    equipment,
    teachers: teacherRows.map(({ id, name }) => ({ id, name })),
    audience: row.audience,
    hours: Number(row.hours),
    credits: Number(row.credits),
    description: row.description,
    cancelReason: row.cancelReason,
    series: series.map((s) => ({
      id: s.id,
      startsAt: s.startsAt.toISOString(),
      status: s.status as ActivityDetail['status'],
    })),
    signIns: await signInCounts(db, id),
    signInCredits: await attendancePreview(db, { countyId: row.countyId, theme: row.theme, hours: row.hours }),
    permissions: { update: canKeepActivity(actor, centre) },
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Path prefixes of a node and its ancestors ("/c/", "/c/t/", "/c/t/v/"). */
export const selfAndAncestors = (path: string) => {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
};

/** What the form offers for a centre: venues, equipment and teachers of the centre and its town, approved courses, units, themes. */
export async function getOptions({ db, actor, centreId }: Ctx & { centreId: string }): Promise<ActivityOptions> {
  const centre = await loadNode(db, actor, centreId);
  const countyId = centre.path.split('/')[1];
  const owners = selfAndAncestors(centre.path);
  const venueRows = await db
    .select({ id: venues.id, name: venues.name, seats: venues.seats, path: orgNodes.path })
    .from(venues)
    .innerJoin(orgNodes, eq(orgNodes.id, venues.nodeId))
    .where(and(inArray(orgNodes.path, owners), eq(venues.active, true)))
    .orderBy(desc(orgNodes.depth), asc(venues.name));
  const items = await db
    .select({ id: equipmentItems.id, name: equipmentItems.name })
    .from(equipmentItems)
    .innerJoin(orgNodes, eq(orgNodes.id, equipmentItems.nodeId))
    .where(and(inArray(orgNodes.path, owners), eq(equipmentItems.active, true)))
    .orderBy(desc(orgNodes.depth), asc(equipmentItems.name));
  const bank = (await activeTeachersOfBanks(db, owners, 500)).map(({ id, name }) => ({ id, name }));
  const courseRows = await approvedCourses(db, countyId, 500);
  const townPath = owners[Math.min(1, owners.length - 1)];
  const units = await db
    .select({ id: orgNodes.id, name: orgNodes.name })
    .from(orgNodes)
    .where(
      and(
        eq(orgNodes.level, 'unit'),
        or(sql`${orgNodes.path} like ${`${escapeLike(townPath)}%`}`, eq(orgNodes.parentId, countyId)),
      ),
    )
    .orderBy(asc(orgNodes.name))
    .limit(500);
  return {
    venues: venueRows.map(({ id, name, seats }) => ({ id, name, seats })),
    equipment: items,
    teachers: bank,
    courses: courseRows.map(({ id, title, ...c }) => ({ id, name: title, ...c })),
    units,
    themes: await activeThemes(db, countyId),
    noticeDays: await noticeDays(db, countyId),
  };
}
