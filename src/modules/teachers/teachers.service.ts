import { chinaToday } from '../../shared/china-time';
import { and, arrayContains, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../server/db/client';
import { pgErrorCode, pgErrorDetail } from '../../server/db/client';
import { holdsRoleOver, reachPaths, type Actor } from '../../shared/actor';
import { fieldError, forbidden } from '../../shared/app-error';
import type { Page } from '../../shared/pagination';
import { maskPhone } from '../../shared/phone';
import { ROLES, RESIDENT_ROLES } from '../../shared/roles';
import { accountRef, userNames } from '../accounts';
import { auditChange, diffFields } from '../../server/audit';
import {
  escapeLike,
  loadNodeFor,
  loadRowOnNode,
  nodeBrief,
  type NodeBrief,
  underAnyPath,
} from '../../server/tree-scope';
import { orgNodes } from '../../server/db/tree.table';
import { pageOf } from '../../server/db/page';
import type { Ctx } from '../../server/types';
import { residentRef } from '../people';
import type {
  Bank,
  StatusChange,
  Teacher,
  TeacherCreate,
  TeacherDetail,
  TeacherQuery,
  TeacherUpdate,
} from './teachers.contract';
import { ancestorPaths, canKeepBank, canLinkUser, canReadBank, canSeePhone, feeRefusal } from './teachers.policy';
import { teachers, teacherStatusHistory, volunteerHours } from './teachers.table';

type TeacherRow = typeof teachers.$inferSelect;
type BankNode = NodeBrief;

/** SQL: the bank node (orgNodes) is one the actor may read. */
export function readableBank(actor: Actor): SQL {
  const ancestors = ancestorPaths(actor);
  const under = underAnyPath(orgNodes.path, reachPaths(actor, ROLES));
  return ancestors.length ? or(under, inArray(orgNodes.path, ancestors))! : under;
}

/** Every town and centre bank the actor may read, with whether they keep it. */
export async function findBanks({ db, actor }: { db: Db; actor: Actor }): Promise<Bank[]> {
  const town = alias(orgNodes, 'town');
  const rows = await db
    .select({ id: orgNodes.id, name: orgNodes.name, level: orgNodes.level, path: orgNodes.path, townName: town.name })
    .from(orgNodes)
    .leftJoin(town, and(eq(town.id, orgNodes.parentId), eq(orgNodes.level, 'centre')))
    .where(and(inArray(orgNodes.level, ['town', 'centre']), readableBank(actor)))
    .orderBy(asc(orgNodes.depth), asc(orgNodes.sortOrder), asc(orgNodes.name))
    .limit(2000);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    level: r.level as Bank['level'],
    townName: r.townName,
    canKeep: canKeepBank(actor, r),
  }));
}

/** The bank node, or NOT_FOUND when it is not a bank the actor may read. */
function loadBank(db: DbOrTx, actor: Actor, id: string): Promise<BankNode> {
  return loadNodeFor(db, id, (n) => canReadBank(actor, n));
}

/** The teacher with its bank, or NOT_FOUND outside the banks the actor may read. */
export async function loadTeacher(db: DbOrTx, actor: Actor, id: string): Promise<{ row: TeacherRow; bank: BankNode }> {
  const { row, node: bank } = await loadRowOnNode(db, teachers, teachers.bankNodeId, id, (n) => canReadBank(actor, n));
  return { row, bank };
}

function toTeacher(actor: Actor, row: TeacherRow, bank: BankNode): Teacher {
  return {
    id: row.id,
    bankNodeId: row.bankNodeId,
    bankNodeName: bank.name,
    bankLevel: bank.level as Teacher['bankLevel'],
    name: row.name,
    gender: row.gender as Teacher['gender'],
    phone: row.phone && !canSeePhone(actor, bank) ? maskPhone(row.phone) : row.phone,
    category: row.category as Teacher['category'],
    source: row.source as Teacher['source'],
    specialities: row.specialities as Teacher['specialities'],
    workUnit: row.workUnit,
    isGovernmentStaff: row.isGovernmentStaff,
    feeEligible: row.feeEligible,
    status: row.status as Teacher['status'],
    statusSince: row.statusSince,
    linked: row.userId !== null,
  };
}

