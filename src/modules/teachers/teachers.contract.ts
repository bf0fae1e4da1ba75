import { z } from 'zod';
import { GENDER_LABELS, GENDERS } from '../../shared/gender';
import { LIMITS } from '../../shared/limits';
import { ZPageQuery, zPage } from '../../shared/pagination';
import { defineEndpoints, resourceEndpoints, WITHOUT_PAGING, XLSX } from '../../shared/endpoint';
import { TEACHER_BANK_ROLES } from '../../shared/roles';
import {
  ZIdParams,
  orNull,
  zDate,
  zId,
  zLongText,
  zOptLongText,
  zOptPhone,
  zOptText,
  zSearch,
  zText,
} from '../../shared/schemas';
import { TEACHER_READER_ROLES } from './teachers.policy';
import { DEFAULT_THEMES } from '../../shared/themes';
import { labelled } from '../../shared/locale';

export const [TEACHER_CATEGORIES, TEACHER_CATEGORY_LABELS] = labelled({
  full_time: { zh: '专职', en: 'Full-time' },
  part_time: { zh: '兼职', en: 'Part-time' },
  volunteer: { zh: '志愿者', en: 'Volunteer' },
  lecturer: { zh: '讲师团成员', en: 'Lecturer group member' },
  tutor: { zh: '辅导员', en: 'Tutor' },
});
export type TeacherCategory = (typeof TEACHER_CATEGORIES)[number];

export const [TEACHER_SOURCES, TEACHER_SOURCE_LABELS] = labelled({
  teacher: { zh: '教师', en: 'Teacher' },
  doctor: { zh: '医生', en: 'Doctor' },
  retired_cadre: { zh: '退休干部', en: 'Retired official' },
  student: { zh: '学生', en: 'Student' },
  craftsman: { zh: '手艺人', en: 'Craftsperson' },
  dept_staff: { zh: '部门工作人员', en: 'Department staff' },
  guide: { zh: '善行指导员', en: 'Good-deeds guide' },
  other: { zh: '其他', en: 'Other' },
});
export type TeacherSource = (typeof TEACHER_SOURCES)[number];

export const [TEACHER_STATUSES, TEACHER_STATUS_LABELS] = labelled({
  active: { zh: '在库', en: 'Active' },
  paused: { zh: '暂停', en: 'Paused' },
  left: { zh: '已退出', en: 'Left' },
});
export type TeacherStatus = (typeof TEACHER_STATUSES)[number];

/** The genders of the forms (src/shared/gender.ts, the same for residents). */
export { GENDER_LABELS, GENDERS };

/** Limits of the teacher forms, declared once for server and web. */
export const TEACHER_LIMITS = {
  qualifications: 500,
  workUnit: 100,
  reason: 200,
  specialities: 10,
  description: 300,
  reviewNote: 200,
} as const;

/** The fields of the one teacher form, for both create and edit. */
export const ZTeacherFields = z.object({
  name: zText(LIMITS.personName),
  gender: orNull(z.enum(GENDERS)),
  phone: zOptPhone,
  category: z.enum(TEACHER_CATEGORIES),
  source: z.enum(TEACHER_SOURCES),
  specialities: z
    .array(z.enum(DEFAULT_THEMES))
    .max(TEACHER_LIMITS.specialities)
    .default([])
    .describe('Theme keys (src/shared/themes.ts)'),
  qualifications: zOptLongText(TEACHER_LIMITS.qualifications).describe('Certificates, titles, experience'),
  workUnit: zOptText(TEACHER_LIMITS.workUnit).describe('Employer or unit (工作单位)'),
  isGovernmentStaff: z.boolean().default(false).describe('Government or community staff: never paid a teaching fee'),
  feeEligible: z
    .boolean()
    .default(false)
    .describe('Teaching fees may be paid (never to volunteers or government staff)'),
  userId: orNull(zId).describe('The linked account (to log volunteer hours); admins only'),
  residentId: orNull(zId).describe('The teacher is also this resident'),
  note: zOptLongText(LIMITS.note),
});
export const ZTeacherCreate = ZTeacherFields.extend({
  bankNodeId: zId.describe('The town or centre whose bank this entry belongs to'),
});
export type TeacherCreate = z.infer<typeof ZTeacherCreate>;
export const ZTeacherUpdate = ZTeacherFields;
export type TeacherUpdate = z.infer<typeof ZTeacherUpdate>;

