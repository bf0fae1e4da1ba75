import { z } from 'zod';
import { ZPageQuery, zPage } from '../../shared/pagination';
import { defineEndpoints, WITHOUT_PAGING, XLSX } from '../../shared/endpoint';
import { ROLES, TEACHER_BANK_ROLES } from '../../shared/roles';
import { ZCreated, ZIdParams, ZNamedRef, ZOk, zDate, zId, zLongText, zOptLongText } from '../../shared/schemas';
import { labelled } from '../../shared/locale';
import { TEACHER_CATEGORIES, TEACHER_LIMITS, TEACHER_STATUSES } from './teachers.contract';

export const [HOURS_STATUSES, HOURS_STATUS_LABELS] = labelled({
  pending: { zh: '待审核', en: 'Pending' },
  approved: { zh: '已通过', en: 'Approved' },
  rejected: { zh: '未通过', en: 'Rejected' },
});
export type HoursStatus = (typeof HOURS_STATUSES)[number];

/** Hours per entry; stored with one decimal (numeric(5,1)). */
export const HOURS_LIMITS = { min: 0.5, max: 24 } as const;

export const ZHoursSubmit = z.object({
  teacherId: zId.describe('My teacher entry (linked to my account)'),
  nodeId: zId.describe('The centre where I served: a centre within the bank'),
  serviceDate: zDate,
  hours: z.number().min(HOURS_LIMITS.min).max(HOURS_LIMITS.max).describe('Hours, rounded to one decimal'),
  description: zLongText(TEACHER_LIMITS.description).describe('What I did'),
});
export type HoursSubmit = z.infer<typeof ZHoursSubmit>;

export const ZHoursReview = z.object({
  decision: z.enum(['approved', 'rejected']),
  note: zOptLongText(TEACHER_LIMITS.reviewNote).describe('Required when rejecting'),
});
export type HoursReview = z.infer<typeof ZHoursReview>;

export const ZHours = z.object({
  id: z.string(),
  teacherId: z.string(),
  teacherName: z.string(),
  nodeId: z.string(),
  nodeName: z.string(),
  serviceDate: z.string(),
  hours: z.number(),
  description: z.string(),
  status: z.enum(HOURS_STATUSES),
  submittedAt: z.string(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  canReview: z.boolean(),
});
export type Hours = z.infer<typeof ZHours>;
export const ZHoursPage = zPage(ZHours);

export const ZHoursQuery = ZPageQuery.extend({
  status: z.enum(HOURS_STATUSES).optional(),
  teacherId: zId.optional(),
  nodeId: zId.optional().describe('Only hours served under this node'),
});
export type HoursQuery = z.infer<typeof ZHoursQuery>;

/** A teacher entry of mine, with the centres where I may log hours. */
export const ZMyTeacher = z.object({
  id: z.string(),
  name: z.string(),
  bankNodeName: z.string(),
  category: z.enum(TEACHER_CATEGORIES),
  status: z.enum(TEACHER_STATUSES),
  places: z.array(ZNamedRef),
  approvedHours: z.number(),
});
export type MyTeacher = z.infer<typeof ZMyTeacher>;
export const ZMyHours = zPage(ZHours).extend({ teachers: z.array(ZMyTeacher) });
export type MyHours = z.infer<typeof ZMyHours>;

export const ZRecordQuery = z.object({ from: zDate, to: zDate });
export type RecordQuery = z.infer<typeof ZRecordQuery>;

/** 志愿服务记录证明: approved hours of one volunteer in a date range. */
export const ZServiceRecord = z.object({
  teacher: z.object({
    id: z.string(),
    name: z.string(),
    gender: z.string().nullable(),
    category: z.enum(TEACHER_CATEGORIES),
    bankNodeName: z.string(),
    countyName: z.string(),
  }),
  from: z.string(),
  to: z.string(),
  items: z.array(
    z.object({
      serviceDate: z.string(),
      nodeName: z.string(),
      hours: z.number(),
      description: z.string(),
      reviewedByName: z.string().nullable(),
    }),
  ),
  totalHours: z.number(),
  count: z.number().int(),
  generatedAt: z.string(),
});
export type ServiceRecord = z.infer<typeof ZServiceRecord>;

/** Volunteer hours (志愿服务时长) and the service record. */
export const volunteerApi = defineEndpoints('teachers', {
  serviceRecord: {
    method: 'GET',
    path: '/api/teachers/:id/service-record',
    summary: '志愿服务记录证明: approved hours in a date range (the volunteer or the keepers of the bank)',
    policy: { roles: ROLES },
    params: ZIdParams,
    query: ZRecordQuery,
    responses: { 200: ZServiceRecord },
  },
  mine: {
    method: 'GET',
    path: '/api/volunteer-hours/mine',
    summary: 'My teacher entries, the centres where I may serve, and my hours',
    policy: { roles: ROLES },
    query: ZHoursQuery,
    responses: { 200: ZMyHours },
  },
  list: {
    method: 'GET',
    path: '/api/volunteer-hours',
    summary: 'Hours served at centres I keep a bank over (for review)',
    policy: { roles: TEACHER_BANK_ROLES },
    query: ZHoursQuery,
    responses: { 200: ZHoursPage },
  },
  export: {
    method: 'GET',
    path: '/api/volunteer-hours/export.xlsx',
    summary: 'Volunteer hours as .xlsx with the list’s filters (streamed); audited',
    policy: { roles: TEACHER_BANK_ROLES },
    query: ZHoursQuery.omit(WITHOUT_PAGING),
    produces: XLSX,
  },
  submit: {
    method: 'POST',
    path: '/api/volunteer-hours',
    summary: 'Log my own service hours (my teacher entry must be linked to my account)',
    policy: { roles: ROLES },
    body: ZHoursSubmit,
    responses: { 201: ZCreated },
  },
  review: {
    method: 'POST',
    path: '/api/volunteer-hours/:id/review',
    summary: 'Approve or reject pending hours (not my own); a rejection needs a note',
    policy: { roles: TEACHER_BANK_ROLES },
    params: ZIdParams,
    body: ZHoursReview,
    responses: { 200: ZOk },
  },
});
