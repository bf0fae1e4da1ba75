import { chinaToday } from '../../shared/china-time';
import { and, asc, desc, eq, gte, inArray, like, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../server/db/client';
import { reachPaths, type Actor } from '../../shared/actor';
import { AppError, fieldError, forbidden, hidden } from '../../shared/app-error';
import type { Page, PageQuery } from '../../shared/pagination';
import { TEACHER_BANK_ROLES } from '../../shared/roles';
import { userNames } from '../accounts';
import { auditChange } from '../../server/audit';
import { payVolunteerHours } from '../credits';
import { escapeLike, loadNodeFor, nodeBrief, underAnyPath } from '../../server/tree-scope';
import { orgNodes } from '../../server/db/tree.table';
import { pageOf } from '../../server/db/page';
import type { Ctx } from '../../server/types';
import { residentRef } from '../people';
import { canKeepBank, canReviewHours } from './teachers.policy';
import { loadTeacher } from './teachers.service';
import { teachers, volunteerHours } from './teachers.table';
import type {
  Hours,
  HoursQuery,
  HoursReview,
  HoursSubmit,
  MyHours,
  MyTeacher,
  RecordQuery,
  ServiceRecord,
} from './volunteer.contract';

const place = alias(orgNodes, 'place');
const reviewer = userNames('reviewer');

/** Hours rows with the names the lists show; `where` decides which. */
async function pageOfHours(db: Db, actor: Actor, where: SQL | undefined, paging: PageQuery): Promise<Page<Hours>> {
  const list = db
    .select({
      h: volunteerHours,
      teacherName: teachers.name,
      teacherUserId: teachers.userId,
      nodeName: place.name,
      nodePath: place.path,
      reviewedByName: reviewer.displayName,
    })
    .from(volunteerHours)
    .innerJoin(teachers, eq(teachers.id, volunteerHours.teacherId))
    .innerJoin(place, eq(place.id, volunteerHours.nodeId))
    .leftJoin(reviewer, eq(reviewer.id, volunteerHours.reviewedBy))
    .where(where)
    .$dynamic();
  const order = [desc(volunteerHours.serviceDate), desc(volunteerHours.submittedAt)];
  return pageOf(db, list, order, paging, (r): Hours => ({
    id: r.h.id,
    teacherId: r.h.teacherId,
    teacherName: r.teacherName,
    nodeId: r.h.nodeId,
    nodeName: r.nodeName,
    serviceDate: r.h.serviceDate,
    hours: Number(r.h.hours),
    description: r.h.description,
    status: r.h.status as Hours['status'],
    submittedAt: r.h.submittedAt.toISOString(),
    reviewedByName: r.reviewedByName,
    reviewedAt: r.h.reviewedAt?.toISOString() ?? null,
    reviewNote: r.h.reviewNote,
    canReview:
      r.h.status === 'pending' &&
      !isOwn(actor, r.h.submittedBy, r.teacherUserId) &&
      canReviewHours(actor, { path: r.nodePath }),
  }));
}

const isOwn = (actor: Actor, submittedBy: string | null, teacherUserId: string | null) =>
  submittedBy === actor.userId || teacherUserId === actor.userId;

/** My teacher entries (linked to my account), where I may serve, and my hours. */
export async function findMyHours({ db, actor, query }: { db: Db; actor: Actor; query: HoursQuery }): Promise<MyHours> {
  const mine = await db
    .select({ t: teachers, bankName: orgNodes.name, bankPath: orgNodes.path })
    .from(teachers)
    .innerJoin(orgNodes, eq(orgNodes.id, teachers.bankNodeId))
    .where(eq(teachers.userId, actor.userId))
    .orderBy(asc(teachers.createdAt));
  const list: MyTeacher[] = [];
  for (const m of mine) {
    const places = await db
      .select({ id: orgNodes.id, name: orgNodes.name })
      .from(orgNodes)
      .where(and(eq(orgNodes.level, 'centre'), like(orgNodes.path, `${escapeLike(m.bankPath)}%`)))
      .orderBy(asc(orgNodes.sortOrder), asc(orgNodes.name))
      .limit(500);
    const [{ total }] = await db
      .select({ total: sql<string>`coalesce(sum(${volunteerHours.hours}), 0)` })
      .from(volunteerHours)
      .where(and(eq(volunteerHours.teacherId, m.t.id), eq(volunteerHours.status, 'approved')));
    list.push({
      id: m.t.id,
      name: m.t.name,
      bankNodeName: m.bankName,
      category: m.t.category as MyTeacher['category'],
      status: m.t.status as MyTeacher['status'],
      places,
      approvedHours: Number(total),
    });
  }
  const conds = [eq(teachers.userId, actor.userId)];
  if (query.status) conds.push(eq(volunteerHours.status, query.status));
  if (query.teacherId) conds.push(eq(volunteerHours.teacherId, query.teacherId));
  const page = await pageOfHours(db, actor, and(...conds), query);
  return { ...page, teachers: list };
}

/** Hours served at centres where the actor keeps a bank: what they review. */
export async function findHours({ db, actor, query }: Ctx & { query: HoursQuery }): Promise<Page<Hours>> {
  const conds = [underAnyPath(place.path, reachPaths(actor, TEACHER_BANK_ROLES))];
  if (query.status) conds.push(eq(volunteerHours.status, query.status));
  if (query.teacherId) conds.push(eq(volunteerHours.teacherId, query.teacherId));
  if (query.nodeId) {
    const n = await loadNodeFor(db, query.nodeId, (node) => canReviewHours(actor, node));
    conds.push(like(place.path, `${escapeLike(n.path)}%`));
  }
  return pageOfHours(db, actor, and(...conds), query);
}

export async function submitHours({ db, actor, input }: Ctx & { input: HoursSubmit }): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [m] = await tx
      .select({ t: teachers, bankPath: orgNodes.path })
      .from(teachers)
      .innerJoin(orgNodes, eq(orgNodes.id, teachers.bankNodeId))
      .where(and(eq(teachers.id, input.teacherId), eq(teachers.userId, actor.userId)));
    if (!m) throw hidden();
    if (m.t.status !== 'active')
      throw new AppError('CONFLICT', {
        detail: '您在师资库中的状态不是“在库”，暂不能登记服务时长',
        detailEn: 'your entry in the teacher bank is not active, so hours cannot be logged',
      });
    const [node] = await tx
      .select({ id: orgNodes.id, path: orgNodes.path, level: orgNodes.level, name: orgNodes.name })
      .from(orgNodes)
      .where(eq(orgNodes.id, input.nodeId));
    if (!node || node.level !== 'centre' || !node.path.startsWith(m.bankPath)) {
      throw fieldError('nodeId', '请选择本师资库范围内的学习中心', 'Choose a centre within your teacher bank');
    }
    if (input.serviceDate > chinaToday())
      throw fieldError('serviceDate', '服务日期不能晚于今天', 'The date cannot be in the future');
    const id = crypto.randomUUID();
    const hours = Math.round(input.hours * 10) / 10;
    await tx.insert(volunteerHours).values({
      id,
      teacherId: m.t.id,
      nodeId: node.id,
      serviceDate: input.serviceDate,
      hours: String(hours),
      description: input.description,
      submittedBy: actor.userId,
    });
    await auditChange(tx, actor, node, 'volunteer_hours.submit', ['volunteer_hours', id], {
      teacher: m.t.name,
      place: node.name,
      serviceDate: input.serviceDate,
      hours,
    });
    return { id };
  });
}

