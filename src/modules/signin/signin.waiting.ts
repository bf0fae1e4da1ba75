import { count, eq } from 'drizzle-orm';
import { registerWaiting } from '../../server/waiting';
import { reachPaths } from '../../shared/actor';
import { chinaToday, formatDate } from '../../shared/china-time';
import { findActivityFacts } from '../activities';
import { canRunSignIn, SIGNIN_STAFF_ROLES } from './signin.policy';
import { signIns } from './signin.table';

// The workbench's 待办 for sign-in (src/server/waiting.ts), within the actor's reach.

/**
 * Sign-ins waiting for staff (an unknown person, several matches on the roster, a shared device
 * or source) at the activities whose sign-in the actor runs. The link opens the one activity's
 * list, or the desk on the tab where they are.
 */
registerWaiting('signin.pending', async ({ db, actor }) => {
  if (!reachPaths(actor, SIGNIN_STAFF_ROLES).length) return null;
  const rows = await db
    .select({ activityId: signIns.activityId, n: count() })
    .from(signIns)
    .where(eq(signIns.status, 'pending'))
    .groupBy(signIns.activityId);
  const n = new Map(rows.map((r) => [r.activityId, Number(r.n)]));
  const mine = (await findActivityFacts(db, [...n.keys()])).filter((a) => canRunSignIn(actor, { path: a.centrePath }));
  if (!mine.length) return null;
  const today = chinaToday();
  const path =
    mine.length === 1
      ? `/sign-in/${mine[0].id}?status=pending`
      : mine.some((a) => formatDate(a.startsAt) === today)
        ? '/sign-in'
        : '/sign-in?when=past';
  return { key: 'signin.pending', count: mine.reduce((a, x) => a + n.get(x.id)!, 0), path, due: null };
});
