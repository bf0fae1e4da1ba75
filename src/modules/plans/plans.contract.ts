import { z } from 'zod';
import { defineEndpoints, resourceEndpoints } from '../../shared/endpoint';
import { ZPageQuery, zPage } from '../../shared/pagination';
import { ZNamedRef, orNull, zId, zIds, zLongText, zOptLongText, zOptText, zText, zYear } from '../../shared/schemas';
import { PLAN_KEEPER_ROLES, PLAN_READER_ROLES, SCHEDULE_KEEPER_ROLES } from './plans.policy';

/** The rule of the seed plans: every centre holds at least this many activities a month. */
export const MIN_ACTIVITIES_PER_MONTH = 2;

export const PLAN_LIMITS = {
  title: 100,
  note: 300,
  workItem: 200,
  responsibleText: 200,
  units: 10,
  scheduleNote: 500,
} as const;

const zMonthNo = z.number().int().min(1).max(12);

export const ZPlanItemFields = z.object({
  month: zMonthNo,
  title: zText(PLAN_LIMITS.title),
  theme: zText(24),
  responsibleUnitId: orNull(zId),
  note: zOptLongText(PLAN_LIMITS.note),
});
export const ZPlanItemCreate = ZPlanItemFields.extend({ centreId: zId, year: zYear });
export type PlanItemCreate = z.infer<typeof ZPlanItemCreate>;
export const ZPlanItemUpdate = ZPlanItemFields;
export type PlanItemUpdate = z.infer<typeof ZPlanItemUpdate>;

export const ZPlanQuery = z.object({ centreId: zId, year: zYear });
export const ZPlanItem = z.object({
  id: z.string(),
  month: z.number().int(),
  title: z.string(),
  theme: z.string(),
  responsibleUnitId: z.string().nullable(),
  responsibleUnitName: z.string().nullable(),
  note: z.string().nullable(),
});
export type PlanItem = z.infer<typeof ZPlanItem>;
export const ZPlan = z.object({
  centre: ZNamedRef,
  town: ZNamedRef.nullable().describe('The centre’s town (its 配档表)'),
  year: z.number().int(),
  items: z.array(ZPlanItem),
  actual: z.array(z.number().int()).length(12).describe('Activities held (open or done) per month, January first'),
  canKeep: z.boolean(),
});
export type Plan = z.infer<typeof ZPlan>;

export const ZScheduleFields = z.object({
  month: zMonthNo,
  workItem: zLongText(PLAN_LIMITS.workItem),
  unitIds: zIds(PLAN_LIMITS.units).describe('Responsible units of the tree'),
  responsibleText: zOptText(PLAN_LIMITS.responsibleText).describe('Responsible parties not in the tree'),
  note: zOptLongText(PLAN_LIMITS.scheduleNote),
});
export const ZScheduleCreate = ZScheduleFields.extend({ townId: zId, year: zYear });
export type ScheduleCreate = z.infer<typeof ZScheduleCreate>;
export const ZScheduleUpdate = ZScheduleFields;
export type ScheduleUpdate = z.infer<typeof ZScheduleUpdate>;
export const ZScheduleQuery = z.object({ townId: zId, year: zYear });
export const ZScheduleItem = z.object({
  id: z.string(),
  month: z.number().int(),
  workItem: z.string(),
  unitIds: z.array(z.string()),
  unitNames: z.array(z.string()),
  responsibleText: z.string().nullable(),
  note: z.string().nullable(),
});
export type ScheduleItem = z.infer<typeof ZScheduleItem>;
export const ZSchedule = z.object({
  town: ZNamedRef,
  year: z.number().int(),
  items: z.array(ZScheduleItem),
  units: z.array(ZNamedRef).describe('Units the form may pick: the town’s and the county’s'),
  canKeep: z.boolean(),
});
export type Schedule = z.infer<typeof ZSchedule>;

export const ZVersusQuery = ZPageQuery.extend({
  year: zYear,
  nodeId: zId.optional().describe('Centres under this node'),
});
export const ZVersusMonth = z.object({
  planned: z.number().int(),
  actual: z.number().int(),
  met: z
    .boolean()
    .nullable()
    .describe(`At least ${MIN_ACTIVITIES_PER_MONTH} held; null for a month not over yet that is not met so far`),
});
export const ZVersusRow = z.object({
  id: z.string(),
  centreName: z.string(),
  townName: z.string(),
  months: z.array(ZVersusMonth).length(12),
  monthsMet: z.number().int(),
  monthsMissed: z.number().int(),
});
export type VersusRow = z.infer<typeof ZVersusRow>;
export const ZVersusPage = zPage(ZVersusRow).extend({ min: z.number().int() });
export type VersusPage = z.infer<typeof ZVersusPage>;

const readers = { roles: PLAN_READER_ROLES };
const keepers = { roles: PLAN_KEEPER_ROLES };
const scheduleKeepers = { roles: SCHEDULE_KEEPER_ROLES };

const scheduleWork = resourceEndpoints(
  '/api/schedules',
  { write: scheduleKeepers },
  {
    create: ['Add a work item to a town’s 配档表', ZScheduleCreate],
    update: ['Edit a work item of the 配档表', ZScheduleUpdate],
    remove: 'Remove a work item of the 配档表',
  },
);

/** Centres' annual plans (年度计划), the towns' 配档表, and plan versus actual. */
export const plansApi = defineEndpoints('plans', {
  plan: {
    method: 'GET',
    path: '/api/plans',
    summary: 'A centre’s annual plan: planned activities per month, and those held',
    policy: readers,
    query: ZPlanQuery,
    responses: { 200: ZPlan },
  },
  ...resourceEndpoints(
    '/api/plans',
    { write: keepers },
    {
      create: ['Add a planned activity to a centre’s plan', ZPlanItemCreate],
      update: ['Edit a planned activity', ZPlanItemUpdate],
      remove: 'Remove a planned activity',
    },
  ),
  schedule: {
    method: 'GET',
    path: '/api/schedules',
    summary: 'A town’s 配档表 for a year: months × work items × responsible units',
    policy: readers,
    query: ZScheduleQuery,
    responses: { 200: ZSchedule },
  },
  createWork: scheduleWork.create,
  updateWork: scheduleWork.update,
  removeWork: scheduleWork.remove,
  versus: {
    method: 'GET',
    path: '/api/plan-versus-actual',
    summary: 'Every centre in reach × month: planned, held, and the at-least-2-a-month rule met or missed',
    policy: readers,
    query: ZVersusQuery,
    responses: { 200: ZVersusPage },
  },
});