export const ZStatusChange = z.object({
  status: z.enum(TEACHER_STATUSES),
  effectiveDate: zDate,
  reason: zLongText(TEACHER_LIMITS.reason).describe('Why (e.g. 外出务工, 身体原因, 恢复授课)'),
});
export type StatusChange = z.infer<typeof ZStatusChange>;

export const ZTeacherQuery = ZPageQuery.extend({
  bankNodeId: zId.optional().describe('Only this bank'),
  category: z.enum(TEACHER_CATEGORIES).optional(),
  status: z.enum(TEACHER_STATUSES).optional(),
  speciality: z.enum(DEFAULT_THEMES).optional(),
  q: zSearch(64).describe('Part of the name, phone or work unit'),
});
export type TeacherQuery = z.infer<typeof ZTeacherQuery>;

export const ZTeacher = z.object({
  id: z.string(),
  bankNodeId: z.string(),
  bankNodeName: z.string(),
  bankLevel: z.enum(['town', 'centre']),
  name: z.string(),
  gender: z.enum(GENDERS).nullable(),
  phone: z.string().nullable().describe('Masked unless the reader keeps a bank over it or lives under it'),
  category: z.enum(TEACHER_CATEGORIES),
  source: z.enum(TEACHER_SOURCES),
  specialities: z.array(z.enum(DEFAULT_THEMES)),
  workUnit: z.string().nullable(),
  isGovernmentStaff: z.boolean(),
  feeEligible: z.boolean(),
  status: z.enum(TEACHER_STATUSES),
  statusSince: z.string(),
  linked: z.boolean().describe('Has a linked account'),
});
export type Teacher = z.infer<typeof ZTeacher>;
export const ZTeacherPage = zPage(ZTeacher);

export const ZStatusHistoryItem = z.object({
  id: z.string(),
  status: z.enum(TEACHER_STATUSES),
  effectiveDate: z.string(),
  reason: z.string().nullable(),
  changedByName: z.string().nullable(),
  changedAt: z.string(),
});
export type StatusHistoryItem = z.infer<typeof ZStatusHistoryItem>;

export const ZTeacherDetail = ZTeacher.extend({
  qualifications: z.string().nullable(),
  note: z.string().nullable(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  residentId: z.string().nullable(),
  residentName: z.string().nullable(),
  history: z.array(ZStatusHistoryItem),
  approvedHours: z.number().describe('Approved volunteer hours, all time'),
  permissions: z.object({ update: z.boolean(), changeStatus: z.boolean(), linkUser: z.boolean() }),
  updatedAt: z.string(),
});
export type TeacherDetail = z.infer<typeof ZTeacherDetail>;

/** A bank the user may read (towns and centres), for filters and the form. */
export const ZBank = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(['town', 'centre']),
  townName: z.string().nullable().describe('For a centre: its town'),
  canKeep: z.boolean(),
});
export type Bank = z.infer<typeof ZBank>;

/** The teacher bank (师资库). */
export const teachersApi = defineEndpoints('teachers', {
  banks: {
    method: 'GET',
    path: '/api/teacher-banks',
    summary: 'The town and centre banks I may read, and whether I keep each',
    policy: { roles: TEACHER_READER_ROLES },
    responses: { 200: z.object({ banks: z.array(ZBank) }) },
  },
  ...resourceEndpoints(
    '/api/teachers',
    { read: { roles: TEACHER_READER_ROLES }, write: { roles: TEACHER_BANK_ROLES } },
    {
      list: ['Teachers of the banks I may read, filtered and paged', ZTeacherQuery, ZTeacherPage],
      one: ['One teacher with status history and what I may do', ZTeacherDetail],
      create: ['Add a teacher to a town or centre bank', ZTeacherCreate],
      update: ['Edit a teacher (the status changes through its own endpoint)', ZTeacherUpdate, ZTeacherDetail],
    },
  ),
  export: {
    method: 'GET',
    path: '/api/teachers/export.xlsx',
    summary: 'The teacher list as .xlsx with its filters (streamed; phones masked as in the list); audited',
    policy: { roles: TEACHER_READER_ROLES },
    query: ZTeacherQuery.omit(WITHOUT_PAGING),
    produces: XLSX,
  },
  changeStatus: {
    method: 'POST',
    path: '/api/teachers/:id/status',
    summary: 'Change the status (active, paused, left) with date and reason; appends to the history',
    policy: { roles: TEACHER_BANK_ROLES },
    params: ZIdParams,
    body: ZStatusChange,
    responses: { 200: ZTeacherDetail },
  },
});
