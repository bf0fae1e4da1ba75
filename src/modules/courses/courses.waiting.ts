import { and, count, eq, min, ne, or, sql } from 'drizzle-orm';
import { orgNodes } from '../../server/db/tree.table';
import { underAnyPath } from '../../server/tree-scope';
import { registerWaiting } from '../../server/waiting';
import { reachPaths } from '../../shared/actor';
import { reviewNode, reviewNodeJoin } from './course-load';
import { reviewLeadDays } from './course-rules.service';
import { submitDeadline } from './courses.contract';
import { COURSE_EDITOR_ROLES, COURSE_REVIEWER_ROLES } from './courses.policy';
import { courses } from './courses.table';

// The workbench's 待办 for courses (src/server/waiting.ts), within the actor's reach.

/** Submitted courses the actor may approve or return (the 待审核 tab), never their own; due by the first session. */
registerWaiting('courses.review', async ({ db, actor }) => {
  const paths = reachPaths(actor, COURSE_REVIEWER_ROLES);
  if (!paths.length) return null;
  const notMine = (col: typeof courses.createdBy | typeof courses.submittedBy) =>
    or(sql`${col} is null`, ne(col, actor.userId));
  const [r] = await db
    .select({ n: count(), due: min(courses.firstSessionDate) })
    .from(courses)
    .innerJoin(reviewNode, reviewNodeJoin)
    .where(
      and(
        eq(courses.status, 'submitted'),
        underAnyPath(reviewNode.path, paths),
        notMine(courses.createdBy),
        notMine(courses.submittedBy),
      ),
    );
  return { key: 'courses.review', count: Number(r.n), path: '/courses?view=review', due: r.due };
});

/**
 * Courses the actor wrote or submitted that the town returned, still editable by them: due by
 * the last day they may be submitted again (the county's lead days before the first session).
 */
registerWaiting('courses.returned', async ({ db, actor }) => {
  const paths = reachPaths(actor, COURSE_EDITOR_ROLES);
  if (!paths.length) return null;
  const rows = await db
    .select({ countyId: courses.countyId, n: count(), first: min(courses.firstSessionDate) })
    .from(courses)
    .innerJoin(orgNodes, eq(orgNodes.id, courses.nodeId))
    .where(
      and(
        eq(courses.status, 'returned'),
        underAnyPath(orgNodes.path, paths),
        or(eq(courses.createdBy, actor.userId), eq(courses.submittedBy, actor.userId)),
      ),
    )
    .groupBy(courses.countyId);
  let due: string | null = null;
  for (const r of rows) {
    if (!r.first) continue;
    const d = submitDeadline(r.first, await reviewLeadDays(db, r.countyId));
    if (!due || d < due) due = d;
  }
  const n = rows.reduce((a, r) => a + Number(r.n), 0);
  return { key: 'courses.returned', count: n, path: '/courses?status=returned', due };
});
