import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../shared/app-error';
import { activityDone } from '../../server/events';
import type { ActivityStatus, Cancel } from './activities.contract';
import { auditActivity, loadKeptActivity, loadLiveActivity, sessionsCovered } from './activity-change';
import { activities, registrations } from './activities.table';
import { lockActivity } from './registration.service';
import type { Ctx } from '../../server/types';

/** The moves a status may make: planned → open → done; planned → done for one entered afterwards. */
const NEXT: Record<ActivityStatus, ActivityStatus[]> = {
  planned: ['open', 'done'],
  open: ['done'],
  done: [],
  cancelled: [],
};

/** Opens registration, or marks the activity done (activityDone: sign-in then pays the credits the theme grants). */
export async function changeStatus({
  db,
  actor,
  id,
  status,
}: Ctx & { id: string; status: 'open' | 'done' }): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, centre } = await loadKeptActivity(tx, actor, id);
    const locked = await lockActivity(tx, id);
    const from = locked.status as ActivityStatus;
    if (!NEXT[from].includes(status))
      throw new AppError('CONFLICT', {
        detail: `活动现在是“${STATUS_ZH[from]}”，不能改为“${STATUS_ZH[status]}”`,
        detailEn: `the activity is ${from}; it cannot become ${status}`,
      });
    if (status === 'done' && row.startsAt.getTime() > Date.now())
      throw new AppError('CONFLICT', {
        detail: '活动还没有开始，不能标记为已完成',
        detailEn: 'the activity has not started yet; it cannot be done',
      });
    await tx.update(activities).set({ status, updatedAt: new Date() }).where(eq(activities.id, id));
    // Waiting residents of a finished activity will never get a place.
    if (status === 'done') {
      await tx
        .update(registrations)
        .set({ status: 'cancelled', notice: '活动已结束，候补未能参加', updatedAt: new Date() })
        .where(and(eq(registrations.activityId, id), eq(registrations.status, 'waitlisted')));
      // Sign-in listens and pays the credits that wait for the activity to be done.
      await activityDone.emit(tx, { activityId: id, actorId: actor.userId });
    }
    await auditActivity(tx, actor, centre, 'activity.status', id, { title: row.title, from, to: status });
  });
}

const STATUS_ZH: Record<ActivityStatus, string> = {
  planned: '计划中',
  open: '报名中',
  done: '已完成',
  cancelled: '已取消',
};

/**
 * Cancels an activity (or it and the later sessions of its series) with a reason. Every live
 * registration is cancelled and carries the reason, which the resident sees on their page.
 */
export async function cancelActivity({
  db,
  actor,
  id,
  input,
}: Ctx & { id: string; input: Cancel }): Promise<{ ids: string[] }> {
  return db.transaction(async (tx) => {
    const { row, centre } = await loadLiveActivity(tx, actor, id, { zh: '取消', en: 'cancelled' });
    const ids = (await sessionsCovered(tx, row, input.scope)).map((t) => t.id);
    for (const t of ids) await lockActivity(tx, t);
    await tx
      .update(activities)
      .set({ status: 'cancelled', cancelReason: input.reason, updatedAt: new Date() })
      .where(inArray(activities.id, ids));
    const told = await tx
      .update(registrations)
      .set({ status: 'cancelled', notice: `活动已取消：${input.reason}`.slice(0, 300), updatedAt: new Date() })
      .where(and(inArray(registrations.activityId, ids), inArray(registrations.status, ['registered', 'waitlisted'])))
      .returning({ id: registrations.id });
    await auditActivity(tx, actor, centre, 'activity.cancel', id, {
      title: row.title,
      reason: input.reason,
      sessions: ids.length,
      registrationsCancelled: told.length,
    });
    return { ids };
  });
}