/** The centre manager or an admin over the place approves or rejects; nobody reviews their own. */
export async function reviewHours({ db, actor, id, input }: Ctx & { id: string; input: HoursReview }): Promise<void> {
  await db.transaction(async (tx) => {
    const [r] = await tx
      .select({
        h: volunteerHours,
        teacherName: teachers.name,
        teacherUserId: teachers.userId,
        node: { id: place.id, path: place.path },
      })
      .from(volunteerHours)
      .innerJoin(teachers, eq(teachers.id, volunteerHours.teacherId))
      .innerJoin(place, eq(place.id, volunteerHours.nodeId))
      .where(eq(volunteerHours.id, id));
    if (!r || !canReviewHours(actor, r.node)) throw hidden();
    if (isOwn(actor, r.h.submittedBy, r.teacherUserId)) throw forbidden();
    if (r.h.status !== 'pending')
      throw new AppError('CONFLICT', {
        detail: '这条记录已经审核过了',
        detailEn: 'this record has already been reviewed',
      });
    if (input.decision === 'rejected' && !input.note)
      throw fieldError('note', '退回时请写明原因', 'Say why when rejecting');
    await tx
      .update(volunteerHours)
      .set({ status: input.decision, reviewedBy: actor.userId, reviewedAt: new Date(), reviewNote: input.note })
      .where(eq(volunteerHours.id, id));
    // Contract 5: the teacher's linked resident (if any, not anonymised) earns the county's volunteer rate.
    const [teacher] =
      input.decision === 'approved'
        ? await tx.select({ residentId: teachers.residentId }).from(teachers).where(eq(teachers.id, r.h.teacherId))
        : [];
    const linked = teacher?.residentId ? await residentRef(tx, teacher.residentId) : null;
    if (linked && !linked.anonymized)
      await payVolunteerHours(tx, {
        hoursId: id,
        residentId: linked.id,
        countyId: linked.countyId,
        hours: r.h.hours,
        note: `${r.h.serviceDate} ${r.h.description}`,
        actorId: actor.userId,
      });
    await auditChange(
      tx,
      actor,
      r.node,
      `volunteer_hours.${input.decision === 'approved' ? 'approve' : 'reject'}`,
      ['volunteer_hours', id],
      { teacher: r.teacherName, serviceDate: r.h.serviceDate, hours: Number(r.h.hours), note: input.note },
    );
  });
}

