import { and, asc, desc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../server/db/client';
import { pgErrorCode } from '../../server/db/client';
import { holdsRoleOver, reachPaths, type Actor } from '../../shared/actor';
import { AppError, fieldError, forbidden } from '../../shared/app-error';
import { fillPath } from '../../shared/endpoint';
import type { Page } from '../../shared/pagination';
import { ROLES } from '../../shared/roles';
import { userNames } from '../accounts';
import { auditChange, diffFields } from '../../server/audit';
import { escapeLike, underAnyPath } from '../../server/tree-scope';
import { orgNodes } from '../../server/db/tree.table';
import { readPage } from '../../server/db/page';
import type { Ctx } from '../../server/types';
import { listThemes } from '../themes';
import { sanitizeCourseHtml } from './course-html';
import { loadCourse, placeOf, reviewNode, reviewNodeJoin, type CourseRow } from './course-load';
import { reviewLeadDays } from './course-rules.service';
import { filesByIds, loadReadableFiles, toStoredFile } from '../files';
import { ancestorPaths, canReadBank, teacherRefs } from '../teachers';
import {
  coursesApi,
  submitDeadline,
  type Course,
  type CourseCreate,
  type CourseDetail,
  type CourseFields,
  type CourseQuery,
  type CourseUpdate,
} from './courses.contract';
import {
  COURSE_EDITOR_ROLES,
  COURSE_REVIEWER_ROLES,
  canEditCourse,
  canFeatureCourse,
  canReviewCourse,
  canSubmitCourse,
  isOwnCourse,
} from './courses.policy';
import { courseFiles, courseReviewEvents, courses, courseTeachers } from './courses.table';

const town = alias(orgNodes, 'town');
const featuredCentre = alias(orgNodes, 'featured_centre');

/** SQL: courses the actor may read (see canReadCourse). */
function readable(actor: Actor): SQL {
  const under = underAnyPath(orgNodes.path, reachPaths(actor, ROLES));
  const ancestors = ancestorPaths(actor);
  return ancestors.length
    ? or(under, and(eq(courses.status, 'approved'), inArray(reviewNode.path, ancestors)))!
    : under;
}

/** SQL: submitted courses the actor may approve or return (待审核), never their own. */
function toReview(actor: Actor): SQL {
  return and(
    eq(courses.status, 'submitted'),
    underAnyPath(reviewNode.path, reachPaths(actor, COURSE_REVIEWER_ROLES)),
    or(sql`${courses.createdBy} is null`, ne(courses.createdBy, actor.userId)),
    or(sql`${courses.submittedBy} is null`, ne(courses.submittedBy, actor.userId)),
  )!;
}

type ListRow = { row: CourseRow; nodeName: string; townName: string | null; featuredCentreName: string | null };

/** Theme names per county, for the rows of one page. */
async function themeNames(db: DbOrTx, countyIds: string[]) {
  const out = new Map<string, { zh: string; en: string }>();
  for (const countyId of new Set(countyIds)) {
    for (const t of await listThemes(db, countyId)) out.set(`${countyId}:${t.key}`, { zh: t.nameZh, en: t.nameEn });
  }
  return out;
}

function toCourse(r: ListRow, names: Map<string, { zh: string; en: string }>): Course {
  const name = names.get(`${r.row.countyId}:${r.row.theme}`);
  return {
    id: r.row.id,
    title: r.row.title,
    theme: r.row.theme,
    themeName: name?.zh ?? r.row.theme,
    themeNameEn: name?.en ?? r.row.theme,
    form: r.row.form as Course['form'],
    targetGroups: r.row.targetGroups as Course['targetGroups'],
    hours: Number(r.row.hours),
    credits: Number(r.row.credits),
    status: r.row.status as Course['status'],
    nodeId: r.row.nodeId,
    nodeName: r.nodeName,
    townId: r.row.townId,
    townName: r.townName,
    firstSessionDate: r.row.firstSessionDate,
    featured: r.row.featured,
    featuredCentreName: r.featuredCentreName,
    submittedAt: r.row.submittedAt?.toISOString() ?? null,
    updatedAt: r.row.updatedAt.toISOString(),
  };
}

const listColumns = {
  row: courses,
  nodeName: orgNodes.name,
  townName: town.name,
  featuredCentreName: featuredCentre.name,
};

export async function findCourses({ db, actor, query }: Ctx & { query: CourseQuery }): Promise<Page<Course>> {
  const conds = [readable(actor)];
  if (query.toReview === 'true') conds.push(toReview(actor));
  if (query.q) conds.push(ilike(courses.title, `%${escapeLike(query.q)}%`));
  if (query.theme) conds.push(eq(courses.theme, query.theme));
  if (query.status) conds.push(eq(courses.status, query.status));
  if (query.form) conds.push(eq(courses.form, query.form));
  if (query.townId) conds.push(eq(courses.townId, query.townId));
  if (query.featured) conds.push(eq(courses.featured, query.featured === 'true'));
  const list = db
    .select(listColumns)
    .from(courses)
    .innerJoin(orgNodes, eq(orgNodes.id, courses.nodeId))
    .innerJoin(reviewNode, reviewNodeJoin)
    .leftJoin(town, eq(town.id, courses.townId))
    .leftJoin(featuredCentre, eq(featuredCentre.id, courses.featuredCentreId))
    .where(and(...conds))
    .$dynamic();
  const order = [query.toReview === 'true' ? asc(courses.submittedAt) : desc(courses.updatedAt), asc(courses.id)];
  const { total, rows } = await readPage(db, list, order, query);
  const names = await themeNames(
    db,
    rows.map((r) => r.row.countyId),
  );
  return { items: rows.map((r) => toCourse(r, names)), total, page: query.page, pageSize: query.pageSize };
}

export async function getCourse({ db, actor, id }: { db: Db; actor: Actor; id: string }): Promise<CourseDetail> {
  const { row, node, review } = await loadCourse(db, actor, id);
  const [extra] = await db
    .select({ townName: town.name, featuredCentreName: featuredCentre.name })
    .from(courses)
    .leftJoin(town, eq(town.id, courses.townId))
    .leftJoin(featuredCentre, eq(featuredCentre.id, courses.featuredCentreId))
    .where(eq(courses.id, id));
  const links = await db
    .select({ id: courseTeachers.teacherId })
    .from(courseTeachers)
    .where(eq(courseTeachers.courseId, id));
  const teacherRows = await teacherRefs(
    db,
    links.map((l) => l.id),
  );
  const fileLinks = await db.select({ id: courseFiles.fileId }).from(courseFiles).where(eq(courseFiles.courseId, id));
  const fileRows = await filesByIds(
    db,
    fileLinks.map((l) => l.id),
  );
  const by = userNames();
  const history = await db
    .select({
      id: courseReviewEvents.id,
      action: courseReviewEvents.action,
      comment: courseReviewEvents.comment,
      actorName: by.displayName,
      at: courseReviewEvents.at,
    })
    .from(courseReviewEvents)
    .leftJoin(by, eq(by.id, courseReviewEvents.actorId))
    .where(eq(courseReviewEvents.courseId, id))
    .orderBy(desc(courseReviewEvents.at), desc(courseReviewEvents.id));
  const leadDays = await reviewLeadDays(db, row.countyId);
  const names = await themeNames(db, [row.countyId]);
  const edit = canEditCourse(actor, row, node);
  return {
    ...toCourse(
      { row, nodeName: node.name, townName: extra.townName, featuredCentreName: extra.featuredCentreName },
      names,
    ),
    descriptionHtml: row.descriptionHtml,
    teachers: teacherRows.map(({ id, name, bankNodeName }) => ({ id, name, bankNodeName })),
    // Materials download through the course, so every reader of the course may open them.
    files: fileRows.map((f) => ({
      ...toStoredFile(f),
      url: fillPath(coursesApi.material.path, { id, fileId: f.id }),
      thumbnailUrl: null,
    })),
    featuredCentreId: row.featuredCentreId,
    reviewComment: row.reviewComment,
    submitDeadline: row.firstSessionDate ? submitDeadline(row.firstSessionDate, leadDays) : null,
    reviewLeadDays: leadDays,
    history: history.map((h) => ({
      ...h,
      action: h.action as CourseDetail['history'][number]['action'],
      at: h.at.toISOString(),
    })),
    permissions: {
      update: edit,
      submit: canSubmitCourse(actor, row, node),
      review: canReviewCourse(actor, row, review),
      feature: canFeatureCourse(actor, row, review),
      remove: edit,
    },
    ownCourse: isOwnCourse(actor, row),
  };
}

/** The theme is one of the county's active themes (or the course's current one, kept as it was). */
async function checkTheme(db: DbOrTx, countyId: string, theme: string, current: string | null): Promise<void> {
  const t = (await listThemes(db, countyId)).find((x) => x.key === theme);
  if (!t || (!t.active && theme !== current))
    throw fieldError('theme', '请从本县（区）启用的主题中选择', 'Choose one of the county’s active themes');
}

/** Teachers come from banks the actor may read, in the course's county. */
async function checkTeachers(db: DbOrTx, actor: Actor, countyId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await teacherRefs(db, ids);
  const ok = rows.filter((r) => canReadBank(actor, { path: r.bankPath }) && r.bankPath.startsWith(`/${countyId}/`));
  if (ok.length !== new Set(ids).size)
    throw fieldError('teacherIds', '请从您能查看的师资库中选择教师', 'Choose teachers from the banks you may read');
}

async function writeLinks(tx: DbOrTx, courseId: string, input: CourseFields): Promise<void> {
  await tx.delete(courseTeachers).where(eq(courseTeachers.courseId, courseId));
  await tx.delete(courseFiles).where(eq(courseFiles.courseId, courseId));
  const teacherIds = [...new Set(input.teacherIds)];
  const fileIds = [...new Set(input.fileIds)];
  if (teacherIds.length)
    await tx.insert(courseTeachers).values(teacherIds.map((teacherId) => ({ courseId, teacherId })));
  if (fileIds.length) await tx.insert(courseFiles).values(fileIds.map((fileId) => ({ courseId, fileId })));
}

const columns = (input: CourseFields) => ({
  title: input.title,
  theme: input.theme,
  targetGroups: [...new Set(input.targetGroups)],
  form: input.form,
  hours: String(input.hours),
  credits: String(input.credits),
  descriptionHtml: sanitizeCourseHtml(input.descriptionHtml),
  firstSessionDate: input.firstSessionDate,
});

export async function createCourse({ db, actor, input }: Ctx & { input: CourseCreate }): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const { node, countyId, townId } = await placeOf(tx, actor, input.nodeId);
    if (!holdsRoleOver(actor, COURSE_EDITOR_ROLES, node.path)) throw forbidden();
    await checkTheme(tx, countyId, input.theme, null);
    await checkTeachers(tx, actor, countyId, input.teacherIds);
    await loadReadableFiles(tx, actor, input.fileIds, 'fileIds');
    const id = crypto.randomUUID();
    await tx
      .insert(courses)
      .values({ id, countyId, townId, nodeId: node.id, ...columns(input), status: 'draft', createdBy: actor.userId });
    await writeLinks(tx, id, input);
    await auditChange(tx, actor, node, 'course.create', ['course', id], {
      title: input.title,
      node: node.name,
      theme: input.theme,
      teachers: input.teacherIds.length,
      files: input.fileIds.length,
    });
    return { id };
  });
}

