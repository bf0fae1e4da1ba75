import { z } from 'zod';
import { defineEndpoints, resourceEndpoints, rulesEndpoints } from '../../shared/endpoint';
import { ZPageQuery, zPage } from '../../shared/pagination';
import { ROLES } from '../../shared/roles';
import {
  ZIdParams,
  orNull,
  zBodyText,
  zDate,
  zFlag,
  zId,
  zIds,
  zOptLongText,
  zSearch,
  zText,
} from '../../shared/schemas';
import { labelled } from '../../shared/locale';
import { ZStoredFile } from '../files/files.contract';
import { COURSE_EDITOR_ROLES, COURSE_REVIEWER_ROLES } from './courses.policy';

export const [COURSE_FORMS, COURSE_FORM_LABELS] = labelled({
  lecture: { zh: '讲座', en: 'Lecture' },
  training: { zh: '培训', en: 'Training' },
  forum: { zh: '座谈', en: 'Forum' },
  practice: { zh: '实践', en: 'Practice' },
  performance: { zh: '文艺', en: 'Performance' },
  online: { zh: '线上', en: 'Online' },
});
export type CourseForm = (typeof COURSE_FORMS)[number];

export const [COURSE_STATUSES, COURSE_STATUS_LABELS] = labelled({
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Awaiting review' },
  approved: { zh: '已通过', en: 'Approved' },
  returned: { zh: '已退回', en: 'Returned' },
});
export type CourseStatus = (typeof COURSE_STATUSES)[number];

export const [TARGET_GROUPS, TARGET_GROUP_LABELS] = labelled({
  residents: { zh: '全体居民', en: 'All residents' },
  elderly: { zh: '老年人', en: 'Older people' },
  youth: { zh: '青少年', en: 'Young people' },
  children: { zh: '儿童', en: 'Children' },
  parents: { zh: '家长', en: 'Parents' },
  women: { zh: '妇女', en: 'Women' },
  farmers: { zh: '农民', en: 'Farmers' },
  migrant_workers: { zh: '外来务工人员', en: 'Migrant workers' },
  unemployed: { zh: '失业/下岗人员', en: 'Unemployed people' },
  workers: { zh: '企业职工', en: 'Employees' },
  veterans: { zh: '退役军人', en: 'Veterans' },
  disabled: { zh: '残疾人', en: 'People with disabilities' },
});
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const [REVIEW_ACTIONS, REVIEW_ACTION_LABELS] = labelled({
  submitted: { zh: '提交审核', en: 'Submitted' },
  approved: { zh: '审核通过', en: 'Approved' },
  returned: { zh: '退回修改', en: 'Returned' },
  featured: { zh: '设为精品课堂', en: 'Made featured' },
  unfeatured: { zh: '取消精品课堂', en: 'Featured flag removed' },
});
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** Limits of the course form, declared once for server and web. */
export const COURSE_LIMITS = {
  title: 100,
  description: 20_000,
  targetGroups: 8,
  teachers: 10,
  files: 20,
  comment: 500,
  hoursMin: 0.5,
  hoursMax: 200,
  creditsMax: 100,
  leadDaysMax: 90,
  featuredMax: 20,
} as const;
export const DEFAULT_REVIEW_LEAD_DAYS = 15;
export const DEFAULT_FEATURED_PER_CENTRE = 1;

/** A number with one decimal (the column's scale); more digits are rounded. */
const zDecimal1 = (min: number, max: number) =>
  z
    .number()
    .min(min)
    .max(max)
    .transform((v) => Math.round(v * 10) / 10);

