import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { courses } from './courses.table';

// What the modules above courses (activities) read of courses: no policy here, the caller
// decides who sees what (an activity names its course; the form offers the county's approved ones).

/** The named courses with their county and status. */
export async function courseRefs(
  db: DbOrTx,
  ids: string[],
): Promise<{ id: string; title: string; countyId: string; status: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: courses.id, title: courses.title, countyId: courses.countyId, status: courses.status })
    .from(courses)
    .where(inArray(courses.id, ids));
}

/** The county's approved courses in title order (at most `limit`). */
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
    .orderBy(asc(courses.title), asc(courses.id))
    .limit(limit);
  return rows.map((c) => ({ ...c, hours: Number(c.hours), credits: Number(c.credits) }));
}
