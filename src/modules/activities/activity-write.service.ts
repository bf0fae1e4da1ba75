import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { fieldError } from '../../shared/app-error';
import { diffFields } from '../../server/audit';
import { formatDateTime } from '../../shared/china-time';
import { orgNodes } from '../../server/db/tree.table';
import { checkCountyUnit, loadNodeToWrite } from '../../server/tree-scope';
import type { ActivityCreate, ActivityFields, ActivityUpdate } from './activities.contract';
import { canKeepActivity, canReadActivity } from './activities.policy';
import { auditActivity, loadLiveActivity, sessionsCovered } from './activity-change';
import { selfAndAncestors, type CentreRef } from './activities.service';
import { activities, activityTeachers, registrations } from './activities.table';
import { checkClashes, checkNotice } from './booking.service';
import { courseRefs } from '../courses';
import { teacherRefs } from '../teachers';
import { activeThemes } from '../themes';
import { countRegistered, lockActivity, promoteWaitlisted } from './registration.service';
import { activityEquipment, equipmentItems, venues } from './venues.table';
import type { Ctx } from '../../server/types';

const WEEK = 7 * 86_400_000;
const MAX_LENGTH = 86_400_000;

/** Everything the form names must exist and be usable by this centre; the message says which field. */
async function checkRefs(tx: DbOrTx, centre: CentreRef, input: ActivityFields): Promise<void> {
  const countyId = centre.path.split('/')[1];
  const start = new Date(input.startsAt);
  const end = new Date(input.endsAt);
  if (end <= start) throw fieldError('endsAt', '结束时间要晚于开始时间', 'The end must be after the start');
  if (end.getTime() - start.getTime() > MAX_LENGTH)
    throw fieldError(
      'endsAt',
      '一次活动不能超过 24 小时；多天的活动请分场次',
      'One activity lasts at most 24 hours; split longer ones into sessions',
    );
  if (!(await activeThemes(tx, countyId)).some((t) => t.key === input.theme))
    throw fieldError('theme', '请选择本县的活动主题', 'Choose one of the county’s themes');
  const owners = selfAndAncestors(centre.path);
  if (input.courseId) {
    const [c] = await courseRefs(tx, [input.courseId]);
    if (!c || c.countyId !== countyId || c.status !== 'approved')
      throw fieldError('courseId', '只能选择本县已审核通过的课程', 'Choose an approved course of the county');
  }
  await checkCountyUnit(tx, countyId, input.responsibleUnitId, 'responsibleUnitId');
  if (input.venueId) {
    const [v] = await tx
      .select({ path: orgNodes.path, active: venues.active })
      .from(venues)
      .innerJoin(orgNodes, eq(orgNodes.id, venues.nodeId))
      .where(eq(venues.id, input.venueId));
    if (!v || !v.active || !owners.includes(v.path))
      throw fieldError('venueId', '只能预订本中心或所属镇（街道）的场地', 'Book a venue of this centre or its town');
  }
  if (input.equipmentIds.length) {
    const rows = await tx
      .select({ path: orgNodes.path, active: equipmentItems.active })
      .from(equipmentItems)
      .innerJoin(orgNodes, eq(orgNodes.id, equipmentItems.nodeId))
      .where(inArray(equipmentItems.id, input.equipmentIds));
    if (rows.length !== new Set(input.equipmentIds).size || rows.some((r) => !r.active || !owners.includes(r.path)))
      throw fieldError(
        'equipmentIds',
        '只能借用本中心或所属镇（街道）的设备',
        'Book equipment of this centre or its town',
      );
  }
  if (input.teacherIds.length) {
    const rows = await teacherRefs(tx, input.teacherIds);
    if (
      rows.length !== new Set(input.teacherIds).size ||
      rows.some((r) => r.status !== 'active' || !owners.includes(r.bankPath))
    )
      throw fieldError(
        'teacherIds',
        '只能从本中心或所属镇（街道）师资库中选择在库教师',
        'Choose active teachers of this centre’s or its town’s bank',
      );
  }
}

function columns(input: ActivityFields) {
  return {
    title: input.title,
    theme: input.theme,
    form: input.form,
    courseId: input.courseId,
    responsibleUnitId: input.responsibleUnitId,
    venueId: input.venueId,
    place: input.place,
    capacity: input.capacity,
    audience: input.audience,
    hours: input.hours.toFixed(1),
    credits: input.credits.toFixed(1),
    description: input.description,
  };
}

/**
 * One session of `input` from `startsAt`, `length` ms long: refused if its venue, equipment or
 * teachers are taken then (sessions in `exclude` aside); its end.
 */
async function clashFreeEnd(
  tx: DbOrTx,
  input: ActivityFields,
  startsAt: Date,
  length: number,
  exclude: string[],
): Promise<Date> {
  const endsAt = new Date(startsAt.getTime() + length);
  const { venueId, equipmentIds, teacherIds } = input;
  await checkClashes(tx, { startsAt, endsAt, venueId, equipmentIds, teacherIds, exclude });
  return endsAt;
}

