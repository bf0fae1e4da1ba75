import { z } from 'zod';
import { defineEndpoints } from '../../shared/endpoint';
import { NODE_LEVELS } from '../../shared/roles';
import { ZPageQuery } from '../../shared/pagination';
import { ZCountyParams, ZOk, zId, zKey, zYear } from '../../shared/schemas';
import { MEASURES } from './indicators.measures';
import { INDICATOR_READER_ROLES, TARGET_KEEPER_ROLES } from './indicators.policy';

export const ZMeasure = z.enum(MEASURES);
const ZDirection = z.enum(['at_least', 'at_most']);

/** A county's target for a measure in a year (the default when the county has not set one). */
export const ZTargetFields = z.object({
  measure: ZMeasure,
  enabled: z.boolean(),
  threshold: z.number().min(0).max(1_000_000).nullable().describe('Null: shown without a target'),
  direction: ZDirection,
  levels: z.array(z.enum(NODE_LEVELS)).min(1).max(4),
});
export type TargetFields = z.infer<typeof ZTargetFields>;

export const ZTarget = ZTargetFields.extend({ isDefault: z.boolean().describe('Not set by the county: the default') });
export type Target = z.infer<typeof ZTarget>;

export const ZTargets = z.object({
  countyId: z.string(),
  countyName: z.string(),
  year: z.number().int(),
  canEdit: z.boolean(),
  targets: z.array(ZTarget),
});
export type Targets = z.infer<typeof ZTargets>;

export const ZTargetsBody = z.object({
  year: zYear,
  targets: z.array(ZTargetFields).min(1).max(MEASURES.length).describe('Each measure at most once'),
});

/**
 * met / missed: judged against the target. no_target: shown without a target (none set, or not at
 * this level). no_data: cedu does not record it yet. no_population: a rate whose resident
 * population for the year is missing (never 0 %). small_sample: a survey rate with fewer respondents
 * than the county's minimum sample (numerator and denominator still given).
 */
export const INDICATOR_STATUSES = ['met', 'missed', 'no_target', 'no_data', 'no_population', 'small_sample'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

export const ZIndicatorValue = z.object({
  measure: ZMeasure,
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  threshold: z.number().nullable(),
  direction: ZDirection,
  status: z.enum(INDICATOR_STATUSES),
  /** For a measure judged at a lower level (a town's centres): how many of them meet it. */
  meeting: z.object({ met: z.number().int(), of: z.number().int() }).nullable(),
});
export type IndicatorValue = z.infer<typeof ZIndicatorValue>;

const ZNodeBrief = z.object({ id: z.string(), name: z.string(), level: z.enum(NODE_LEVELS) });

export const ZIndicatorReport = z.object({
  node: ZNodeBrief,
  countyId: z.string().describe('The county whose targets judge these values'),
  year: z.number().int(),
  month: z.number().int().nullable(),
  population: z.number().int().nullable().describe('Resident population of the node for the year'),
  values: z.array(ZIndicatorValue),
  /** The same measures by month of the year (value per month; null where not computable). */
  trend: z.array(z.object({ measure: ZMeasure, months: z.array(z.number().nullable()).length(12) })),
  /** The grid: each town (of a county) or centre (of a town) and unit, with its values. */
  children: z.array(
    z.object({ node: ZNodeBrief, population: z.number().int().nullable(), values: z.array(ZIndicatorValue) }),
  ),
  /** Residents of each special group living here who took part (counts only, never names). */
  groups: z.array(z.object({ tag: z.string(), label: z.string(), residentsReached: z.number().int() })),
});
export type IndicatorReport = z.infer<typeof ZIndicatorReport>;

export const ZIndicatorQuery = z.object({
  nodeId: zId,
  year: zYear,
  month: z.coerce.number().int().min(1).max(12).optional().describe('A month of the year; none: the whole year'),
});
export type IndicatorQuery = z.infer<typeof ZIndicatorQuery>;

/** What a drill-down lists: a measure's records, or (special_group with a tag) a group's residents reached. */
export const RECORD_MEASURES = [...MEASURES, 'special_group'] as const;
export type RecordMeasure = (typeof RECORD_MEASURES)[number];

export const ZRecordsQuery = ZIndicatorQuery.extend({
  measure: z.enum(RECORD_MEASURES),
  tag: zKey(24).optional().describe('The special group (with measure special_group)'),
  ...ZPageQuery.shape,
});
export type RecordsQuery = z.infer<typeof ZRecordsQuery>;

const ZRecordActivity = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  centreName: z.string(),
  theme: z.string(),
  status: z.string(),
  personTimes: z.number().int(),
  hours: z.number(),
});
const ZRecordResident = z.object({
  id: z.string(),
  name: z.string().describe('Masked (张*) when the resident lives outside the reader’s reach'),
  villageName: z.string(),
  times: z.number().int(),
  hours: z.number().nullable(),
});
export type RecordResident = z.infer<typeof ZRecordResident>;

