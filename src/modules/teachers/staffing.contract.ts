import { z } from 'zod';
import { ZPageQuery, zPage } from '../../shared/pagination';
import { defineEndpoints } from '../../shared/endpoint';
import { ZCountyParams, ZOk, zFlag, zId } from '../../shared/schemas';
import { NORM_ROLES, STAFFING_READER_ROLES } from './teachers.policy';

export const DEFAULT_NORM = { fullTimeMin: 2, partTimeMin: 3, partTimeMax: 5 } as const;

export const ZNormFields = z.object({
  fullTimeMin: z.number().int().min(0).max(50),
  partTimeMin: z.number().int().min(0).max(50),
  partTimeMax: z.number().int().min(0).max(50),
});
export type NormFields = z.infer<typeof ZNormFields>;

export const ZNorm = ZNormFields.extend({ countyId: z.string(), countyName: z.string(), canEdit: z.boolean() });
export type Norm = z.infer<typeof ZNorm>;

/** Why a centre misses the norm: one item per rule broken. */
export const SHORTFALLS = ['full_time_below', 'part_time_below', 'part_time_above'] as const;
export const ZShortfall = z.object({ kind: z.enum(SHORTFALLS), actual: z.number().int(), limit: z.number().int() });
export type Shortfall = z.infer<typeof ZShortfall>;

export const ZCentreStaffing = z.object({
  nodeId: z.string(),
  name: z.string(),
  townName: z.string().nullable(),
  fullTime: z.number().int().describe('Active full-time teachers in the centre bank'),
  partTime: z.number().int().describe('Active part-time teachers in the centre bank'),
  met: z.boolean(),
  shortfalls: z.array(ZShortfall),
});
export type CentreStaffing = z.infer<typeof ZCentreStaffing>;

export const ZStaffingQuery = ZPageQuery.extend({
  nodeId: zId.optional().describe('Only centres under this node'),
  met: zFlag,
});
export type StaffingQuery = z.infer<typeof ZStaffingQuery>;

export const ZStaffingPage = zPage(ZCentreStaffing).extend({
  norms: z.array(ZNorm),
  summary: z.object({ centres: z.number().int(), met: z.number().int() }),
});
export type StaffingPage = z.infer<typeof ZStaffingPage>;

/** The rules of the norm, for one centre (pure: the page and the tests use it). */
export function staffingShortfalls(norm: NormFields, fullTime: number, partTime: number): Shortfall[] {
  const out: Shortfall[] = [];
  if (fullTime < norm.fullTimeMin) out.push({ kind: 'full_time_below', actual: fullTime, limit: norm.fullTimeMin });
  if (partTime < norm.partTimeMin) out.push({ kind: 'part_time_below', actual: partTime, limit: norm.partTimeMin });
  if (partTime > norm.partTimeMax) out.push({ kind: 'part_time_above', actual: partTime, limit: norm.partTimeMax });
  return out;
}

/** The staffing norm (2 full-time, 3–5 part-time per centre) against the bank. */
export const staffingApi = defineEndpoints('teachers', {
  list: {
    method: 'GET',
    path: '/api/staffing',
    summary: 'Each centre in my reach: active full-time / part-time teachers against the county norm',
    policy: { roles: STAFFING_READER_ROLES },
    query: ZStaffingQuery,
    responses: { 200: ZStaffingPage },
  },
  setNorm: {
    method: 'PUT',
    path: '/api/staffing-norms/:countyId',
    summary: 'Set the staffing norm of a county (county admins)',
    policy: { roles: NORM_ROLES },
    params: ZCountyParams,
    body: ZNormFields,
    responses: { 200: ZOk },
  },
});
