import { z } from 'zod';
import { defineEndpoints, resourceEndpoints, WITHOUT_PAGING, XLSX } from '../../shared/endpoint';
import { ZPageQuery, zList, zPage } from '../../shared/pagination';
import {
  ZCreated,
  ZIdParams,
  ZNamedRef,
  ZOk,
  orNull,
  zBodyText,
  zId,
  zIds,
  zLongText,
  zOptText,
  zSearch,
  zText,
} from '../../shared/schemas';
import { labelled } from '../../shared/locale';
import { ACTIVITY_KEEPER_ROLES, ACTIVITY_READER_ROLES } from './activities.policy';

export const [ACTIVITY_FORMS, ACTIVITY_FORM_LABELS] = labelled({
  lecture: { zh: '讲座', en: 'Lecture' },
  training: { zh: '培训', en: 'Training' },
  forum: { zh: '座谈', en: 'Discussion' },
  practice: { zh: '实践', en: 'Practice' },
  performance: { zh: '文艺', en: 'Performance' },
  online: { zh: '线上', en: 'Online' },
});
export type ActivityForm = (typeof ACTIVITY_FORMS)[number];

export const [ACTIVITY_STATUSES, ACTIVITY_STATUS_LABELS] = labelled({
  planned: { zh: '计划中', en: 'Planned' },
  open: { zh: '报名中', en: 'Open' },
  done: { zh: '已完成', en: 'Done' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
});
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** Limits of the activity forms, declared once for server and web. */
export const ACTIVITY_LIMITS = {
  title: 100,
  audience: 200,
  place: 200,
  description: 2000,
  cancelReason: 300,
  teachers: 10,
  equipment: 20,
  capacityMax: 10_000,
  hoursMax: 100,
  creditsMax: 1000,
  repeatMax: 52,
  newsTitle: 100,
  text: 20_000,
  photos: 30,
  caption: 100,
  venueName: 60,
  noticeDaysMax: 60,
} as const;

/** Default: a booking fewer than this many days ahead asks for confirmation (a county may change it). */
export const DEFAULT_NOTICE_DAYS = 3;

const zMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .describe('YYYY-MM (China time)');
const zInstant = z.iso.datetime({ offset: true }).describe('ISO 8601 with offset, e.g. 2026-11-24T09:00:00+08:00');

/** The fields of the one activity form, for both create and edit. */
export const ZActivityFields = z.object({
  title: zText(ACTIVITY_LIMITS.title),
  theme: zText(24).describe('A theme key of the county'),
  form: z.enum(ACTIVITY_FORMS),
  courseId: orNull(zId).describe('An approved course of the county (optional)'),
  responsibleUnitId: orNull(zId).describe('The unit responsible (optional)'),
  startsAt: zInstant,
  endsAt: zInstant,
  venueId: orNull(zId).describe('A venue of the centre or its town'),
  place: zOptText(ACTIVITY_LIMITS.place).describe('Where, when not a booked venue'),
  equipmentIds: zIds(ACTIVITY_LIMITS.equipment),
  teacherIds: zIds(ACTIVITY_LIMITS.teachers).describe('Teachers of the centre’s or its town’s bank'),
  capacity: orNull(z.number().int().min(1).max(ACTIVITY_LIMITS.capacityMax)).describe('Places; none: no limit'),
  audience: zOptText(ACTIVITY_LIMITS.audience),
  hours: z.number().positive().max(ACTIVITY_LIMITS.hoursMax).multipleOf(0.5),
  credits: z.number().min(0).max(ACTIVITY_LIMITS.creditsMax).multipleOf(0.5).default(0),
  description: zBodyText(ACTIVITY_LIMITS.description),
  confirmShortNotice: z
    .boolean()
    .default(false)
    .describe('Booking fewer than the county’s notice days ahead: confirmed by the user'),
});
export type ActivityFields = z.infer<typeof ZActivityFields>;

export const ZActivityCreate = ZActivityFields.extend({
  centreId: zId,
  repeatWeeks: z
    .number()
    .int()
    .min(1)
    .max(ACTIVITY_LIMITS.repeatMax)
    .default(1)
    .describe('A series: the same weekday and time for this many weeks (1: a single activity)'),
});
export type ActivityCreate = z.infer<typeof ZActivityCreate>;

export const SERIES_SCOPES = ['one', 'following'] as const;
export type SeriesScope = (typeof SERIES_SCOPES)[number];
export const ZActivityUpdate = ZActivityFields.extend({
  scope: z
    .enum(SERIES_SCOPES)
    .default('one')
    .describe('following: this and the later sessions of its series (times shift by the same amount)'),
});
export type ActivityUpdate = z.infer<typeof ZActivityUpdate>;

export const ZStatusChange = z.object({ status: z.enum(['open', 'done']) });
export const ZCancel = z.object({
  reason: zLongText(ACTIVITY_LIMITS.cancelReason),
  scope: z.enum(SERIES_SCOPES).default('one'),
});
export type Cancel = z.infer<typeof ZCancel>;

export const ZActivityQuery = ZPageQuery.extend({
  centreId: zId.optional().describe('This centre or town (its subtree)'),
  month: zMonth.optional(),
  status: z.enum(ACTIVITY_STATUSES).optional(),
  theme: zSearch(24),
  q: zSearch(64).describe('Part of the title'),
});
export type ActivityQuery = z.infer<typeof ZActivityQuery>;

export const ZActivity = z.object({
  id: z.string(),
  title: z.string(),
  theme: z.string(),
  form: z.enum(ACTIVITY_FORMS),
  centreId: z.string(),
  centreName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  venueName: z.string().nullable(),
  place: z.string().nullable(),
  capacity: z.number().nullable(),
  registered: z.number().int(),
  waitlisted: z.number().int(),
  status: z.enum(ACTIVITY_STATUSES),
  seriesId: z.string().nullable(),
});
export type Activity = z.infer<typeof ZActivity>;
export const ZActivityPage = zPage(ZActivity);

export const ZActivityDetail = ZActivity.extend({
  courseId: z.string().nullable(),
  courseTitle: z.string().nullable(),
  responsibleUnitId: z.string().nullable(),
  responsibleUnitName: z.string().nullable(),
  venueId: z.string().nullable(),
  equipment: z.array(ZNamedRef),
  teachers: z.array(ZNamedRef),
  audience: z.string().nullable(),
  hours: z.number(),
  credits: z.number(),
  description: z.string(),
  cancelReason: z.string().nullable(),
  series: z
    .array(z.object({ id: z.string(), startsAt: z.string(), status: z.enum(ACTIVITY_STATUSES) }))
    .describe('All sessions of its series'),
  signIns: z.object({ confirmed: z.number().int(), pending: z.number().int() }).describe('From the sign-in list'),
  signInCredits: z
    .object({ credits: z.number(), grantAt: z.enum(['sign_in', 'done']) })
    .describe('What one full attendance earns under the county’s credit rule for the theme, and when it is paid'),
  permissions: z.object({ update: z.boolean() }),
  updatedAt: z.string(),
});
export type ActivityDetail = z.infer<typeof ZActivityDetail>;

export const ZRegistration = z.object({
  id: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  status: z.enum(['registered', 'waitlisted', 'cancelled']),
  notice: z.string().nullable(),
  createdAt: z.string(),
});
export type Registration = z.infer<typeof ZRegistration>;
export const ZRegistrationList = zList(ZRegistration);
export const ZRegister = z.object({ residentId: zId });
export const ZRegisterResult = z.object({ status: z.enum(['registered', 'waitlisted']) });

export const ZRecordsInput = z.object({
  newsTitle: zOptText(ACTIVITY_LIMITS.newsTitle),
  newsBody: zBodyText(ACTIVITY_LIMITS.text),
  lectureNotes: zBodyText(ACTIVITY_LIMITS.text),
  summary: zBodyText(ACTIVITY_LIMITS.text),
});
export type RecordsInput = z.infer<typeof ZRecordsInput>;
export const ZPhoto = z.object({
  fileId: z.string(),
  caption: z.string().nullable(),
  url: z.string(),
  thumbnailUrl: z.string().nullable(),
});
export type Photo = z.infer<typeof ZPhoto>;
export const ZRecords = z.object({
  newsTitle: z.string().nullable(),
  newsBody: z.string(),
  lectureNotes: z.string(),
  summary: z.string(),
  photos: z.array(ZPhoto),
  updatedAt: z.string().nullable(),
});
export type Records = z.infer<typeof ZRecords>;
export const ZPhotoAdd = z.object({ fileId: zId, caption: zOptText(ACTIVITY_LIMITS.caption) });

export const ZRegParams = z.object({ id: zId, residentId: zId });
export const ZPhotoParams = z.object({ id: zId, fileId: zId });

/** What the activity form offers for one centre: its and its town's venues, equipment and teachers, the county's approved courses. */
export const ZActivityOptions = z.object({
  venues: z.array(ZNamedRef.extend({ seats: z.number().nullable() })),
  equipment: z.array(ZNamedRef),
  teachers: z.array(ZNamedRef),
  courses: z.array(ZNamedRef.extend({ theme: z.string(), form: z.string(), hours: z.number(), credits: z.number() })),
  units: z.array(ZNamedRef),
  themes: z.array(z.object({ key: z.string(), nameZh: z.string(), nameEn: z.string() })),
  noticeDays: z.number().int(),
});
export type ActivityOptions = z.infer<typeof ZActivityOptions>;
export const ZOptionsQuery = z.object({ centreId: zId });

/** The sessions a write touched (a series: each of them). */
const ZIds = z.object({ ids: z.array(z.string()) });

const readers = { roles: ACTIVITY_READER_ROLES };
const keepers = { roles: ACTIVITY_KEEPER_ROLES };

const activityCrud = resourceEndpoints(
  '/api/activities',
  { read: readers, write: keepers },
  {
    list: ['Activities of the centres in my reach, by centre, month, status, theme', ZActivityQuery, ZActivityPage],
    one: ['One activity with bookings, series, counts and what I may do', ZActivityDetail],
    create: [
      'Create an activity or a weekly series; clashes are refused, short notice needs confirmShortNotice',
      ZActivityCreate,
      ZCreated.extend(ZIds.shape),
    ],
    update: ['Edit an activity, or it and the rest of its series', ZActivityUpdate, ZIds],
  },
);

export const activitiesApi = defineEndpoints('activities', {
  list: activityCrud.list,
  export: {
    method: 'GET',
    path: '/api/activities/export.xlsx',
    summary: 'The activity list as .xlsx with its filters (streamed); audited',
    policy: readers,
    query: ZActivityQuery.omit(WITHOUT_PAGING),
    produces: XLSX,
  },
  one: activityCrud.one,
  options: {
    method: 'GET',
    path: '/api/activity-options',
    summary: 'What the form offers for a centre: venues, equipment, teachers, courses, units, themes, notice days',
    policy: keepers,
    query: ZOptionsQuery,
    responses: { 200: ZActivityOptions },
  },
  create: activityCrud.create,
  update: activityCrud.update,
  changeStatus: {
    method: 'POST',
    path: '/api/activities/:id/status',
    summary: 'Open registration, or mark done (pays credits granted when done)',
    policy: keepers,
    params: ZIdParams,
    body: ZStatusChange,
    responses: { 200: ZOk },
  },
  cancel: {
    method: 'POST',
    path: '/api/activities/:id/cancel',
    summary: 'Cancel with a reason (one or the rest of the series); registrants are told',
    policy: keepers,
    params: ZIdParams,
    body: ZCancel,
    responses: { 200: ZIds },
  },
  registrations: {
    method: 'GET',
    path: '/api/activities/:id/registrations',
    summary: 'Registrations: places, the waiting list in order, cancelled',
    policy: keepers,
    params: ZIdParams,
    responses: { 200: ZRegistrationList },
  },
  register: {
    method: 'POST',
    path: '/api/activities/:id/registrations',
    summary: 'Register a resident (a place, else the waiting list)',
    policy: keepers,
    params: ZIdParams,
    body: ZRegister,
    responses: { 200: ZRegisterResult },
  },
  unregister: {
    method: 'POST',
    path: '/api/activities/:id/registrations/:residentId/cancel',
    summary: 'Cancel a registration; the first waitlisted gets the place',
    policy: keepers,
    params: ZRegParams,
    responses: { 200: ZOk },
  },
  records: {
    method: 'GET',
    path: '/api/activities/:id/records',
    summary: 'News article, lecture notes, summary and photos',
    policy: readers,
    params: ZIdParams,
    responses: { 200: ZRecords },
  },
  saveRecords: {
    method: 'PUT',
    path: '/api/activities/:id/records',
    summary: 'Save the news article, lecture notes and summary',
    policy: keepers,
    params: ZIdParams,
    body: ZRecordsInput,
    responses: { 200: ZOk },
  },
  addPhoto: {
    method: 'POST',
    path: '/api/activities/:id/photos',
    summary: 'Attach a photo uploaded through POST /api/files',
    policy: keepers,
    params: ZIdParams,
    body: ZPhotoAdd,
    responses: { 200: ZOk },
  },
  removePhoto: {
    method: 'DELETE',
    path: '/api/activities/:id/photos/:fileId',
    summary: 'Remove a photo from the activity',
    policy: keepers,
    params: ZPhotoParams,
    responses: { 200: ZOk },
  },
});
