import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../server/db/client';
import { holdsRoleOver, type Actor } from '../../shared/actor';
import { hidden } from '../../shared/app-error';
import { ROLES } from '../../shared/roles';
import { loadNodeFor } from '../../server/tree-scope';
import { orgNodes } from '../../server/db/tree.table';
import { readStoredFile } from '../files';
import { courseFiles, courses } from './courses.table';
import { canReadCourse } from './courses.policy';

export type CourseRow = typeof courses.$inferSelect;
export type NodeRef = { id: string; name: string; path: string };

/** The node that reviews a course: its town, or its county for a course owned above the towns. */
export const reviewNode = alias(orgNodes, 'review_node');
export const reviewNodeJoin = eq(reviewNode.id, sql`coalesce(${courses.townId}, ${courses.countyId})`);

/**
 * The course with its owning and reviewing nodes, or NOT_FOUND when the actor may not read it.
 * `lock` takes the row for update (review and featuring decide on the current status).
 */
export async function loadCourse(
  db: DbOrTx,
  actor: Actor,
  id: string,
  lock = false,
): Promise<{ row: CourseRow; node: NodeRef; review: NodeRef }> {
  const q = db
    .select({
      row: courses,
      node: { id: orgNodes.id, name: orgNodes.name, path: orgNodes.path },
      review: { id: reviewNode.id, name: reviewNode.name, path: reviewNode.path },
    })
    .from(courses)
    .innerJoin(orgNodes, eq(orgNodes.id, courses.nodeId))
    .innerJoin(reviewNode, reviewNodeJoin)
    .where(eq(courses.id, id));
  const [r] = lock ? await q.for('update', { of: courses }) : await q;
  if (!r || !canReadCourse(actor, r.row, r.node, r.review)) throw hidden();
  return r;
}

/** Where a course owned by `node` belongs: its county and (when under one) its town. */
export async function placeOf(
  db: DbOrTx,
  actor: Actor,
  nodeId: string,
): Promise<{ node: NodeRef & { level: string }; countyId: string; townId: string | null }> {
  const node = await loadNodeFor(db, nodeId, (n) => holdsRoleOver(actor, ROLES, n.path));
  const ids = node.path.split('/').filter(Boolean);
  const [town] =
    ids.length > 1
      ? await db
          .select({ id: orgNodes.id })
          .from(orgNodes)
          .where(
            sql`${orgNodes.id} in (${sql.join(
              ids.map((i) => sql`${i}::uuid`),
              sql`, `,
            )}) and ${orgNodes.level} = 'town'`,
          )
      : [];
  return { node, countyId: ids[0], townId: town?.id ?? null };
}

/** A material of a course the actor may read (whoever reads the course may open its materials). */
export async function readCourseMaterial({
  db,
  actor,
  courseId,
  fileId,
}: {
  db: DbOrTx;
  actor: Actor;
  courseId: string;
  fileId: string;
}) {
  await loadCourse(db, actor, courseId);
  const [link] = await db
    .select({ fileId: courseFiles.fileId })
    .from(courseFiles)
    .where(and(eq(courseFiles.courseId, courseId), eq(courseFiles.fileId, fileId)));
  const file = link ? await readStoredFile(db, link.fileId) : null;
  if (!file) throw hidden();
  return file;
}