/** 志愿服务记录证明: for the volunteer themselves or the keepers of their bank. */
export async function getServiceRecord({
  db,
  actor,
  teacherId,
  query,
}: Ctx & { teacherId: string; query: RecordQuery }): Promise<ServiceRecord> {
  if (query.from > query.to)
    throw fieldError('to', '结束日期不能早于开始日期', 'The end date cannot be before the start date');
  const [own] = await db
    .select({ t: teachers, bank: nodeBrief })
    .from(teachers)
    .innerJoin(orgNodes, eq(orgNodes.id, teachers.bankNodeId))
    .where(and(eq(teachers.id, teacherId), eq(teachers.userId, actor.userId)));
  const { row, bank } = own ? { row: own.t, bank: own.bank } : await loadTeacher(db, actor, teacherId);
  if (!own && !canKeepBank(actor, bank)) throw forbidden();
  const countyId = bank.path.split('/')[1];
  const [county] = await db
    .select({ name: orgNodes.name })
    .from(orgNodes)
    .where(inArray(orgNodes.id, [countyId]));
  const items = await db
    .select({
      serviceDate: volunteerHours.serviceDate,
      nodeName: place.name,
      hours: volunteerHours.hours,
      description: volunteerHours.description,
      reviewedByName: reviewer.displayName,
    })
    .from(volunteerHours)
    .innerJoin(place, eq(place.id, volunteerHours.nodeId))
    .leftJoin(reviewer, eq(reviewer.id, volunteerHours.reviewedBy))
    .where(
      and(
        eq(volunteerHours.teacherId, teacherId),
        eq(volunteerHours.status, 'approved'),
        gte(volunteerHours.serviceDate, query.from),
        lte(volunteerHours.serviceDate, query.to),
      ),
    )
    .orderBy(asc(volunteerHours.serviceDate), asc(volunteerHours.submittedAt));
  const list = items.map((i) => ({ ...i, hours: Number(i.hours) }));
  return {
    teacher: {
      id: row.id,
      name: row.name,
      gender: row.gender,
      category: row.category as ServiceRecord['teacher']['category'],
      bankNodeName: bank.name,
      countyName: county?.name ?? '',
    },
    from: query.from,
    to: query.to,
    items: list,
    totalHours: Math.round(list.reduce((s, i) => s + i.hours * 10, 0)) / 10,
    count: list.length,
    generatedAt: new Date().toISOString(),
  };
}
