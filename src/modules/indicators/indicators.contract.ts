import { z } from 'zod';
import { defineEndpoints } from '../../shared/endpoint';
import { NODE_LEVELS } from '../../shared/roles';
import { ZCountyParams, ZOk, zId, zYear } from '../../shared/schemas';
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
 * population for the year is missing (never 0 %).
 */
export const INDICATOR_STATUSES = ['met', 'missed', 'no_target', 'no_data', 'no_population'] as const;
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

export const indicatorsApi = defineEndpoints('indicators', {
  report: {
    method: 'GET',
    path: '/api/indicators',
    summary: 'The indicators of a node for a year or a month, with its trend and the grid of the nodes below',
    policy: { roles: INDICATOR_READER_ROLES },
    query: ZIndicatorQuery,
    responses: { 200: ZIndicatorReport },
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
