import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RESIDENT_ROLES } from '../../shared/roles';
import { zId } from '../../shared/schemas';
import { householdRoutes } from './household.routes';
import {
  ZConsentInput,
  ZRemoved,
  ZResidentCreate,
  ZResidentDetail,
  ZResidentExport,
  ZResidentIdParams,
  ZResidentPage,
  ZResidentQuery,
  ZResidentSaved,
  ZResidentStats,
  ZResidentStatsQuery,
  ZResidentUpdate,
  ZReveal,
  ZRevealed,
} from './people.contract';
import { STATS_ROLES } from './people.policy';
import { addConsent, exportResident, removeResident, revealResident, withdrawConsent } from './resident-rights.service';
import { createResident, findResidents, getResident, updateResident } from './resident.service';
import { residentStats } from './stats.service';

const keepers = { roles: RESIDENT_ROLES };
const ZOk = z.object({ ok: z.literal(true) });

/** Residents (居民): roster, one form, the person's rights (reveal, export, delete), consents, counts. */
export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: FastifyRequest) => ({ db: app.database.db, actor: req.actor!, protector: app.protector });
  const tags = ['residents'];

  app.get(
    '/api/residents',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Residents of my subtree; ID numbers and phones masked',
        querystring: ZResidentQuery,
        response: { 200: ZResidentPage },
      },
    },
    async (req) => findResidents({ ...ctx(req), query: req.query }),
  );

  app.get(
    '/api/residents/stats',
    {
      config: { policy: { roles: STATS_ROLES } },
      schema: {
        tags,
        summary: 'Counts per gender, age band and special-group tag (no names)',
        querystring: ZResidentStatsQuery,
        response: { 200: ZResidentStats },
      },
    },
    async (req) => residentStats({ ...ctx(req), nodeId: req.query.nodeId }),
  );

  app.get(
    '/api/residents/:id',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'One resident with consents and what the user may do; sensitive views are audited',
        params: ZResidentIdParams,
        response: { 200: ZResidentDetail },
      },
    },
    async (req) => getResident({ ...ctx(req), id: req.params.id }),
  );

  app.post(
    '/api/residents',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Register a resident together with their consent; a shared phone is a warning',
        body: ZResidentCreate,
        response: { 201: ZResidentSaved },
      },
    },
    async (req, reply) => reply.status(201).send(await createResident({ ...ctx(req), input: req.body })),
  );

  app.put(
    '/api/residents/:id',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Correct a resident (absent phone / ID number: kept)',
        params: ZResidentIdParams,
        body: ZResidentUpdate,
        response: { 200: ZResidentSaved },
      },
    },
    async (req) => updateResident({ ...ctx(req), id: req.params.id, input: req.body }),
  );

  app.delete(
    '/api/residents/:id',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Delete a resident, or anonymise them when other records must stay',
        params: ZResidentIdParams,
        response: { 200: ZRemoved },
      },
    },
    async (req) => removeResident({ ...ctx(req), id: req.params.id }),
  );

  app.post(
    '/api/residents/:id/reveal',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'The full ID number or phone (needs the reveal right; audited)',
        params: ZResidentIdParams,
        body: ZReveal,
        response: { 200: ZRevealed },
      },
    },
    async (req) => revealResident({ ...ctx(req), id: req.params.id, field: req.body.field }),
  );

  app.get(
    '/api/residents/:id/export',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Everything held about the person, as a JSON file (audited)',
        params: ZResidentIdParams,
        response: { 200: ZResidentExport },
      },
    },
    async (req, reply) => {
      const data = await exportResident({ ...ctx(req), id: req.params.id });
      return reply.header('Content-Disposition', `attachment; filename="resident-${req.params.id}.json"`).send(data);
    },
  );

  app.post(
    '/api/residents/:id/consents',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Record a further consent',
        params: ZResidentIdParams,
        body: ZConsentInput,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await addConsent({ ...ctx(req), id: req.params.id, input: req.body })),
  );

  app.post(
    '/api/residents/:id/consents/:consentId/withdraw',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Mark a consent as withdrawn',
        params: ZResidentIdParams.extend({ consentId: zId }),
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await withdrawConsent({ ...ctx(req), id: req.params.id, consentId: req.params.consentId });
      return { ok: true as const };
    },
  );

  await householdRoutes(app, {});
};
