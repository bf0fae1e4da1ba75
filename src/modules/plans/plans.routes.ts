import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  PLAN_KEEPER_ROLES,
  PLAN_READER_ROLES,
  SCHEDULE_KEEPER_ROLES,
  ZIdParams,
  ZPlan,
  ZPlanItemCreate,
  ZPlanItemUpdate,
  ZPlanQuery,
  ZSchedule,
  ZScheduleCreate,
  ZScheduleQuery,
  ZScheduleUpdate,
  ZVersusPage,
  ZVersusQuery,
} from './plans.contract';
import { createPlanItem, findVersus, getPlan, removePlanItem, updatePlanItem } from './plans.service';
import { createScheduleItem, getSchedule, removeScheduleItem, updateScheduleItem } from './schedule.service';

const ZOk = z.object({ ok: z.literal(true) });

/** Centres' annual plans, the towns' 配档表, and plan versus actual. */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ['plans'];
  const readers = { roles: PLAN_READER_ROLES };
  const keepers = { roles: PLAN_KEEPER_ROLES };
  const scheduleKeepers = { roles: SCHEDULE_KEEPER_ROLES };

  app.get(
    '/api/plans',
    {
      config: { policy: readers },
      schema: {
        tags,
        summary: 'A centre’s annual plan: planned activities per month, and those held',
        querystring: ZPlanQuery,
        response: { 200: ZPlan },
      },
    },
    async (req) => getPlan({ db: db(), actor: req.actor!, centreId: req.query.centreId, year: req.query.year }),
  );

  app.post(
    '/api/plans',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Add a planned activity to a centre’s plan',
        body: ZPlanItemCreate,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createPlanItem({ db: db(), actor: req.actor!, input: req.body })),
  );

  app.put(
    '/api/plans/:id',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Edit a planned activity',
        params: ZIdParams,
        body: ZPlanItemUpdate,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await updatePlanItem({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/plans/:id',
    {
      config: { policy: keepers },
      schema: { tags, summary: 'Remove a planned activity', params: ZIdParams, response: { 200: ZOk } },
    },
    async (req) => {
      await removePlanItem({ db: db(), actor: req.actor!, id: req.params.id });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/schedules',
    {
      config: { policy: readers },
      schema: {
        tags,
        summary: 'A town’s 配档表 for a year: months × work items × responsible units',
        querystring: ZScheduleQuery,
        response: { 200: ZSchedule },
      },
    },
    async (req) => getSchedule({ db: db(), actor: req.actor!, townId: req.query.townId, year: req.query.year }),
  );

  app.post(
    '/api/schedules',
    {
      config: { policy: scheduleKeepers },
      schema: {
        tags,
        summary: 'Add a work item to a town’s 配档表',
        body: ZScheduleCreate,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createScheduleItem({ db: db(), actor: req.actor!, input: req.body })),
  );

  app.put(
    '/api/schedules/:id',
    {
      config: { policy: scheduleKeepers },
      schema: {
        tags,
        summary: 'Edit a work item of the 配档表',
        params: ZIdParams,
        body: ZScheduleUpdate,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await updateScheduleItem({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/schedules/:id',
    {
      config: { policy: scheduleKeepers },
      schema: { tags, summary: 'Remove a work item of the 配档表', params: ZIdParams, response: { 200: ZOk } },
    },
    async (req) => {
      await removeScheduleItem({ db: db(), actor: req.actor!, id: req.params.id });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/plan-versus-actual',
    {
      config: { policy: readers },
      schema: {
        tags,
        summary: 'Every centre in reach × month: planned, held, and the at-least-2-a-month rule met or missed',
        querystring: ZVersusQuery,
        response: { 200: ZVersusPage },
      },
    },
    async (req) => findVersus({ db: db(), actor: req.actor!, query: req.query }),
  );
};
