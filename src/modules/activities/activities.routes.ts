import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ACTIVITY_KEEPER_ROLES,
  ACTIVITY_READER_ROLES,
  ZActivityCreate,
  ZActivityDetail,
  ZActivityOptions,
  ZActivityPage,
  ZActivityQuery,
  ZActivityUpdate,
  ZCancel,
  ZIdParams,
  ZOptionsQuery,
  ZPhotoAdd,
  ZPhotoParams,
  ZRecords,
  ZRecordsInput,
  ZRegister,
  ZRegisterResult,
  ZRegistrationList,
  ZRegParams,
  ZStatusChange,
} from './activities.contract';
import { ACTIVITY_RULE_ROLES } from './activities.roles';
import { findActivities, getActivity, getOptions } from './activities.service';
import {
  addPhoto,
  cancelByStaff,
  findRegistrations,
  getRecords,
  registerByStaff,
  removePhoto,
  saveRecords,
} from './activity-records.service';
import { cancelActivity, changeStatus } from './activity-status.service';
import { createActivity, updateActivity } from './activity-write.service';
import {
  ZBookableCreate,
  ZBookablePage,
  ZBookableQuery,
  ZBookableUpdate,
  ZBookings,
  ZBookingsQuery,
  ZCountyParams,
  ZRules,
  ZRulesInput,
} from './venues.contract';
import { createBookable, findBookables, findBookings, findRules, setRules, updateBookable } from './venues.service';

const ZOk = z.object({ ok: z.literal(true) });
const ZIds = z.object({ id: z.string(), ids: z.array(z.string()) });

