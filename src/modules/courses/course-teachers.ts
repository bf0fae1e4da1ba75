import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { orgNodes } from '../organisations/org.table';
import { teachers } from '../teachers/teachers.table';

export type TeacherRef = { id: string; name: string; bankNodeName: string; bankPath: string };

/**
 * Teachers by id with their bank's name and path, ordered by name. This is the one place
 * courses reads the teacher bank; it moves behind `teachersByIds` from '../teachers' (the
 * teachers module's index) when that module publishes it.
 */
export async function teachersByIds(db: DbOrTx, ids: string[]): Promise<TeacherRef[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: teachers.id, name: teachers.name, bankNodeName: orgNodes.name, bankPath: orgNodes.path })
    .from(teachers)
    .innerJoin(orgNodes, eq(orgNodes.id, teachers.bankNodeId))
    .where(inArray(teachers.id, ids))
    .orderBy(asc(teachers.name), asc(teachers.id));
}
