import { z } from 'zod';
import { defineEndpoints } from '../../shared/endpoint';
import { NODE_LEVELS } from '../../shared/roles';
import { ZCountyParams, ZOk, zBodyText, zId, zLongText, zOptText, zYear } from '../../shared/schemas';
import {
  REPORT_READER_ROLES,
  REPORT_REVIEWER_ROLES,
  REPORT_SETTINGS_ROLES,
  REPORT_WRITER_ROLES,
} from './reports.policy';

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/**
 * How a report stands against the deadline: on time, late, missing (deadline passed), pending (not
 * yet due), not required (a month before the county's start month that has no report).
 */
export const REPORT_TIMINGS = ['on_time', 'late', 'missing', 'pending', 'not_required'] as const;
export type ReportTiming = (typeof REPORT_TIMINGS)[number];

const ZMonthKey = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'msg:invalid' })
  .describe('A month, YYYY-MM (China time)');

/** What a report counts, from the records (kept statistics, activities, records, plans). */
export const ZFigures = z.object({
  /** Activities held (a series counts once) and sessions (each activity). */
  activities: z.number().int(),
  sessions: z.number().int(),
  participants: z.number().int().describe('Distinct residents who signed in'),
  personTimes: z.number().int(),
  hours: z.number(),
  byTheme: z.array(
    z.object({ theme: z.string(), label: z.string(), sessions: z.number().int(), personTimes: z.number().int() }),
  ),
  groups: z.array(z.object({ tag: z.string(), label: z.string(), residents: z.number().int() })),
  photos: z.number().int(),
  news: z.number().int(),
  planned: z.number().int().describe('Activities the plan had for the period'),
  /** A town's report: the centres whose accepted reports it includes. */
  included: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type Figures = z.infer<typeof ZFigures>;

const ZNode = z.object({ id: z.string(), name: z.string(), level: z.enum(NODE_LEVELS) });
export type ReportNode = z.infer<typeof ZNode>;
const ZRate = z.object({
  total: z.number().int().describe('The reports required: not_required is not counted in it'),
  on_time: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  pending: z.number().int(),
  not_required: z.number().int(),
});
export type ReportRate = z.infer<typeof ZRate>;

const ZBrief = z.object({
  node: ZNode,
  month: z.string(),
  status: z.enum(REPORT_STATUSES).nullable().describe('Null: not started'),
  timing: z.enum(REPORT_TIMINGS),
  submittedAt: z.string().nullable(),
  resubmissions: z.number().int(),
  /** For a town under a county: how its centres reported. */
  rate: ZRate.nullable(),
});
export type ReportBrief = z.infer<typeof ZBrief>;

export const ZOverview = z.object({
  node: ZNode,
  month: z.string(),
  deadline: z.string().describe('YYYY-MM-DD, China time'),
  own: ZBrief.nullable().describe('The node’s own report (centres and towns)'),
  year: z.array(ZBrief).describe('The node’s own reports, month by month of the year'),
  children: z.array(ZBrief).describe('Reports from the level below: a town’s centres, a county’s towns'),
  rate: ZRate.describe('How the level below reported (a county: its towns; a town: its centres)'),
  centresRate: ZRate.nullable().describe('A county: how all the centres of its towns reported'),
});
export type Overview = z.infer<typeof ZOverview>;

export const ZReport = z.object({
  node: ZNode,
  month: z.string(),
  status: z.enum(REPORT_STATUSES).nullable(),
  timing: z.enum(REPORT_TIMINGS),
  body: z.string(),
  live: ZFigures,
  frozen: ZFigures.nullable().describe('As at the last submission'),
  changedSignIns: z.number().int().describe('Sign-ins written, changed or removed since the last submission'),
  deadline: z.string(),
  lockDate: z.string().describe('After this day the records of a submitted month are locked'),
  locked: z.boolean(),
  unlocked: z.boolean(),
  unlockReason: z.string().nullable(),
  late: z.boolean(),
  resubmissions: z.number().int(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  can: z.object({ write: z.boolean(), review: z.boolean() }),
});
export type Report = z.infer<typeof ZReport>;

export const ZSummary = z.object({
  node: ZNode,
  year: z.number().int(),
  status: z.enum(['draft', 'submitted']).nullable(),
  body: z.string(),
  live: ZFigures,
  frozen: ZFigures.nullable(),
  submittedAt: z.string().nullable(),
  months: z.array(ZBrief),
  can: z.object({ write: z.boolean() }),
});
export type Summary = z.infer<typeof ZSummary>;

export const ZReportSettings = z.object({
  deadlineDay: z.number().int().min(1).max(28),
  lockDay: z.number().int().min(1).max(28),
  startMonth: ZMonthKey.nullable().describe(
    '起报月份: the first month reports are required (YYYY-MM); null: the month of the county’s first report, or last month if earlier or none',
  ),
});
export type ReportSettings = z.infer<typeof ZReportSettings>;

const ZReportParams = z.object({ nodeId: zId, month: ZMonthKey });
const ZSummaryParams = z.object({ nodeId: zId, year: zYear });
const ZExportQuery = z.object({ format: z.enum(['xlsx', 'docx']) });
const ZText = z.object({ body: zBodyText(5000) });

const read = { roles: REPORT_READER_ROLES };
const write = { roles: REPORT_WRITER_ROLES };
const review = { roles: REPORT_REVIEWER_ROLES };
const FILE = 'application/octet-stream';

/** Monthly reports (月报), the annual summary (年度总结) and the county's reporting calendar. */
export const reportsApi = defineEndpoints('reports', {
  overview: {
    method: 'GET',
    path: '/api/monthly-reports',
    summary: 'A node’s reports for a month: its own, those from the level below, and the reporting rate',
    policy: read,
    query: z.object({ nodeId: zId, month: ZMonthKey }),
    responses: { 200: ZOverview },
  },
  get: {
    method: 'GET',
    path: '/api/monthly-reports/:nodeId/:month',
    summary: 'A monthly report: live and frozen figures, text, status, lock',
    policy: read,
    params: ZReportParams,
    responses: { 200: ZReport },
  },
  save: {
    method: 'PUT',
    path: '/api/monthly-reports/:nodeId/:month',
    summary: 'Save the text of the node’s own report (a draft or a returned report)',
    policy: write,
    params: ZReportParams,
    body: ZText,
    responses: { 200: ZOk },
  },
  submit: {
    method: 'POST',
    path: '/api/monthly-reports/:nodeId/:month/submit',
    summary: 'Submit (or resubmit) the report: its figures are frozen as they are now',
    policy: write,
    params: ZReportParams,
    body: ZText,
    responses: { 200: ZOk },
  },
  review: {
    method: 'POST',
    path: '/api/monthly-reports/:nodeId/:month/review',
    summary: 'Accept a submitted report, or return it with a comment (the level above)',
    policy: review,
    params: ZReportParams,
    body: z.object({ decision: z.enum(['accept', 'return']), comment: zOptText(500) }),
    responses: { 200: ZOk },
  },
  lock: {
    method: 'POST',
    path: '/api/monthly-reports/:nodeId/:month/lock',
    summary: 'Unlock a submitted month’s records with a reason, or lock them again (the level above)',
    policy: review,
    params: ZReportParams,
    body: z.object({ unlock: z.boolean(), reason: zOptText(500) }),
    responses: { 200: ZOk },
  },
  exportReport: {
    method: 'GET',
    path: '/api/monthly-reports/:nodeId/:month/export',
    summary: 'The report as an Excel or Word file',
    policy: read,
    params: ZReportParams,
    query: ZExportQuery,
    produces: FILE,
  },
  summary: {
    method: 'GET',
    path: '/api/annual-summaries/:nodeId/:year',
    summary: 'The annual summary of a centre or town: the year’s figures and text',
    policy: read,
    params: ZSummaryParams,
    responses: { 200: ZSummary },
  },
  saveSummary: {
    method: 'PUT',
    path: '/api/annual-summaries/:nodeId/:year',
    summary: 'Save (and with submit, submit) the annual summary’s text; submitting freezes the figures',
    policy: write,
    params: ZSummaryParams,
    body: z.object({ body: zLongText(10000), submit: z.boolean() }),
    responses: { 200: ZOk },
  },
  exportSummary: {
    method: 'GET',
    path: '/api/annual-summaries/:nodeId/:year/export',
    summary: 'The annual summary as an Excel or Word file',
    policy: read,
    params: ZSummaryParams,
    query: ZExportQuery,
    produces: FILE,
  },
  settings: {
    method: 'GET',
    path: '/api/report-settings/:countyId',
    summary: 'The county’s reporting calendar: deadline day and lock day of the next month, start month',
    policy: read,
    params: ZCountyParams,
    responses: {
      200: ZReportSettings.extend({
        start: ZMonthKey.describe('The start month in effect (startMonth, or as it follows when none is set)'),
        canEdit: z.boolean(),
      }),
    },
  },
  setSettings: {
    method: 'PUT',
    path: '/api/report-settings/:countyId',
    summary: 'Set the county’s deadline and lock days and its start month (county admins)',
    policy: { roles: REPORT_SETTINGS_ROLES },
    params: ZCountyParams,
    body: ZReportSettings,
    responses: { 200: ZOk },
  },
});

/** yyyymm of a YYYY-MM key, and back. */
export const monthNumber = (key: string) => Number(key.slice(0, 4)) * 100 + Number(key.slice(5, 7));
export const monthKey = (n: number) => `${Math.floor(n / 100)}-${String(n % 100).padStart(2, '0')}`;

/** The figure lines of a report, in the order a report reads: a label (zh, en) and a value. */
export function figureLines(f: Figures): { key: string; label: [string, string]; value: string | number }[] {
  return [
    { key: 'activities', label: ['开展活动（项）', 'Activities'], value: f.activities },
    { key: 'sessions', label: ['活动场次', 'Sessions'], value: f.sessions },
    { key: 'planned', label: ['计划场次', 'Planned sessions'], value: f.planned },
    { key: 'participants', label: ['参与人数（去重）', 'Participants (distinct)'], value: f.participants },
    { key: 'personTimes', label: ['参与人次', 'Person-times'], value: f.personTimes },
    { key: 'hours', label: ['学时', 'Hours'], value: f.hours },
    { key: 'photos', label: ['活动照片（张）', 'Photos'], value: f.photos },
    { key: 'news', label: ['通讯稿（篇）', 'News articles'], value: f.news },
    ...f.byTheme.map((t) => ({
      key: `theme:${t.theme}`,
      label: [`主题：${t.label}`, `Theme: ${t.theme}`] as [string, string],
      value: `${t.sessions} / ${t.personTimes}`,
    })),
    ...f.groups.map((g) => ({
      key: `group:${g.tag}`,
      label: [`重点人群：${g.label}`, `Group: ${g.tag}`] as [string, string],
      value: g.residents,
    })),
    ...(f.included.length
      ? [
          {
            key: 'included',
            label: ['汇总的村（社区）月报', 'Centre reports included'] as [string, string],
            value: f.included.map((c) => c.name).join('、'),
          },
        ]
      : []),
  ];
}
