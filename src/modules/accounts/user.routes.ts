import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ADMIN_ROLES } from '../../shared/roles';
import { zId } from '../../shared/schemas';
import {
  ZResetPassword,
  ZRoleAssignment,
  ZUser,
  ZUserCreate,
  ZUserPage,
  ZUserQuery,
  ZUserUpdate,
} from './account.contract';
import { addRole, createUser, findUsers, getUser, removeRole, resetPassword, updateUser } from './user.service';

const admins = { roles: ADMIN_ROLES };
const ZOk = z.object({ ok: z.literal(true) });
const ZIdParams = z.object({ id: zId });

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ['users'];

  app.get(
    '/api/users',
    {
      config: { policy: admins },
      schema: {
        tags,
        summary: 'Accounts whose home node lies in my subtree',
        querystring: ZUserQuery,
        response: { 200: ZUserPage },
      },
    },
    async (req) => findUsers({ db: db(), actor: req.actor!, query: req.query }),
  );

  app.get(
    '/api/users/:id',
    {
      config: { policy: admins },
      schema: { tags, summary: 'One account with its roles', params: ZIdParams, response: { 200: ZUser } },
    },
    async (req) => getUser({ db: db(), actor: req.actor!, id: req.params.id }),
  );

  app.post(
    '/api/users',
    {
      config: { policy: admins },
      schema: {
        tags,
        summary: 'Create an account (must change the password at first sign-in)',
        body: ZUserCreate,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await createUser({ db: db(), actor: req.actor!, input: req.body })),
  );

  app.put(
    '/api/users/:id',
    {
      config: { policy: admins },
      schema: {
        tags,
        summary: 'Edit an account; disabling it ends its sessions',
        params: ZIdParams,
        body: ZUserUpdate,
        response: { 200: ZUser },
      },
    },
    async (req) => {
      await updateUser({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
      return getUser({ db: db(), actor: req.actor!, id: req.params.id });
    },
  );

  app.post(
    '/api/users/:id/password',
    {
      config: { policy: admins },
      schema: {
        tags,
        summary: 'Set a new password for an account and sign it out',
        params: ZIdParams,
        body: ZResetPassword,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await resetPassword({ db: db(), actor: req.actor!, id: req.params.id, password: req.body.password });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/users/:id/roles',
    {
      config: { policy: admins },
      schema: {
        tags,
        summary: 'Give a role on a node',
        params: ZIdParams,
        body: ZRoleAssignment,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addRole({ db: db(), actor: req.actor!, userId: req.params.id, input: req.body })),
  );

  app.delete(
    '/api/users/:id/roles/:assignmentId',
    {
      config: { policy: admins },
      schema: {
        tags,
        summary: 'Take a role away',
        params: ZIdParams.extend({ assignmentId: zId }),
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await removeRole({ db: db(), actor: req.actor!, userId: req.params.id, assignmentId: req.params.assignmentId });
      return { ok: true as const };
    },
  );
};
