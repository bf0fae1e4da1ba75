import { and, count, eq, gte, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { orgNodes } from '../../server/db/tree.table';
import type { NodeBrief } from '../../server/tree-scope';
import { fieldError } from '../../shared/app-error';
import { activitiesLedInYear, heldPerMonth } from '../activities';
import { earnedInYear } from '../credits';
import { householdRef, residentRef } from '../people';
import { attendanceInYear } from '../signin';
import { teacherRefs, volunteerHoursInYear } from '../teachers';
import { NOMINEE_OF, type NominationFields } from './awards.contract';
import { awardNominations, awardSelections } from './awards.table';

type SelectionRow = typeof awardSelections.$inferSelect;

/** A nominee as stored: who, the key that names them across years, and whose learning counts. */
export type ResolvedNominee = {
  kind: (typeof NOMINEE_OF)[keyof typeof NOMINEE_OF];
  key: string;
  name: string;
  residentId: string | null;
  householdId: string | null;
  teacherId: string | null;
  nomineeNodeId: string | null;
  members: { id: string; name: string }[];
  /** The residents whose learning is the evidence (a resident, a family's members). */
  learners: string[];
};

/** The town a centre lies in: `/county/town/centre/` → `/county/town/`. */
export const townPathOf = (centrePath: string) => `${centrePath.split('/').slice(0, 3).join('/')}/`;

const outside = (zh: string, en: string) => fieldError('nominee.id', zh, en);

/**
 * The nominee of the selection's kind, within the centre's reach: a resident or household living
 * under the centre, a building or village group of the centre by name, the centre itself, a unit of
 * the centre's town, a teacher of the centre's or the town's bank. A field error otherwise.
 */
export async function resolveNominee(
  db: DbOrTx,
  sel: SelectionRow,
  centre: NodeBrief,
  nominee: NominationFields['nominee'],
): Promise<ResolvedNominee> {
  const kind = NOMINEE_OF[sel.kind as keyof typeof NOMINEE_OF];
  const base = {
    kind,
    residentId: null,
    householdId: null,
    teacherId: null,
    nomineeNodeId: null,
    members: [],
    learners: [],
  };
  const id = nominee.id;
  if (kind === 'building') {
    if (!nominee.name)
      throw fieldError('nominee.name', '请填写楼栋或村组的名称', 'Enter the building or village group');
    return { ...base, key: `building:${centre.id}:${nominee.name}`, name: nominee.name, nomineeNodeId: centre.id };
  }
  if (kind === 'centre') {
    if (id && id !== centre.id) throw outside('学习型社区只能由本学习中心申报自己', 'A centre nominates only itself');
    return { ...base, key: `node:${centre.id}`, name: centre.name, nomineeNodeId: centre.id };
  }
  if (!id) throw fieldError('nominee.id', '请选择被提名对象', 'Choose whom to nominate');
  if (kind === 'resident') {
    const r = await residentRef(db, id);
    if (!r || r.anonymized || !r.path.startsWith(centre.path))
      throw outside('只能提名本学习中心的居民', 'Nominate a resident of this centre');
    return { ...base, key: `resident:${id}`, name: r.name, residentId: id, learners: [id] };
  }
  if (kind === 'household') {
    const h = await householdRef(db, id);
    if (!h || !h.path.startsWith(centre.path))
      throw outside('只能提名本学习中心的家庭', 'Nominate a household of this centre');
    if (h.members.length === 0) throw outside('这个家庭没有登记成员', 'This household has no members on the roster');
    return {
      ...base,
      key: `household:${id}`,
      name: `${h.headName}家庭`,
      householdId: id,
      members: h.members,
      learners: h.members.map((m) => m.id),
    };
  }
  if (kind === 'unit') {
    const [u] = await db
      .select({ id: orgNodes.id, name: orgNodes.name, path: orgNodes.path, level: orgNodes.level })
      .from(orgNodes)
      .where(eq(orgNodes.id, id));
    if (!u || u.level !== 'unit' || !u.path.startsWith(townPathOf(centre.path)))
      throw outside('只能提名本镇（街道）的单位', 'Nominate a unit of this town');
    return { ...base, key: `node:${id}`, name: u.name, nomineeNodeId: id };
  }
  const [t] = await teacherRefs(db, [id]);
  if (!t || (t.bankPath !== centre.path && t.bankPath !== townPathOf(centre.path)))
    throw outside('只能提名本学习中心或本镇师资库的教师', 'Nominate a teacher of this centre’s or town’s bank');
  return { ...base, key: `teacher:${id}`, name: t.name, teacherId: id };
}

/** What cedu holds of the nominee in the selection's year, gathered by itself. */
export async function gatherEvidence(
  db: DbOrTx,
  sel: SelectionRow,
  n: ResolvedNominee,
): Promise<Record<string, number>> {
  if (n.learners.length) {
    const a = await attendanceInYear(db, n.learners, sel.year);
    return { ...a, credits: await earnedInYear(db, n.learners, sel.year) };
  }
  if (n.teacherId)
    return {
      activitiesLed: await activitiesLedInYear(db, n.teacherId, sel.year),
      volunteerHours: await volunteerHoursInYear(db, n.teacherId, sel.year),
    };
  if (n.kind === 'centre' && n.nomineeNodeId) {
    const held = (await heldPerMonth(db, [n.nomineeNodeId], sel.year)).get(n.nomineeNodeId) ?? [];
    return { activitiesHeld: held.reduce((s, x) => s + x, 0) };
  }
  return {};
}

/**
 * The selection's rules: learning hours and credits this year at least the minimum (a family's
 * members together; a teacher's volunteer hours for the hours), and no winner of the same kind in
 * the last N years. A field error naming the figures otherwise.
 */
export async function checkEligible(
  db: DbOrTx,
  sel: SelectionRow,
  n: ResolvedNominee,
  evidence: Record<string, number>,
): Promise<void> {
  const hours = n.teacherId ? evidence.volunteerHours : evidence.hours;
  const minHours = sel.minHours === null ? null : Number(sel.minHours);
  if (minHours !== null && hours !== undefined && hours < minHours)
    throw outside(
      `本年学习时长 ${hours} 小时，未达到本次评选要求的 ${minHours} 小时`,
      `${hours} hours this year, below the ${minHours} hours this selection requires`,
    );
  const minCredits = sel.minCredits === null ? null : Number(sel.minCredits);
  if (minCredits !== null && evidence.credits !== undefined && evidence.credits < minCredits)
    throw outside(
      `本年获得学分 ${evidence.credits} 分，未达到本次评选要求的 ${minCredits} 分`,
      `${evidence.credits} credits this year, below the ${minCredits} credits this selection requires`,
    );
  if (sel.excludeWinnerYears > 0) {
    const [won] = await db
      .select({ year: awardSelections.year, n: count() })
      .from(awardNominations)
      .innerJoin(awardSelections, eq(awardSelections.id, awardNominations.selectionId))
      .where(
        and(
          eq(awardNominations.nomineeKey, n.key),
          eq(awardNominations.status, 'published'),
          eq(awardSelections.kind, sel.kind),
          gte(awardSelections.year, sel.year - sel.excludeWinnerYears),
          lte(awardSelections.year, sel.year - 1),
        ),
      )
      .groupBy(awardSelections.year)
      .limit(1);
    if (won)
      throw outside(
        `${n.name} 已在 ${won.year} 年获评此项，近 ${sel.excludeWinnerYears} 年的获奖者不再参评`,
        `This nominee won this award in ${won.year}; winners of the last ${sel.excludeWinnerYears} years are excluded`,
      );
  }
}
