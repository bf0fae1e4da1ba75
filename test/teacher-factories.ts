import { teachers, teacherStatusHistory } from '../src/modules/teachers/teachers.table';
import type { Database } from '../src/server/db/client';

type NodeRef = { id: string };

/** Inserts a teacher directly (no audit), active since today, with its first history row. */
export async function buildTeacher(
  database: Database,
  v: {
    bank: NodeRef;
    name: string;
    category?: string;
    source?: string;
    status?: string;
    userId?: string;
    phone?: string;
  },
): Promise<{ id: string }> {
  const id = crypto.randomUUID();
  const status = v.status ?? 'active';
  await database.db.insert(teachers).values({
    id,
    bankNodeId: v.bank.id,
    name: v.name,
    category: v.category ?? 'part_time',
    source: v.source ?? 'teacher',
    status,
    userId: v.userId ?? null,
    phone: v.phone ?? null,
  });
  await database.db.insert(teacherStatusHistory).values({
    teacherId: id,
    status,
    effectiveDate: new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }),
    reason: '入库',
  });
  return { id };
}