/** Activities (活动/课堂): series, bookings, status, registrations, records; venues and equipment. */
export const activityRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ['activities'];
  const readers = { roles: ACTIVITY_READER_ROLES };
  const keepers = { roles: ACTIVITY_KEEPER_ROLES };

  app.get(
    '/api/activities',
    {
      config: { policy: readers },
      schema: {
        tags,
        summary: 'Activities of the centres in my reach, by centre, month, status, theme',
        querystring: ZActivityQuery,
        response: { 200: ZActivityPage },
      },
    },
    async (req) => findActivities({ db: db(), actor: req.actor!, query: req.query }),
  );

  app.get(
    '/api/activities/:id',
    {
      config: { policy: readers },
      schema: {
        tags,
        summary: 'One activity with bookings, series, counts and what I may do',
        params: ZIdParams,
        response: { 200: ZActivityDetail },
      },
    },
    async (req) => getActivity({ db: db(), actor: req.actor!, id: req.params.id }),
  );

  app.get(
    '/api/activity-options',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'What the form offers for a centre: venues, equipment, teachers, courses, units, themes, notice days',
        querystring: ZOptionsQuery,
        response: { 200: ZActivityOptions },
      },
    },
    async (req) => getOptions({ db: db(), actor: req.actor!, centreId: req.query.centreId }),
  );

  app.post(
    '/api/activities',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Create an activity or a weekly series; clashes are refused, short notice needs confirmShortNotice',
        body: ZActivityCreate,
        response: { 201: ZIds },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createActivity({ db: db(), actor: req.actor!, input: req.body })),
  );

  app.put(
    '/api/activities/:id',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Edit an activity, or it and the rest of its series',
        params: ZIdParams,
        body: ZActivityUpdate,
        response: { 200: z.object({ ids: z.array(z.string()) }) },
      },
    },
    async (req) => updateActivity({ db: db(), actor: req.actor!, id: req.params.id, input: req.body }),
  );

  app.post(
    '/api/activities/:id/status',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Open registration, or mark done (pays credits granted when done)',
        params: ZIdParams,
        body: ZStatusChange,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await changeStatus({ db: db(), actor: req.actor!, id: req.params.id, status: req.body.status });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/activities/:id/cancel',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Cancel with a reason (one or the rest of the series); registrants are told',
        params: ZIdParams,
        body: ZCancel,
        response: { 200: z.object({ ids: z.array(z.string()) }) },
      },
    },
    async (req) => cancelActivity({ db: db(), actor: req.actor!, id: req.params.id, input: req.body }),
  );

  app.get(
    '/api/activities/:id/registrations',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Registrations: places, the waiting list in order, cancelled',
        params: ZIdParams,
        response: { 200: ZRegistrationList },
      },
    },
    async (req) => findRegistrations({ db: db(), actor: req.actor!, id: req.params.id }),
  );

  app.post(
    '/api/activities/:id/registrations',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Register a resident (a place, else the waiting list)',
        params: ZIdParams,
        body: ZRegister,
        response: { 200: ZRegisterResult },
      },
    },
    async (req) => registerByStaff({ db: db(), actor: req.actor!, id: req.params.id, residentId: req.body.residentId }),
  );

  app.post(
    '/api/activities/:id/registrations/:residentId/cancel',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Cancel a registration; the first waitlisted gets the place',
        params: ZRegParams,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await cancelByStaff({ db: db(), actor: req.actor!, id: req.params.id, residentId: req.params.residentId });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/activities/:id/records',
    {
      config: { policy: readers },
      schema: {
        tags,
        summary: 'News article, lecture notes, summary and photos',
        params: ZIdParams,
        response: { 200: ZRecords },
      },
    },
    async (req) => getRecords({ db: db(), actor: req.actor!, id: req.params.id }),
  );

  app.put(
    '/api/activities/:id/records',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Save the news article, lecture notes and summary',
        params: ZIdParams,
        body: ZRecordsInput,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await saveRecords({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/activities/:id/photos',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Attach a photo uploaded through POST /api/files',
        params: ZIdParams,
        body: ZPhotoAdd,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await addPhoto({
        db: db(),
        actor: req.actor!,
        id: req.params.id,
        fileId: req.body.fileId,
        caption: req.body.caption,
      });
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/activities/:id/photos/:fileId',
    {
      config: { policy: keepers },
      schema: { tags, summary: 'Remove a photo from the activity', params: ZPhotoParams, response: { 200: ZOk } },
    },
    async (req) => {
      await removePhoto({ db: db(), actor: req.actor!, id: req.params.id, fileId: req.params.fileId });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/venues',
    {
      config: { policy: readers },
      schema: {
        tags,
        summary: 'Venues or equipment of the towns and centres in my reach',
        querystring: ZBookableQuery,
        response: { 200: ZBookablePage },
      },
    },
    async (req) => findBookables({ db: db(), actor: req.actor!, query: req.query }),
  );

  app.post(
    '/api/venues',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Add a venue or an item of equipment to a town or centre',
        body: ZBookableCreate,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createBookable({ db: db(), actor: req.actor!, input: req.body })),
  );

  app.put(
    '/api/venues/:id',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Edit a venue or item, or take it out of use',
        params: ZIdParams,
        body: ZBookableUpdate,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await updateBookable({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/venues/:id/bookings',
    {
      config: { policy: readers },
      schema: {
        tags,
        summary: 'What holds a venue or item from today on',
        params: ZIdParams,
        querystring: ZBookingsQuery,
        response: { 200: ZBookings },
      },
    },
    async (req) => findBookings({ db: db(), actor: req.actor!, id: req.params.id, kind: req.query.kind }),
  );

  app.get(
    '/api/activity-rules',
    {
      config: { policy: readers },
      schema: { tags, summary: 'The booking notice (days ahead) of my county', response: { 200: ZRules } },
    },
    async (req) => findRules({ db: db(), actor: req.actor! }),
  );

  app.put(
    '/api/activity-rules/:countyId',
    {
      config: { policy: { roles: ACTIVITY_RULE_ROLES } },
      schema: {
        tags,
        summary: 'Set the county’s booking notice (county admins)',
        params: ZCountyParams,
        body: ZRulesInput,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await setRules({ db: db(), actor: req.actor!, countyId: req.params.countyId, days: req.body.noticeDays });
      return { ok: true as const };
    },
  );
};
