import { and, count, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import type { Actor } from '../../shared/actor';
import { AppError, fieldError, forbidden } from '../../shared/app-error';
import { chinaToday } from '../../shared/china-time';
import { auditChange } from '../../server/audit';
import { orgNodes } from '../../server/db/tree.table';
import { loadCourse, type CourseRow, type NodeRef } from './course-load';
import { featuredPerCentre, reviewLeadDays } from './course-rules.service';
import { COURSE_STATUS_LABELS, submitDeadline, type FeatureInput, type ReviewInput } from './courses.contract';
import { canEditCourse, canFeatureCourse, canReviewCourse, canSubmitCourse, isOwnCourse } from './courses.policy';
import { courseReviewEvents, courses } from './courses.table';
import type { Ctx } from '../../server/types';

const wrongStatus = (row: CourseRow, what: string, whatEn: string) => {
  const s = COURSE_STATUS_LABELS[row.status as keyof typeof COURSE_STATUS_LABELS];
  return new AppError('CONFLICT', {
    detail: `课程当前为“${s.zh}”，不能${what}`,
    detailEn: `The course is “${s.en}” and cannot be ${whatEn}`,
  });
};

/** A step of the review: its event in the course's history and its entry in the audit trail, in the step's transaction. */
async function recordReviewStep(
  tx: DbOrTx,
  actor: Actor,
  node: NodeRef,
  id: string,
  step: { event: string; comment?: string | null; action: string; summary: Record<string, unknown> },
): Promise<void> {
  await tx
    .insert(courseReviewEvents)
    .values({ courseId: id, action: step.event, comment: step.comment, actorId: actor.userId });
  await auditChange(tx, actor, node, step.action, ['course', id], step.summary);
}

/**
 * The owning node's staff submit a course for review, at least N days (the county's rule,
 * default 15) before its first session; later is refused with the date it was needed by.
 */
export async function submitCourse({ db, actor, id }: Ctx & { id: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, node } = await loadCourse(tx, actor, id, true);
    if (!canSubmitCourse(actor, row, node)) {
      if (canEditCourse(actor, { ...row, status: 'draft' }, node)) throw wrongStatus(row, '提交', 'submitted');
      throw forbidden();
    }
    if (!row.firstSessionDate)
      throw fieldError(
        'firstSessionDate',
        '提交审核前请先填写首次上课日期',
        'Enter the date of the first session before submitting',
      );
    const days = await reviewLeadDays(tx, row.countyId);
    const deadline = submitDeadline(row.firstSessionDate, days);
    if (chinaToday() > deadline) {
      throw fieldError(
        'firstSessionDate',
        `提交太晚了：首次上课日期是 ${row.firstSessionDate}，须提前 ${days} 天提交审核，即须在 ${deadline} 前（含当天）提交。请推迟首次上课日期后再提交。`,
        `Too late to submit: the first session is on ${row.firstSessionDate} and courses must be submitted ${days} days ahead, i.e. by ${deadline}. Move the first session later, then submit.`,
      );
    }
    await tx
      .update(courses)
      .set({
        status: 'submitted',
        submittedBy: actor.userId,
        submittedAt: new Date(),
        reviewedBy: null,
        reviewedAt: null,
        reviewComment: null,
        updatedAt: new Date(),
      })
      .where(eq(courses.id, id));
    await recordReviewStep(tx, actor, node, id, {
      event: 'submitted',
      action: 'course.submit',
      summary: { title: row.title, firstSessionDate: row.firstSessionDate, deadline },
    });
  });
}

/** The town's reviewers approve a submitted course or return it with a comment; never their own. */
export async function reviewCourse({ db, actor, id, input }: Ctx & { id: string; input: ReviewInput }): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, node, review } = await loadCourse(tx, actor, id, true);
    if (!canReviewCourse(actor, row, review)) {
      if (canReviewCourse(actor, { ...row, status: 'submitted' }, review)) throw wrongStatus(row, '审核', 'reviewed');
      throw forbidden();
    }
    if (input.decision === 'return' && !input.comment)
      throw fieldError('comment', '退回时请写明需要修改的地方', 'Say what must change when returning a course');
    const status = input.decision === 'approve' ? 'approved' : 'returned';
    await tx
      .update(courses)
      .set({
        status,
        reviewedBy: actor.userId,
        reviewedAt: new Date(),
        reviewComment: input.comment,
        updatedAt: new Date(),
      })
      .where(eq(courses.id, id));
    await recordReviewStep(tx, actor, node, id, {
      event: status,
      comment: input.comment,
      action: `course.${input.decision}`,
      summary: { title: row.title, comment: input.comment, own: isOwnCourse(actor, row) },
    });
  });
}

/**
 * 精品课堂: an approved course becomes a centre's featured course, at most the number the
 * centre's town allows (default 1). The centre row is locked so two flags cannot both pass.
 */
export async function featureCourse({
  db,
  actor,
  id,
  input,
}: Ctx & { id: string; input: FeatureInput }): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, node, review } = await loadCourse(tx, actor, id, true);
    if (!canFeatureCourse(actor, row, review)) {
      if (canFeatureCourse(actor, { ...row, status: 'approved' }, review))
        throw wrongStatus(row, '设为精品课堂', 'featured');
      throw forbidden();
    }
    if (input.centreId === null) {
      if (!row.featured) return;
      await tx
        .update(courses)
        .set({ featured: false, featuredCentreId: null, updatedAt: new Date() })
        .where(eq(courses.id, id));
      await recordReviewStep(tx, actor, node, id, {
        event: 'unfeatured',
        action: 'course.unfeature',
        summary: { title: row.title },
      });
      return;
    }
    const [centre] = await tx
      .select({
        id: orgNodes.id,
        name: orgNodes.name,
        path: orgNodes.path,
        level: orgNodes.level,
        parentId: orgNodes.parentId,
      })
      .from(orgNodes)
      .where(eq(orgNodes.id, input.centreId))
      .for('update');
    if (!centre || centre.level !== 'centre' || !centre.path.startsWith(review.path))
      throw fieldError('centreId', '请选择本镇（街道）的学习中心', 'Choose a learning centre of this town');
    const limit = await featuredPerCentre(tx, centre.parentId);
    const [{ n }] = await tx
      .select({ n: count() })
      .from(courses)
      .where(and(eq(courses.featured, true), eq(courses.featuredCentreId, centre.id), ne(courses.id, id)));
    if (Number(n) >= limit) {
      throw fieldError(
        'centreId',
        `“${centre.name}”已有 ${n} 门精品课堂，达到镇（街道）规定的上限 ${limit} 门。请先取消其中一门，或由镇（街道）调整上限。`,
        `“${centre.name}” already has ${n} featured courses, the town’s limit of ${limit}. Remove one first, or ask the town to raise the limit.`,
      );
    }
    await tx
      .update(courses)
      .set({ featured: true, featuredCentreId: centre.id, updatedAt: new Date() })
      .where(eq(courses.id, id));
    await recordReviewStep(tx, actor, node, id, {
      event: 'featured',
      comment: centre.name,
      action: 'course.feature',
      summary: { title: row.title, centre: centre.name, limit },
    });
  });
}