export async function findTeachers({ db, actor, query }: Ctx & { query: TeacherQuery }): Promise<Page<Teacher>> {
  const conds = [readableBank(actor)];
  if (query.bankNodeId) conds.push(eq(teachers.bankNodeId, (await loadBank(db, actor, query.bankNodeId)).id));
  if (query.category) conds.push(eq(teachers.category, query.category));
  if (query.status) conds.push(eq(teachers.status, query.status));
  if (query.speciality) conds.push(arrayContains(teachers.specialities, [query.speciality]));
  if (query.q) {
    const q = `%${escapeLike(query.q)}%`;
    conds.push(or(ilike(teachers.name, q), ilike(teachers.phone, q), ilike(teachers.workUnit, q))!);
  }
  const list = db
    .select({
      row: teachers,
      bank: nodeBrief,
    })
    .from(teachers)
    .innerJoin(orgNodes, eq(orgNodes.id, teachers.bankNodeId))
    .where(and(...conds))
    .$dynamic();
  return pageOf(db, list, [asc(orgNodes.path), asc(teachers.name), asc(teachers.id)], query, (r) =>
    toTeacher(actor, r.row, r.bank),
  );
}

const changer = userNames('changer');

export async function getTeacher({ db, actor, id }: { db: Db; actor: Actor; id: string }): Promise<TeacherDetail> {
  const { row, bank } = await loadTeacher(db, actor, id);
  const history = await db
    .select({
      id: teacherStatusHistory.id,
      status: teacherStatusHistory.status,
      effectiveDate: teacherStatusHistory.effectiveDate,
      reason: teacherStatusHistory.reason,
      changedByName: changer.displayName,
      changedAt: teacherStatusHistory.changedAt,
    })
    .from(teacherStatusHistory)
    .leftJoin(changer, eq(changer.id, teacherStatusHistory.changedBy))
    .where(eq(teacherStatusHistory.teacherId, id))
    .orderBy(desc(teacherStatusHistory.effectiveDate), desc(teacherStatusHistory.changedAt));
  const user = row.userId ? await accountRef(db, row.userId) : null;
  const resident = row.residentId ? await residentRef(db, row.residentId) : null;
  const [{ total }] = await db
    .select({ total: sql<string>`coalesce(sum(${volunteerHours.hours}), 0)` })
    .from(volunteerHours)
    .where(and(eq(volunteerHours.teacherId, id), eq(volunteerHours.status, 'approved')));
  const keep = canKeepBank(actor, bank);
  return {
    ...toTeacher(actor, row, bank),
    qualifications: row.qualifications,
    note: row.note,
    userId: keep ? row.userId : null,
    userName: user ? `${user.displayName} (${user.username})` : null,
    residentId: keep ? row.residentId : null,
    residentName: resident?.name ?? null,
    history: history.map((h) => ({
      ...h,
      status: h.status as TeacherDetail['status'],
      changedAt: h.changedAt.toISOString(),
    })),
    approvedHours: Number(total),
    permissions: { update: keep, changeStatus: keep, linkUser: canLinkUser(actor, bank, null) },
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Fees are never paid to volunteers or to government/community staff (the DB check agrees). */
function checkFee(input: TeacherUpdate): void {
  const why = input.feeEligible ? feeRefusal(input) : null;
  if (why) throw fieldError('feeEligible', `${why.zh}，请取消“可支付授课费”`, `${why.en}; untick “fee may be paid”`);
}

async function checkLinks(
  tx: DbOrTx,
  actor: Actor,
  bank: BankNode,
  input: TeacherUpdate,
  before: TeacherRow | null,
): Promise<void> {
  if (input.userId && input.userId !== before?.userId) {
    const u = await accountRef(tx, input.userId);
    if (!u || !canLinkUser(actor, bank, { path: u.homePath }))
      throw fieldError(
        'userId',
        '只能关联您管理范围内的账号（由管理员关联）',
        'Only an administrator can link an account within their reach',
      );
    const [taken] = await tx
      .select({ id: teachers.id })
      .from(teachers)
      .where(and(eq(teachers.userId, input.userId), eq(teachers.bankNodeId, bank.id)));
    if (taken && taken.id !== before?.id)
      throw fieldError(
        'userId',
        '该账号已关联本库的另一位教师',
        'This account is already linked to another entry of this bank',
      );
  }
  if (!input.userId && before?.userId && !canLinkUser(actor, bank, null))
    throw fieldError('userId', '只有管理员可以取消关联账号', 'Only an administrator can unlink the account');
  if (input.residentId && input.residentId !== before?.residentId) {
    const r = await residentRef(tx, input.residentId);
    if (!r || !holdsRoleOver(actor, RESIDENT_ROLES, r.path))
      throw fieldError('residentId', '找不到该居民，或不在您的管理范围内', 'Resident not found, or outside your reach');
  }
}

function checkBankLevel(bank: BankNode): void {
  if (bank.level !== 'town' && bank.level !== 'centre')
    throw fieldError(
      'bankNodeId',
      '师资库只设在镇（街道）和村（社区）学习中心',
      'Teacher banks belong to towns and centres',
    );
}

/** The DB check is the last line; a request that slips past the service still gets plain words. */
function feeConstraint(err: unknown): never {
  if (pgErrorCode(err) === '23514' && pgErrorDetail(err).constraint === 'teachers_fee_chk') {
    throw fieldError(
      'feeEligible',
      '志愿者和政府/社区工作人员不能领取授课费',
      'Volunteers and government/community staff are never paid a teaching fee',
    );
  }
  throw err;
}

export async function createTeacher({ db, actor, input }: Ctx & { input: TeacherCreate }): Promise<{ id: string }> {
  return db
    .transaction(async (tx) => {
      const bank = await loadBank(tx, actor, input.bankNodeId);
      if (!canKeepBank(actor, bank)) throw forbidden();
      checkBankLevel(bank);
      checkFee(input);
      await checkLinks(tx, actor, bank, input, null);
      const id = crypto.randomUUID();
      const since = chinaToday();
      await tx.insert(teachers).values({ ...input, id, status: 'active', statusSince: since });
      await tx
        .insert(teacherStatusHistory)
        .values({ teacherId: id, status: 'active', effectiveDate: since, reason: '入库', changedBy: actor.userId });
      await auditChange(tx, actor, bank, 'teacher.create', ['teacher', id], {
        name: input.name,
        bank: bank.name,
        category: input.category,
        feeEligible: input.feeEligible,
        linkedUser: input.userId,
      });
      return { id };
    })
    .catch(feeConstraint);
}

export async function updateTeacher({
  db,
  actor,
  id,
  input,
}: Ctx & { id: string; input: TeacherUpdate }): Promise<void> {
  await db
    .transaction(async (tx) => {
      const { row, bank } = await loadTeacher(tx, actor, id);
      if (!canKeepBank(actor, bank)) throw forbidden();
      checkFee(input);
      await checkLinks(tx, actor, bank, input, row);
      await tx
        .update(teachers)
        .set({ ...input, updatedAt: new Date() })
        .where(eq(teachers.id, id));
      await auditChange(tx, actor, bank, 'teacher.update', ['teacher', id], {
        name: row.name,
        ...diffFields(row as Record<string, unknown>, input),
      });
    })
    .catch(feeConstraint);
}

/** 动态管理: a status change takes effect on a date, for a reason, and stays in the history. */
export async function changeStatus({ db, actor, id, input }: Ctx & { id: string; input: StatusChange }): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, bank } = await loadTeacher(tx, actor, id);
    if (!canKeepBank(actor, bank)) throw forbidden();
    if (input.status === row.status) throw fieldError('status', '状态没有变化', 'The status is unchanged');
    if (input.effectiveDate > chinaToday())
      throw fieldError('effectiveDate', '生效日期不能晚于今天', 'The date cannot be in the future');
    if (input.effectiveDate < row.statusSince)
      throw fieldError(
        'effectiveDate',
        `生效日期不能早于上次变动（${row.statusSince}）`,
        `The date cannot be before the last change (${row.statusSince})`,
      );
    await tx
      .update(teachers)
      .set({ status: input.status, statusSince: input.effectiveDate, updatedAt: new Date() })
      .where(eq(teachers.id, id));
    await tx.insert(teacherStatusHistory).values({
      teacherId: id,
      status: input.status,
      effectiveDate: input.effectiveDate,
      reason: input.reason,
      changedBy: actor.userId,
    });
    await auditChange(tx, actor, bank, 'teacher.status', ['teacher', id], {
      name: row.name,
      from: row.status,
      to: input.status,
      effectiveDate: input.effectiveDate,
      reason: input.reason,
    });
  });
}