export async function updateCourse({ db, actor, id, input }: Ctx & { id: string; input: CourseUpdate }): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, node } = await loadCourse(tx, actor, id, true);
    if (!canEditCourse(actor, row, node)) throw editRefusal(actor, row, node);
    await checkTheme(tx, row.countyId, input.theme, row.theme);
    await checkTeachers(tx, actor, row.countyId, input.teacherIds);
    await loadReadableFiles(tx, actor, input.fileIds, 'fileIds');
    const values = columns(input);
    await tx
      .update(courses)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(courses.id, id));
    await writeLinks(tx, id, input);
    await auditChange(tx, actor, node, 'course.update', ['course', id], {
      title: row.title,
      ...diffFields(row as Record<string, unknown>, values),
      teachers: input.teacherIds.length,
      files: input.fileIds.length,
    });
  });
}

/** Why an in-tree edit is refused: the status (plain words) or the role. */
function editRefusal(actor: Actor, row: CourseRow, node: { path: string }): AppError {
  if (!holdsRoleOver(actor, COURSE_EDITOR_ROLES, node.path)) return forbidden();
  return row.status === 'submitted'
    ? new AppError('CONFLICT', {
        detail: '课程正在审核中，不能修改',
        detailEn: 'The course is under review and cannot be changed',
      })
    : new AppError('CONFLICT', {
        detail: '课程已通过审核，不能再修改',
        detailEn: 'The course is approved and can no longer be changed',
      });
}

/** Drafts and returned courses may be deleted by their node's staff, unless an activity uses them. */
export async function removeCourse({ db, actor, id }: { db: Db; actor: Actor; id: string }): Promise<void> {
  await db
    .transaction(async (tx) => {
      const { row, node } = await loadCourse(tx, actor, id, true);
      if (!canEditCourse(actor, row, node)) throw editRefusal(actor, row, node);
      await tx.delete(courses).where(eq(courses.id, id));
      await auditChange(tx, actor, node, 'course.delete', ['course', id], { title: row.title, status: row.status });
    })
    .catch((err) => {
      if (pgErrorCode(err) === '23503')
        throw new AppError('CONFLICT', {
          detail: '已有活动使用这门课程，不能删除',
          detailEn: 'Activities use this course; it cannot be deleted',
        });
      throw err;
    });
}