/**
 * The records behind a value: its activities, or the residents who took part. `namesShown`
 * false: a reader without the right to read residents (or, for a special group, the sensitive
 * right) gets the count alone, `residents` empty.
 */
export const ZRecords = z.object({
  node: ZNodeBrief,
  measure: z.enum(RECORD_MEASURES),
  tag: z.string().nullable(),
  tagLabel: z.string().nullable(),
  year: z.number().int(),
  month: z.number().int().nullable(),
  kind: z.enum(['activities', 'residents']),
  namesShown: z.boolean(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  activities: z.array(ZRecordActivity),
  residents: z.array(ZRecordResident),
});
export type Records = z.infer<typeof ZRecords>;

const ZFigures = z.object({
  activitiesHeld: z.number().int(),
  participants: z.number().int(),
  personTimes: z.number().int(),
  hours: z.number(),
});

/** The dashboards of a node for a year (or a month of it): every table the charts draw. */
export const ZDashboard = z.object({
  node: ZNodeBrief,
  countyId: z.string(),
  year: z.number().int(),
  month: z.number().int().nullable(),
  /** Each month of the year. */
  months: z.array(ZFigures.extend({ month: z.number().int() })).length(12),
  themes: z.array(
    z.object({ theme: z.string(), activitiesHeld: z.number().int(), personTimes: z.number().int(), hours: z.number() }),
  ),
  /** Every centre under the node. */
  centres: z.array(ZFigures.extend({ node: ZNodeBrief })),
  groups: z.array(z.object({ tag: z.string(), label: z.string(), residentsReached: z.number().int() })),
  /** Every centre's attainment of every indicator judged at centres. */
  attainment: z.object({
    measures: z.array(ZMeasure),
    rows: z.array(z.object({ node: ZNodeBrief, values: z.array(ZIndicatorValue) })),
  }),
  /** The towns of the county compared (a county only; empty below). */
  towns: z.array(
    z.object({ node: ZNodeBrief, population: z.number().int().nullable(), values: z.array(ZIndicatorValue) }),
  ),
});
export type Dashboard = z.infer<typeof ZDashboard>;

export const DASHBOARD_TABLES = ['months', 'themes', 'centres', 'groups', 'attainment', 'towns'] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];
export const ZDashboardExportQuery = ZIndicatorQuery.extend({
  table: z.enum(DASHBOARD_TABLES).optional().describe('One table; none: every table, a sheet each'),
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const indicatorsApi = defineEndpoints('indicators', {
  report: {
    method: 'GET',
    path: '/api/indicators',
    summary: 'The indicators of a node for a year or a month, with its trend and the grid of the nodes below',
    policy: { roles: INDICATOR_READER_ROLES },
    query: ZIndicatorQuery,
    responses: { 200: ZIndicatorReport },
  },
  records: {
    method: 'GET',
    path: '/api/indicators/records',
    summary:
      'The records behind a value: its activities or the residents who took part (names as the reader may see them)',
    policy: { roles: INDICATOR_READER_ROLES },
    query: ZRecordsQuery,
    responses: { 200: ZRecords },
  },
  recordsExport: {
    method: 'GET',
    path: '/api/indicators/records.xlsx',
    summary: 'The records behind a value as .xlsx (the whole list; names as the reader may see them)',
    policy: { roles: INDICATOR_READER_ROLES },
    query: ZRecordsQuery.omit({ page: true, pageSize: true }),
    produces: XLSX,
  },
  dashboard: {
    method: 'GET',
    path: '/api/indicators/dashboard',
    summary:
      'The dashboards of a node: by month, theme, centre, special group; the centres’ attainment; towns compared',
    policy: { roles: INDICATOR_READER_ROLES },
    query: ZIndicatorQuery,
    responses: { 200: ZDashboard },
  },
  dashboardExport: {
    method: 'GET',
    path: '/api/indicators/dashboard.xlsx',
    summary: 'The dashboards’ tables as .xlsx (one table, or all of them a sheet each)',
    policy: { roles: INDICATOR_READER_ROLES },
    query: ZDashboardExportQuery,
    produces: XLSX,
  },
  targets: {
    method: 'GET',
    path: '/api/indicator-targets/:countyId',
    summary: 'A county’s targets for a year (defaults where it set none)',
    policy: { roles: INDICATOR_READER_ROLES },
    params: ZCountyParams,
    query: z.object({ year: zYear }),
    responses: { 200: ZTargets },
  },
  setTargets: {
    method: 'PUT',
    path: '/api/indicator-targets/:countyId',
    summary: 'Set a county’s targets for a year (county admins)',
    policy: { roles: TARGET_KEEPER_ROLES },
    params: ZCountyParams,
    body: ZTargetsBody,
    responses: { 200: ZOk },
  },
});
