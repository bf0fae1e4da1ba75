import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import type { Actor } from '../../shared/actor';
import { AppError, forbidden } from '../../shared/app-error';
import { recordAudit } from '../../server/audit';
import type { SeriesScope } from './activities.contract';
import { canKeepActivity } from './activities.policy';
import { loadActivity, type ActivityRow, type CentreRef } from './activities.service';
import { activities } from './activities.table';

// What every change of an activity does: load it for one of its keepers, find the sessions the
// change covers, and leave an entry in the audit trail under its centre.

/** The activity with its centre for a change: NOT_FOUND when the actor may not read it, FORBIDDEN when they may not keep it. */
export async function loadKeptActivity(
  tx: DbOrTx,
  actor: Actor,
  id: string,
): Promise<{ row: ActivityRow; centre: CentreRef }> {
  const found = await loadActivity(tx, actor, id);
  if (!canKeepActivity(actor, found.centre)) throw forbidden();
  return found;
}

/**
 * The activity with its centre for a change that only a live one takes (edit, cancel): as
 * loadKeptActivity, and CONFLICT once it is done or cancelled (`change`: 不能<zh> / cannot be <en>).
 */
export async function loadLiveActivity(
  tx: DbOrTx,
  actor: Actor,
  id: string,
  change: { zh: string; en: string },
): Promise<{ row: ActivityRow; centre: CentreRef }> {
  const found = await loadKeptActivity(tx, actor, id);
  if (found.row.status === 'done' || found.row.status === 'cancelled')
    throw new AppError('CONFLICT', {
      detail: `已完成或已取消的活动不能${change.zh}`,
      detailEn: `a done or cancelled activity cannot be ${change.en}`,
    });
  return found;
}

/** The sessions a change covers: this one, or (scope "following") it and the later live sessions of its series, in time order. */
export async function sessionsCovered(tx: DbOrTx, row: ActivityRow, scope: SeriesScope): Promise<ActivityRow[]> {
  if (scope !== 'following' || !row.seriesId) return [row];
  return tx
    .select()
    .from(activities)
    .where(
      and(
        eq(activities.seriesId, row.seriesId),
        gte(activities.startsAt, row.startsAt),
        inArray(activities.status, ['planned', 'open']),
      ),
    )
    .orderBy(asc(activities.startsAt));
}

/** The audit entry of a change of activity `id`, under its centre. */
export function auditActivity(
  tx: DbOrTx,
  actor: Actor,
  centre: CentreRef,
  action: string,
  id: string,
  summary: Record<string, unknown>,
): Promise<void> {
  return recordAudit(tx, { actor, node: centre, action, entityType: 'activity', entityId: id, summary });
}