/** The fields of the one course form, for both create and edit. */
export const ZCourseFields = z.object({
  title: zText(COURSE_LIMITS.title),
  theme: zText(24).describe('A key of the county’s theme list (GET /api/themes)'),
  targetGroups: z.array(z.enum(TARGET_GROUPS)).max(COURSE_LIMITS.targetGroups).default([]),
  form: z.enum(COURSE_FORMS),
  hours: zDecimal1(COURSE_LIMITS.hoursMin, COURSE_LIMITS.hoursMax).describe('Class hours (学时) of the whole course'),
  credits: zDecimal1(0, COURSE_LIMITS.creditsMax).default(0).describe('Learning credits (学分) for completing it'),
  descriptionHtml: zBodyText(COURSE_LIMITS.description).describe('Rich text; sanitised on the server (allowlist)'),
  firstSessionDate: orNull(zDate).describe('Drives the review deadline: submit at least N days before'),
  teacherIds: zIds(COURSE_LIMITS.teachers).describe('Teachers of the banks I may read'),
  fileIds: zIds(COURSE_LIMITS.files).describe('Materials: ids from POST /api/files'),
});
export type CourseFields = z.infer<typeof ZCourseFields>;
export const ZCourseCreate = ZCourseFields.extend({
  nodeId: zId.describe('The owning node: a lead department, a town school, a centre'),
});
export type CourseCreate = z.infer<typeof ZCourseCreate>;
export const ZCourseUpdate = ZCourseFields;
export type CourseUpdate = z.infer<typeof ZCourseUpdate>;

export const ZCourseQuery = ZPageQuery.extend({
  q: zSearch(64).describe('Part of the title'),
  theme: zSearch(24),
  status: z.enum(COURSE_STATUSES).optional(),
  form: z.enum(COURSE_FORMS).optional(),
  townId: zId.optional().describe('Only courses reviewed by this town'),
  featured: zFlag,
  toReview: zFlag.describe('Only submitted courses I may approve or return (待审核)'),
});
export type CourseQuery = z.infer<typeof ZCourseQuery>;

