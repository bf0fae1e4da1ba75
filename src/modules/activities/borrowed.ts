import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { courses } from '../courses/courses.table';
import { listThemes } from '../courses/themes.service';
import { storedFiles } from '../files/files.table';
import { orgNodes } from '../organisations/org.table';
import { residents } from '../people/people.table';
import { signIns } from '../signin/signin.table';

// What activities needs from other modules, one function each with the exact signature it
// asks of that module's index.ts. Until those indexes publish them, they are written here over
// the other modules' tables (the only file of the module that reads them); then each becomes
// `export { … } from '../<module>'` and this file goes.

/** needs from organisations: the tree, for joins (published by its index.ts). */
export { orgNodes };

/** needs from themes: the county's themes (its own list, else the defaults). */
export { listThemes };

/** From teachers' index: names, status and bank of teachers; the active teachers of banks. */
export { activeTeachersOfBanks, teacherRefs } from '../teachers';

/** needs from courses: the named courses with their county and status. */
export async function courseRefs(
  db: DbOrTx,
  ids: string[],
): Promise<{ id: string; title: string; countyId: string; status: string }[]> {
  if (!ids.length) return [];
  return db
    .select({ id: courses.id, title: courses.title, countyId: courses.countyId, status: courses.status })
    .from(courses)
    .where(inArray(courses.id, ids));
}

/** needs from courses: the county's approved courses in title order (at most `limit`). */
export async function approvedCourses(
  db: DbOrTx,
  countyId: string,
  limit: number,
): Promise<{ id: string; title: string; theme: string; form: string; hours: number; credits: number }[]> {
  const rows = await db
    .select({
      id: courses.id,
      title: courses.title,
      theme: courses.theme,
      form: courses.form,
      hours: courses.hours,
      credits: courses.credits,
    })
    .from(courses)
    .where(and(eq(courses.countyId, countyId), eq(courses.status, 'approved')))
    .orderBy(asc(courses.title))
    .limit(limit);
  return rows.map((c) => ({ ...c, hours: Number(c.hours), credits: Number(c.credits) }));
}

/** needs from people: the named residents with their county, the path of their node and whether anonymised. */
export async function residentRefs(
  db: DbOrTx,
  ids: string[],
): Promise<{ id: string; name: string; countyId: string; nodePath: string; anonymized: boolean }[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({
      id: residents.id,
      name: residents.name,
      countyId: residents.countyId,
      nodePath: orgNodes.path,
      anonymizedAt: residents.anonymizedAt,
    })
    .from(residents)
    .innerJoin(orgNodes, eq(orgNodes.id, residents.nodeId))
    .where(inArray(residents.id, ids));
  return rows.map(({ anonymizedAt, ...r }) => ({ ...r, anonymized: anonymizedAt !== null }));
}

/** needs from files: the named stored files with the path of their node, their type and whether a thumbnail exists. */
export async function fileRefs(
  db: DbOrTx,
  ids: string[],
): Promise<{ id: string; nodePath: string; mime: string; hasThumbnail: boolean }[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: storedFiles.id, nodePath: orgNodes.path, mime: storedFiles.mime, thumb: storedFiles.thumbnailKey })
    .from(storedFiles)
    .innerJoin(orgNodes, eq(orgNodes.id, storedFiles.nodeId))
    .where(inArray(storedFiles.id, ids));
  return rows.map(({ thumb, ...f }) => ({ ...f, hasThumbnail: thumb !== null }));
}

/**
 * needs from signin (registered by signin's index.ts through `provideSignInCounts`, see
 * sign-in-counts.ts): confirmed and pending sign-ins of an activity.
 */
export async function countSignIns(db: DbOrTx, activityId: string): Promise<{ confirmed: number; pending: number }> {
  const rows = await db
    .select({ status: signIns.status, n: count() })
    .from(signIns)
    .where(eq(signIns.activityId, activityId))
    .groupBy(signIns.status);
  return {
    confirmed: Number(rows.find((s) => s.status === 'confirmed')?.n ?? 0),
    pending: Number(rows.find((s) => s.status === 'pending')?.n ?? 0),
  };
}
