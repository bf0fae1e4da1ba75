import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ROLES } from '../../shared/roles';
import { LIMITS } from '../../shared/limits';
import {
  ZLeaders,
  ZNodeCreate,
  ZNodeDetail,
  ZNodeIdParams,
  ZNodeMove,
  ZNodeUpdate,
  ZPopulation,
  ZTreeNode,
} from './org.contract';
import {
  createNode,
  findTree,
  getNode,
  moveNode,
  removeNode,
  removePopulation,
  setLeaders,
  setPopulation,
  updateNode,
} from './org.service';

const anyRole = { roles: ROLES };
const ZOk = z.object({ ok: z.literal(true) });
const ZYearParams = ZNodeIdParams.extend({ year: z.coerce.number().int().min(LIMITS.yearMin).max(LIMITS.yearMax) });

/** The organisation tree. Handlers: validate (schema) → authorize and act (service) → answer. */
export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ['organisations'];

  app.get(
    '/api/org/tree',
    {
      config: { policy: anyRole },
      schema: {
        tags,
        summary: 'Every node the user may see, flat, ordered by depth',
        response: { 200: z.object({ nodes: z.array(ZTreeNode) }) },
      },
    },
    async (req) => ({ nodes: await findTree({ db: db(), actor: req.actor! }) }),
  );

  app.get(
    '/api/org/nodes/:id',
    {
      config: { policy: anyRole },
      schema: {
        tags,
        summary: 'One node with populations, leadership group and what the user may do',
        params: ZNodeIdParams,
        response: { 200: ZNodeDetail },
      },
    },
    async (req) => getNode({ db: db(), actor: req.actor!, id: req.params.id }),
  );

  app.post(
    '/api/org/nodes',
    {
      config: { policy: anyRole },
      schema: {
        tags,
        summary: 'Create a node under a parent',
        body: ZNodeCreate,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await createNode({ db: db(), actor: req.actor!, input: req.body })),
  );

  app.put(
    '/api/org/nodes/:id',
    {
      config: { policy: anyRole },
      schema: {
        tags,
        summary: 'Edit a node',
        params: ZNodeIdParams,
        body: ZNodeUpdate,
        response: { 200: ZNodeDetail },
      },
    },
    async (req) => {
      await updateNode({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
      return getNode({ db: db(), actor: req.actor!, id: req.params.id });
    },
  );

  app.post(
    '/api/org/nodes/:id/move',
    {
      config: { policy: anyRole },
      schema: {
        tags,
        summary: 'Move a node (and its subtree) under another parent',
        params: ZNodeIdParams,
        body: ZNodeMove,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await moveNode({ db: db(), actor: req.actor!, id: req.params.id, newParentId: req.body.newParentId });
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/org/nodes/:id',
    {
      config: { policy: anyRole },
      schema: {
        tags,
        summary: 'Delete a node without children or records',
        params: ZNodeIdParams,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await removeNode({ db: db(), actor: req.actor!, id: req.params.id });
      return { ok: true as const };
    },
  );

  app.put(
    '/api/org/nodes/:id/populations/:year',
    {
      config: { policy: anyRole },
      schema: {
        tags,
        summary: 'Set the resident population of a year',
        params: ZYearParams,
        body: ZPopulation.pick({ population: true }),
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await setPopulation({
        db: db(),
        actor: req.actor!,
        id: req.params.id,
        year: req.params.year,
        population: req.body.population,
      });
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/org/nodes/:id/populations/:year',
    {
      config: { policy: anyRole },
      schema: { tags, summary: 'Remove the population of a year', params: ZYearParams, response: { 200: ZOk } },
    },
    async (req) => {
      await removePopulation({ db: db(), actor: req.actor!, id: req.params.id, year: req.params.year });
      return { ok: true as const };
    },
  );

  app.put(
    '/api/org/nodes/:id/leaders',
    {
      config: { policy: anyRole },
      schema: {
        tags,
        summary: 'Replace the leadership group (领导小组)',
        params: ZNodeIdParams,
        body: ZLeaders,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await setLeaders({ db: db(), actor: req.actor!, id: req.params.id, leaders: req.body.leaders });
      return { ok: true as const };
    },
  );
};
