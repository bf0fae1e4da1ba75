import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RESIDENT_ROLES } from '../../shared/roles';
import { createHousehold, findHouseholds, getHousehold, updateHousehold } from './household.service';
import {
  ZCountyParams,
  ZHouseholdDetail,
  ZHouseholdFields,
  ZHouseholdPage,
  ZHouseholdQuery,
  ZResidentIdParams,
  ZTagDefCreate,
  ZTagDefList,
  ZTagDefUpdate,
  ZTagParams,
} from './people.contract';
import { STATS_ROLES, TAG_ADMIN_ROLES } from './people.policy';
import { createTagDef, findTagDefs, removeTagDef, updateTagDef } from './tag.service';

const keepers = { roles: RESIDENT_ROLES };
const ZOk = z.object({ ok: z.literal(true) });

/** Households (户) and the county's special-group tag list. */
export const householdRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ['residents'];

  app.get(
    '/api/households',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Households of my subtree',
        querystring: ZHouseholdQuery,
        response: { 200: ZHouseholdPage },
      },
    },
    async (req) => findHouseholds({ db: db(), actor: req.actor!, query: req.query }),
  );

  app.get(
    '/api/households/:id',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'A household with its members (masked)',
        params: ZResidentIdParams,
        response: { 200: ZHouseholdDetail },
      },
    },
    async (req) => getHousehold({ db: db(), actor: req.actor!, protector: app.protector, id: req.params.id }),
  );

  app.post(
    '/api/households',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Create a household in a village',
        body: ZHouseholdFields,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createHousehold({ db: db(), actor: req.actor!, input: req.body })),
  );

  app.put(
    '/api/households/:id',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Edit a household',
        params: ZResidentIdParams,
        body: ZHouseholdFields,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await updateHousehold({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/counties/:countyId/resident-tags',
    {
      config: { policy: { roles: STATS_ROLES } },
      schema: {
        tags,
        summary: 'The county’s special-group tags (the default list on first use)',
        params: ZCountyParams,
        response: { 200: ZTagDefList },
      },
    },
    async (req) => findTagDefs({ db: db(), actor: req.actor!, countyId: req.params.countyId }),
  );

  app.post(
    '/api/counties/:countyId/resident-tags',
    {
      config: { policy: { roles: TAG_ADMIN_ROLES } },
      schema: {
        tags,
        summary: 'Add a tag to the county’s list',
        params: ZCountyParams,
        body: ZTagDefCreate,
        response: { 201: ZOk },
      },
    },
    async (req, reply) => {
      await createTagDef({ db: db(), actor: req.actor!, countyId: req.params.countyId, input: req.body });
      return reply.status(201).send({ ok: true as const });
    },
  );

  app.put(
    '/api/counties/:countyId/resident-tags/:code',
    {
      config: { policy: { roles: TAG_ADMIN_ROLES } },
      schema: {
        tags,
        summary: 'Rename a tag or change whether it is sensitive',
        params: ZTagParams,
        body: ZTagDefUpdate,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await updateTagDef({
        db: db(),
        actor: req.actor!,
        countyId: req.params.countyId,
        code: req.params.code,
        input: req.body,
      });
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/counties/:countyId/resident-tags/:code',
    {
      config: { policy: { roles: TAG_ADMIN_ROLES } },
      schema: { tags, summary: 'Delete a tag no resident carries', params: ZTagParams, response: { 200: ZOk } },
    },
    async (req) => {
      await removeTagDef({ db: db(), actor: req.actor!, countyId: req.params.countyId, code: req.params.code });
      return { ok: true as const };
    },
  );
};
