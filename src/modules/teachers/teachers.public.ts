import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { orgNodes } from '../../server/db/tree.table';
import { teachers } from './teachers.table';

/** What other modules may know of a teacher: name, status and the bank it belongs to. */
export type TeacherRef = {
  id: string;
  name: string;
  status: string;
  bankNodeId: string;
  bankNodeName: string;
  bankPath: string;
};

const refColumns = {
  id: teachers.id,
  name: teachers.name,
  status: teachers.status,
  bankNodeId: teachers.bankNodeId,
  bankNodeName: orgNodes.name,
  bankPath: orgNodes.path,
};

/** The teachers with these ids (unknown ids are left out), ordered by name. */
export async function teacherRefs(db: DbOrTx, ids: string[]): Promise<TeacherRef[]> {
  if (ids.length === 0) return [];
  return db
    .select(refColumns)
    .from(teachers)
    .innerJoin(orgNodes, eq(orgNodes.id, teachers.bankNodeId))
    .where(inArray(teachers.id, [...new Set(ids)]))
    .orderBy(asc(teachers.name), asc(teachers.id));
}

/** Active teachers of the banks at these node paths (the pickers of courses and activities), by name. */
export async function activeTeachersOfBanks(db: DbOrTx, bankPaths: string[], limit = 500): Promise<TeacherRef[]> {
  if (bankPaths.length === 0) return [];
  return db
    .select(refColumns)
    .from(teachers)
    .innerJoin(orgNodes, eq(orgNodes.id, teachers.bankNodeId))
    .where(and(inArray(orgNodes.path, bankPaths), eq(teachers.status, 'active')))
    .orderBy(asc(teachers.name))
    .limit(limit);
}
