import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ROLES, TEACHER_BANK_ROLES } from '../../shared/roles';
import { ZCountyParams, ZNormFields, ZStaffingPage, ZStaffingQuery } from './staffing.contract';
import { findStaffing, setNorm } from './staffing.service';
import {
  NORM_ROLES,
  STAFFING_READER_ROLES,
  TEACHER_READER_ROLES,
  ZBank,
  ZIdParams,
  ZStatusChange,
  ZTeacherCreate,
  ZTeacherDetail,
  ZTeacherPage,
  ZTeacherQuery,
  ZTeacherUpdate,
} from './teachers.contract';
import { changeStatus, createTeacher, findBanks, findTeachers, getTeacher, updateTeacher } from './teachers.service';
import {
  ZHoursPage,
  ZHoursQuery,
  ZHoursReview,
  ZHoursSubmit,
  ZMyHours,
  ZRecordQuery,
  ZServiceRecord,
} from './volunteer.contract';
import { findHours, findMyHours, getServiceRecord, reviewHours, submitHours } from './volunteer.service';

const ZOk = z.object({ ok: z.literal(true) });

/** The teacher bank (师资库), volunteer hours and the staffing norm. */
export const teacherRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ['teachers'];
  const readers = { roles: TEACHER_READER_ROLES };
  const keepers = { roles: TEACHER_BANK_ROLES };

  app.get(
    '/api/teacher-banks',
    {
      config: { policy: readers },
      schema: {
        tags,
        summary: 'The town and centre banks I may read, and whether I keep each',
        response: { 200: z.object({ banks: z.array(ZBank) }) },
      },
    },
    async (req) => ({ banks: await findBanks({ db: db(), actor: req.actor! }) }),
  );

  app.get(
    '/api/teachers',
    {
      config: { policy: readers },
      schema: {
        tags,
        summary: 'Teachers of the banks I may read, filtered and paged',
        querystring: ZTeacherQuery,
        response: { 200: ZTeacherPage },
      },
    },
    async (req) => findTeachers({ db: db(), actor: req.actor!, query: req.query }),
  );

  app.get(
    '/api/teachers/:id',
    {
      config: { policy: readers },
      schema: {
        tags,
        summary: 'One teacher with status history and what I may do',
        params: ZIdParams,
        response: { 200: ZTeacherDetail },
      },
    },
    async (req) => getTeacher({ db: db(), actor: req.actor!, id: req.params.id }),
  );

  app.post(
    '/api/teachers',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Add a teacher to a town or centre bank',
        body: ZTeacherCreate,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await createTeacher({ db: db(), actor: req.actor!, input: req.body })),
  );

  app.put(
    '/api/teachers/:id',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Edit a teacher (the status changes through its own endpoint)',
        params: ZIdParams,
        body: ZTeacherUpdate,
        response: { 200: ZTeacherDetail },
      },
    },
    async (req) => {
      await updateTeacher({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
      return getTeacher({ db: db(), actor: req.actor!, id: req.params.id });
    },
  );

  app.post(
    '/api/teachers/:id/status',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Change the status (active, paused, left) with date and reason; appends to the history',
        params: ZIdParams,
        body: ZStatusChange,
        response: { 200: ZTeacherDetail },
      },
    },
    async (req) => {
      await changeStatus({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
      return getTeacher({ db: db(), actor: req.actor!, id: req.params.id });
    },
  );

  app.get(
    '/api/teachers/:id/service-record',
    {
      config: { policy: { roles: ROLES } },
      schema: {
        tags,
        summary: '志愿服务记录证明: approved hours in a date range (the volunteer or the keepers of the bank)',
        params: ZIdParams,
        querystring: ZRecordQuery,
        response: { 200: ZServiceRecord },
      },
    },
    async (req) => getServiceRecord({ db: db(), actor: req.actor!, teacherId: req.params.id, query: req.query }),
  );

  app.get(
    '/api/volunteer-hours/mine',
    {
      config: { policy: { roles: ROLES } },
      schema: {
        tags,
        summary: 'My teacher entries, the centres where I may serve, and my hours',
        querystring: ZHoursQuery,
        response: { 200: ZMyHours },
      },
    },
    async (req) => findMyHours({ db: db(), actor: req.actor!, query: req.query }),
  );

  app.get(
    '/api/volunteer-hours',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Hours served at centres I keep a bank over (for review)',
        querystring: ZHoursQuery,
        response: { 200: ZHoursPage },
      },
    },
    async (req) => findHours({ db: db(), actor: req.actor!, query: req.query }),
  );

  app.post(
    '/api/volunteer-hours',
    {
      config: { policy: { roles: ROLES } },
      schema: {
        tags,
        summary: 'Log my own service hours (my teacher entry must be linked to my account)',
        body: ZHoursSubmit,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await submitHours({ db: db(), actor: req.actor!, input: req.body })),
  );

  app.post(
    '/api/volunteer-hours/:id/review',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Approve or reject pending hours (not my own); a rejection needs a note',
        params: ZIdParams,
        body: ZHoursReview,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await reviewHours({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/staffing',
    {
      config: { policy: { roles: STAFFING_READER_ROLES } },
      schema: {
        tags,
        summary: 'Each centre in my reach: active full-time / part-time teachers against the county norm',
        querystring: ZStaffingQuery,
        response: { 200: ZStaffingPage },
      },
    },
    async (req) => findStaffing({ db: db(), actor: req.actor!, query: req.query }),
  );

  app.put(
    '/api/staffing-norms/:countyId',
    {
      config: { policy: { roles: NORM_ROLES } },
      schema: {
        tags,
        summary: 'Set the staffing norm of a county (county admins)',
        params: ZCountyParams,
        body: ZNormFields,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await setNorm({ db: db(), actor: req.actor!, countyId: req.params.countyId, input: req.body });
      return { ok: true as const };
    },
  );
};