async function setLinks(tx: DbOrTx, activityId: string, input: ActivityFields): Promise<void> {
  await tx.delete(activityTeachers).where(eq(activityTeachers.activityId, activityId));
  await tx.delete(activityEquipment).where(eq(activityEquipment.activityId, activityId));
  const t = [...new Set(input.teacherIds)];
  const e = [...new Set(input.equipmentIds)];
  if (t.length) await tx.insert(activityTeachers).values(t.map((teacherId) => ({ activityId, teacherId })));
  if (e.length) await tx.insert(activityEquipment).values(e.map((itemId) => ({ activityId, itemId })));
}

/**
 * Creates an activity, or a series of `repeatWeeks` sessions a week apart sharing one
 * series id, booking venue, equipment and teachers for each (refused with the clash named).
 */
export async function createActivity({
  db,
  actor,
  input,
}: Ctx & { input: ActivityCreate }): Promise<{ id: string; ids: string[] }> {
  return db.transaction(async (tx) => {
    const centre = await loadNodeToWrite(
      tx,
      input.centreId,
      { mayRead: (n) => canReadActivity(actor, n), mayWrite: (n) => canKeepActivity(actor, n) },
      ['centre', 'town'],
      {
        field: 'centreId',
        zh: '活动属于村（社区）学习中心或镇（街道）',
        en: 'An activity belongs to a centre or a town',
      },
    );
    await checkRefs(tx, centre, input);
    const countyId = centre.path.split('/')[1];
    const start = new Date(input.startsAt).getTime();
    const length = new Date(input.endsAt).getTime() - start;
    await checkNotice(tx, countyId, new Date(start), input.confirmShortNotice);
    const seriesId = input.repeatWeeks > 1 ? crypto.randomUUID() : null;
    const ids: string[] = [];
    for (let k = 0; k < input.repeatWeeks; k++) {
      const startsAt = new Date(start + k * WEEK);
      const endsAt = await clashFreeEnd(tx, input, startsAt, length, []);
      const [row] = await tx
        .insert(activities)
        .values({
          ...columns(input),
          countyId,
          centreId: centre.id,
          seriesId,
          startsAt,
          endsAt,
          status: 'planned',
          createdBy: actor.userId,
        })
        .returning({ id: activities.id });
      await setLinks(tx, row.id, input);
      ids.push(row.id);
    }
    await auditActivity(tx, actor, centre, 'activity.create', ids[0], {
      title: input.title,
      centre: centre.name,
      startsAt: input.startsAt,
      sessions: ids.length,
      venueId: input.venueId,
      teacherIds: input.teacherIds,
      equipmentIds: input.equipmentIds,
    });
    return { id: ids[0], ids };
  });
}

/**
 * Edits an activity, or it and the later sessions of its series (scope "following"): fields
 * are copied, times move by the same amount. Done and cancelled activities stay as they are.
 */
export async function updateActivity({
  db,
  actor,
  id,
  input,
}: Ctx & { id: string; input: ActivityUpdate }): Promise<{ ids: string[] }> {
  return db.transaction(async (tx) => {
    const { row, centre } = await loadLiveActivity(tx, actor, id, { zh: '再修改', en: 'edited' });
    await checkRefs(tx, centre, input);
    const targets = await sessionsCovered(tx, row, input.scope);
    const delta = new Date(input.startsAt).getTime() - row.startsAt.getTime();
    const length = new Date(input.endsAt).getTime() - new Date(input.startsAt).getTime();
    const moved = delta !== 0 || input.venueId !== row.venueId;
    if (moved) await checkNotice(tx, row.countyId, new Date(input.startsAt), input.confirmShortNotice);
    const exclude = targets.map((t) => t.id);
    for (const t of targets) {
      const locked = await lockActivity(tx, t.id);
      const startsAt = new Date(t.startsAt.getTime() + delta);
      const endsAt = await clashFreeEnd(tx, input, startsAt, length, exclude);
      const registered = await countRegistered(tx, t.id);
      if (input.capacity !== null && input.capacity < registered)
        throw fieldError(
          'capacity',
          `已有 ${registered} 人报名，名额不能少于 ${registered}`,
          `${registered} people have registered; the capacity cannot be below that`,
        );
      await tx
        .update(activities)
        .set({ ...columns(input), startsAt, endsAt, updatedAt: new Date() })
        .where(eq(activities.id, t.id));
      await setLinks(tx, t.id, input);
      // Registrants see the new time on their page.
      if (startsAt.getTime() !== t.startsAt.getTime()) {
        await tx
          .update(registrations)
          .set({ notice: `活动时间已调整为 ${formatDateTime(startsAt)}`, updatedAt: new Date() })
          .where(and(eq(registrations.activityId, t.id), inArray(registrations.status, ['registered', 'waitlisted'])));
      }
      if (input.capacity === null || (locked.capacity !== null && input.capacity > locked.capacity))
        await promoteWaitlisted(tx, { id: t.id, capacity: input.capacity });
    }
    const { confirmShortNotice, scope, ...fields } = input;
    await auditActivity(tx, actor, centre, 'activity.update', id, {
      title: row.title,
      scope,
      sessions: targets.length,
      confirmShortNotice,
      ...diffFields(
        {
          ...row,
          startsAt: row.startsAt.toISOString(),
          endsAt: row.endsAt.toISOString(),
          hours: Number(row.hours),
          credits: Number(row.credits),
        } as Record<string, unknown>,
        fields,
      ),
    });
    return { ids: exclude };
  });
}
