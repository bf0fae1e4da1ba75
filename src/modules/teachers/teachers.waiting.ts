import { and, count, eq, ne, or, sql } from 'drizzle-orm';
import { orgNodes } from '../../server/db/tree.table';
import { underAnyPath } from '../../server/tree-scope';
import { registerWaiting } from '../../server/waiting';
import { reachPaths } from '../../shared/actor';
import { TEACHER_BANK_ROLES } from '../../shared/roles';
import { teachers, volunteerHours } from './teachers.table';

// The workbench's 待办 for the teacher bank (src/server/waiting.ts), within the actor's reach.

/**
 * Volunteer hours waiting for approval at the centres where the actor keeps a bank (what their
 * review list offers to approve): never hours they logged themselves or that are theirs.
 */
registerWaiting('volunteer.approve', async ({ db, actor }) => {
  const paths = reachPaths(actor, TEACHER_BANK_ROLES);
  if (!paths.length) return null;
  const [r] = await db
    .select({ n: count() })
    .from(volunteerHours)
    .innerJoin(teachers, eq(teachers.id, volunteerHours.teacherId))
    .innerJoin(orgNodes, eq(orgNodes.id, volunteerHours.nodeId))
    .where(
      and(
        eq(volunteerHours.status, 'pending'),
        underAnyPath(orgNodes.path, paths),
        or(sql`${volunteerHours.submittedBy} is null`, ne(volunteerHours.submittedBy, actor.userId)),
        or(sql`${teachers.userId} is null`, ne(teachers.userId, actor.userId)),
      ),
    );
  // No deadline: hours wait until reviewed.
  return { key: 'volunteer.approve', count: Number(r.n), path: '/volunteer?tab=review&status=pending', due: null };
});
