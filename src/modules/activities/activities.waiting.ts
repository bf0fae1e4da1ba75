import { and, count, eq, inArray, lt } from 'drizzle-orm';
import { orgNodes } from '../../server/db/tree.table';
import { underAnyPath } from '../../server/tree-scope';
import { registerWaiting } from '../../server/waiting';
import { reachPaths } from '../../shared/actor';
import { ACTIVITY_KEEPER_ROLES } from './activities.policy';
import { activities } from './activities.table';

// The workbench's 待办 for activities (src/server/waiting.ts), within the actor's reach.

/**
 * Activities that have ended but are still planned or open, at centres whose activities the actor
 * keeps: marking them done pays the sign-ins' credits, and a planned one does not count as held.
 */
registerWaiting('activities.close', async ({ db, actor }) => {
  const paths = reachPaths(actor, ACTIVITY_KEEPER_ROLES);
  if (!paths.length) return null;
  const rows = await db
    .select({ status: activities.status, n: count() })
    .from(activities)
    .innerJoin(orgNodes, eq(orgNodes.id, activities.centreId))
    .where(
      and(
        inArray(activities.status, ['planned', 'open']),
        lt(activities.endsAt, new Date()),
        underAnyPath(orgNodes.path, paths),
      ),
    )
    .groupBy(activities.status);
  // The list filters one status at a time: that one when all are alike.
  const path = rows.length === 1 ? `/activities?status=${rows[0].status}` : '/activities';
  return { key: 'activities.close', count: rows.reduce((a, r) => a + Number(r.n), 0), path, due: null };
});
