import { and, asc, count, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { orgNodes } from '../../server/db/tree.table';
import { DEFAULT_NORM, staffingShortfalls, type NormFields } from './staffing.contract';
import { staffingNorms, teachers, volunteerHours } from './teachers.table';

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

/** A centre's staffing: its bank's active full-time and part-time teachers against its county's norm. */
export type CentreStaff = { fullTime: number; partTime: number; norm: NormFields; met: boolean };

/**
 * The staffing of these centres (the indicators read it): the same counts and norm as the
 * staffing page (/api/staffing) — active teachers of the centre's own bank, the norm of the
 * county the centre lies in (the default where the county set none). Unknown ids are left out.
 */
export async function staffingOfCentres(db: DbOrTx, centreIds: string[]): Promise<Map<string, CentreStaff>> {
  const ids = [...new Set(centreIds)];
  if (ids.length === 0) return new Map();
  const [centres, counts] = await Promise.all([
    db
      .select({ id: orgNodes.id, path: orgNodes.path })
      .from(orgNodes)
      .where(and(inArray(orgNodes.id, ids), eq(orgNodes.level, 'centre'))),
    db
      .select({ bank: teachers.bankNodeId, category: teachers.category, n: count() })
      .from(teachers)
      .where(
        and(
          inArray(teachers.bankNodeId, ids),
          eq(teachers.status, 'active'),
          inArray(teachers.category, ['full_time', 'part_time']),
        ),
      )
      .groupBy(teachers.bankNodeId, teachers.category),
  ]);
  const countyOf = (path: string) => path.split('/')[1];
  const countyIds = [...new Set(centres.map((c) => countyOf(c.path)))];
  const norms = countyIds.length
    ? await db.select().from(staffingNorms).where(inArray(staffingNorms.countyId, countyIds))
    : [];
  const normOf = new Map<string, NormFields>(
    norms.map((r) => [
      r.countyId,
      { fullTimeMin: r.fullTimeMin, partTimeMin: r.partTimeMin, partTimeMax: r.partTimeMax },
    ]),
  );
  const n = (bank: string, category: string) =>
    Number(counts.find((r) => r.bank === bank && r.category === category)?.n ?? 0);
  return new Map(
    centres.map((c) => {
      const norm = normOf.get(countyOf(c.path)) ?? { ...DEFAULT_NORM };
      const [fullTime, partTime] = [n(c.id, 'full_time'), n(c.id, 'part_time')];
      return [c.id, { fullTime, partTime, norm, met: staffingShortfalls(norm, fullTime, partTime).length === 0 }];
    }),
  );
}

/** What the fee rule reads of a teacher, with its bank (the funding module pays teaching fees). */
export type TeacherFeeFacts = TeacherRef & { category: string; isGovernmentStaff: boolean; feeEligible: boolean };

/** The teacher's fee facts, or null when there is none. */
export async function teacherFeeFacts(db: DbOrTx, id: string): Promise<TeacherFeeFacts | null> {
  const [t] = await db
    .select({
      ...refColumns,
      category: teachers.category,
      isGovernmentStaff: teachers.isGovernmentStaff,
      feeEligible: teachers.feeEligible,
    })
    .from(teachers)
    .innerJoin(orgNodes, eq(orgNodes.id, teachers.bankNodeId))
    .where(eq(teachers.id, id));
  return t ?? null;
}

/** A teacher's approved volunteer hours served in a year (the awards' evidence). */
export async function volunteerHoursInYear(db: DbOrTx, teacherId: string, year: number): Promise<number> {
  const [r] = await db
    .select({ total: sql<string>`coalesce(sum(${volunteerHours.hours}), 0)` })
    .from(volunteerHours)
    .where(
      and(
        eq(volunteerHours.teacherId, teacherId),
        eq(volunteerHours.status, 'approved'),
        gte(volunteerHours.serviceDate, `${year}-01-01`),
        lt(volunteerHours.serviceDate, `${year + 1}-01-01`),
      ),
    );
  return Number(r.total);
}