export const ZCourse = z.object({
  id: z.string(),
  title: z.string(),
  theme: z.string(),
  themeName: z.string(),
  themeNameEn: z.string(),
  form: z.enum(COURSE_FORMS),
  targetGroups: z.array(z.enum(TARGET_GROUPS)),
  hours: z.number(),
  credits: z.number(),
  status: z.enum(COURSE_STATUSES),
  nodeId: z.string(),
  nodeName: z.string(),
  townId: z.string().nullable(),
  townName: z.string().nullable(),
  firstSessionDate: z.string().nullable(),
  featured: z.boolean(),
  featuredCentreName: z.string().nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type Course = z.infer<typeof ZCourse>;
export const ZCoursePage = zPage(ZCourse);

export const ZReviewEvent = z.object({
  id: z.string(),
  action: z.enum(REVIEW_ACTIONS),
  comment: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type ReviewEvent = z.infer<typeof ZReviewEvent>;

export const ZCourseDetail = ZCourse.extend({
  descriptionHtml: z.string(),
  teachers: z.array(z.object({ id: z.string(), name: z.string(), bankNodeName: z.string() })),
  files: z.array(ZStoredFile),
  featuredCentreId: z.string().nullable(),
  reviewComment: z.string().nullable(),
  submitDeadline: z.string().nullable().describe('The last day to submit for review (first session − N days)'),
  reviewLeadDays: z.number().int(),
  history: z.array(ZReviewEvent),
  permissions: z.object({
    update: z.boolean(),
    submit: z.boolean(),
    review: z.boolean(),
    feature: z.boolean(),
    remove: z.boolean(),
  }),
  ownCourse: z.boolean().describe('I wrote or submitted it (so I may not review it)'),
});
export type CourseDetail = z.infer<typeof ZCourseDetail>;

export const ZReviewInput = z.object({
  decision: z.enum(['approve', 'return']),
  comment: zOptLongText(COURSE_LIMITS.comment).describe('Required when returning'),
});
export type ReviewInput = z.infer<typeof ZReviewInput>;

export const ZFeatureInput = z.object({
  centreId: zId.nullable().describe('The centre whose featured course (精品课堂) this is; null removes the flag'),
});
export type FeatureInput = z.infer<typeof ZFeatureInput>;

/** Course rules on a county (review lead days) or a town (featured courses per centre). */
export const ZCourseRules = z.object({
  nodeId: z.string(),
  nodeName: z.string(),
  level: z.enum(['county', 'town']),
  reviewLeadDays: z.number().int(),
  featuredPerCentre: z.number().int(),
  canEditLeadDays: z.boolean(),
  canEditFeatured: z.boolean(),
});
export type CourseRules = z.infer<typeof ZCourseRules>;
export const ZCourseRulesUpdate = z.object({
  reviewLeadDays: z.number().int().min(0).max(COURSE_LIMITS.leadDaysMax).optional().describe('County only'),
  featuredPerCentre: z.number().int().min(0).max(COURSE_LIMITS.featuredMax).optional().describe('Town only'),
});
export type CourseRulesUpdate = z.infer<typeof ZCourseRulesUpdate>;

export const ZNodeParams = z.object({ nodeId: zId });
export const ZMaterialParams = ZIdParams.extend({ fileId: zId });

/** The last day a course may be submitted for review (pure: the form shows it, the service enforces it). */
export function submitDeadline(firstSessionDate: string, leadDays: number): string {
  const d = new Date(`${firstSessionDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - leadDays);
  return d.toISOString().slice(0, 10);
}

const anyRole = { roles: ROLES };
const editors = { roles: COURSE_EDITOR_ROLES };
const reviewers = { roles: COURSE_REVIEWER_ROLES };

const courseCrud = resourceEndpoints(
  '/api/courses',
  { read: anyRole, write: editors },
  {
    list: ['Courses I may read, filtered and paged; toReview=true gives my 待审核 list', ZCourseQuery, ZCoursePage],
    one: ['One course with teachers, materials, review history and what I may do', ZCourseDetail],
    create: ['Create a course (a draft) for a node', ZCourseCreate],
    update: ['Edit a draft or returned course', ZCourseUpdate, ZCourseDetail],
    remove: 'Delete a draft or returned course that no activity uses',
  },
);

/** Course rules, courses and their review (submit → approve or return), featured courses. */
export const coursesApi = defineEndpoints('courses', {
  ...rulesEndpoints(
    '/api/course-rules/:nodeId',
    ZNodeParams,
    { read: anyRole, write: reviewers },
    ['Review lead days (county) and featured courses per centre (town) in force at a county or town', ZCourseRules],
    [
      'Set the review lead days (county admins) or the featured limit per centre (town admins)',
      ZCourseRulesUpdate,
      ZCourseRules,
    ],
  ),
  list: courseCrud.list,
  one: courseCrud.one,
  material: {
    method: 'GET',
    path: '/api/courses/:id/materials/:fileId',
    summary: 'A material of the course, as an attachment',
    policy: anyRole,
    params: ZMaterialParams,
    produces: 'application/octet-stream',
  },
  create: courseCrud.create,
  update: courseCrud.update,
  remove: courseCrud.remove,
  submit: {
    method: 'POST',
    path: '/api/courses/:id/submit',
    summary: 'Submit for review, at least N days (county rule, default 15) before the first session',
    policy: editors,
    params: ZIdParams,
    responses: { 200: ZCourseDetail },
  },
  review: {
    method: 'POST',
    path: '/api/courses/:id/review',
    summary: 'Approve, or return with a comment (the town’s reviewers; never one’s own course)',
    policy: reviewers,
    params: ZIdParams,
    body: ZReviewInput,
    responses: { 200: ZCourseDetail },
  },
  feature: {
    method: 'POST',
    path: '/api/courses/:id/featured',
    summary:
      'Make an approved course a centre’s featured course (精品课堂), within the town’s limit; centreId null removes it',
    policy: reviewers,
    params: ZIdParams,
    body: ZFeatureInput,
    responses: { 200: ZCourseDetail },
  },
});
